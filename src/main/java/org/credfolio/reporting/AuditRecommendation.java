package org.credfolio.reporting;

import org.credfolio.catalog.value.CredentialValue;
import org.credfolio.catalog.value.ValueTier;

/** The audit's keep / review / phase-out rule, with the reason in words. */
record AuditRecommendation(Recommendation recommendation, String because) {

    static AuditRecommendation of(CredentialValue value) {
        String due = value.reviewOverdue() ? " Validation review due in " + value.region() + "." : "";
        if (value.tier() == ValueTier.HIGH_VALUE) {
            return new AuditRecommendation(Recommendation.KEEP, "High value." + due);
        }
        if (!value.stacksIntoHighValue().isEmpty()) {
            return new AuditRecommendation(
                    Recommendation.KEEP, tierInWords(value) + ", but it stacks into a high-value credential." + due);
        }
        if (value.tier() == ValueTier.LOW_VALUE && value.endorsementCount() == 0) {
            return new AuditRecommendation(
                    Recommendation.PHASE_OUT,
                    "Neither in demand nor paying a living wage, stacks into no high-value credential, and no employer"
                            + " endorses it.");
        }
        return new AuditRecommendation(Recommendation.REVIEW, tierInWords(value) + "." + due);
    }

    private static String tierInWords(CredentialValue value) {
        switch (value.tier()) {
            case LOW_WAGE:
                return "In demand, but its occupations pay less than the living wage";
            case LIMITED_DEMAND:
                return "Pays a living wage, but its occupations have few openings";
            case LOW_VALUE:
                return "Neither in demand nor paying a living wage, though " + value.endorsementCount()
                        + " employer(s) endorse it";
            case NOT_CLASSIFIED:
                return "No labor-market figures for its occupations";
            default:
                return "High value";
        }
    }
}
