package org.credfolio.catalog;

/** The credential's role for an occupation, in the Credential Transparency Description Language's terms. */
public enum OccupationRole {
    /** {@code ceterms:isRequiredFor}: the occupation cannot be entered without it (a license). */
    IS_REQUIRED_FOR("isRequiredFor"),
    /** {@code ceterms:isRecommendedFor}: employers in the occupation ask for it. */
    IS_RECOMMENDED_FOR("isRecommendedFor"),
    /** {@code ceterms:isPreparationFor}: it prepares for the occupation. */
    IS_PREPARATION_FOR("isPreparationFor");

    private final String term;

    OccupationRole(String term) {
        this.term = term;
    }

    /** The CTDL term without its prefix, such as {@code isPreparationFor}. */
    public String term() {
        return term;
    }
}
