package org.credfolio.catalog.value;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.credfolio.catalog.Occupation;

/**
 * The tier a credential earns from the occupations it prepares for. Each occupation is judged on
 * its own, so a credential that leads to one well-paid occupation in demand is high value even if
 * it also leads to others that are not.
 */
record LaborMarketJudgement(
        ValueTier tier,
        boolean inDemand,
        boolean paysLivingWage,
        String qualifyingOccupation,
        Integer peakOpenings,
        List<ValueReason> reasons) {

    static LaborMarketJudgement of(List<Occupation> occupations, ValueThresholds t, long endorsements) {
        List<Occupation> judged = occupations.stream()
                .filter(o -> o.annualOpenings() != null || o.medianAnnualWage() != null)
                .toList();
        List<ValueReason> reasons = new ArrayList<>();
        if (judged.isEmpty()) {
            reasons.add(new ValueReason(
                    "OCCUPATION_FIGURES", false, "No linked occupation has BLS wage or openings figures."));
            return new LaborMarketJudgement(ValueTier.NOT_CLASSIFIED, false, false, null, null, reasons);
        }
        Optional<Occupation> qualifying = judged.stream()
                .filter(o -> inDemand(o, t) && paysLivingWage(o, t))
                .max(Comparator.comparing(o -> o.annualOpenings()));
        Optional<Occupation> demanded =
                judged.stream().filter(o -> inDemand(o, t)).max(Comparator.comparing(o -> o.annualOpenings()));
        Optional<Occupation> wellPaid =
                judged.stream().filter(o -> paysLivingWage(o, t)).max(Comparator.comparing(o -> o.medianAnnualWage()));
        reasons.add(demandReason(demanded, judged, t));
        reasons.add(wageReason(wellPaid, judged, t));
        boolean nationalDemand = demanded.isPresent();
        boolean localDemand = !nationalDemand && endorsements >= t.endorsementsForLocalDemand();
        if (!nationalDemand) {
            reasons.add(new ValueReason(
                    "LOCAL_DEMAND",
                    localDemand,
                    endorsements + " employer endorsement(s) in " + t.region() + "; " + t.endorsementsForLocalDemand()
                            + " count as local demand."));
        }
        boolean inDemand = nationalDemand || localDemand;
        boolean livingWage = wellPaid.isPresent();
        ValueTier tier;
        String qualifyingSoc = null;
        if (qualifying.isPresent()) {
            tier = ValueTier.HIGH_VALUE;
            qualifyingSoc = qualifying.get().socCode();
            reasons.add(new ValueReason(
                    "HIGH_VALUE_OCCUPATION",
                    true,
                    name(qualifying.get()) + " is both in demand and pays a living wage."));
        } else if (localDemand && livingWage) {
            tier = ValueTier.HIGH_VALUE;
            qualifyingSoc = wellPaid.get().socCode();
            reasons.add(new ValueReason(
                    "HIGH_VALUE_OCCUPATION",
                    true,
                    "Employers in " + t.region() + " endorse it and " + name(wellPaid.get()) + " pays a living wage."));
        } else {
            if (nationalDemand && livingWage) {
                reasons.add(new ValueReason(
                        "HIGH_VALUE_OCCUPATION",
                        false,
                        "The occupations in demand do not pay a living wage, and those that do are not in demand."));
            }
            tier = inDemand ? ValueTier.LOW_WAGE : livingWage ? ValueTier.LIMITED_DEMAND : ValueTier.LOW_VALUE;
        }
        Integer peakOpenings = demanded.map(Occupation::annualOpenings).orElse(null);
        return new LaborMarketJudgement(tier, inDemand, livingWage, qualifyingSoc, peakOpenings, List.copyOf(reasons));
    }

    static boolean inDemand(Occupation o, ValueThresholds t) {
        return o.annualOpenings() != null
                && o.annualOpenings() >= t.demandOpenings()
                && (o.growthPercent() == null || o.growthPercent() >= t.minGrowthPercent());
    }

    static boolean paysLivingWage(Occupation o, ValueThresholds t) {
        return o.medianAnnualWage() != null && o.medianAnnualWage() >= t.livingWage();
    }

    private static ValueReason demandReason(Optional<Occupation> demanded, List<Occupation> judged, ValueThresholds t) {
        Occupation shown = demanded.orElseGet(() -> judged.stream()
                .filter(o -> o.annualOpenings() != null)
                .max(Comparator.comparing(o -> o.annualOpenings()))
                .orElse(judged.get(0)));
        String figures = shown.annualOpenings() == null
                ? "no published openings"
                : count(shown.annualOpenings()) + " annual openings (needs " + count(t.demandOpenings())
                        + "), projected change " + percent(shown.growthPercent()) + " (needs at least "
                        + percent(t.minGrowthPercent()) + ")";
        return new ValueReason("DEMAND", demanded.isPresent(), name(shown) + ": " + figures + ".");
    }

    private static ValueReason wageReason(Optional<Occupation> wellPaid, List<Occupation> judged, ValueThresholds t) {
        Occupation shown = wellPaid.orElseGet(() -> judged.stream()
                .filter(o -> o.medianAnnualWage() != null)
                .max(Comparator.comparing(o -> o.medianAnnualWage()))
                .orElse(judged.get(0)));
        String figures = shown.medianAnnualWage() == null
                ? "no published median wage"
                : "median annual wage $" + count(shown.medianAnnualWage()) + " (living wage in " + t.region() + ": $"
                        + count(t.livingWage()) + ")";
        return new ValueReason("LIVING_WAGE", wellPaid.isPresent(), name(shown) + ": " + figures + ".");
    }

    private static String name(Occupation o) {
        return o.title() + " (" + o.socCode() + ")";
    }

    private static String count(int n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    private static String percent(Double p) {
        return p == null ? "not published" : String.format(Locale.US, "%+.1f%%", p);
    }
}
