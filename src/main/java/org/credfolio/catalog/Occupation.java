package org.credfolio.catalog;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An occupation with its public labor-market figures.
 *
 * @param socCode SOC 2018 code, such as {@code 49-3023}
 * @param medianAnnualWage BLS OEWS national median annual wage, dollars; null where not published
 * @param entryAnnualWage BLS OEWS national 25th percentile annual wage: what an entry-level worker
 *     earns; null where not published
 * @param annualOpenings BLS Employment Projections average annual openings (people)
 * @param growthPercent BLS projected employment change over the decade, percent
 * @param jobZone O*NET job zone, 1 (little preparation) to 5 (extensive)
 * @param typicalEducation BLS typical entry-level education, such as "High school diploma or equivalent"
 * @param workExperience BLS work experience in a related occupation needed to enter: "None", "Less
 *     than 5 years" or "5 years or more"
 */
@Document("occupations")
public record Occupation(
        @Id String socCode,
        String title,
        String description,
        Integer medianAnnualWage,
        Integer entryAnnualWage,
        Integer annualOpenings,
        Double growthPercent,
        Integer jobZone,
        String typicalEducation,
        String workExperience,
        List<String> careerClusters) {

    // Each labor-market file provides some of the fields; loading one must leave the others alone.

    public Occupation withTitle(String newTitle) {
        return new Occupation(
                socCode,
                newTitle,
                description,
                medianAnnualWage,
                entryAnnualWage,
                annualOpenings,
                growthPercent,
                jobZone,
                typicalEducation,
                workExperience,
                careerClusters);
    }

    public Occupation withWages(Integer median, Integer entry) {
        return new Occupation(
                socCode,
                title,
                description,
                median,
                entry,
                annualOpenings,
                growthPercent,
                jobZone,
                typicalEducation,
                workExperience,
                careerClusters);
    }

    public Occupation withProjection(Integer openings, Double growth, String education, String experience) {
        return new Occupation(
                socCode,
                title,
                description,
                medianAnnualWage,
                entryAnnualWage,
                openings,
                growth,
                jobZone,
                education,
                experience,
                careerClusters);
    }

    public Occupation withDescription(String newDescription) {
        return new Occupation(
                socCode,
                title,
                newDescription,
                medianAnnualWage,
                entryAnnualWage,
                annualOpenings,
                growthPercent,
                jobZone,
                typicalEducation,
                workExperience,
                careerClusters);
    }

    public Occupation withJobZone(Integer zone) {
        return new Occupation(
                socCode,
                title,
                description,
                medianAnnualWage,
                entryAnnualWage,
                annualOpenings,
                growthPercent,
                zone,
                typicalEducation,
                workExperience,
                careerClusters);
    }

    public Occupation withCareerClusters(List<String> clusters) {
        return new Occupation(
                socCode,
                title,
                description,
                medianAnnualWage,
                entryAnnualWage,
                annualOpenings,
                growthPercent,
                jobZone,
                typicalEducation,
                workExperience,
                clusters);
    }
}
