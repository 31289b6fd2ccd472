package org.credfolio.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.credfolio.awards.Award;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.learner.Learner;

/**
 * Earned credentials of the synthetic learners: about 45% of CTE participants and 10% of the
 * others hold one to three, earned 12 to 30 months before a fixed reference date (so the data is
 * the same on every run), almost always during the school year.
 */
final class DemoAwards {
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 9, 1);
    static final String RECORDED_BY = "demo-loader";

    private static final Weighted<Integer> HOW_MANY =
            new Weighted<Integer>().add(1, 55).add(2, 30).add(3, 15);

    private final Random random;
    private final Map<String, CredentialDefinition> catalog;
    private final CredentialChoice choice;

    DemoAwards(Random random, Map<String, CredentialDefinition> catalog) {
        this.random = random;
        this.catalog = catalog;
        this.choice = new CredentialChoice(catalog.keySet());
    }

    /** Awards by learner id; learners without awards are left out. */
    Map<String, List<Award>> generate(List<Learner> learners) {
        Map<String, List<Award>> awards = new LinkedHashMap<>();
        for (Learner learner : learners) {
            List<Award> earned = awardsOf(learner, howMany(learner));
            if (!earned.isEmpty()) {
                awards.put(learner.id(), earned);
            }
        }
        return awards;
    }

    private int howMany(Learner learner) {
        if (learner.id().equals(DemoLearners.FIRST_LEARNER)) {
            return 3; // the demo learner account should show a full portfolio
        }
        double rate = learner.ctePathways().isEmpty() ? 0.10 : 0.45;
        return random.nextDouble() < rate ? HOW_MANY.pick(random) : 0;
    }

    /** Distinct credentials, so no learner holds the same credential twice on one date. */
    private List<Award> awardsOf(Learner learner, int count) {
        List<String> chosen = new ArrayList<>();
        for (int attempt = 0; chosen.size() < count && attempt < count * 20; attempt++) {
            String id = choice.pick(random, learner.ctePathways());
            if (id != null && !chosen.contains(id)) {
                chosen.add(id);
            }
        }
        List<Award> awards = new ArrayList<>();
        chosen.forEach(id -> awards.add(award(learner, catalog.get(id))));
        awards.sort(Comparator.comparing(Award::earnedOn));
        return awards;
    }

    private Award award(Learner learner, CredentialDefinition credential) {
        LocalDate earnedOn = earnedOn(learner.graduationYear());
        Instant recordedAt = atWorkHours(earnedOn.plusDays(2 + random.nextInt(20)));
        AwardDetails.Status status = AwardDetails.status(random);
        Instant changedAt = status.reason() == null ? null : recordedAt.plus(30 + random.nextInt(150), ChronoUnit.DAYS);
        return new Award(
                learner.id() + "." + String.format(Locale.ROOT, "%016x", random.nextLong()),
                credential.id(),
                earnedOn,
                credential.renewalMonths() == null ? null : earnedOn.plusMonths(credential.renewalMonths()),
                AwardDetails.result(random, credential),
                null,
                AwardDetails.fee(random, credential),
                status.status(),
                status.reason(),
                changedAt,
                RECORDED_BY,
                recordedAt,
                Award.dedupKey(credential.id(), earnedOn));
    }

    /** A date in the window that falls in the learner's high-school years, rarely in summer. */
    private LocalDate earnedOn(int graduationYear) {
        LocalDate from = latest(REFERENCE_DATE.minusMonths(30), LocalDate.of(graduationYear - 4, 8, 15));
        LocalDate to = earliest(REFERENCE_DATE.minusMonths(12), LocalDate.of(graduationYear, 5, 31));
        long span = Math.max(0, ChronoUnit.DAYS.between(from, to));
        LocalDate date = from.plusDays(random.nextInt((int) span + 1));
        for (int retry = 0; retry < 5 && isSummer(date) && random.nextDouble() < 0.9; retry++) {
            date = from.plusDays(random.nextInt((int) span + 1));
        }
        return date;
    }

    private static boolean isSummer(LocalDate date) {
        return date.getMonth() == Month.JUNE || date.getMonth() == Month.JULY;
    }

    private Instant atWorkHours(LocalDate date) {
        return date.atTime(14 + random.nextInt(8), random.nextInt(60)).toInstant(ZoneOffset.UTC);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
