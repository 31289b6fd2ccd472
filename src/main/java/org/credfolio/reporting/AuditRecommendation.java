package org.credfolio.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.credfolio.catalog.value.CredentialValue;
import org.credfolio.catalog.value.OccupationOutlook;
import org.credfolio.catalog.value.ValueTier;

/**
 * The audit's keep / review / phase-out rule. It follows from the tier first, then what can redeem
 * or sink a credential: stacking into a high-value credential, employer endorsements, reviewers'
 * scores, whether a high-school student can earn it and its category. The reason says each part.
 */
record AuditRecommendation(Recommendation recommendation, String because) {
    /** A validation review averaging below this (of 5) counts against a credential, at or above 4 for it. */
    private static final double POOR_REVIEW = 2.5;

    private static final double STRONG_REVIEW = 4.0;

    static AuditRecommendation of(CredentialValue value) {
        List<String> why = new ArrayList<>();
        why.add(tierInWords(value));
        boolean stacks = !value.stacksIntoHighValue().isEmpty();
        if (stacks) {
            why.add("it stacks into a high-value credential");
        }
        if (value.endorsementCount() > 0) {
            why.add(value.endorsementCount() + " employer(s) in " + value.region() + " endorse it");
        }
        Double score = value.reviews().latest() == null
                ? null
                : value.reviews().latest().scores().average();
        if (score != null) {
            why.add(String.format(java.util.Locale.US, "its latest review scores %.1f of 5", score));
        }
        boolean notInHighSchool = Boolean.FALSE.equals(value.highSchoolAttainable());
        if (notInHighSchool) {
            why.add("a high-school student cannot earn it");
        }
        if (value.reviewOverdue()) {
            why.add("a validation review is due in " + value.region());
        }
        return new AuditRecommendation(recommend(value, stacks, score, notInHighSchool), sentence(why));
    }

    private static Recommendation recommend(
            CredentialValue value, boolean stacks, Double score, boolean notInHighSchool) {
        if (notInHighSchool) {
            return Recommendation.REVIEW;
        }
        if (value.tier() == ValueTier.HIGH_VALUE || stacks) {
            return Recommendation.KEEP;
        }
        boolean vouchedFor = value.endorsementCount() > 0 || (score != null && score >= STRONG_REVIEW);
        boolean leadsNowhere = value.tier() == ValueTier.LOW_WAGE || value.tier() == ValueTier.LOW_VALUE;
        if ((leadsNowhere && !vouchedFor) || (score != null && score < POOR_REVIEW)) {
            return Recommendation.PHASE_OUT;
        }
        return Recommendation.REVIEW;
    }

    private static String tierInWords(CredentialValue value) {
        return switch (value.tier()) {
            case HIGH_VALUE -> "High value: it opens a job in demand that pays enough at entry";
            case LOW_WAGE -> "Its jobs are in demand but pay too little at entry";
            case LIMITED_DEMAND -> "Its jobs pay enough at entry but have few openings";
            case LOW_VALUE -> "Its jobs are neither in demand nor pay enough at entry";
            case PATHWAY_ONLY ->
                "It leads only toward jobs that need more first ("
                        + value.pathway().stream().map(OccupationOutlook::title).collect(Collectors.joining(", "))
                        + ")";
            case CAREER_READINESS ->
                "General career readiness: worth earning beside an occupational credential," + " not on its own";
            case NOT_CLASSIFIED -> "No labor-market figures for its occupations";
        };
    }

    private static String sentence(List<String> parts) {
        String joined = String.join("; ", parts);
        return joined.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + joined.substring(1) + ".";
    }
}
