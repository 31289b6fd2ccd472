package org.credfolio.reporting;

import static org.credfolio.reporting.ReportWords.count;
import static org.credfolio.reporting.ReportWords.decimal;
import static org.credfolio.reporting.ReportWords.money;
import static org.credfolio.reporting.ReportWords.percent;
import static org.credfolio.reporting.ReportWords.points;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.credfolio.shared.web.Html;

/**
 * Each report as one printable HTML page for a board meeting: the key figures first, then each
 * section with a chart drawn as SVG on the server (caption, legend) and the table behind it. Words,
 * not codes; counts with thousands separators, money in whole dollars, percentages to one decimal.
 * No script, no external resource. Printed, the summary fills the first page and every section starts
 * a page; table headers repeat on every page.
 */
final class ReportPages {
    /** Rows of the audit chart: the rest are in the table below it. */
    static final int AUDIT_CHART_ROWS = 20;

    private static final String STYLE = "html{-webkit-text-size-adjust:100%}"
            + "body{font-family:system-ui,'DejaVu Sans',sans-serif;margin:2rem auto;padding:0 1rem;max-width:60rem;"
            + "color:#1a1a1a;background:#fff;line-height:1.4}"
            + "h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}"
            + "h1,h2,p,dd,dt,caption,figcaption,li,th,td{overflow-wrap:anywhere}"
            + ".note{color:#4a4a4a}"
            + ".summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.75rem;margin:1rem 0}"
            + ".summary div{border:1px solid #767676;border-radius:4px;padding:.5rem .75rem;min-width:0}"
            + ".summary dt{font-size:.85rem;color:#4a4a4a}.summary dd{margin:0;font-size:1.3rem;font-weight:600}"
            + "figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.4rem}"
            + "svg{display:block;width:100%;height:auto;max-width:720px}"
            + ".legend{list-style:none;padding:0;margin:.4rem 0 0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;"
            + "font-size:.9rem}.legend li{min-width:0}"
            + ".swatch{display:inline-block;width:0;height:0;border:.45rem solid;margin-right:.4rem;"
            + "vertical-align:-.1rem}"
            + "table{border-collapse:collapse;width:100%;font-size:.9rem;margin:1rem 0}"
            + "caption{text-align:left;font-weight:600;padding-bottom:.3rem}"
            + "th,td{border-bottom:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}"
            + "thead th{border-bottom:2px solid #1a1a1a;overflow-wrap:normal;hyphens:manual}tfoot th,tfoot td{border-top:2px solid #1a1a1a;font-weight:600}"
            + "td.n,th.n{text-align:right;white-space:nowrap}"
            + "thead{display:table-header-group}tfoot{display:table-footer-group}"
            + "@page{size:auto;margin:15mm 12mm}"
            + "@media print{body{margin:0;padding:0;max-width:none;font-size:10.5pt}"
            + "h2{break-before:page;margin-top:0}h2,figcaption,caption{break-after:avoid}"
            + "figure,tr{break-inside:avoid}table{break-inside:auto}"
            + "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private ReportPages() {}

    static String audit(CredentialAuditReport r) {
        List<CredentialAuditReport.Row> ordered = r.rows().stream()
                .sorted(Comparator.comparingInt((CredentialAuditReport.Row row) -> urgency(row.recommendation()))
                        .thenComparing(Comparator.comparingLong(CredentialAuditReport.Row::earners)
                                .reversed())
                        .thenComparing(CredentialAuditReport.Row::name))
                .toList();
        // What needs a decision comes first, earned or not; credentials to keep only when someone earned them.
        List<CredentialAuditReport.Row> charted = ordered.stream()
                .filter(row -> row.recommendation() != Recommendation.KEEP || row.earners() > 0)
                .limit(AUDIT_CHART_ROWS)
                .toList();
        long decisions = r.count(Recommendation.PHASE_OUT) + r.count(Recommendation.REVIEW);
        long decisionEarners = r.rows().stream()
                .filter(row -> row.recommendation() != Recommendation.KEEP)
                .mapToLong(CredentialAuditReport.Row::earners)
                .sum();

        StringBuilder body = new StringBuilder();
        body.append(summary(
                "Key figures",
                figures(
                        "Credentials audited", count(r.rows().size()),
                        "Phase out", count(r.count(Recommendation.PHASE_OUT)),
                        "Review", count(r.count(Recommendation.REVIEW)),
                        "Keep", count(r.count(Recommendation.KEEP)),
                        "Learners", count(r.learners()),
                        "Earners of credentials needing a decision", count(decisionEarners))));
        body.append(para(count(decisions) + " of " + count(r.rows().size())
                + " credentials need a decision: phase out or review. Value is judged for " + r.region()
                + "; the reasons for each recommendation are in the table."));
        body.append("<h2>Needs a decision first</h2>");
        body.append(SvgBars.figure(
                "audit-chart",
                "Learners who earned each credential, credentials to phase out and review first",
                "Horizontal bars, one per credential, showing " + count(charted.size()) + " of "
                        + count(r.rows().size()) + " credentials: those to phase out, then to review, then to keep,"
                        + " most earned first within each. Each bar is labelled with its earners and recommendation.",
                charted.stream()
                        .map(row -> new SvgBars.Bar(
                                row.name(),
                                row.earners(),
                                count(row.earners(), "earner", "earners") + " · "
                                        + ReportWords.recommendation(row.recommendation()),
                                ReportWords.colour(row.recommendation()),
                                ReportWords.recommendation(row.recommendation())))
                        .toList()));
        if (charted.size() < r.rows().size()) {
            body.append(para("The chart shows " + count(charted.size()) + " of "
                    + count(r.rows().size()) + " credentials; the table lists every one."));
        }
        body.append("<h2>Every credential</h2>");
        body.append(table(
                "Every credential audited, phase out and review first",
                List.of("Credential", "Value", "Earners", "Offered in", "Recommendation", "Because"),
                Set.of(2),
                ordered.stream()
                        .map(row -> new String[] {
                            row.name(),
                            ReportWords.tier(
                                    row.value() == null ? null : row.value().tier()),
                            count(row.earners()),
                            String.join(", ", row.offeredIn()),
                            ReportWords.recommendation(row.recommendation()),
                            row.because()
                        })
                        .toList(),
                null));
        return page("Credential audit", r.districtName(), r.generatedAt(), body);
    }

    private static int urgency(Recommendation recommendation) {
        return switch (recommendation) {
            case PHASE_OUT -> 0;
            case REVIEW -> 1;
            case KEEP -> 2;
        };
    }

    static String supplyDemand(SupplyDemandReport r) {
        Map<String, String> names = new LinkedHashMap<>();
        Stream.of(r.mostEarned(), r.mostInDemand(), r.undersupplied())
                .flatMap(List::stream)
                .forEach(row -> names.putIfAbsent(row.credentialId(), row.name()));
        List<String> overlap =
                r.overlap().stream().map(id -> names.getOrDefault(id, id)).toList();

        StringBuilder body = new StringBuilder();
        body.append(summary(
                "Key figures",
                figures(
                        "Credentials earned", count(r.awards()),
                        "In demand", percent(r.inDemandPercent()),
                        "High value", percent(r.highValuePercent()),
                        "Learners", count(r.learners()),
                        "On both top-ten lists", count(overlap.size()),
                        "Undersupplied", count(r.undersupplied().size()))));
        body.append(para(percent(r.inDemandPercent()) + " of the " + count(r.awards())
                + " credentials earned are in demand and " + percent(r.highValuePercent())
                + " are high value, judged for " + r.region() + "."));
        body.append("<h2>Ten most earned</h2>");
        body.append(SvgBars.figure(
                "most-earned",
                "Credentials earned most often, by value",
                "Horizontal bars of how many times each of the ten most earned credentials was earned, coloured"
                        + " by value tier.",
                r.mostEarned().stream()
                        .map(row -> new SvgBars.Bar(
                                row.name(),
                                row.awards(),
                                count(row.awards()) + " earned · " + ReportWords.tier(row.tier()),
                                ReportWords.colour(row.tier()),
                                ReportWords.tier(row.tier())))
                        .toList()));
        body.append(supplyTable("The ten most earned credentials", r.mostEarned()));
        body.append("<h2>Ten most in demand</h2>");
        body.append(SvgBars.figure(
                "most-in-demand",
                "Annual job openings of the ten credentials most in demand, by value",
                "Horizontal bars of the annual openings in the busiest occupation of each credential, coloured by"
                        + " value tier, with how many of the district's learners earned it.",
                r.mostInDemand().stream()
                        .map(row -> new SvgBars.Bar(
                                row.name(),
                                row.peakOpenings() == null ? 0 : row.peakOpenings(),
                                count(row.peakOpenings(), "opening", "openings") + " · "
                                        + count(row.earners(), "earner", "earners"),
                                ReportWords.colour(row.tier()),
                                ReportWords.tier(row.tier())))
                        .toList()));
        body.append(supplyTable("The ten credentials most in demand", r.mostInDemand()));
        body.append(para("On both lists: " + (overlap.isEmpty() ? "none" : String.join("; ", overlap)) + "."));
        body.append("<h2>Undersupplied</h2>");
        body.append(para("High-value credentials in demand that fewer than " + decimal(r.undersuppliedPerThousand())
                + " of every 1,000 learners earned."));
        body.append(table(
                "Undersupplied high-value credentials, most in demand first",
                List.of("Credential", "Annual openings", "Earners", "Earners per 1,000 learners"),
                Set.of(1, 2, 3),
                r.undersupplied().stream()
                        .map(row -> new String[] {
                            row.name(),
                            count(row.peakOpenings()),
                            count(row.earners()),
                            decimal(row.earnersPerThousand())
                        })
                        .toList(),
                null));
        return page("Supply and demand", r.districtName(), r.generatedAt(), body);
    }

    private static String supplyTable(String caption, List<SupplyDemandReport.Row> rows) {
        return table(
                caption,
                List.of("Credential", "Value", "Earned", "Earners", "Annual openings", "In demand"),
                Set.of(2, 3, 4),
                rows.stream()
                        .map(row -> new String[] {
                            row.name(),
                            ReportWords.tier(row.tier()),
                            count(row.awards()),
                            count(row.earners()),
                            row.peakOpenings() == null ? "No figures" : count(row.peakOpenings()),
                            row.inDemand() ? "Yes" : "No"
                        })
                        .toList(),
                null);
    }

    static String equity(EquityReport r) {
        StringBuilder body = new StringBuilder();
        EquityReport.Group all = r.overall();
        String suppressedWords = "Suppressed: too few learners to show";
        body.append(summary(
                "Key figures",
                all.suppressed()
                        ? figures("Learners", "Fewer than " + count(r.minCellSize()))
                        : figures(
                                "Learners", count(all.learners()),
                                "Earned a credential", percent(all.attainmentRate()),
                                "Earned a high-value credential", percent(all.highValueRate()),
                                "Smallest group shown", count(r.minCellSize()) + " learners")));
        body.append(para(
                all.suppressed()
                        ? "Fewer than " + count(r.minCellSize()) + " learners: nothing can be shown."
                        : count(all.learners()) + " learners; " + percent(all.attainmentRate())
                                + " earned a credential, " + percent(all.highValueRate()) + " a high-value one."
                                + " Groups under " + count(r.minCellSize()) + " learners are suppressed, and so is the"
                                + " next smallest group where needed so that no hidden figure can be worked out. Gaps are"
                                + " in percentage points (pts) against all learners."));
        int n = 0;
        for (EquityReport.Dimension d : r.dimensions()) {
            String dimension = ReportWords.dimension(d.dimension());
            body.append("<h2>").append(Html.escape(dimension)).append("</h2>");
            body.append(SvgBars.figure(
                    "equity-" + (++n),
                    dimension + ": share of each group earning a high-value credential",
                    "Horizontal bars of the percentage of each group's learners who earned a high-value credential,"
                            + " with the gap against all learners; suppressed groups have no bar.",
                    d.groups().stream()
                            .map(g -> g.suppressed()
                                    ? new SvgBars.Bar(
                                            ReportWords.group(d.dimension(), g.group()),
                                            0,
                                            "Suppressed",
                                            "#5f6b7a",
                                            suppressedWords)
                                    : new SvgBars.Bar(
                                            ReportWords.group(d.dimension(), g.group()),
                                            g.highValueRate() == null ? 0 : g.highValueRate(),
                                            percent(g.highValueRate()) + " · " + points(g.highValueGap()) + " vs all",
                                            "#2b6cb0",
                                            "Share of the group earning a high-value credential"))
                            .toList()));
            body.append(table(
                    dimension + ": attainment by group",
                    List.of("Group", "Learners", "Earned a credential", "Gap", "Earned a high-value credential", "Gap"),
                    Set.of(1, 2, 3, 4, 5),
                    d.groups().stream()
                            .map(g -> g.suppressed()
                                    ? new String[] {
                                        ReportWords.group(d.dimension(), g.group()), "Suppressed", "", "", "", ""
                                    }
                                    : new String[] {
                                        ReportWords.group(d.dimension(), g.group()),
                                        count(g.learners()),
                                        percent(g.attainmentRate()),
                                        points(g.attainmentGap()),
                                        percent(g.highValueRate()),
                                        points(g.highValueGap())
                                    })
                            .toList(),
                    all.suppressed()
                            ? null
                            : new String[] {
                                "All learners",
                                count(all.learners()),
                                percent(all.attainmentRate()),
                                "",
                                percent(all.highValueRate()),
                                ""
                            }));
        }
        return page("Equity", r.districtName(), r.generatedAt(), body);
    }

    static String funding(FundingReport r) {
        StringBuilder body = new StringBuilder();
        double coveredShare = r.amount() == null || r.amount().signum() == 0
                ? 0
                : r.coveredAmount().doubleValue() / r.amount().doubleValue() * 100;
        body.append(summary(
                "Key figures",
                figures(
                        "Exam fees", money(r.amount()),
                        "Paid for learners", money(r.coveredAmount()),
                        "Share of fees covered", percent(coveredShare),
                        "Exams", count(r.exams()),
                        "Exams covered", count(r.coveredExams()),
                        "Learners served", count(r.learnersServed()))));
        body.append(para(count(r.coveredExams()) + " of " + count(r.exams()) + " exams were paid for the learner ("
                + money(r.coveredAmount()) + " of " + money(r.amount()) + "); " + count(r.learnersServed())
                + " learners were served. Amounts are rounded to the whole dollar."));
        body.append("<h2>Exam fees by source</h2>");
        body.append(SvgBars.figure(
                "funding-chart",
                "Exam fees by who paid them, US dollars",
                "Horizontal bars of the exam fees each source paid, in US dollars, with its number of exams;"
                        + " fees paid by families are not coverage.",
                r.sources().stream()
                        .map(s -> new SvgBars.Bar(
                                ReportWords.payer(s.payer()),
                                s.amount() == null ? 0 : s.amount().doubleValue(),
                                money(s.amount()) + " · " + count(s.exams(), "exam", "exams"),
                                s.coverage() ? "#276749" : "#b7410e",
                                s.coverage() ? "Paid for the learner (coverage)" : "Paid by the family"))
                        .toList()));
        body.append(table(
                "Exam fees by source",
                List.of("Source", "Exams", "Amount", "Learners"),
                Set.of(1, 2, 3),
                r.sources().stream()
                        .map(s -> new String[] {
                            ReportWords.payer(s.payer()), count(s.exams()), money(s.amount()), count(s.learners())
                        })
                        .toList(),
                new String[] {"All sources", count(r.exams()), money(total(r)), ""}));
        return page("Exam funding", r.districtName(), r.generatedAt(), body);
    }

    private static BigDecimal total(FundingReport r) {
        return r.amount() != null
                ? r.amount()
                : r.sources().stream().map(FundingReport.Source::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String page(String title, String district, Instant generatedAt, CharSequence body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + Html.escape(title) + " · " + Html.escape(district) + "</title><style>" + STYLE
                + "</style></head><body><main><h1>" + Html.escape(title) + "</h1><p class=\"note\">"
                + Html.escape(district) + " · generated " + STAMP.format(generatedAt) + " · Credfolio</p>" + body
                + "</main></body></html>";
    }

    /** Alternating term and figure. */
    private static List<String[]> figures(String... termsAndFigures) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < termsAndFigures.length; i += 2) {
            pairs.add(new String[] {termsAndFigures[i], termsAndFigures[i + 1]});
        }
        return pairs;
    }

    private static String summary(String label, List<String[]> figures) {
        StringBuilder dl = new StringBuilder("<dl class=\"summary\" aria-label=\"")
                .append(Html.escape(label))
                .append("\">");
        for (String[] f : figures) {
            dl.append("<div><dt>")
                    .append(Html.escape(f[0]))
                    .append("</dt><dd>")
                    .append(Html.escape(f[1]))
                    .append("</dd></div>");
        }
        return dl.append("</dl>").toString();
    }

    private static String para(String text) {
        return "<p>" + Html.escape(text) + "</p>";
    }

    /**
     * A table with a caption and column headers; the first cell of each row heads its row.
     *
     * @param numeric indexes of right-aligned numeric columns
     * @param footer a totals row, or null
     */
    private static String table(
            String caption, List<String> headings, Set<Integer> numeric, List<String[]> rows, String[] footer) {
        StringBuilder t = new StringBuilder("<table><caption>")
                .append(Html.escape(caption))
                .append("</caption><thead><tr>");
        for (int i = 0; i < headings.size(); i++) {
            t.append(numeric.contains(i) ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">")
                    .append(Html.escape(headings.get(i)))
                    .append("</th>");
        }
        t.append("</tr></thead>");
        if (footer != null) {
            t.append("<tfoot>").append(row(footer, numeric)).append("</tfoot>");
        }
        t.append("<tbody>");
        if (rows.isEmpty()) {
            t.append("<tr><td colspan=\"").append(headings.size()).append("\">None.</td></tr>");
        }
        rows.forEach(row -> t.append(row(row, numeric)));
        return t.append("</tbody></table>").toString();
    }

    private static String row(String[] cells, Set<Integer> numeric) {
        return Stream.of(cells)
                        .limit(1)
                        .map(c -> "<tr><th scope=\"row\">" + Html.escape(c) + "</th>")
                        .collect(Collectors.joining())
                + java.util.stream.IntStream.range(1, cells.length)
                        .mapToObj(i ->
                                (numeric.contains(i) ? "<td class=\"n\">" : "<td>") + Html.escape(cells[i]) + "</td>")
                        .collect(Collectors.joining())
                + "</tr>";
    }
}
