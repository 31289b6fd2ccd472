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
        List<String> careerClusters) {

    // Each labor-market file provides some of the fields; loading one must leave the others alone.

    public Occupation withTitle(String newTitle) {
        return new Occupation(
                socCode,
                newTitle,
                description,
                medianAnnualWage,
                annualOpenings,
                growthPercent,
                jobZone,
                typicalEducation,
                careerClusters);
    }

    public Occupation withMedianAnnualWage(Integer wage) {
        return new Occupation(
                socCode,
                title,
                description,
                wage,
                annualOpenings,
                growthPercent,
                jobZone,
                typicalEducation,
                careerClusters);
    }

    public Occupation withProjection(Integer openings, Double growth, String education) {
        return new Occupation(
                socCode, title, description, medianAnnualWage, openings, growth, jobZone, education, careerClusters);
    }

    public Occupation withDescription(String newDescription) {
        return new Occupation(
                socCode,
                title,
                newDescription,
                medianAnnualWage,
                annualOpenings,
                growthPercent,
                jobZone,
                typicalEducation,
                careerClusters);
    }

    public Occupation withJobZone(Integer zone) {
        return new Occupation(
                socCode,
                title,
                description,
                medianAnnualWage,
                annualOpenings,
                growthPercent,
                zone,
                typicalEducation,
                careerClusters);
    }

    public Occupation withCareerClusters(List<String> clusters) {
        return new Occupation(
                socCode,
                title,
                description,
                medianAnnualWage,
                annualOpenings,
                growthPercent,
                jobZone,
                typicalEducation,
                clusters);
    }
}
