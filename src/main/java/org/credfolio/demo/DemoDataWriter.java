package org.credfolio.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardSeeding;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialOccupationLink;
import org.credfolio.catalog.LaborMarketRelease;
import org.credfolio.catalog.Occupation;
import org.credfolio.catalog.labormarket.LaborMarketFile;
import org.credfolio.catalog.value.Endorsement;
import org.credfolio.catalog.value.ValidationReview;
import org.credfolio.crosswalks.CreditRule;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Account;
import org.credfolio.organization.Organization;
import org.credfolio.pathways.Enrollment;
import org.credfolio.pathways.ProgramOfStudy;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.util.Pair;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Writes the seed catalog and the demo tenant in bulk inserts. Documents whose id already exists
 * are skipped, so a load that stopped half way can be run again, and a catalog that another load
 * already wrote is left as it is. The demo district goes last: its presence means "loaded".
 */
final class DemoDataWriter {
    private final MongoOperations mongo;
    private final AwardSeeding awardSeeding;

    DemoDataWriter(MongoOperations mongo, AwardSeeding awardSeeding) {
        this.mongo = mongo;
        this.awardSeeding = awardSeeding;
    }

    record Counts(
            int occupations,
            int certifyingBodies,
            int credentials,
            int links,
            int organizations,
            int learners,
            int awards,
            int accounts) {}

    Counts write(PasswordEncoder encoder, String password, Instant now) {
        CatalogSeed.Catalog catalog = CatalogSeed.load(now);
        OccupationSeed.Seed seed = OccupationSeed.load(now);
        int occupations = insertMissing(seed.occupations(), Occupation::socCode, Occupation.class);
        insertReleasesOfNewFiles(seed.releases());
        int bodies = insertMissing(catalog.certifyingBodies(), Organization::id, Organization.class);
        int credentials = insertMissing(catalog.credentials(), CredentialDefinition::id, CredentialDefinition.class);
        int links =
                insertMissing(catalog.occupationLinks(), CredentialOccupationLink::id, CredentialOccupationLink.class);
        backfillNewFields(seed.occupations(), catalog);
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
        return new Counts(occupations, bodies, credentials, links, organizations, learners, awards, accounts);
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

    /**
     * Brings a catalog seeded by an older release up to this one's fields (see {@link
     * #backfillNewFields}). A seeded credential without a category is the sign: once upgraded every
     * one has one, and later starts skip reading the seed files.
     */
    void upgradeSeededCatalog(Instant now) {
        boolean olderSeed = mongo.exists(
                Query.query(Criteria.where("category")
                        .exists(false)
                        .and("stateListings.0")
                        .exists(true)),
                CredentialDefinition.class);
        if (olderSeed) {
            backfillNewFields(OccupationSeed.load(now).occupations(), CatalogSeed.load(now));
        }
    }

    /**
     * A store seeded by an older release lacks the fields added since (entry wages and work experience;
     * credential categories, attainability and occupation roles): set them from the seed where the
     * stored document has none, by id, without touching anything an admin set.
     */
    private void backfillNewFields(List<Occupation> occupations, CatalogSeed.Catalog catalog) {
        Map<String, Occupation> stored = new HashMap<>();
        mongo.findAll(Occupation.class).forEach(o -> stored.put(o.socCode(), o));
        List<Pair<Query, Update>> occupationUpdates = new ArrayList<>();
        for (Occupation seeded : occupations) {
            Occupation old = stored.get(seeded.socCode());
            if (old != null
                    && old.entryAnnualWage() == null
                    && old.workExperience() == null
                    && (seeded.entryAnnualWage() != null || seeded.workExperience() != null)) {
                occupationUpdates.add(Pair.of(
                        Query.query(Criteria.where("_id").is(seeded.socCode())),
                        new Update()
                                .set("entryAnnualWage", seeded.entryAnnualWage())
                                .set("workExperience", seeded.workExperience())));
            }
        }
        bulkUpdate(occupationUpdates, Occupation.class);

        Map<String, CredentialDefinition> credentials = new HashMap<>();
        mongo.findAll(CredentialDefinition.class).forEach(c -> credentials.put(c.id(), c));
        List<Pair<Query, Update>> credentialUpdates = new ArrayList<>();
        for (CredentialDefinition seeded : catalog.credentials()) {
            CredentialDefinition old = credentials.get(seeded.id());
            if (old != null
                    && old.category() == null
                    && old.highSchoolAttainable() == null
                    && seeded.category() != null) {
                credentialUpdates.add(Pair.of(
                        Query.query(Criteria.where("_id").is(seeded.id())),
                        new Update()
                                .set("category", seeded.category())
                                .set("highSchoolAttainable", seeded.highSchoolAttainable())
                                .set("categoryNote", seeded.categoryNote())));
            }
        }
        bulkUpdate(credentialUpdates, CredentialDefinition.class);

        Map<String, CredentialOccupationLink> links = new HashMap<>();
        mongo.findAll(CredentialOccupationLink.class).forEach(l -> links.put(l.id(), l));
        List<Pair<Query, Update>> linkUpdates = new ArrayList<>();
        for (CredentialOccupationLink seeded : catalog.occupationLinks()) {
            CredentialOccupationLink old = links.get(seeded.id());
            if (old != null && old.role() == null && seeded.role() != null) {
                linkUpdates.add(Pair.of(
                        Query.query(Criteria.where("_id").is(seeded.id())), Update.update("role", seeded.role())));
            }
        }
        bulkUpdate(linkUpdates, CredentialOccupationLink.class);
    }

    private void bulkUpdate(List<Pair<Query, Update>> updates, Class<?> type) {
        if (!updates.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
            updates.forEach(u -> bulk.updateOne(u.getFirst(), u.getSecond()));
            bulk.execute();
        }
    }

    private int insertAwards(DemoData.DemoDataSet demo) {
        Set<String> existing = existingIds("awards");
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

    /**
     * The seed counts as the first release of each file. Once a file has any release (a newer one
     * loaded through the API, say), the seed must not claim to be its latest.
     */
    private void insertReleasesOfNewFiles(List<LaborMarketRelease> releases) {
        Set<LaborMarketFile> recorded = new HashSet<>();
        mongo.findAll(LaborMarketRelease.class).forEach(release -> recorded.add(release.file()));
        List<LaborMarketRelease> first = releases.stream()
                .filter(release -> !recorded.contains(release.file()))
                .toList();
        if (!first.isEmpty()) {
            mongo.insert(first, LaborMarketRelease.class);
        }
    }

    private <T> int insertMissing(List<T> items, Function<T, String> id, Class<T> type) {
        Set<String> existing = existingIds(mongo.getCollectionName(type));
        List<T> missing = items.stream()
                .filter(item -> !existing.contains(id.apply(item)))
                .toList();
        if (!missing.isEmpty()) {
            mongo.insert(missing, type);
        }
        return missing.size();
    }

    private Set<String> existingIds(String collection) {
        Query idsOnly = new Query();
        idsOnly.fields().include("_id");
        Set<String> ids = new HashSet<>();
        mongo.find(idsOnly, Document.class, collection).forEach(doc -> ids.add(String.valueOf(doc.get("_id"))));
        return ids;
    }
}
