package org.credfolio.learner;

/**
 * Restricted data for equity reporting, as districts report it federally. Visible only to the
 * learner's own district's registrars and district admins; reports only ever aggregate it.
 */
public record Demographics(
        RaceEthnicity raceEthnicity,
        Gender gender,
        Boolean economicallyDisadvantaged,
        Boolean englishLearner,
        Boolean disability) {

    /** The seven federal race/ethnicity reporting categories. */
    public enum RaceEthnicity {
        AMERICAN_INDIAN_OR_ALASKA_NATIVE,
        ASIAN,
        BLACK_OR_AFRICAN_AMERICAN,
        HISPANIC_OR_LATINO,
        NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER,
        WHITE,
        TWO_OR_MORE_RACES
    }

    public enum Gender {
        FEMALE,
        MALE,
        NONBINARY,
        NOT_REPORTED
    }
}
