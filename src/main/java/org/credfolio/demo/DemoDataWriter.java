package org.credfolio.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardSeeding;
import org.credfolio.catalog.seed.CatalogSeed;
import org.credfolio.catalog.value.Endorsement;
import org.credfolio.catalog.value.ValidationReview;
import org.credfolio.crosswalks.CreditRule;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Account;
import org.credfolio.organization.Organization;
import org.credfolio.pathways.Enrollment;
import org.credfolio.pathways.ProgramOfStudy;
import org.credfolio.shared.store.MissingDocuments;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Writes the demo tenant in bulk inserts. Documents whose id already exists are skipped, so a load
 * that stopped half way can be run again. The demo district goes last: its presence means "loaded".
 */
final class DemoDataWriter {
    private final MongoOperations mongo;
    private final AwardSeeding awardSeeding;

    DemoDataWriter(MongoOperations mongo, AwardSeeding awardSeeding) {
        this.mongo = mongo;
        this.awardSeeding = awardSeeding;
    }

    record Counts(int organizations, int learners, int awards, int accounts) {}

    /** Writes the demo tenant; the platform catalog it awards from is already stored. */
    Counts write(PasswordEncoder encoder, String password, Instant now) {
        CatalogSeed.Catalog catalog = CatalogSeed.load(now);
        insertMissing(DemoCrosswalks.rules(now), CreditRule::id, CreditRule.class);
        insertMissing(DemoValidation.reviews(), ValidationReview::id, ValidationReview.class);
        insertMissing(DemoValidation.endorsements(), Endorsement::id, Endorsement.class);
        DemoData.DemoDataSet demo = DemoData.generate(catalog.credentials(), CatalogSeed.programsOfStudy());
        int learners = insertMissing(demo.learners(), Learner::id, Learner.class);
        int awards = insertAwards(demo);
        List<ProgramOfStudy> programs = DemoPrograms.all(now);
        insertMissing(programs, ProgramOfStudy::id, ProgramOfStudy.class);
        insertMissing(DemoPrograms.enrollments(demo.learners(), programs, now), Enrollment::id, Enrollment.class);
        String learnerSchool = demo.learners().get(0).schoolId();
        int accounts = insertMissing(
                DemoAccounts.all(encoder.encode(password), learnerSchool, now), Account::id, Account.class);
        int organizations = insertMissing(demo.organizations(), Organization::id, Organization.class);
        return new Counts(organizations, learners, awards, accounts);
    }

    /** Gives every demo account whose password is not {@code password} that one; returns how many. */
    int resetDemoPasswords(String password, PasswordEncoder encoder) {
        int changed = 0;
        String hash = null;
        for (Account demo : DemoAccounts.all("", null, Instant.now())) {
            Account stored = mongo.findById(demo.id(), Account.class);
            if (stored != null && !encoder.matches(password, stored.passwordHash())) {
                // One hash for all, as at the first load: BCrypt is slow on purpose.
                hash = hash == null ? encoder.encode(password) : hash;
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(demo.id())),
                        new Update().set("passwordHash", hash).inc("tokenVersion", 1),
                        Account.class);
                changed++;
            }
        }
        return changed;
    }

    private int insertAwards(DemoData.DemoDataSet demo) {
        Set<String> existing = MissingDocuments.ids(mongo, "awards");
        Map<String, List<Award>> missing = new LinkedHashMap<>();
        demo.awards().forEach((learnerId, awards) -> {
            if (!existing.contains(learnerId)) {
                missing.put(learnerId, awards);
            }
        });
        if (!missing.isEmpty()) {
            awardSeeding.insertAll(demo.districtByLearner(), missing);
        }
        return missing.values().stream().mapToInt(List::size).sum();
    }

    private <T> int insertMissing(List<T> items, Function<T, String> id, Class<T> type) {
        return MissingDocuments.insert(mongo, items, id, type);
    }
}
