package org.credfolio.catalog.labormarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.credfolio.catalog.Occupation;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A platform admin loads newer releases of the labor-market files: a valid file shows at once, a
 * file with any error changes nothing and says where every problem is.
 */
class LaborMarketLoadTest extends IntegrationTest {
    private static final String LOAD = "mutation($f: LaborMarketFile!, $c: String!) {"
            + " loadLaborMarketFile(file: $f, content: $c) { applied file dataRows occupationsUpdated"
            + " occupationsAdded occupationsCleared problemCount errorCount"
            + " problems { line column value code message severity } } }";
    private static final String OEWS = LaborMarketFilesTest.seed("bls/oews_national_may2024.csv");
    private static final String PROJECTIONS = LaborMarketFilesTest.seed("bls/employment_projections_2024_2034.csv");
    private static final String WELDERS = "51-4121";

    record Problem(int line, String column, String value, String code, String message, String severity) {}

    record Report(
            boolean applied,
            String file,
            int dataRows,
            int occupationsUpdated,
            int occupationsAdded,
            int occupationsCleared,
            int problemCount,
            int errorCount,
            List<Problem> problems) {}

    @Autowired
    MongoOperations mongo;

    private Tenants.World world;

    @BeforeEach
    void world() {
        world = tenants.create();
    }

    @Test
    void aNewerOewsReleaseAppliesAndItsWageShowsAtOnce() {
        wageOf(WELDERS); // cached now: the load must evict it
        String content = edit(OEWS, "OCC_CODE", WELDERS, "A_MEDIAN", "52,340");

        Report report = load("OEWS_NATIONAL", content);

        assertThat(report.applied()).isTrue();
        assertThat(report.errorCount()).isZero();
        assertThat(report.dataRows()).isEqualTo(1403);
        assertThat(report.occupationsUpdated()).isPositive();
        assertThat(wageOf(WELDERS)).isEqualTo(52_340);
        anonymous()
                .document("{ laborMarketReleases { file source dataRows sha256 } }")
                .execute()
                .path("laborMarketReleases[?(@.file == 'OEWS_NATIONAL')].sha256")
                .entityList(String.class)
                .containsExactly(sha256(content));
        assertThat(mongo.exists(
                        query(where("action")
                                .is("labor-market.loaded")
                                .and("detail.sha256")
                                .is(sha256(content))),
                        "audit_log"))
                .isTrue();
    }

    @Test
    void aFileMissingAColumnIsRefusedAndNothingChanges() {
        String content = OEWS.replaceFirst(",A_MEDIAN,", ",A_MEDIAN_2024,");
        Snapshot before = snapshot();

        Report report = load("OEWS_NATIONAL", content);

        assertThat(report.applied()).isFalse();
        assertThat(report.problems())
                .singleElement()
                .isEqualTo(new Problem(
                        1, "A_MEDIAN", null, "MISSING_COLUMN", "The header has no column A_MEDIAN.", "ERROR"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aBadNumberIsReportedWhereItIsAndNoOtherRowIsApplied() {
        String content =
                edit(edit(OEWS, "OCC_CODE", WELDERS, "A_MEDIAN", "60000"), "OCC_CODE", "29-1141", "A_MEDIAN", "93,6OO");
        Snapshot before = snapshot();

        Report report = load("OEWS_NATIONAL", content);

        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf(content, "29-1141"));
            assertThat(p.column()).isEqualTo("A_MEDIAN");
            assertThat(p.value()).isEqualTo("93,6OO");
            assertThat(p.code()).isEqualTo("BAD_NUMBER");
        });
        assertThat(snapshot()).isEqualTo(before);
        assertThat(mongo.findById(WELDERS, Occupation.class).medianAnnualWage()).isNotEqualTo(60_000);
    }

    @Test
    void aMalformedCodeAndADuplicateCodeAreBothReported() {
        String malformed = edit(PROJECTIONS, "Occupation Code", WELDERS, "Occupation Code", "51-41210");
        String content = malformed + PROJECTIONS.lines().skip(1).findFirst().orElseThrow() + "\n";
        Snapshot before = snapshot();

        Report report = load("EMPLOYMENT_PROJECTIONS", content);

        assertThat(report.applied()).isFalse();
        assertThat(report.problems())
                .extracting(Problem::line, Problem::code, Problem::value)
                .containsExactly(
                        tuple(lineOf(malformed, "51-41210"), "BAD_CODE", "51-41210"),
                        tuple((int) content.lines().count(), "DUPLICATE_CODE", "13-2011"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aProjectionsReleaseAddsNewOccupationsAndWithdrawsTheFiguresOfDroppedOnes() {
        mongo.save(new Occupation(
                "19-9099",
                "Dropped Scientists",
                null,
                70_000,
                null,
                1_000,
                1.0,
                4,
                "Master's degree",
                null,
                List.of()));
        String header = PROJECTIONS.lines().findFirst().orElseThrow();
        String content = header + "\n"
                + "\"Welders, cutters, solderers, and brazers    * Welder\",51-4121,457.3,467.2,9.9,2.2,47.1,\"51,000\","
                + "High school diploma or equivalent,7,None,4,Moderate-term on-the-job training,4\n"
                + "Drone pilots,53-2099,10,12,2,20.0,1.5,N/A,Postsecondary nondegree award,5,None,4,None,6\n";

        Report report = load("EMPLOYMENT_PROJECTIONS", content);

        assertThat(report.applied()).isTrue();
        assertThat(report.occupationsAdded()).isEqualTo(1);
        assertThat(report.occupationsCleared()).isPositive();
        Occupation dropped = mongo.findById("19-9099", Occupation.class);
        assertThat(dropped.annualOpenings()).isNull();
        assertThat(dropped.typicalEducation()).isNull();
        assertThat(dropped.medianAnnualWage()).isEqualTo(70_000); // an OEWS figure: not this file's
        assertThat(dropped.title()).isEqualTo("Dropped Scientists");
        anonymous()
                .document("{ occupation(socCode: \"51-4121\") { annualOpenings growthPercent } }")
                .execute()
                .path("occupation.annualOpenings")
                .entity(Integer.class)
                .isEqualTo(47_100);
        assertThat(mongo.findById("53-2099", Occupation.class).title()).isEqualTo("Drone pilots");
    }

    @Test
    void onlyAPlatformAdminMayLoadAFile() {
        for (Tenants.User user : List.of(
                world.learner(),
                world.educatorA(),
                world.registrarA(),
                world.districtAdminA(),
                world.collegeUser(),
                world.employerUser())) {
            loadAs(as(user), "ONET_JOB_ZONES", "O*NET-SOC Code\tJob Zone\n51-4121.00\t3\n")
                    .errors()
                    .expect(e -> "ACCESS_DENIED".equals(e.getExtensions().get("code")))
                    .verify();
        }
        loadAs(anonymous(), "ONET_JOB_ZONES", "O*NET-SOC Code\tJob Zone\n51-4121.00\t3\n")
                .errors()
                .expect(e -> "AUTHENTICATION_REQUIRED".equals(e.getExtensions().get("code")))
                .verify();
        assertThat(mongo.findById(WELDERS, Occupation.class).jobZone()).isEqualTo(2);
    }

    @Test
    void aJobZoneOfSevenIsOutOfRange() {
        String content = "O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source\n"
                + "51-4121.00\tWelders, Cutters, Solderers, and Brazers\t7\t08/2023\tAnalyst\n";

        Report report = load("ONET_JOB_ZONES", content);

        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("Job Zone");
            assertThat(p.value()).isEqualTo("7");
            assertThat(p.code()).isEqualTo("OUT_OF_RANGE");
            assertThat(p.severity()).isEqualTo("ERROR");
        });
        assertThat(mongo.findById(WELDERS, Occupation.class).jobZone()).isEqualTo(2);
    }

    @Test
    void anOnetFileUpdatesKnownOccupationsAndWarnsOfUnknownOnes() {
        String content = "O*NET-SOC Code\tTitle\tJob Zone\n"
                + "51-4121.00\tWelders, Cutters, Solderers, and Brazers\t3\n"
                + "99-9999.00\tNot in the catalog\t2\n";

        Report report = load("ONET_JOB_ZONES", content);

        assertThat(report.applied()).isTrue();
        assertThat(report.occupationsUpdated()).isEqualTo(1);
        assertThat(report.occupationsAdded()).isZero();
        assertThat(report.problems())
                .extracting(Problem::line, Problem::code, Problem::severity)
                .containsExactly(tuple(3, "UNKNOWN_CODE", "WARNING"));
        assertThat(mongo.findById(WELDERS, Occupation.class).jobZone()).isEqualTo(3);
        assertThat(mongo.findById("99-9999", Occupation.class)).isNull();
    }

    /** The occupations and the releases recorded: a refused load leaves both as they were. */
    record Snapshot(List<Occupation> occupations, long releases) {}

    private Snapshot snapshot() {
        return new Snapshot(mongo.findAll(Occupation.class), mongo.count(new Query(), "laborMarketReleases"));
    }

    private Report load(String file, String content) {
        return loadAs(as(world.platformAdmin()), file, content)
                .path("loadLaborMarketFile")
                .entity(Report.class)
                .get();
    }

    private static GraphQlTester.Response loadAs(GraphQlTester tester, String file, String content) {
        return tester.document(LOAD).variable("f", file).variable("c", content).execute();
    }

    private Integer wageOf(String socCode) {
        return anonymous()
                .document("query($s: ID!) { occupation(socCode: $s) { medianAnnualWage } }")
                .variable("s", socCode)
                .execute()
                .path("occupation.medianAnnualWage")
                .entity(Integer.class)
                .get();
    }

    /** The CSV with one cell replaced in every row whose code column holds {@code code}. */
    private static String edit(String csv, String codeColumn, String code, String column, String value) {
        List<Csv.Row> rows = Csv.rows(csv);
        List<String> header = rows.get(0).fields();
        int codeAt = header.indexOf(codeColumn);
        int at = header.indexOf(column);
        StringBuilder out = new StringBuilder();
        for (Csv.Row row : rows) {
            List<String> fields = new ArrayList<>(row.fields());
            if (row.line() > 1 && fields.get(codeAt).equals(code)) {
                fields.set(at, value);
            }
            out.append(fields.stream().map(LaborMarketLoadTest::quoted).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return out.toString();
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /** The line of the first row holding {@code code} as a whole field. */
    private static int lineOf(String csv, String code) {
        return Csv.rows(csv).stream()
                .filter(row -> row.fields().contains(code))
                .findFirst()
                .orElseThrow()
                .line();
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
