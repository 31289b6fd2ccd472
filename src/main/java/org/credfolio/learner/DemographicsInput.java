package org.credfolio.learner;

/** Input of {@code setLearnerDemographics}; a missing value means "not reported". */
public record DemographicsInput(
        Demographics.RaceEthnicity raceEthnicity,
        Demographics.Gender gender,
        Boolean economicallyDisadvantaged,
        Boolean englishLearner,
        Boolean disability) {

    Demographics toDemographics() {
        return new Demographics(raceEthnicity, gender, economicallyDisadvantaged, englishLearner, disability);
    }
}
