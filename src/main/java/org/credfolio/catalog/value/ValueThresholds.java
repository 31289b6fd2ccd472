package org.credfolio.catalog.value;

/**
 * The figures a region judges credentials by. National defaults come from the BLS files the
 * project ships; a region (a state's two-letter code) may override any of them.
 *
 * @param livingWage annual wage, dollars, at or above which an occupation pays a living wage
 * @param demandOpenings average annual openings at or above which an occupation is in demand
 * @param minGrowthPercent projected ten-year change below which an occupation is declining and so
 *     not in demand, whatever its openings (openings count replacement of leavers)
 * @param endorsementsForLocalDemand distinct employer endorsements in the region that count as
 *     local demand when the national figures do not show it
 * @param configured false when the region has no settings of its own and uses the defaults
 */
public record ValueThresholds(
        String region,
        int livingWage,
        int demandOpenings,
        double minGrowthPercent,
        int endorsementsForLocalDemand,
        boolean configured) {

    /**
     * National defaults. Living wage: the median annual wage of all U.S. occupations, BLS OEWS May
     * 2024 ($49,500): half of U.S. workers earn less. Demand: 10,000 annual openings, BLS
     * Employment Projections 2024-34, about the top third of the 832 projected occupations.
     * Declining: a projected loss of more than 5% over the decade. Local demand: three employers.
     */
    public static final ValueThresholds NATIONAL = new ValueThresholds("US", 49_500, 10_000, -5.0, 3, true);
}
