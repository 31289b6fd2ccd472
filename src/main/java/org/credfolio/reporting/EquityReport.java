package org.credfolio.reporting;

import java.time.Instant;
import java.util.List;

/**
 * Attainment by learner group, with small cells suppressed so that no learner's group can be
 * singled out and no hidden cell can be worked out from the totals.
 */
public record EquityReport(
        String districtId,
        String districtName,
        Instant generatedAt,
        int minCellSize,
        Group overall,
        List<Dimension> dimensions) {

    /** One way of grouping learners: a demographic field, or CTE participation. */
    public record Dimension(String dimension, List<Group> groups) {}

    /**
     * One group's figures; every number is null when the group is suppressed.
     *
     * @param attainmentRate share of the group's learners who earned at least one credential
     * @param attainmentGap the group's rate minus the rate of all learners, in percentage points
     */
    public record Group(
            String group,
            boolean suppressed,
            Long learners,
            Long attained,
            Double attainmentRate,
            Double attainmentGap,
            Long highValue,
            Double highValueRate,
            Double highValueGap) {}
}
