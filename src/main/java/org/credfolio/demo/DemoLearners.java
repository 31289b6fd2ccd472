package org.credfolio.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.credfolio.learner.Demographics;
import org.credfolio.learner.Demographics.Gender;
import org.credfolio.learner.Demographics.RaceEthnicity;
import org.credfolio.learner.Learner;

/**
 * Synthetic learners of the demo district. Proportions follow a large Texas district roughly:
 * most learners Hispanic or Latino, about six in ten economically disadvantaged, about six in ten
 * taking part in a CTE program (more at the career academy).
 */
final class DemoLearners {
    static final int COUNT = 300;
    static final String FIRST_LEARNER = learnerId(1);

    private static final Weighted<RaceEthnicity> RACE = new Weighted<RaceEthnicity>()
            .add(RaceEthnicity.HISPANIC_OR_LATINO, 53)
            .add(RaceEthnicity.WHITE, 25)
            .add(RaceEthnicity.BLACK_OR_AFRICAN_AMERICAN, 13)
            .add(RaceEthnicity.ASIAN, 5)
            .add(RaceEthnicity.TWO_OR_MORE_RACES, 3)
            .add(RaceEthnicity.AMERICAN_INDIAN_OR_ALASKA_NATIVE, 0.6)
            .add(RaceEthnicity.NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER, 0.4);
    private static final Weighted<Gender> GENDER = new Weighted<Gender>()
            .add(Gender.FEMALE, 48.5)
            .add(Gender.MALE, 49.5)
            .add(Gender.NONBINARY, 0.8)
            .add(Gender.NOT_REPORTED, 1.2);

    private final Random random;
    private final Weighted<String> pathways = new Weighted<>();

    DemoLearners(Random random, List<String> programsOfStudy) {
        this.random = random;
        programsOfStudy.forEach(p -> pathways.add(p, CredentialChoice.pathwayWeight(p)));
    }

    static String learnerId(int n) {
        return String.format(Locale.ROOT, "demo-learner-%03d", n);
    }

    List<Learner> generate() {
        List<Learner> learners = new ArrayList<>(COUNT);
        for (int n = 1; n <= COUNT; n++) {
            learners.add(learner(n));
        }
        return learners;
    }

    private Learner learner(int n) {
        // The first learner backs the demo learner account, so it always has a CTE program.
        boolean academy = n != 1 && random.nextDouble() < 0.4;
        int graduationYear = n == 1 ? 2026 : 2025 + random.nextInt(4);
        List<String> programs =
                n == 1 ? List.of("Information Technology Support and Services") : programs(academy ? 0.8 : 0.47);
        Demographics demographics = demographics();
        String given = DemoNames.givenName(random, demographics.gender());
        String family = DemoNames.familyName(random);
        Instant enrolled = LocalDate.of(Math.max(graduationYear - 4, 2023), 8, 1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return new Learner(
                learnerId(n),
                DemoOrganizations.DISTRICT,
                academy ? DemoOrganizations.CAREER_ACADEMY : DemoOrganizations.HIGH_SCHOOL,
                String.format(Locale.ROOT, "CH-%06d", n),
                given,
                family,
                (family + " " + given).toLowerCase(Locale.ROOT),
                graduationYear,
                programs,
                demographics,
                enrolled,
                enrolled);
    }

    /** Most CTE participants concentrate in one program; a few take a second. */
    private List<String> programs(double participation) {
        if (pathways.isEmpty() || random.nextDouble() >= participation) {
            return List.of();
        }
        String first = pathways.pick(random);
        String second = random.nextDouble() < 0.1 ? pathways.pick(random) : first;
        return first.equals(second) ? List.of(first) : List.of(first, second);
    }

    private Demographics demographics() {
        return new Demographics(
                RACE.pick(random),
                GENDER.pick(random),
                random.nextDouble() < 0.6,
                random.nextDouble() < 0.22,
                random.nextDouble() < 0.13);
    }
}
