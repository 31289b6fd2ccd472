package org.credfolio.catalog.value;

import java.util.List;
import org.credfolio.catalog.Portability;

/**
 * A credential's value in one region and why: the tier from the labor market it leads to, the
 * signals beside it (portability, stackability, state list, employer endorsements, validation
 * reviews) and every rule with the figures it was judged on.
 *
 * @param qualifyingOccupation the SOC code of the occupation that made it high value, if any
 * @param peakOpenings annual openings of its most demanded occupation that counts as in demand; null
 *     when none does
 * @param stacksIntoHighValue ids of high-value credentials it stacks into
 * @param stateListed listed by the region's state (for {@code US}: by any state)
 * @param reviewOverdue never reviewed in the region, or last reviewed longer ago than allowed
 */
public record CredentialValue(
        String credentialId,
        String region,
        ValueTier tier,
        boolean inDemand,
        boolean paysLivingWage,
        String qualifyingOccupation,
        Integer peakOpenings,
        Portability portability,
        List<String> stacksIntoHighValue,
        boolean stateListed,
        long endorsementCount,
        ReviewSummary reviews,
        boolean reviewOverdue,
        ValueThresholds thresholds,
        List<ValueReason> reasons) {

    public boolean highValue() {
        return tier == ValueTier.HIGH_VALUE;
    }
}
