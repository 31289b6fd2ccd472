package org.credfolio.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credfolio.awards.FeePayer;
import org.credfolio.catalog.value.ValueTier;
import org.credfolio.support.BrowserSession;
import org.credfolio.support.DemoDataTest;
import org.credfolio.support.HeadlessChromium;
import org.junit.jupiter.api.Test;

/**
 * The four report pages as a school board sees them, on screen (1280 px) and as printed (794 px, A4
 * at 96 dpi, print media): no text box overflows, chart text stays inside its chart and no two labels
 * overlap, every chart has a title, description, caption and legend, every table a caption and scoped
 * headers, text contrast is at least 4.5:1, no enum code shows, and money reads "$1,234". The demo
 * district gets a credential with a 150-character name and the catalog's longest name, earned by
 * enough learners to be charted. Skipped without Chromium.
 */
class ReportPagesInBrowserTest extends DemoDataTest {
    /** Exactly 150 characters. */
    static final String LONG_NAME = "Advanced Interdisciplinary Certification in Industrial Maintenance, Mechatronics,"
            + " Programmable Logic Controllers and Robotic Welding Systems Practices";
    /** The longest credential name of the Texas catalog (tea_ibc_..._codes.csv, code 603). */
    static final String LONGEST_CATALOG_ID = "tx-ibc-603";

    private static final Pattern ENUM_CODE = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]+\\b");
    private static final Pattern RAW_MONEY = Pattern.compile("\\$\\d{4,}|\\$\\d+\\.\\d(?!\\d)|\\d\\.\\d{3,}");
    private static final String[] REPORTS = {"credential-audit", "supply-demand", "equity", "funding"};
    private static boolean seeded;

    /** Page checks in the browser, as JSON: problems found, the charts, the visible text. */
    private static final String MEASURE = "JSON.stringify((function(){"
            + "var bad=[];function txt(e){return (e.textContent||'').trim().slice(0,70);}"
            + "document.querySelectorAll('th,td,p,h1,h2,dd,dt,caption,figcaption,li').forEach(function(e){"
            + " if(e.scrollWidth>e.clientWidth+1)bad.push('overflow '+e.tagName+' '+e.scrollWidth+'>'+e.clientWidth+': '+txt(e));});"
            + "var d=document.documentElement;if(d.scrollWidth>d.clientWidth)bad.push('page scrolls sideways '+d.scrollWidth+'>'+d.clientWidth);"
            + "function lum(c){var m=c.match(/[\\d.]+/g).map(Number);var v=m.slice(0,3).map(function(x){x/=255;"
            + " return x<=0.03928?x/12.92:Math.pow((x+0.055)/1.055,2.4);});return 0.2126*v[0]+0.7152*v[1]+0.0722*v[2];}"
            + "function bg(e){while(e){var b=getComputedStyle(e).backgroundColor;if(b&&b!=='transparent'&&!/rgba\\(.*,\\s*0\\)/.test(b))return b;e=e.parentElement;}return 'rgb(255,255,255)';}"
            + "document.querySelectorAll('th,td,p,h1,h2,dd,dt,caption,figcaption,li').forEach(function(e){"
            + " var a=lum(getComputedStyle(e).color),b=lum(bg(e));var r=(Math.max(a,b)+0.05)/(Math.min(a,b)+0.05);"
            + " if(r<4.5)bad.push('contrast '+r.toFixed(2)+' '+e.tagName+': '+txt(e));});"
            + "document.querySelectorAll('table').forEach(function(t){"
            + " if(!t.querySelector(':scope>caption'))bad.push('table without caption');"
            + " t.querySelectorAll('thead th').forEach(function(h){if(h.getAttribute('scope')!=='col')bad.push('th without scope: '+txt(h));});"
            + " if(getComputedStyle(t.tHead).display!=='table-header-group')bad.push('thead does not repeat');});"
            + "var charts=[];document.querySelectorAll('svg').forEach(function(s){"
            + " var w=s.viewBox.baseVal.width,h=s.viewBox.baseVal.height,boxes=[];"
            + " s.querySelectorAll('text').forEach(function(t){var b=t.getBBox();boxes.push([b,t]);"
            + "  if(b.x<-0.5||b.x+b.width>w+0.5||b.y<-0.5||b.y+b.height>h+0.5)bad.push('svg text outside '+b.x.toFixed(1)+'+'+b.width.toFixed(1)+'>'+w+': '+txt(t));});"
            + " for(var i=0;i<boxes.length;i++)for(var j=i+1;j<boxes.length;j++){var a=boxes[i][0],b=boxes[j][0];"
            + "  if(a.x<b.x+b.width-0.5&&b.x<a.x+a.width-0.5&&a.y<b.y+b.height-1&&b.y<a.y+a.height-1)bad.push('svg texts overlap: '+txt(boxes[i][1])+' / '+txt(boxes[j][1]));}"
            + " var f=s.closest('figure');var t=s.querySelector(':scope>title');var ds=s.querySelector(':scope>desc');"
            + " charts.push({role:s.getAttribute('role'),title:t?t.textContent:'',desc:ds?ds.textContent:'',"
            + "  caption:f&&f.querySelector('figcaption')?f.querySelector('figcaption').textContent:'',"
            + "  legend:f&&s.nextElementSibling&&s.nextElementSibling.classList.contains('legend')?s.nextElementSibling.querySelectorAll('li').length:0,"
            + "  colours:Array.from(new Set(Array.from(s.querySelectorAll('rect.bar')).map(function(r){return r.getAttribute('fill');}))).length,"
            + "  tooltips:Array.from(s.querySelectorAll('g>title')).map(function(x){return x.textContent;})});});"
            + "return {ready:document.readyState,url:location.href,lang:document.documentElement.lang,bad:bad,charts:charts,"
            + " width:d.clientWidth,scripts:document.querySelectorAll('script,link,img,iframe').length,"
            + " summary:document.querySelectorAll('dl.summary dd').length,text:document.body.innerText};})())";

    private String get(String path) {
        byte[] body = http().mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .get()
                .uri(path)
                .header("Authorization", "Bearer " + token("district-admin"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A credential with a 150-character name in the catalog, and it and the longest catalog name earned. */
    private synchronized void seedLongNames() {
        if (seeded) {
            return;
        }
        String id = tester("district-admin")
                .document("mutation($i: CredentialInput!) { createCredential(input: $i) { id } }")
                .variable("i", Map.of("name", LONG_NAME, "type", "CERTIFICATE", "portability", "LOCAL"))
                .execute()
                .path("createCredential.id")
                .entity(String.class)
                .get();
        var registrar = tester("registrar");
        String earnedOn = LocalDate.now().minusDays(3).toString();
        for (int n = 1; n <= 70; n++) {
            String learner = String.format(Locale.ROOT, "demo-learner-%03d", n);
            record(registrar, learner, id, earnedOn);
            if (n <= 45) {
                record(registrar, learner, LONGEST_CATALOG_ID, earnedOn);
            }
        }
        seeded = true;
    }

    private static void record(
            org.springframework.graphql.test.tester.HttpGraphQlTester registrar,
            String learner,
            String credential,
            String earnedOn) {
        registrar
                .document("mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id } }")
                .variable(
                        "i",
                        Map.of(
                                "learnerId",
                                learner,
                                "credentialId",
                                credential,
                                "earnedOn",
                                earnedOn,
                                "examFee",
                                Map.of("amount", 1234.5, "payer", "STATE_GRANT")))
                .execute()
                .path("recordEarnedCredential.id")
                .hasValue();
    }

    @Test
    void everyReportPageReadsForABoardOnScreenAndInPrint() throws Exception {
        assertThat(LONG_NAME).hasSize(150);
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        seedLongNames();
        Path dir = Files.createDirectories(Path.of("target", "report-pages").toAbsolutePath());
        Map<String, Path> pages = new LinkedHashMap<>();
        for (String report : REPORTS) {
            Path file = dir.resolve(report + ".html");
            Files.writeString(file, get("/reports/demo-district/" + report + ".html"));
            pages.put(report, file);
        }
        // The same chart code with the worst labels, at full chart width: the 150-character name, an
        // unbroken one, wide capitals.
        Path labels = dir.resolve("long-labels.html");
        Files.writeString(labels, longLabelsPage());
        pages.put("long-labels", labels);

        try (BrowserSession browser = BrowserSession.open(chromium.get(), 1280, 800, false)) {
            for (boolean print : new boolean[] {false, true}) {
                if (print) {
                    browser.call(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of("width", 794, "height", 1123, "deviceScaleFactor", 1, "mobile", false));
                    browser.call("Emulation.setEmulatedMedia", Map.of("media", "print"));
                }
                for (Map.Entry<String, Path> page : pages.entrySet()) {
                    String at = page.getKey() + (print ? " printed at 794 px" : " at 1280 px");
                    browser.navigate(page.getValue().toUri().toString());
                    String url = page.getValue().toUri().toString();
                    Map<String, Object> m =
                            browser.settle(MEASURE, r -> "complete".equals(r.get("ready")) && url.equals(r.get("url")));
                    assertThat((List<?>) m.get("bad")).as(at).isEmpty();
                    assertThat(((Number) m.get("scripts")).intValue()).as(at).isZero();
                    assertThat(m.get("lang")).as(at).isEqualTo("en");
                    String text = (String) m.get("text");
                    assertThat(codes(text)).as("enum codes in " + at).isEmpty();
                    List<?> charts = (List<?>) m.get("charts");
                    assertThat(charts).as(at).isNotEmpty();
                    for (Object c : charts) {
                        Map<?, ?> chart = (Map<?, ?>) c;
                        assertThat(chart.get("role")).as(at).isEqualTo("img");
                        assertThat((String) chart.get("title")).as(at).isNotBlank();
                        assertThat((String) chart.get("desc")).as(at).isNotBlank();
                        assertThat((String) chart.get("caption")).as(at).isNotBlank();
                        assertThat(((Number) chart.get("legend")).intValue())
                                .as("a legend entry per colour in " + at + ": " + chart.get("caption"))
                                .isGreaterThanOrEqualTo(((Number) chart.get("colours")).intValue())
                                .isPositive();
                    }
                    if (!page.getKey().equals("long-labels")) {
                        assertThat(((Number) m.get("summary")).intValue())
                                .as("key figures in " + at)
                                .isGreaterThanOrEqualTo(1);
                        assertThat(RAW_MONEY.matcher(text).find())
                                .as("raw money or long decimals in " + at + ": " + text)
                                .isFalse();
                    }
                    if (page.getKey().equals("credential-audit")) {
                        assertThat(text).contains(LONG_NAME, "Phase out", "Review", "Keep");
                        assertThat(tooltips(charts))
                                .anySatisfy(t -> assertThat(t).startsWith(LONG_NAME + ":"));
                        assertThat(text.indexOf("Phase out")).isLessThan(text.indexOf("Keep"));
                    }
                    if (page.getKey().equals("supply-demand")) {
                        assertThat(tooltips(charts))
                                .anySatisfy(t -> assertThat(t).startsWith(LONG_NAME + ":"));
                        assertThat(text).contains("High value");
                    }
                    if (page.getKey().equals("funding")) {
                        assertThat(text).contains("State grant", "Family").containsPattern("\\$\\d{1,3},\\d{3}\\b");
                    }
                    if (page.getKey().equals("equity")) {
                        assertThat(text).contains("Race and ethnicity", "Economic disadvantage", "All learners");
                    }
                }
            }
        }
    }

    @Test
    void pagesStayStaticAndPrintable() {
        String audit = get("/reports/demo-district/credential-audit.html");
        assertThat(audit)
                .contains("@page{size:auto;margin:", "break-before:page", "thead{display:table-header-group}")
                .contains("<html lang=\"en\">", "<caption>", "<th scope=\"col\"", "<th scope=\"row\"")
                .doesNotContain("<script", "http://www.w3.org/1999", "src=", "href=");
        assertThat(codes(audit.replaceAll("<[^>]*>", " "))).isEmpty();
    }

    private static List<String> tooltips(List<?> charts) {
        List<String> all = new ArrayList<>();
        charts.forEach(c -> ((List<?>) ((Map<?, ?>) c).get("tooltips")).forEach(t -> all.add((String) t)));
        return all;
    }

    private static List<String> codes(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = ENUM_CODE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The four pages' chart code with synthetic worst-case labels, in the real page frame. */
    private static String longLabelsPage() {
        String unbroken = "Supercalifragilistic".repeat(8);
        String wide = "WWWW MMMM WWWW MMMM ".repeat(7);
        List<SupplyDemandReport.Row> rows = new ArrayList<>();
        String[] names = {
            LONG_NAME,
            unbroken,
            wide,
            "National Metal Working Skills Certification- ITM Electronic Control" + " Systems",
            "CNA"
        };
        ValueTier[] tiers = ValueTier.values();
        for (int i = 0; i < names.length; i++) {
            rows.add(new SupplyDemandReport.Row(
                    "x-" + i, names[i], tiers[i % tiers.length], true, 1_234_567 - i, 12_345 - i, 23_456 - i, 999.9));
        }
        SupplyDemandReport report = new SupplyDemandReport(
                "d",
                "A district with a very long name ".repeat(5),
                "TX",
                Instant.now(),
                123_456,
                234_567,
                12_345,
                12.3,
                4.5,
                rows,
                rows,
                List.of("x-0"),
                rows,
                5);
        FundingReport funding = new FundingReport(
                "d",
                "District",
                Instant.now(),
                List.of(new FundingReport.Source(FeePayer.STATE_GRANT, true, 1_234, new BigDecimal("1234567.89"), 999)),
                1_234,
                new BigDecimal("1234567.89"),
                1_234,
                new BigDecimal("1234567.89"),
                999);
        assertThat(ReportPages.funding(funding)).contains("$1,234,568");
        return ReportPages.supplyDemand(report);
    }
}
