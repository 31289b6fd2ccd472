package org.credfolio.reporting;

import java.time.Instant;
import java.util.List;
import org.credfolio.catalog.value.ValueTier;

/**
 * How what a district's learners earn lines up with what the labor market asks for.
 *
 * @param inDemandPercent percent of the district's earned credentials (awards) that are in demand
 * @param highValuePercent percent that are high value
 * @param overlap ids of credentials both among the ten most earned and the ten most in demand
 * @param undersupplied high-value credentials earned by few of the district's learners, most in
 *     demand first
 */
public record SupplyDemandReport(
        String districtId,
        String districtName,
        String region,
        Instant generatedAt,
        long learners,
        long awards,
        long inDemandAwards,
        double inDemandPercent,
        double highValuePercent,
        List<Row> mostEarned,
        List<Row> mostInDemand,
        List<String> overlap,
        List<Row> undersupplied,
        double undersuppliedPerThousand) {

    /** One credential's supply (earners in the district) beside its demand (annual openings). */
    public record Row(
            String credentialId,
            String name,
            ValueTier tier,
            boolean inDemand,
            Integer peakOpenings,
            long earners,
            long awards,
            double earnersPerThousand) {}
}
