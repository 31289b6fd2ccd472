package org.credfolio.catalog.value;

import java.time.Instant;

/**
 * The state of a credential's validation in one region: its latest review and how many employers
 * endorse it.
 *
 * @param latest the most recent review; null when it was never reviewed there
 */
public record ReviewSummary(ValidationReview latest, long reviewCount, long endorsementCount) {
    public static final ReviewSummary NONE = new ReviewSummary(null, 0, 0);

    public Instant lastReviewedAt() {
        return latest == null ? null : latest.reviewedAt();
    }
}
