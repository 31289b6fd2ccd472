package org.credfolio.catalog.value;

import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credfolio.value.*}: the rule set and thresholds per region, and how old a validation review
 * may grow.
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

    /**
     * One region's settings; null fields keep the {@code US} settings, then the defaults.
     *
     * @param rules the rule set by name (ENTRY_LEVEL, INDIANA, OHIO, WASHINGTON); ENTRY_LEVEL by default
     * @param livingWage an entry wage threshold in dollars instead of the rule set's
     * @param demandOpenings an openings threshold instead of the rule set's
     * @param minGrowthPercent a growth threshold instead of the rule set's
     */
    public record RegionSettings(
            ValueRules rules,
            Integer livingWage,
            Integer demandOpenings,
            Double minGrowthPercent,
            Integer endorsementsForLocalDemand) {}

    /** The region's thresholds: its rule set on its baseline, then any number it sets itself. */
    ValueThresholds thresholds(String region, RegionBaseline baseline) {
        RegionSettings us = regions.get(Regions.NATIONAL);
        RegionSettings own = regions.get(region);
        ValueRules rules = pick(own, us, RegionSettings::rules, ValueRules.ENTRY_LEVEL);
        ValueRules.Threshold<Integer> wage = rules.wage(baseline);
        ValueRules.Threshold<Integer> openings = rules.openings(baseline);
        ValueRules.Threshold<Double> growth = rules.growth(baseline);
        Integer wageSet = pick(own, us, RegionSettings::livingWage, null);
        Integer openingsSet = pick(own, us, RegionSettings::demandOpenings, null);
        Double growthSet = pick(own, us, RegionSettings::minGrowthPercent, null);
        String setHere = "set for " + region + " in configuration";
        return new ValueThresholds(
                region,
                rules,
                wageSet != null ? wageSet : wage.value(),
                openingsSet != null ? openingsSet : openings.value(),
                growthSet != null ? growthSet : growth.value(),
                pick(own, us, RegionSettings::endorsementsForLocalDemand, 3),
                own != null || Regions.NATIONAL.equals(region),
                baseline,
                wageSet != null ? setHere : wage.basis(),
                openingsSet != null || growthSet != null ? setHere : openings.basis() + "; growth: " + growth.basis());
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
