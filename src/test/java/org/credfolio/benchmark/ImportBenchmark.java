package org.credfolio.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.keys.IssuerKeys;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Imports as a district does, over HTTP, on the embedded store: after a warm-up file of 3,000
 * rows, an attainment file of 2,000 rows while the district has 1,000 learners; then a OneRoster 1.2 bulk file of 10,000 new learners
 * into the district once it has 10,000; then an attainment file of 30,000 rows (each recorded and
 * issued in both proof forms) over the 20,000 learners. Beside them, in the same run, "raw" issuance:
 * the same credential secured with Data Integrity, signed as a VC-JWT and inserted into the issued
 * credentials' collection, with nothing else, in one thread. The job's own progress ({@code importJob.rowsRead}, polled every 200 ms) gives the time per
 * row over the first and the last tenth of each file; heap is what is in use after a full
 * collection (measured with {@code System.gc()} at each tenth). Run with {@code ./mvnw -Pbenchmark verify -Dbenchmark.which=imports}.
 */
public final class ImportBenchmark {
    private static final int EARLY_LEARNERS = 1_000;
    private static final int ROSTERED = 10_000;
    private static final int ATTAINMENT_ROWS = 30_000;
    private static final String HEADER =
            "student_id,credential,earned_on,expires_on,result,evidence_url,fee_payer,fee_amount\n";

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkLauncher.launch("imports", args, (settings, app, dataDirectory) -> new Run(app).run());
    }

    /** What one job did, from its progress samples. */
    record Followed(long rows, double seconds, double msPerRowFirstTenth, double msPerRowLastTenth, List<Long> heapMb) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private static final class Run {
        private final ConfigurableApplicationContext app;
        private final RestClient http;
        private final MongoOperations mongo;
        private String bearer;

        Run(ConfigurableApplicationContext app) {
            this.app = app;
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            this.http = RestClient.create("http://127.0.0.1:" + port);
            this.mongo = app.getBean(MongoOperations.class);
        }

        void run() throws Exception {
            BenchmarkData data = new BenchmarkData(app);
            BenchmarkData.Loaded loaded = data.load(EARLY_LEARNERS, 0);
            bearer = "Bearer " + login(loaded.username(), loaded.password());

            System.out.println("0. warm-up: attainments, 3,000 rows, district of 1,000 learners");
            follow(upload("/imports/attainments", "warm-up.csv", attainments(0, EARLY_LEARNERS, 3_000, 10)), false);
            System.out.println("1. attainments, 2,000 rows, district of 1,000 learners");
            Followed early = follow(
                    upload("/imports/attainments", "early.csv", attainments(0, EARLY_LEARNERS, 2_000, 0)), false);

            data.addLearners(EARLY_LEARNERS, ROSTERED - EARLY_LEARNERS, 0);
            System.out.println("2. OneRoster bulk file, 10,000 new learners, district of 10,000 learners");
            Followed roster = follow(upload("/imports/oneroster", "oneroster.zip", oneRoster(ROSTERED)), true);
            row("OneRoster 10,000 learners into 10,000", roster);

            System.out.println("3. attainments, 30,000 rows, district of 20,000 learners");
            Followed late = follow(
                    upload("/imports/attainments", "late.csv", attainments(0, 2 * ROSTERED, ATTAINMENT_ROWS, 2)), true);

            double raw = rawIssuance(2_000);
            report(early, roster, late, raw);
        }

        private void report(Followed early, Followed roster, Followed late, double raw) {
            System.out.println();
            System.out.printf(Locale.ROOT, "%-48s %10s %14s %14s%n", "", "rows/s", "ms/row first", "ms/row last");
            row("attainments 2,000 rows at 1,000 learners", early);
            row("OneRoster 10,000 learners into 10,000", roster);
            row("attainments 30,000 rows at 20,000 learners", late);
            System.out.printf(Locale.ROOT, "%-48s %10.1f%n", "raw sign (DI + JWT) + insert", raw);
            System.out.println();
            double ratio = late.rowsPerSecond() / raw;
            // Whole files, not tenths: a tenth of 2,000 rows is a few seconds, within the noise.
            double growth = (1000 / late.rowsPerSecond()) / (1000 / early.rowsPerSecond());
            System.out.printf(
                    Locale.ROOT,
                    "attainment import / raw issuance: %.2f (goal >= 0.5) %s%n",
                    ratio,
                    ratio >= 0.5 ? "MET" : "NOT MET");
            System.out.printf(
                    Locale.ROOT,
                    "time per row at 20,000 learners / at 1,000 (whole files): %.2f (goal <= 1.2) %s%n",
                    growth,
                    growth <= 1.2 ? "MET" : "NOT MET");
            System.out.println("heap after GC during the 30,000-row import (MB, by tenths): " + late.heapMb());
            System.out.println("heap after GC during the OneRoster import (MB, by tenths): " + roster.heapMb());
        }

        private static void row(String name, Followed f) {
            System.out.printf(
                    Locale.ROOT,
                    "%-48s %10.1f %14.2f %14.2f%n",
                    name,
                    f.rowsPerSecond(),
                    f.msPerRowFirstTenth(),
                    f.msPerRowLastTenth());
        }

        /** Rows for learners S-000000.. (loaded) and R-000000.. (rostered), credentials by id or name. */
        private static byte[] attainments(int fromLearner, int learners, int rows, int credentialOffset) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 0; i < rows; i++) {
                int n = fromLearner + i % learners;
                String student = n < ROSTERED ? "S-%06d".formatted(n) : "R-%06d".formatted(n - ROSTERED);
                int credential = 1 + (credentialOffset + i / learners + n) % 20;
                String cell = i % 2 == 0
                        ? "bench-credential-%02d".formatted(credential)
                        : BenchmarkCatalog.name(credential - 1).toUpperCase(Locale.ROOT);
                csv.append(student)
                        .append(',')
                        .append('"')
                        .append(cell)
                        .append('"')
                        .append(",2025-05-")
                        .append(String.format(Locale.ROOT, "%02d", 1 + i % 28))
                        .append(",,Pass,,DISTRICT,120.00\n");
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** A OneRoster 1.2 CSV bulk export of {@code count} students in one new school. */
        private static byte[] oneRoster(int count) throws IOException {
            Map<String, StringBuilder> files = new LinkedHashMap<>();
            files.put(
                    "manifest.csv",
                    new StringBuilder("propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n"
                            + "file.academicSessions,bulk\nfile.orgs,bulk\nfile.users,bulk\nfile.roles,bulk\n"
                            + "file.demographics,bulk\nsource.systemName,Benchmark SIS\n"));
            files.put(
                    "academicSessions.csv",
                    new StringBuilder(
                            "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\n"
                                    + "sy2026,,,2025-2026,schoolYear,2025-08-01,2026-07-31,,2026\n"));
            files.put(
                    "orgs.csv",
                    new StringBuilder(
                            "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                                    + "org-district,,,Benchmark ISD,district,,\norg-school,,,Benchmark Rostered High,school,,org-district\n"));
            StringBuilder users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,username,userIds,"
                    + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,"
                    + "userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,"
                    + "preferredFamilyName,primaryOrgSourcedId,pronouns\n");
            StringBuilder roles = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,roleType,role,"
                    + "beginDate,endDate,orgSourcedId,userProfileSourcedId\n");
            StringBuilder demographics = new StringBuilder(
                    "sourcedId,status,dateLastModified,birthDate,sex,"
                            + "americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,"
                            + "white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,"
                            + "stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus,metadata.economicallyDisadvantaged\n");
            for (int n = 0; n < count; n++) {
                String id = "u-" + n;
                users.append(id)
                        .append(",,,true,,,Rostered")
                        .append(n)
                        .append(",Learner")
                        .append(n % 991)
                        .append(",,R-%06d".formatted(n))
                        .append(",,,,,")
                        .append("%02d".formatted(9 + n % 4))
                        .append(",,,,,,,org-school,\n");
                roles.append("r-").append(n).append(",,,").append(id).append(",primary,student,,,org-school,\n");
                demographics
                        .append(id)
                        .append(",,,2009-01-01,")
                        .append(n % 2 == 0 ? "female" : "male")
                        .append(",false,")
                        .append(n % 5 == 0)
                        .append(",false,false,")
                        .append(n % 5 != 0)
                        .append(",false,")
                        .append(n % 3 == 0)
                        .append(",,,,,")
                        .append(n % 4 == 0)
                        .append('\n');
            }
            files.put("users.csv", users);
            files.put("roles.csv", roles);
            files.put("demographics.csv", demographics);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
                    out.putNextEntry(new ZipEntry(file.getKey()));
                    out.write(file.getValue().toString().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return zip.toByteArray();
        }

        private String upload(String path, String name, byte[] content) {
            LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("file", new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
            Map<?, ?> answer = http.post()
                    .uri(b -> b.path(path)
                            .queryParam("districtId", BenchmarkData.DISTRICT)
                            .queryParam("dryRun", false)
                            .build())
                    .header("Authorization", bearer)
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(parts)
                    .retrieve()
                    .body(Map.class);
            return (String) answer.get("jobId");
        }

        /** Polls the job until it finishes, sampling rows read against time and heap after GC. */
        private Followed follow(String jobId, boolean sampleHeap) throws InterruptedException {
            List<long[]> samples = new ArrayList<>(); // nanos, rowsRead
            List<Long> heap = new ArrayList<>();
            long begin = System.nanoTime();
            long total = 0;
            int nextTenth = 1;
            while (true) {
                Map<?, ?> job = job(jobId);
                long read = ((Number) job.get("rowsRead")).longValue();
                total = ((Number) job.get("rowsTotal")).longValue();
                samples.add(new long[] {System.nanoTime() - begin, read});
                while (sampleHeap && total > 0 && read >= total * nextTenth / 10 && nextTenth <= 10) {
                    heap.add(heapAfterGcMb());
                    nextTenth++;
                }
                String state = (String) job.get("state");
                if ("FAILED".equals(state)) {
                    throw new IllegalStateException("Import failed: " + job.get("failure"));
                }
                if ("SUCCEEDED".equals(state)) {
                    System.out.printf(
                            Locale.ROOT,
                            "   created %s, updated %s, unchanged %s, refused %s of %d rows%n",
                            job.get("created"),
                            job.get("updated"),
                            job.get("unchanged"),
                            job.get("refused"),
                            total);
                    break;
                }
                Thread.sleep(200);
            }
            double seconds = samples.get(samples.size() - 1)[0] / 1e9;
            return new Followed(
                    total,
                    seconds,
                    msPerRow(samples, 0, total / 10),
                    msPerRow(samples, total - total / 10, total),
                    heap);
        }

        /** Milliseconds per row between the moments the job had read {@code from} and {@code to} rows. */
        private static double msPerRow(List<long[]> samples, long from, long to) {
            return (timeAt(samples, to) - timeAt(samples, from)) / 1e6 / Math.max(1, to - from);
        }

        private static double timeAt(List<long[]> samples, long rows) {
            long[] previous = samples.get(0);
            for (long[] s : samples) {
                if (s[1] >= rows) {
                    if (s[1] == previous[1]) {
                        return s[0];
                    }
                    double fraction = (double) (rows - previous[1]) / (s[1] - previous[1]);
                    return previous[0] + fraction * (s[0] - previous[0]);
                }
                previous = s;
            }
            return previous[0];
        }

        private Map<?, ?> job(String jobId) {
            Map<?, ?> answer = http.post()
                    .uri("/graphql")
                    .header("Authorization", bearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "query",
                            "query($id: ID!) { importJob(id: $id) { state rowsTotal rowsRead created updated unchanged"
                                    + " refused failure } }",
                            "variables",
                            Map.of("id", jobId)))
                    .retrieve()
                    .body(Map.class);
            return (Map<?, ?>) ((Map<?, ?>) answer.get("data")).get("importJob");
        }

        /**
         * Securing, signing and inserting a credential the application issued, {@code n} times, each
         * with its own id: what issuance costs without anything around it.
         */
        private double rawIssuance(int n) {
            IssuerKeys keys = app.getBean(IssuerKeys.class);
            Map<String, Object> issued = mongo.findOne(
                    new org.springframework.data.mongodb.core.query.Query(), Map.class, "issued_credentials");
            Map<String, Object> credential =
                    new LinkedHashMap<>(CredentialForms.parseJson((String) issued.get("ldpCredential")));
            credential.remove("proof");
            long begin = System.nanoTime();
            for (int i = 0; i < n; i++) {
                credential.put("id", "urn:uuid:" + UUID.randomUUID());
                Map<String, Object> secured = keys.secure(BenchmarkData.DISTRICT, credential);
                String jwt = keys.sign(BenchmarkData.DISTRICT, "vc+jwt", secured);
                mongo.insert(
                        new Document("_id", "raw-" + i).append("jwt", jwt).append("ldp", CredentialForms.json(secured)),
                        "bench_raw_issuance");
            }
            return n / ((System.nanoTime() - begin) / 1e9);
        }

        private String login(String username, String password) {
            Map<?, ?> token = http.post()
                    .uri("/auth/token")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", username, "password", password))
                    .retrieve()
                    .body(Map.class);
            return (String) token.get("access_token");
        }

        /** Heap in use after a full collection (a few of these during a job cost it little). */
        private static long heapAfterGcMb() {
            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return heap.getUsed() / (1024 * 1024);
        }
    }
}
