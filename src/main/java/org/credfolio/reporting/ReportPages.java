package org.credfolio.reporting;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.credfolio.catalog.value.ValueTier;
import org.credfolio.shared.web.Html;

/**
 * Each report as one printable HTML page for a board meeting: a heading, a chart drawn as SVG on
 * the server, and the table behind it. No script, no external resource.
 */
final class ReportPages {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}"
            + "table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ccc;"
            + "padding:.3rem .5rem;text-align:left}td.n,th.n{text-align:right}.note{color:#555}"
            + "@media print{body{margin:1cm}h2{break-before:auto}table{break-inside:auto}}";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private ReportPages() {}

    static String audit(CredentialAuditReport r) {
        StringBuilder body = new StringBuilder();
        body.append(para("Keep " + r.count(Recommendation.KEEP) + " · review " + r.count(Recommendation.REVIEW)
                + " · phase out " + r.count(Recommendation.PHASE_OUT) + " · " + r.learners() + " learners · judged for "
                + r.region()));
        body.append(SvgBars.render(
                "Learners who earned each credential, coloured by recommendation",
                r.rows().stream()
                        .filter(row -> row.earners() > 0)
                        .limit(20)
                        .map(row -> new SvgBars.Bar(
                                row.name(),
                                row.earners(),
                                row.earners() + " · " + row.recommendation(),
                                colour(row.recommendation())))
                        .toList()));
        body.append(table(
                List.of("Credential", "Tier", "Earners", "Offered in", "Recommendation", "Because"),
                r.rows().stream()
                        .map(row -> new Object[] {
                            row.name(),
                            row.value().tier(),
                            row.earners(),
                            String.join(", ", row.offeredIn()),
                            row.recommendation(),
                            row.because()
                        })
                        .toList()));
        return page("Credential audit", r.districtName(), r.generatedAt(), body);
    }

    static String supplyDemand(SupplyDemandReport r) {
        StringBuilder body = new StringBuilder();
        body.append(para(r.inDemandPercent() + "% of the " + r.awards() + " credentials earned are in demand; "
                + r.highValuePercent() + "% are high value. Judged for " + r.region() + "."));
        body.append("<h2>Ten most earned</h2>");
        body.append(SvgBars.render(
                "Awards of the ten most earned credentials",
                r.mostEarned().stream()
                        .map(row -> new SvgBars.Bar(
                                row.name(), row.awards(), row.awards() + " · " + row.tier(), colour(row.tier())))
                        .toList()));
        body.append("<h2>Ten most in demand</h2>");
        body.append(SvgBars.render(
                "Annual openings of the ten credentials most in demand",
                r.mostInDemand().stream()
                        .map(row -> new SvgBars.Bar(
                                row.name(),
                                row.peakOpenings(),
                                String.format(
                                        Locale.US, "%,d openings · %d earners", row.peakOpenings(), row.earners()),
                                colour(row.tier())))
                        .toList()));
        body.append(para("On both lists: "
                + (r.overlap().isEmpty() ? "none" : r.overlap().size() + " credential(s)") + "."));
        body.append("<h2>Undersupplied</h2>");
        body.append(para("High-value credentials in demand that fewer than " + r.undersuppliedPerThousand()
                + " of every 1,000 learners earned."));
        body.append(table(
                List.of("Credential", "Annual openings", "Earners per 1,000"),
                r.undersupplied().stream()
                        .map(row -> new Object[] {row.name(), row.peakOpenings(), row.earnersPerThousand()})
                        .toList()));
        return page("Supply and demand", r.districtName(), r.generatedAt(), body);
    }

    static String equity(EquityReport r) {
        StringBuilder body = new StringBuilder();
        EquityReport.Group all = r.overall();
        body.append(para(
                all.suppressed()
                        ? "Fewer than " + r.minCellSize() + " learners: nothing can be shown."
                        : all.learners() + " learners; " + all.attainmentRate() + "% earned a credential, "
                                + all.highValueRate() + "% a high-value one. Groups under " + r.minCellSize()
                                + " learners are suppressed, and so is the next smallest group where needed so that no"
                                + " hidden figure can be worked out."));
        for (EquityReport.Dimension d : r.dimensions()) {
            body.append("<h2>").append(Html.escape(d.dimension())).append("</h2>");
            body.append(SvgBars.render(
                    "Share earning a high-value credential by " + d.dimension(),
                    d.groups().stream()
                            .map(g -> g.suppressed()
                                    ? new SvgBars.Bar(g.group(), 0, "suppressed", "#999")
                                    : new SvgBars.Bar(
                                            g.group(),
                                            g.highValueRate(),
                                            g.highValueRate() + "% (gap " + signed(g.highValueGap()) + ")",
                                            "#2b6cb0"))
                            .toList()));
            body.append(table(
                    List.of("Group", "Learners", "Attainment %", "Gap", "High value %", "Gap"),
                    d.groups().stream()
                            .map(g -> g.suppressed()
                                    ? new Object[] {g.group(), "suppressed", "", "", "", ""}
                                    : new Object[] {
                                        g.group(),
                                        g.learners(),
                                        g.attainmentRate(),
                                        signed(g.attainmentGap()),
                                        g.highValueRate(),
                                        signed(g.highValueGap())
                                    })
                            .toList()));
        }
        return page("Equity", r.districtName(), r.generatedAt(), body);
    }

    static String funding(FundingReport r) {
        StringBuilder body = new StringBuilder();
        body.append(para(r.coveredExams() + " of " + r.exams() + " exams covered ($"
                + r.coveredAmount().toPlainString() + " of $" + r.amount().toPlainString() + "); " + r.learnersServed()
                + " learners served."));
        body.append(SvgBars.render(
                "Exam fees by source, US dollars",
                r.sources().stream()
                        .map(s -> new SvgBars.Bar(
                                s.payer().name(),
                                s.amount().doubleValue(),
                                "$" + s.amount().toPlainString() + " · " + s.exams() + " exams",
                                s.coverage() ? "#2f855a" : "#c05621"))
                        .toList()));
        body.append(table(
                List.of("Source", "Exams", "Amount (USD)", "Learners"),
                r.sources().stream()
                        .map(s -> new Object[] {s.payer(), s.exams(), s.amount().toPlainString(), s.learners()})
                        .toList()));
        return page("Exam funding", r.districtName(), r.generatedAt(), body);
    }

    private static String page(String title, String district, java.time.Instant generatedAt, CharSequence body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title) + " · "
                + Html.escape(district) + "</title><style>" + STYLE + "</style></head><body><h1>" + Html.escape(title)
                + "</h1><p class=\"note\">" + Html.escape(district) + " · generated " + STAMP.format(generatedAt)
                + " · Credfolio</p>" + body + "</body></html>";
    }

    private static String para(String text) {
        return "<p>" + Html.escape(text) + "</p>";
    }

    private static String table(List<String> headings, List<Object[]> rows) {
        StringBuilder t = new StringBuilder("<table><thead><tr>");
        headings.forEach(h -> t.append("<th>").append(Html.escape(h)).append("</th>"));
        t.append("</tr></thead><tbody>");
        for (Object[] row : rows) {
            t.append("<tr>");
            for (Object cell : row) {
                t.append(cell instanceof Number ? "<td class=\"n\">" : "<td>")
                        .append(Html.escape(cell))
                        .append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    private static String signed(Double gap) {
        return gap == null ? "" : String.format(Locale.US, "%+.1f", gap);
    }

    private static String colour(Recommendation recommendation) {
        switch (recommendation) {
            case KEEP:
                return "#2f855a";
            case REVIEW:
                return "#b7791f";
            default:
                return "#c53030";
        }
    }

    private static String colour(ValueTier tier) {
        return tier == ValueTier.HIGH_VALUE ? "#2f855a" : tier == ValueTier.LOW_VALUE ? "#c53030" : "#b7791f";
    }
}
