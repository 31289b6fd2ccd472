package org.credfolio.catalog.regional;

import java.time.Instant;
import java.util.Map;
import org.credfolio.catalog.labormarket.StateFile;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A state's labor market: every detailed occupation's wages and projections in one document (about
 * 800 occupations, well under 1 MB), so that judging a catalog for a state is one read.
 *
 * @param region the state's two-letter USPS code
 * @param occupations figures by SOC code; {@link StateFile#TOTAL} is the all-occupations total
 * @param wageRelease where the wages come from, in words
 * @param projectionsRelease where the openings and growth come from, in words
 */
@Document("regional_labor_markets")
public record RegionalLaborMarket(
        @Id String region,
        Map<String, RegionalOccupation> occupations,
        String wageRelease,
        String projectionsRelease,
        Instant updatedAt) {

    /** The occupation's figures in this state; {@link RegionalOccupation#NONE} when it has none. */
    public RegionalOccupation occupation(String socCode) {
        return occupations.getOrDefault(socCode, RegionalOccupation.NONE);
    }

    /** The all-occupations total: what thresholds are relative to. */
    public RegionalOccupation total() {
        return occupation(StateFile.TOTAL);
    }
}
