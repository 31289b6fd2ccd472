package org.credfolio.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Registrars download the claim codes they create as CSV or as a printable sheet: the codes are
 * made in the same call (only their hashes are kept), the learners' names are escaped for
 * spreadsheets and HTML, and refusals are problem details.
 */
class ClaimCodeDownloadsTest extends IntegrationTest {
    private Tenants.World world;

    @BeforeEach
    void world() {
        world = tenants.create();
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerLearnerWithFormulasDefused() {
        Learner formula = tenants.learner(world.districtA(), world.schoolA(), "=HYPERLINK(\"http://evil\")", "Doe");
        EntityExchangeResult<byte[]> result = post(
                "/claim-codes.csv",
                world.registrarA(),
                Map.of("schoolId", world.schoolA().id()),
                200);
        assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(result.getResponseHeaders().getContentDisposition().isAttachment())
                .isTrue();
        assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("no-store");

        String csv = body(result);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("student_id,name,code,expires_at");
        assertThat(csv).contains("\r\n");
        assertThat(lines).hasSize(3); // learner A and the formula-looking one
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith(world.learnerA().studentId() + ",Ana Alvarez,")
                .matches(".*,[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4},20\\d\\d-.*Z"));
        // Quoted as RFC 4180 (the name holds quotes), and prefixed so a spreadsheet shows text.
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith(formula.studentId() + ",\"'=HYPERLINK(\"\"http://evil\"\") Doe\","));

        // The downloaded codes are real: one of them sets up a login.
        String code = lines.stream()
                .filter(line -> line.startsWith(world.learnerA().studentId() + ","))
                .map(ClaimCodeDownloadsTest::codeOf)
                .findFirst()
                .orElseThrow();
        http().post()
                .uri("/auth/claim")
                .bodyValue(Map.of("code", code, "username", "x@students.example", "password", "a-new-password-456"))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void theSheetEscapesNamesAndIsNeverCached() {
        Learner script =
                tenants.learner(world.districtA(), world.schoolA(), "<script>alert(1)</script>", "O'Neil & Co");
        EntityExchangeResult<byte[]> result =
                post("/claim-codes/sheet", world.districtAdminA(), Map.of("learnerIds", List.of(script.id())), 200);
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'none'");

        String html = body(result);
        assertThat(html).doesNotContain("<script", "O'Neil & Co");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Neil &amp; Co");
        assertThat(html).contains(script.studentId(), "@media print", "break-after:page", "Works once");
        assertThat(html).containsPattern("class=\"code\">[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}<");
        assertThat(html.split("class=\"card\"", -1)).hasSize(2);
    }

    @Test
    void anotherDistrictsRegistrarGetsAProblemAndNoSheet() {
        String problem = body(post(
                "/claim-codes/sheet",
                world.registrarB(),
                Map.of("schoolId", world.schoolA().id()),
                403));
        assertThat(problem).contains("\"code\":\"ACCESS_DENIED\"", "\"status\":403", "\"title\":");
        assertThat(body(post(
                        "/claim-codes.csv",
                        world.registrarB(),
                        Map.of("learnerIds", List.of(world.learnerA().id())),
                        403)))
                .contains("ACCESS_DENIED");
    }

    @Test
    void wrongRolesAndBadInputAreProblemsWithoutInternals() {
        Map<String, Object> school = Map.of("schoolId", world.schoolA().id());
        for (Tenants.User caller : List.of(world.learner(), world.educatorA(), world.platformAdmin())) {
            assertThat(body(post("/claim-codes.csv", caller, school, 403))).contains("ACCESS_DENIED");
        }
        http().post()
                .uri("/claim-codes.csv")
                .bodyValue(school)
                .exchange()
                .expectStatus()
                .isUnauthorized();

        String empty = body(post("/claim-codes.csv", world.registrarA(), Map.of(), 400));
        assertThat(empty).contains("LEARNERS_REQUIRED");
        String year = body(post("/claim-codes/sheet", world.registrarA(), Map.of("graduationYear", 1900), 400));
        assertThat(year).contains("OUT_OF_RANGE");
        String garbled = body(http().post()
                .uri("/claim-codes.csv")
                .header("Authorization", "Bearer " + login(world.registrarA()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"learnerIds\": 12")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult());
        assertThat(garbled).contains("BAD_FORMAT");
        for (String body : List.of(empty, year, garbled)) {
            assertThat(body).doesNotContain("Exception", "org.credfolio", "at org.");
        }
    }

    private EntityExchangeResult<byte[]> post(String path, Tenants.User user, Map<String, Object> input, int status) {
        var response = http().post()
                .uri(path)
                .header("Authorization", "Bearer " + login(user))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(input)
                .exchange()
                .expectStatus()
                .isEqualTo(status);
        if (status != 200) {
            response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.expectHeader().cacheControl(org.springframework.http.CacheControl.noStore());
        }
        return response.expectBody().returnResult();
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static String codeOf(String line) {
        String[] cells = line.split(",");
        return cells[cells.length - 2];
    }
}
