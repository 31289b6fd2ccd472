package org.credfolio.catalog.value;

import java.time.Instant;
import org.credfolio.organization.OrganizationType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An employer's, workforce board's or college's review of a credential for one region. Reviews are
 * kept as history: a new review does not replace the last, so the catalog can show how opinions
 * moved.
 *
 * @param reviewerType the kind of organization that reviewed, shown beside its name
 * @param reviewedBy the account that submitted it
 */
@Document("validationReviews")
@CompoundIndex(name = "credential_region_time", def = "{'credentialId': 1, 'region': 1, 'reviewedAt': -1}")
public record ValidationReview(
        @Id String id,
        String credentialId,
        String region,
        String organizationId,
        OrganizationType reviewerType,
        RubricScores scores,
        String comment,
        String reviewedBy,
        Instant reviewedAt) {}
