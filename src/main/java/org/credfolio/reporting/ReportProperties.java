package org.credfolio.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credfolio.reports.*}.
 *
 * @param minCellSize learner groups smaller than this are suppressed; 10 by default, the smallest
 *     cell many state education agencies publish
 * @param undersuppliedPerThousand a high-value credential earned by fewer learners than this per
 *     1,000 of the district's learners is undersupplied
 * @param maxTime how long MongoDB may spend on one report pipeline before it stops it; 30 s by default
 */
@ConfigurationProperties("credfolio.reports")
public record ReportProperties(Integer minCellSize, Double undersuppliedPerThousand, java.time.Duration maxTime) {
    public ReportProperties {
        maxTime = maxTime == null ? java.time.Duration.ofSeconds(30) : maxTime;
        minCellSize = minCellSize == null ? 10 : minCellSize;
        undersuppliedPerThousand = undersuppliedPerThousand == null ? 5.0 : undersuppliedPerThousand;
        if (minCellSize < 1) {
            throw new IllegalArgumentException("credfolio.reports.min-cell-size must be at least 1");
        }
    }
}
