package org.credfolio.reporting;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports as CSV downloads and printable pages, under the same rules as the GraphQL queries:
 * {@code GET /reports/{districtId}/{report}.csv} or {@code .html} with the district admin's bearer
 * token.
 */
@RestController
class ReportDownloads {
    /** Script, frames, forms and remote resources are all off: the page is static. */
    private static final String PAGE_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none';"
                    + " frame-ancestors 'none'";

    private final Map<String, Function<String, String>> csv;
    private final Map<String, Function<String, String>> html;

    ReportDownloads(DistrictReports reports) {
        this.csv = Map.of(
                "credential-audit", d -> ReportCsv.audit(reports.audit(d)),
                "supply-demand", d -> ReportCsv.supplyDemand(reports.supplyDemand(d)),
                "equity", d -> ReportCsv.equity(reports.equity(d)),
                "funding", d -> ReportCsv.funding(reports.funding(d)));
        this.html = Map.of(
                "credential-audit", d -> ReportPages.audit(reports.audit(d)),
                "supply-demand", d -> ReportPages.supplyDemand(reports.supplyDemand(d)),
                "equity", d -> ReportPages.equity(reports.equity(d)),
                "funding", d -> ReportPages.funding(reports.funding(d)));
    }

    @GetMapping("/reports/{districtId}/{report}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String districtId, @PathVariable String report) {
        Function<String, String> format = csv.get(report);
        if (format == null) {
            return unknownReport();
        }
        String body = format.apply(districtId);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + safe(districtId) + "-" + report + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/reports/{districtId}/{report}.html")
    ResponseEntity<byte[]> html(@PathVariable String districtId, @PathVariable String report) {
        Function<String, String> format = html.get(report);
        if (format == null) {
            return unknownReport();
        }
        String body = format.apply(districtId);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PAGE_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> unknownReport() {
        return ResponseEntity.status(404)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(("{\"title\":\"No such report\",\"status\":404,\"code\":\"REPORT_NOT_FOUND\","
                                + "\"detail\":\"Reports are credential-audit, supply-demand, equity and funding.\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
