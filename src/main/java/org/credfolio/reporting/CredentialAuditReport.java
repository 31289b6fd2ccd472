package org.credfolio.reporting;

import java.time.Instant;
import java.util.List;
import org.credfolio.catalog.value.CredentialValue;

/**
 * Every credential a district's learners earn or its programs offer, with its value and what to do
 * about it: the "credential clutter" audit.
 */
public record CredentialAuditReport(
        String districtId, String districtName, String region, Instant generatedAt, long learners, List<Row> rows) {

    /**
     * @param offeredIn names of the district's programs of study that embed it
     * @param because the rules behind the recommendation, in words
     */
    public record Row(
            String credentialId,
            String name,
            CredentialValue value,
            long earners,
            long awards,
            List<String> offeredIn,
            Recommendation recommendation,
            String because) {}

    public long count(Recommendation recommendation) {
        return rows.stream().filter(r -> r.recommendation() == recommendation).count();
    }
}
