package org.credfolio.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.Test;

class AttainmentImportTest extends ImportTestBase {
    private static final String PATH = "/imports/attainments";
    private static final String HEADER =
            "student_id,credential,earned_on,expires_on,result,evidence_url,fee_payer,fee_amount\n";

    @Test
    void dryRunChecksEveryRowAndWritesNothingThenTheImportRecordsAndIssuesAndAReuploadChangesNothing() {
        Tenants.World w = tenants.create();
        String file = HEADER
                + w.learnerA().studentId() + "," + w.welding().name()
                + ",2026-05-14,,Pass,https://example.org/e/1,DISTRICT,35.00\n"
                + w.learnerA().studentId() + "," + w.aPlus().id() + ",2026-04-01,2029-04-01,812,,,\n"
                + "NO-SUCH-STUDENT," + w.welding().name() + ",2026-05-14,,Pass,,,\n"
                + w.learnerA().studentId() + ",\"" + w.welding().name().replace("Certified", "Certfied")
                + "\",2026-05-14,,Pass,,,\n"
                + w.learnerA().studentId() + "," + w.welding().id() + ",14/05/2026,,Pass,,,\n"
                + w.learnerB().studentId() + "," + w.welding().id() + ",2026-05-14,,Pass,,,\n"
                + w.learnerA().studentId() + "," + w.welding().id() + ",2026-05-15,,Pass,http://insecure.example,,\n";

        Map<String, Object> dry = finished(
                w.registrarA(),
                submit(w.registrarA(), PATH, w.districtA().id(), true, "results.csv", utf8(file), null));
        assertThat(dry).containsEntry("state", "SUCCEEDED").containsEntry("dryRun", true);
        assertThat(dry).containsEntry("rowsTotal", 7).containsEntry("rowsRead", 7);
        assertThat(dry).containsEntry("created", 2).containsEntry("refused", 5).containsEntry("progress", 1.0);
        assertThat(credentialNames(w)).as("a dry run writes nothing").isEmpty();

        String jobId = submit(w.registrarA(), PATH, w.districtA().id(), false, "results.csv", utf8(file), null);
        Map<String, Object> real = finished(w.registrarA(), jobId);
        assertThat(real)
                .containsEntry("state", "SUCCEEDED")
                .containsEntry("created", 2)
                .containsEntry("refused", 5);
        assertThat(credentialNames(w))
                .containsExactlyInAnyOrder(w.welding().name(), w.aPlus().name());

        String problems = problemsCsv(w.registrarA(), jobId);
        assertThat(problems.lines().findFirst()).contains("file,line,column,code,message");
        assertThat(problems)
                .contains("results.csv,4,student_id,LEARNER_NOT_FOUND")
                .contains("results.csv,5,credential,CREDENTIAL_NOT_FOUND")
                .contains("did you mean '" + w.welding().name() + "'")
                .contains("results.csv,6,earned_on,INVALID_DATE")
                .as("another district's learner is not found, not disclosed")
                .contains("results.csv,7,student_id,LEARNER_NOT_FOUND")
                .contains("results.csv,8,evidence_url,INVALID_VALUE");

        Map<String, Object> again = finished(
                w.registrarA(),
                submit(w.registrarA(), PATH, w.districtA().id(), false, "results.csv", utf8(file), null));
        assertThat(again)
                .containsEntry("created", 0)
                .containsEntry("unchanged", 2)
                .containsEntry("refused", 5);
        assertThat(credentialNames(w)).hasSize(2);
    }

    @Test
    void aVendorsOwnExportImportsThroughAColumnMappingAndStateCodesAndNamesMatchTheCatalog() {
        Tenants.World w = tenants.create();
        String vendor = "Candidate ID,Exam,Test Date,Score,Status\n"
                + w.learnerA().studentId() + "," + w.welding().name().toUpperCase() + ",05/14/2026,88,Pass\n"
                + w.learnerA().studentId() + ",\"  " + w.aPlus().name().replace(" ", "  ")
                + " \",06/01/2026,790,Pass\n";
        String mapping = "{\"student_id\":\"Candidate ID\",\"credential\":\"Exam\",\"earned_on\":\"Test Date\","
                + "\"result\":\"Score\",\"date_format\":\"MM/dd/yyyy\"}";
        Map<String, Object> job = finished(
                w.registrarA(),
                submit(w.registrarA(), PATH, w.districtA().id(), false, "vendor.csv", utf8(vendor), mapping));
        assertThat(job).containsEntry("created", 2).containsEntry("refused", 0);
        assertThat(credentialNames(w))
                .containsExactlyInAnyOrder(w.welding().name(), w.aPlus().name());
    }

    @Test
    void aResultNamedManyTimesInOneFileIsRecordedOnceThoughRowsRunConcurrently() {
        Tenants.World w = tenants.create();
        String row = w.learnerA().studentId() + "," + w.welding().id() + ",2026-05-14,,Pass,,,\n";
        byte[] file = utf8(HEADER + row.repeat(40));
        Map<String, Object> dry = finished(
                w.registrarA(), submit(w.registrarA(), PATH, w.districtA().id(), true, "r.csv", file, null));
        assertThat(dry).containsEntry("created", 1).containsEntry("unchanged", 39);
        Map<String, Object> real = finished(
                w.registrarA(), submit(w.registrarA(), PATH, w.districtA().id(), false, "r.csv", file, null));
        assertThat(real).containsEntry("created", 1).containsEntry("unchanged", 39);
        assertThat(credentialNames(w)).containsExactly(w.welding().name());
    }

    @Test
    void filesThatCannotBeImportedAreRefusedWholeWithAReasonAndNothingIsWritten() {
        Tenants.World w = tenants.create();
        refused(w, "results.csv", new byte[] {'P', 'K', 3, 4, 0, 0}, null, 422, "NOT_CSV");
        refused(w, "results.csv", utf8("name,exam\nAna,Welding\n"), null, 422, "MISSING_COLUMNS");
        refused(
                w,
                "results.csv",
                (HEADER + w.learnerA().studentId() + ",Soldadura T\u00e9cnico,2026-05-14,,,,,\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                null,
                422,
                "WRONG_ENCODING");
        refused(w, "results.csv", new byte[0], null, 422, "EMPTY_FILE");
        refused(w, "results.csv", utf8(HEADER + "\"unclosed,x,2026-01-01\n"), null, 422, "NOT_CSV");
        refused(
                w,
                "vendor.csv",
                utf8("Candidate,Exam,Date\n"),
                "{\"student_id\":\"Candidate ID\"}",
                422,
                "BAD_MAPPING");
        refused(w, "vendor.csv", utf8(HEADER), "not json", 422, "BAD_MAPPING");
        assertThat(credentialNames(w)).isEmpty();
        List<?> jobs = as(w.registrarA())
                .document("query($d: ID!) { importJobs(districtId: $d) { edges { node { id } } } }")
                .variable("d", w.districtA().id())
                .execute()
                .path("importJobs.edges")
                .entityList(Object.class)
                .get();
        assertThat(jobs).as("a refused file leaves no job").isEmpty();
    }

    @Test
    void onlyTheDistrictsRegistrarsImportAndOnlyTheDistrictSeesItsJobs() {
        Tenants.World w = tenants.create();
        byte[] file = utf8(HEADER + w.learnerA().studentId() + "," + w.welding().id() + ",2026-05-14,,Pass,,,\n");
        upload(w.registrarB(), PATH, w.districtA().id(), false, "r.csv", file, null)
                .expectStatus()
                .isForbidden();
        upload(w.districtAdminA(), PATH, w.districtA().id(), false, "r.csv", file, null)
                .expectStatus()
                .isForbidden();
        upload(w.learner(), PATH, w.districtA().id(), false, "r.csv", file, null)
                .expectStatus()
                .isForbidden();
        upload(w.registrarA(), PATH, "no-such-district", false, "r.csv", file, null)
                .expectStatus()
                .isBadRequest();

        String jobId = submit(w.registrarA(), PATH, w.districtA().id(), true, "r.csv", file, null);
        finished(w.registrarA(), jobId);
        as(w.registrarB())
                .document("query($id: ID!) { importJob(id: $id) { id } }")
                .variable("id", jobId)
                .execute()
                .errors()
                .satisfy(errors ->
                        assertThat(errors.get(0).getExtensions()).containsEntry("code", "IMPORT_JOB_NOT_FOUND"));
        http().get()
                .uri("/imports/{id}/problems.csv", jobId)
                .header("Authorization", "Bearer " + login(w.registrarB()))
                .exchange()
                .expectStatus()
                .isNotFound();
        as(w.registrarB())
                .document("query($d: ID!) { importJobs(districtId: $d) { edges { node { id } } } }")
                .variable("d", w.districtA().id())
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "ACCESS_DENIED"));
    }

    private void refused(Tenants.World w, String name, byte[] content, String mapping, int status, String code) {
        upload(w.registrarA(), PATH, w.districtA().id(), false, name, content, mapping)
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.problems[0].code")
                .isEqualTo(code);
    }

    private List<String> credentialNames(Tenants.World w) {
        return as(w.registrarA())
                .document("query($id: ID!) { learner(id: $id) { credentials { jwt credential { name } } } }")
                .variable("id", w.learnerA().id())
                .execute()
                .path("learner.credentials[*].credential.name")
                .entityList(String.class)
                .get();
    }
}
