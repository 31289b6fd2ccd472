package org.credfolio.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.credfolio.support.DemoDataTest;
import org.credfolio.support.HeadlessChromium;
import org.junit.jupiter.api.Test;

/** The reports as CSV and as printable pages, for the demo district's admin only. */
class ReportDownloadsTest extends DemoDataTest {
    private String get(String path, String role, int status) {
        var request = http().get().uri(path);
        if (role != null) {
            request = request.header("Authorization", "Bearer " + token(role));
        }
        byte[] body = request.exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void csvDownloadsCarryEveryRowAndHideSuppressedFigures() {
        String equity = get("/reports/demo-district/equity.csv", "district-admin", 200);
        assertThat(equity).startsWith("dimension,group,suppressed,learners,attained,attainment_rate");
        assertThat(equity).contains("\r\nall,ALL,false,300,");
        // A suppressed group keeps its row with every figure blank.
        assertThat(equity.lines().filter(l -> l.contains(",true,")))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).endsWith(",true,,,,,,,"));

        String audit = get("/reports/demo-district/credential-audit.csv", "district-admin", 200);
        assertThat(audit).contains("tx-ibc-351,AWS Certified Welder,HIGH_VALUE,true,true,");
        assertThat(get("/reports/demo-district/funding.csv", "district-admin", 200))
                .startsWith("payer,coverage,exams,amount_usd,learners")
                .contains("\r\nFAMILY,false,");
        assertThat(get("/reports/demo-district/supply-demand.csv", "district-admin", 200))
                .contains("most_earned,", "most_in_demand,", "undersupplied,");
    }

    @Test
    void onlyTheDistrictsAdminDownloads() {
        get("/reports/demo-district/equity.csv", null, 401);
        get("/reports/demo-district/equity.csv", "registrar", 403);
        get("/reports/demo-district/equity.html", "educator", 403);
        get("/reports/demo-college/equity.csv", "district-admin", 403);
        assertThat(get("/reports/demo-district/secrets.csv", "district-admin", 404))
                .contains("REPORT_NOT_FOUND");
    }

    @Test
    void everyReportPageRendersInHeadlessChromiumWithItsCharts() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        Path pages = Files.createDirectories(Path.of("target", "report-pages").toAbsolutePath());
        for (String report : new String[] {"credential-audit", "supply-demand", "equity", "funding"}) {
            // The page needs the admin's token, which a browser address cannot carry: fetch, then open.
            Path file = pages.resolve(report + ".html");
            Files.writeString(file, get("/reports/demo-district/" + report + ".html", "district-admin", 200));
            HeadlessChromium.Rendering page = HeadlessChromium.render(
                    chromium.get(), file.toUri().toString(), "1280,1600", pages.resolve(report + ".png"));
            assertThat(page.dom()).as(report).contains("<svg", "<rect class=\"bar\"", "<table", "Cedar Hollow");
            assertThat(page.dom()).as(report).doesNotContain("<script");
            assertThat(page.dom().split("<h1", -1)).as("one h1 in " + report).hasSize(2);
        }
        String equity = Files.readString(pages.resolve("equity.html"));
        // Groups and dimensions in words; the CSV keeps the codes.
        assertThat(equity)
                .contains("Suppressed", "Race and ethnicity", "Career and technical education (CTE)")
                .doesNotContain("raceEthnicity", "cteParticipant");
    }
}
