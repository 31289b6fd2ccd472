package org.credfolio.reporting;

import java.util.List;
import org.credfolio.shared.csv.Csv;

/** Each report as CSV: one header row, one row per line of the report. */
final class ReportCsv {
    private ReportCsv() {}

    static String audit(CredentialAuditReport r) {
        Csv csv = new Csv()
                .row(
                        "credential_id",
                        "credential",
                        "tier",
                        "in_demand",
                        "pays_living_wage",
                        "earners",
                        "awards",
                        "offered_in",
                        "recommendation",
                        "because");
        r.rows()
                .forEach(row -> csv.row(
                        row.credentialId(),
                        row.name(),
                        row.value().tier(),
                        row.value().inDemand(),
                        row.value().paysLivingWage(),
                        row.earners(),
                        row.awards(),
                        String.join("; ", row.offeredIn()),
                        row.recommendation(),
                        row.because()));
        return csv.toString();
    }

    static String supplyDemand(SupplyDemandReport r) {
        Csv csv = new Csv()
                .row(
                        "list",
                        "credential_id",
                        "credential",
                        "tier",
                        "in_demand",
                        "peak_annual_openings",
                        "earners",
                        "awards",
                        "earners_per_thousand",
                        "in_overlap");
        supplyRows(csv, "most_earned", r.mostEarned(), r.overlap());
        supplyRows(csv, "most_in_demand", r.mostInDemand(), r.overlap());
        supplyRows(csv, "undersupplied", r.undersupplied(), r.overlap());
        csv.row("summary", "", "awards", "", "", "", "", r.awards(), "", "");
        csv.row("summary", "", "in_demand_percent", "", "", "", "", r.inDemandPercent(), "", "");
        csv.row("summary", "", "high_value_percent", "", "", "", "", r.highValuePercent(), "", "");
        return csv.toString();
    }

    private static void supplyRows(Csv csv, String list, List<SupplyDemandReport.Row> rows, List<String> overlap) {
        rows.forEach(row -> csv.row(
                list,
                row.credentialId(),
                row.name(),
                row.tier(),
                row.inDemand(),
                row.peakOpenings(),
                row.earners(),
                row.awards(),
                row.earnersPerThousand(),
                overlap.contains(row.credentialId())));
    }

    /** Suppressed groups keep their row, with every figure blank and suppressed = true. */
    static String equity(EquityReport r) {
        Csv csv = new Csv()
                .row(
                        "dimension",
                        "group",
                        "suppressed",
                        "learners",
                        "attained",
                        "attainment_rate",
                        "attainment_gap",
                        "high_value",
                        "high_value_rate",
                        "high_value_gap");
        equityRow(csv, "all", r.overall());
        r.dimensions().forEach(d -> d.groups().forEach(g -> equityRow(csv, d.dimension(), g)));
        return csv.toString();
    }

    private static void equityRow(Csv csv, String dimension, EquityReport.Group g) {
        csv.row(
                dimension,
                g.group(),
                g.suppressed(),
                g.learners(),
                g.attained(),
                g.attainmentRate(),
                g.attainmentGap(),
                g.highValue(),
                g.highValueRate(),
                g.highValueGap());
    }

    static String funding(FundingReport r) {
        Csv csv = new Csv().row("payer", "coverage", "exams", "amount_usd", "learners");
        r.sources()
                .forEach(s ->
                        csv.row(s.payer(), s.coverage(), s.exams(), s.amount().toPlainString(), s.learners()));
        csv.row("ALL", "", r.exams(), r.amount().toPlainString(), "");
        csv.row("COVERED", true, r.coveredExams(), r.coveredAmount().toPlainString(), r.learnersServed());
        return csv.toString();
    }
}
