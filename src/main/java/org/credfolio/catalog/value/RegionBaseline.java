package org.credfolio.catalog.value;

/**
 * The all-occupations figures of a region, which the rules' thresholds are relative to.
 *
 * @param region US or a state's code
 * @param entryWage annual wage at the 25th percentile of all occupations
 * @param medianWage median annual wage of all occupations
 * @param annualOpenings projected openings a year, all occupations
 * @param growthPercent projected change in employment over the decade, all occupations
 * @param povertyLine twice the 2026 HHS poverty guideline for one person in the region: a wage
 *     below it leaves a single adult within reach of poverty programs
 * @param source where the figures come from, in words
 * @param nationalFallback true when the region has no figures and the nation's stand in
 */
public record RegionBaseline(
        String region,
        int entryWage,
        int medianWage,
        int annualOpenings,
        double growthPercent,
        int povertyLine,
        String source,
        boolean nationalFallback) {

    /**
     * The nation: BLS OEWS May 2024 all occupations (25th percentile $36,730, median $49,500) and BLS
     * Employment Projections 2024-34 summed over its 832 occupations (18,861,600 openings a year;
     * employment 169,956,400 to 175,169,900, +3.1%); twice the 2026 poverty guideline for one person in
     * the 48 contiguous states and DC ($31,920).
     */
    public static final RegionBaseline NATIONAL = new RegionBaseline(
            Regions.NATIONAL,
            36_730,
            49_500,
            18_861_600,
            3.1,
            31_920,
            "BLS OEWS May 2024 and Employment Projections 2024-34 (national)",
            false);
}
