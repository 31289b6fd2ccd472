package org.credfolio.catalog.value;

/**
 * The figures a region judges credentials by: its rule set applied to its own all-occupations
 * figures, with any number a region's configuration sets instead.
 *
 * @param rules the rule set
 * @param livingWage annual entry wage (the occupation's 25th percentile), dollars, at or above
 *     which an occupation pays enough
 * @param demandOpenings openings a year at or above which an occupation can count as in demand
 * @param minGrowthPercent projected ten-year change an occupation must reach; null: no growth test
 * @param endorsementsForLocalDemand distinct employer endorsements in the region that count as
 *     local demand when the figures do not show it
 * @param configured false when the region has no settings of its own and uses the defaults
 * @param baseline the region's all-occupations figures (the nation's when it has none)
 * @param wageBasis where the wage threshold comes from, in words
 * @param demandBasis where the demand thresholds come from, in words
 */
public record ValueThresholds(
        String region,
        ValueRules rules,
        int livingWage,
        int demandOpenings,
        Double minGrowthPercent,
        int endorsementsForLocalDemand,
        boolean configured,
        RegionBaseline baseline,
        String wageBasis,
        String demandBasis) {

    /** Whether an occupation with these figures is in demand by the region's rule set. */
    boolean inDemand(Integer openings, Double growth) {
        boolean enoughOpenings = openings != null && openings >= demandOpenings;
        boolean growing = minGrowthPercent == null || (growth != null && growth >= minGrowthPercent);
        if (rules.eitherDemandTest()) {
            return enoughOpenings || (minGrowthPercent != null && growth != null && growth > minGrowthPercent);
        }
        return enoughOpenings && (growing || growth == null);
    }

    /** The demand rule in words, with its numbers. */
    String demandRule() {
        String openings = "at least " + ValueRules.count(demandOpenings) + " openings a year";
        if (minGrowthPercent == null) {
            return openings;
        }
        String growth = "projected growth " + (rules.eitherDemandTest() ? "above " : "of at least ")
                + ValueRules.percent(minGrowthPercent);
        return rules.eitherDemandTest() ? growth + ", or " + openings : openings + " and " + growth;
    }
}
