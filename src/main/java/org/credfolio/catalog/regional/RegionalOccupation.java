package org.credfolio.catalog.regional;

/**
 * One occupation's figures in one state (or the state's all-occupations total): a null field is a
 * figure the state's release does not publish.
 *
 * @param entryWage annual wage at the 25th percentile: what an entry-level worker earns
 * @param growthPercent projected change in employment over the projections' decade
 * @param annualOpenings average openings a year over the projections' decade (growth and
 *     replacement of leavers)
 */
public record RegionalOccupation(
        String title,
        Integer employment,
        Integer wageP10,
        Integer entryWage,
        Integer medianWage,
        Double growthPercent,
        Integer annualOpenings) {

    RegionalOccupation withWages(String newTitle, Integer newEmployment, Integer p10, Integer p25, Integer median) {
        return new RegionalOccupation(newTitle, newEmployment, p10, p25, median, growthPercent, annualOpenings);
    }

    RegionalOccupation withProjection(String fallbackTitle, Double growth, Integer openings) {
        return new RegionalOccupation(
                title == null ? fallbackTitle : title, employment, wageP10, entryWage, medianWage, growth, openings);
    }

    static final RegionalOccupation NONE = new RegionalOccupation(null, null, null, null, null, null, null);
}
