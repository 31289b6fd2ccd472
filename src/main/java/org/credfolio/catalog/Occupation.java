package org.credfolio.catalog;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An occupation with its public labor-market figures.
 *
 * @param socCode SOC 2018 code, such as {@code 49-3023}
 * @param medianAnnualWage BLS OEWS national median annual wage, dollars; null where not published
 * @param annualOpenings BLS Employment Projections average annual openings (people)
 * @param growthPercent BLS projected employment change over the decade, percent
 * @param jobZone O*NET job zone, 1 (little preparation) to 5 (extensive)
 */
@Document("occupations")
public record Occupation(
        @Id String socCode,
        String title,
        String description,
        Integer medianAnnualWage,
        Integer annualOpenings,
        Double growthPercent,
        Integer jobZone,
        String typicalEducation,
        List<String> careerClusters) {}
