package org.credfolio.catalog.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tier a credential earns from the occupations it leads to. Only occupations a high-school
 * graduate with the credential can enter now count toward its value; the others are the pathway it
 * leads toward. Each occupation is judged on its own, so a credential that leads to one occupation
 * in demand that pays enough at entry is high value even if it also leads to others that are not.
 *
 * @param occupations every linked occupation as the region sees it
 */
record LaborMarketJudgement(
        ValueTier tier,
        boolean inDemand,
        boolean paysLivingWage,
        String qualifyingOccupation,
        Integer peakOpenings,
        List<OccupationOutlook> occupations,
        List<ValueReason> reasons) {

    static LaborMarketJudgement of(
            List<OccupationOutlook> occupations,
            boolean careerReadiness,
            boolean software,
            ValueThresholds t,
            long endorsements) {
        List<ValueReason> reasons = new ArrayList<>();
        List<OccupationOutlook> judged =
                occupations.stream().filter(OccupationOutlook::hasFigures).toList();
        if (judged.isEmpty()) {
            reasons.add(new ValueReason(
                    "OCCUPATION_FIGURES", false, "No linked occupation has published wage or openings figures."));
            return new LaborMarketJudgement(
                    careerReadiness ? ValueTier.CAREER_READINESS : ValueTier.NOT_CLASSIFIED,
                    false,
                    false,
                    null,
                    null,
                    occupations,
                    reasons);
        }
        List<OccupationOutlook> open = judged.stream()
                .filter(OccupationOutlook::openToHighSchoolGraduates)
                .toList();
        List<OccupationOutlook> pathway =
                judged.stream().filter(o -> !o.openToHighSchoolGraduates()).toList();
        reasons.add(entryReason(open, pathway));
        if (software) {
            // Credentials Matter judges software credentials by the entry postings that ask for the
            // skill. Credfolio has no postings data: the curated role stands in for it.
            List<OccupationOutlook> asked = open.stream()
                    .filter(o -> "isRequiredFor".equals(o.role()) || "isRecommendedFor".equals(o.role()))
                    .toList();
            reasons.add(new ValueReason(
                    "SOFTWARE_SKILL_ASKED",
                    !asked.isEmpty(),
                    asked.isEmpty()
                            ? "A software credential counts only for occupations whose employers ask for the skill;"
                                    + " none of its occupations is recorded as asking for it."
                            : "Employers ask for the skill in "
                                    + asked.stream()
                                            .map(OccupationOutlook::name)
                                            .collect(Collectors.joining(", ")) + "."));
            open = asked;
        }
        if (open.isEmpty()) {
            return new LaborMarketJudgement(
                    careerReadiness
                            ? ValueTier.CAREER_READINESS
                            : pathway.isEmpty() ? ValueTier.LOW_VALUE : ValueTier.PATHWAY_ONLY,
                    false,
                    false,
                    null,
                    null,
                    occupations,
                    reasons);
        }
        Optional<OccupationOutlook> demanded =
                open.stream().filter(o -> inDemand(o, t)).max(Comparator.comparing(o -> o.annualOpenings()));
        Optional<OccupationOutlook> wellPaid =
                open.stream().filter(o -> paysEnough(o, t)).max(Comparator.comparing(o -> o.entryWage()));
        Optional<OccupationOutlook> qualifying = open.stream()
                .filter(o -> inDemand(o, t) && paysEnough(o, t))
                .max(Comparator.comparing(o -> o.annualOpenings()));
        reasons.add(demandReason(demanded, open, t));
        reasons.add(wageReason(wellPaid, open, t));
        boolean figuresShowDemand = demanded.isPresent();
        boolean localDemand = !figuresShowDemand && endorsements >= t.endorsementsForLocalDemand();
        if (!figuresShowDemand) {
            reasons.add(new ValueReason(
                    "LOCAL_DEMAND",
                    localDemand,
                    endorsements + " employer endorsement(s) in " + t.region() + "; " + t.endorsementsForLocalDemand()
                            + " count as local demand."));
        }
        boolean inDemand = figuresShowDemand || localDemand;
        boolean paysEnough = wellPaid.isPresent();
        ValueTier tier;
        String qualifyingSoc = null;
        if (qualifying.isPresent() || (localDemand && paysEnough)) {
            OccupationOutlook best = qualifying.orElse(wellPaid.orElse(null));
            qualifyingSoc = best.socCode();
            reasons.add(new ValueReason(
                    "HIGH_VALUE_OCCUPATION",
                    true,
                    qualifying.isPresent()
                            ? best.name() + " is open to high-school graduates, in demand, and pays enough at entry."
                            : "Employers in " + t.region() + " endorse it and " + best.name()
                                    + " pays enough at entry."));
            tier = ValueTier.HIGH_VALUE;
        } else {
            if (figuresShowDemand && paysEnough) {
                reasons.add(new ValueReason(
                        "HIGH_VALUE_OCCUPATION",
                        false,
                        "The occupations in demand do not pay enough at entry, and those that do are not in demand."));
            }
            tier = inDemand ? ValueTier.LOW_WAGE : paysEnough ? ValueTier.LIMITED_DEMAND : ValueTier.LOW_VALUE;
        }
        if (careerReadiness) {
            reasons.add(new ValueReason(
                    "CAREER_READINESS",
                    false,
                    "A general career readiness credential (workplace safety, first aid, basic skills) is worth"
                            + " earning beside an occupational one, but never high value on its own."));
            tier = ValueTier.CAREER_READINESS;
            qualifyingSoc = null;
        }
        Integer peakOpenings = demanded.map(OccupationOutlook::annualOpenings).orElse(null);
        return new LaborMarketJudgement(
                tier, inDemand, paysEnough, qualifyingSoc, peakOpenings, occupations, List.copyOf(reasons));
    }

    static boolean inDemand(OccupationOutlook o, ValueThresholds t) {
        return t.inDemand(o.annualOpenings(), o.growthPercent());
    }

    static boolean paysEnough(OccupationOutlook o, ValueThresholds t) {
        return o.entryWage() != null && o.entryWage() >= t.livingWage();
    }

    private static ValueReason entryReason(List<OccupationOutlook> open, List<OccupationOutlook> pathway) {
        String openPart = open.isEmpty()
                ? "No linked occupation is open to a high-school graduate now."
                : open.size() + " linked occupation(s) open to a high-school graduate with it.";
        String pathwayPart =
                pathway.stream().map(o -> o.name() + " needs " + o.barrier()).collect(Collectors.joining("; "));
        return new ValueReason(
                "HIGH_SCHOOL_ENTRY",
                !open.isEmpty(),
                openPart + (pathway.isEmpty() ? "" : " Leads toward, not into: " + pathwayPart + "."));
    }

    private static ValueReason demandReason(
            Optional<OccupationOutlook> demanded, List<OccupationOutlook> open, ValueThresholds t) {
        OccupationOutlook shown = demanded.orElseGet(() -> open.stream()
                .filter(o -> o.annualOpenings() != null)
                .max(Comparator.comparing(o -> o.annualOpenings()))
                .orElse(open.get(0)));
        String figures = shown.annualOpenings() == null
                ? "no published openings"
                : ValueRules.count(shown.annualOpenings()) + " annual openings, projected change "
                        + ValueRules.percent(shown.growthPercent()) + fallback(shown.demandFrom(), t);
        return new ValueReason(
                "DEMAND",
                demanded.isPresent(),
                shown.name() + " in " + t.region() + ": " + figures + " (needs " + t.demandRule() + ").");
    }

    private static ValueReason wageReason(
            Optional<OccupationOutlook> wellPaid, List<OccupationOutlook> open, ValueThresholds t) {
        OccupationOutlook shown = wellPaid.orElseGet(() -> open.stream()
                .filter(o -> o.entryWage() != null)
                .max(Comparator.comparing(o -> o.entryWage()))
                .orElse(open.get(0)));
        String figures = shown.entryWage() == null
                ? "no published entry wage"
                : "entry wage (25th percentile) $" + ValueRules.count(shown.entryWage())
                        + fallback(shown.wageFrom(), t);
        return new ValueReason(
                "ENTRY_WAGE",
                wellPaid.isPresent(),
                shown.name() + " in " + t.region() + ": " + figures + " (needs $" + ValueRules.count(t.livingWage())
                        + ", " + t.wageBasis() + ").");
    }

    /** Says when a figure is the nation's because the region publishes none. */
    private static String fallback(String from, ValueThresholds t) {
        return from.equals(t.region()) ? "" : " (national figure: " + t.region() + " publishes none)";
    }
}
