package org.credfolio.catalog.value;

import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credfolio.value.*}: thresholds per region and how old a validation review may grow.
 *
 * @param regions settings per region ({@code US} or a state's two-letter code); any field left
 *     out keeps the national default
 * @param reviewMaxAge a credential whose last validation review in a region is older than this is
 *     flagged for review; two years by default, the cycle of the Perkins V comprehensive local
 *     needs assessment
 */
@ConfigurationProperties("credfolio.value")
public record ValueProperties(Map<String, RegionSettings> regions, Period reviewMaxAge) {

    public ValueProperties {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
        reviewMaxAge = reviewMaxAge == null ? Period.ofYears(2) : reviewMaxAge;
    }

    /** One region's overrides; null fields keep the national default. */
    public record RegionSettings(
            Integer livingWage, Integer demandOpenings, Double minGrowthPercent, Integer endorsementsForLocalDemand) {}

    ValueThresholds thresholds(String region) {
        ValueThresholds national = ValueThresholds.NATIONAL;
        RegionSettings us = regions.get(national.region());
        RegionSettings own = regions.get(region);
        return new ValueThresholds(
                region,
                pick(own, us, RegionSettings::livingWage, national.livingWage()),
                pick(own, us, RegionSettings::demandOpenings, national.demandOpenings()),
                pick(own, us, RegionSettings::minGrowthPercent, national.minGrowthPercent()),
                pick(own, us, RegionSettings::endorsementsForLocalDemand, national.endorsementsForLocalDemand()),
                own != null || national.region().equals(region));
    }

    private static <T> T pick(
            RegionSettings own, RegionSettings us, java.util.function.Function<RegionSettings, T> field, T fallback) {
        if (own != null && field.apply(own) != null) {
            return field.apply(own);
        }
        if (us != null && field.apply(us) != null) {
            return field.apply(us);
        }
        return fallback;
    }
}
