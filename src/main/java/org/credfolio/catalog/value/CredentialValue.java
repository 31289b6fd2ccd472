package org.credfolio.catalog.value;

import java.util.List;
import org.credfolio.catalog.CredentialCategory;
import org.credfolio.catalog.Portability;

/**
 * A credential's value in one region and why: the tier from the labor market it leads to, the
 * signals beside it (portability, stackability, state list, employer endorsements, validation
 * reviews) and every rule with the figures it was judged on.
 *
 * @param category license, certification, software, general career readiness or CTE assessment;
 *     null when not recorded
 * @param highSchoolAttainable whether a high-school student can earn it; null when not recorded
 * @param occupations the linked occupations as the region sees them, open to high-school graduates
 *     or a pathway
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
        CredentialCategory category,
        Boolean highSchoolAttainable,
        List<OccupationOutlook> occupations,
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

    /**
     * Not known to be out of a high-school student's reach: recorded as earnable, or not recorded yet
     * (a district's own catalog entries often are not; the value reasons say it is unrecorded).
     */
    public boolean attainableInHighSchool() {
        return !Boolean.FALSE.equals(highSchoolAttainable);
    }

    /** Linked occupations that need more education or experience than a high-school graduate has. */
    public List<OccupationOutlook> pathway() {
        return occupations.stream().filter(o -> !o.openToHighSchoolGraduates()).toList();
    }
}
