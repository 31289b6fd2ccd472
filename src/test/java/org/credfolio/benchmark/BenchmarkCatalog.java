package org.credfolio.benchmark;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialType;
import org.credfolio.catalog.Occupation;
import org.credfolio.catalog.Portability;

/** The benchmark's catalog: 20 occupations and 20 credentials, each preparing for one or two of them. */
final class BenchmarkCatalog {
    private static final String[][] OCCUPATIONS = {
        {"49-3023", "Automotive Service Technicians and Mechanics", "49670"},
        {"51-4121", "Welders, Cutters, Solderers, and Brazers", "51000"},
        {"47-2111", "Electricians", "61590"},
        {"47-2152", "Plumbers, Pipefitters, and Steamfitters", "61550"},
        {"49-9021", "Heating, Air Conditioning, and Refrigeration Mechanics and Installers", "57300"},
        {"15-1232", "Computer User Support Specialists", "60340"},
        {"15-1244", "Network and Computer Systems Administrators", "95360"},
        {"15-1212", "Information Security Analysts", "120360"},
        {"29-2052", "Pharmacy Technicians", "40300"},
        {"31-1131", "Nursing Assistants", "38200"},
        {"29-2042", "Emergency Medical Technicians", "39410"},
        {"31-9092", "Medical Assistants", "42000"},
        {"35-2014", "Cooks, Restaurant", "36110"},
        {"35-1012", "First-Line Supervisors of Food Preparation and Serving Workers", "39210"},
        {"43-3031", "Bookkeeping, Accounting, and Auditing Clerks", "47440"},
        {"53-3032", "Heavy and Tractor-Trailer Truck Drivers", "54320"},
        {"51-4041", "Machinists", "50840"},
        {"47-2031", "Carpenters", "56350"},
        {"39-5012", "Hairdressers, Hairstylists, and Cosmetologists", "35080"},
        {"17-3023", "Electrical and Electronic Engineering Technologists and Technicians", "72800"}
    };
    private static final String[] CREDENTIALS = {
        "ASE Entry-Level Automobile Service Technology",
        "AWS SENSE Level 1 Welder",
        "NCCER Electrical Level 1",
        "NCCER Plumbing Level 1",
        "EPA Section 608 Universal",
        "CompTIA A+",
        "Cisco CCNA",
        "CompTIA Security+",
        "PTCB Certified Pharmacy Technician",
        "Certified Nurse Aide",
        "NREMT Emergency Medical Technician",
        "NHA Certified Clinical Medical Assistant",
        "ServSafe Food Handler",
        "ServSafe Manager",
        "QuickBooks Certified User",
        "Commercial Driver License Class A",
        "NIMS Machining Level I",
        "NCCER Carpentry Level 1",
        "Cosmetology Operator License",
        "ETA Certified Electronics Technician"
    };
    private static final Integer[] RENEWAL_MONTHS = {null, 36, 24, 60, null};

    private BenchmarkCatalog() {}

    /** The name of the {@code i}-th credential (0-based), {@code bench-credential-<i+1>}. */
    static String name(int i) {
        return CREDENTIALS[i];
    }

    static List<Occupation> occupations() {
        List<Occupation> occupations = new ArrayList<>();
        for (String[] o : OCCUPATIONS) {
            occupations.add(new Occupation(
                    o[0],
                    o[1],
                    null,
                    Integer.valueOf(o[2]),
                    null,
                    10_000,
                    3.5,
                    2,
                    "High school diploma",
                    null,
                    List.of()));
        }
        return occupations;
    }

    static List<CredentialDefinition> credentials(Instant now) {
        List<CredentialDefinition> credentials = new ArrayList<>();
        for (int i = 0; i < CREDENTIALS.length; i++) {
            List<String> socCodes = i % 2 == 0
                    ? List.of(OCCUPATIONS[i][0], OCCUPATIONS[(i + 7) % OCCUPATIONS.length][0])
                    : List.of(OCCUPATIONS[i][0]);
            credentials.add(new CredentialDefinition(
                    "bench-credential-%02d".formatted(i + 1),
                    CREDENTIALS[i],
                    CredentialType.CERTIFICATION,
                    null,
                    "Benchmark catalog credential",
                    socCodes,
                    "Benchmark",
                    Portability.NATIONAL,
                    List.of(),
                    RENEWAL_MONTHS[i % RENEWAL_MONTHS.length],
                    new BigDecimal("120.00"),
                    List.of(),
                    null,
                    now));
        }
        return credentials;
    }
}
