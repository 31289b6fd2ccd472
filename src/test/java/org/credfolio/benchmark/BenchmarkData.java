package org.credfolio.benchmark;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardSeeding;
import org.credfolio.awards.AwardStatus;
import org.credfolio.awards.FeePayer;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.Occupation;
import org.credfolio.learner.Demographics;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Account;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Writes the benchmark's data straight into the store with bulk inserts: one district with two
 * schools, 20 occupations, 20 catalog credentials, the learners with their earned credentials, and
 * one registrar account of the district. A fixed seed makes every run load the same shapes.
 */
final class BenchmarkData {
    private static final int BATCH = 1_000;
    static final String ADMIN_USERNAME = "district-admin@benchmark.credfolio.org";
    static final String DISTRICT = "bench-district";
    private static final Instant NOW = Instant.now();

    record Loaded(List<String> learnerIds, String username, String password, int awards, Duration took) {}

    private final MongoOperations mongo;
    private final AwardSeeding seeding;
    private final PasswordEncoder passwords;
    private final Random random = new Random(20_250_101L);
    private Organization district;
    private List<Organization> schools;
    private List<CredentialDefinition> credentials;

    BenchmarkData(ApplicationContext app) {
        this.mongo = app.getBean(MongoOperations.class);
        this.seeding = app.getBean(AwardSeeding.class);
        this.passwords = app.getBean(PasswordEncoder.class);
    }

    Loaded load(int learnerCount, int awardsPerLearner) {
        long started = System.nanoTime();
        Organization district = org("bench-district", OrganizationType.DISTRICT, "Benchmark ISD", null);
        List<Organization> schools = List.of(
                org("bench-school-1", OrganizationType.SCHOOL, "Benchmark Early College High", district.id()),
                org("bench-school-2", OrganizationType.SCHOOL, "Benchmark CTE Academy", district.id()));
        mongo.insert(List.of(district, schools.get(0), schools.get(1)), Organization.class);
        mongo.insert(BenchmarkCatalog.occupations(), Occupation.class);
        List<CredentialDefinition> credentials = BenchmarkCatalog.credentials(NOW);
        mongo.insert(credentials, CredentialDefinition.class);

        this.district = district;
        this.schools = schools;
        this.credentials = credentials;
        List<String> learnerIds = addLearners(0, learnerCount, awardsPerLearner);

        String username = "registrar@benchmark.credfolio.org";
        String password = "bench-" + UUID.randomUUID();
        String hash = passwords.encode(password);
        mongo.insert(new Account("bench-registrar", username, hash, Role.REGISTRAR, district.id(), null, NOW));
        mongo.insert(new Account(
                "bench-district-admin", ADMIN_USERNAME, hash, Role.DISTRICT_ADMIN, district.id(), null, NOW));
        return new Loaded(
                List.copyOf(learnerIds),
                username,
                password,
                learnerCount * awardsPerLearner,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Inserts learners {@code from} to {@code from + count - 1} (student ids {@code S-000000}
     * onwards) into the district that {@link #load} made, with their earned credentials.
     */
    List<String> addLearners(int from, int count, int awardsPerLearner) {
        List<String> learnerIds = new ArrayList<>(count);
        for (int start = from; start < from + count; start += BATCH) {
            List<Learner> learners = new ArrayList<>();
            Map<String, String> districtByLearner = new HashMap<>();
            Map<String, List<Award>> awardsByLearner = new HashMap<>();
            for (int n = start; n < Math.min(from + count, start + BATCH); n++) {
                Learner learner = learner(n, district, schools.get(n % schools.size()));
                learners.add(learner);
                learnerIds.add(learner.id());
                districtByLearner.put(learner.id(), district.id());
                awardsByLearner.put(learner.id(), awards(learner.id(), credentials, awardsPerLearner));
            }
            mongo.insert(learners, Learner.class);
            seeding.insertAll(districtByLearner, awardsByLearner);
        }
        return learnerIds;
    }

    private static Organization org(String id, OrganizationType type, String name, String districtId) {
        return new Organization(id, type, name, districtId, "TX", null, null, NOW);
    }

    private Learner learner(int n, Organization district, Organization school) {
        String given = "Given" + n;
        String family = "Family" + (n % 997);
        return new Learner(
                UUID.randomUUID().toString(),
                district.id(),
                school.id(),
                "S-%06d".formatted(n),
                given,
                family,
                (family + " " + given).toLowerCase(),
                2025 + n % 4,
                n % 3 == 0 ? List.of() : List.of("Benchmark pathway"),
                demographics(n),
                NOW,
                NOW);
    }

    /** Spread over every group, so equity reports have groups of every size to count. */
    private static Demographics demographics(int n) {
        return new Demographics(
                Demographics.RaceEthnicity.values()[n % 7],
                Demographics.Gender.values()[n % 4],
                n % 3 == 0,
                n % 5 == 0,
                n % 9 == 0);
    }

    /** Distinct credentials, each earned on a date in 2023-2025, with expiry from the renewal period. */
    private List<Award> awards(String learnerId, List<CredentialDefinition> credentials, int count) {
        List<CredentialDefinition> shuffled = new ArrayList<>(credentials);
        Collections.shuffle(shuffled, random);
        List<Award> awards = new ArrayList<>(count);
        for (CredentialDefinition credential : shuffled.subList(0, count)) {
            byte[] serial = new byte[8];
            random.nextBytes(serial);
            LocalDate earnedOn = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(3 * 365));
            LocalDate expiresOn =
                    credential.renewalMonths() == null ? null : earnedOn.plusMonths(credential.renewalMonths());
            awards.add(new Award(
                    learnerId + "." + HexFormat.of().formatHex(serial),
                    credential.id(),
                    earnedOn,
                    expiresOn,
                    "Pass",
                    null,
                    new Award.ExamFee(FeePayer.DISTRICT, new BigDecimal("120.00")),
                    AwardStatus.ACTIVE,
                    null,
                    null,
                    "bench-registrar",
                    NOW,
                    Award.dedupKey(credential.id(), earnedOn)));
        }
        return awards;
    }
}
