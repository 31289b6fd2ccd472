package org.credfolio.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.credfolio.catalog.CredentialCategory;
import org.credfolio.catalog.Portability;
import org.credfolio.catalog.value.CredentialValue;
import org.credfolio.catalog.value.ReviewSummary;
import org.credfolio.catalog.value.RubricScores;
import org.credfolio.catalog.value.ValidationReview;
import org.credfolio.catalog.value.ValueTier;
import org.credfolio.organization.OrganizationType;
import org.junit.jupiter.api.Test;

/** The audit's rule: each recommendation follows from the tier and what redeems or sinks it, in words. */
class AuditRecommendationTest {

    @Test
    void lowWageLeadingNowhereAndVouchedForByNoOneIsAPhaseOutCandidate() {
        AuditRecommendation r = AuditRecommendation.of(value(ValueTier.LOW_WAGE, true, List.of(), 0, null));
        assertThat(r.recommendation()).isEqualTo(Recommendation.PHASE_OUT);
        assertThat(r.because()).startsWith("Its jobs are in demand but pay too little at entry");
    }

    @Test
    void stackingIntoHighValueOrAnEmployerRedeemsIt() {
        assertThat(AuditRecommendation.of(value(ValueTier.LOW_WAGE, true, List.of("target"), 0, null))
                        .recommendation())
                .isEqualTo(Recommendation.KEEP);
        AuditRecommendation endorsed = AuditRecommendation.of(value(ValueTier.LOW_WAGE, true, List.of(), 2, null));
        assertThat(endorsed.recommendation()).isEqualTo(Recommendation.REVIEW);
        assertThat(endorsed.because()).contains("2 employer(s) in TX endorse it");
        assertThat(AuditRecommendation.of(value(ValueTier.LOW_VALUE, true, List.of(), 0, 4))
                        .recommendation())
                .isEqualTo(Recommendation.REVIEW);
    }

    @Test
    void aPoorReviewSinksAndAnOutOfReachCredentialIsReviewed() {
        AuditRecommendation poor = AuditRecommendation.of(value(ValueTier.LIMITED_DEMAND, true, List.of(), 0, 2));
        assertThat(poor.recommendation()).isEqualTo(Recommendation.PHASE_OUT);
        assertThat(poor.because()).contains("its latest review scores 2.0 of 5");
        AuditRecommendation outOfReach = AuditRecommendation.of(value(ValueTier.HIGH_VALUE, false, List.of(), 0, null));
        assertThat(outOfReach.recommendation()).isEqualTo(Recommendation.REVIEW);
        assertThat(outOfReach.because()).contains("a high-school student cannot earn it");
    }

    @Test
    void highValueIsKeptAndCareerReadinessAndPathwaysAreReviewed() {
        assertThat(AuditRecommendation.of(value(ValueTier.HIGH_VALUE, true, List.of(), 0, null))
                        .recommendation())
                .isEqualTo(Recommendation.KEEP);
        assertThat(AuditRecommendation.of(value(ValueTier.CAREER_READINESS, true, List.of(), 0, null))
                        .recommendation())
                .isEqualTo(Recommendation.REVIEW);
        assertThat(AuditRecommendation.of(value(ValueTier.PATHWAY_ONLY, true, List.of(), 0, null))
                        .because())
                .startsWith("It leads only toward jobs that need more first");
    }

    private static CredentialValue value(
            ValueTier tier, boolean attainable, List<String> stacksIntoHighValue, long endorsements, Integer score) {
        ValidationReview review = score == null
                ? null
                : new ValidationReview(
                        "r",
                        "c",
                        "TX",
                        "o",
                        OrganizationType.EMPLOYER,
                        new RubricScores(score, score, score, score, score),
                        null,
                        "u",
                        Instant.now());
        return new CredentialValue(
                "c",
                "TX",
                CredentialCategory.CERTIFICATION,
                attainable,
                List.of(),
                tier,
                false,
                false,
                null,
                null,
                Portability.NATIONAL,
                stacksIntoHighValue,
                false,
                endorsements,
                new ReviewSummary(review, review == null ? 0 : 1, endorsements),
                false,
                null,
                List.of());
    }
}
