package org.credfolio.catalog.value;

import java.util.Set;

/**
 * One occupation a credential leads to, as a region sees it: entry wage, openings and growth in the
 * region (the nation's figure where the region publishes none, and it says so), and whether a
 * high-school graduate with the credential can enter it now.
 *
 * @param entryWage annual wage at the occupation's 25th percentile
 * @param wageFrom the region the wage is from: the region judged, or US as its fallback
 * @param demandFrom the region the openings and growth are from
 * @param role the credential's role for the occupation in CTDL terms, such as isPreparationFor
 */
public record OccupationOutlook(
        String socCode,
        String title,
        Integer entryWage,
        String wageFrom,
        Integer annualOpenings,
        Double growthPercent,
        String demandFrom,
        String typicalEducation,
        String workExperience,
        Integer jobZone,
        String role) {

    /** BLS typical entry-level education a high-school graduate has, or can have with the credential. */
    private static final Set<String> HIGH_SCHOOL_ENTRY = Set.of(
            "No formal educational credential",
            "High school diploma or equivalent",
            "Some college, no degree",
            "Postsecondary nondegree award");

    /**
     * A high-school graduate can enter it now: BLS typical entry education up to a postsecondary
     * nondegree award and no work experience required; where BLS publishes no entry education, O*NET
     * job zone 3 or less (medium preparation: vocational training, on-the-job experience).
     */
    public boolean openToHighSchoolGraduates() {
        if (typicalEducation != null) {
            return HIGH_SCHOOL_ENTRY.contains(typicalEducation)
                    && (workExperience == null || workExperience.equals("None"));
        }
        return jobZone == null || jobZone <= 3;
    }

    /** Why a high-school graduate cannot enter it yet, in words; null when they can. */
    String barrier() {
        if (openToHighSchoolGraduates()) {
            return null;
        }
        if (typicalEducation == null) {
            return "O*NET job zone " + jobZone + " (considerable preparation)";
        }
        return HIGH_SCHOOL_ENTRY.contains(typicalEducation)
                ? "work experience of " + workExperience.toLowerCase(java.util.Locale.ROOT)
                : "a typical entry education of " + typicalEducation;
    }

    boolean hasFigures() {
        return entryWage != null || annualOpenings != null;
    }

    String name() {
        return title + " (" + socCode + ")";
    }
}
