package org.credfolio.catalog.seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialOccupationLink;
import org.credfolio.catalog.LaborMarketRelease;
import org.credfolio.catalog.Occupation;
import org.credfolio.catalog.labormarket.LaborMarketFile;
import org.credfolio.organization.Organization;
import org.credfolio.shared.store.MissingDocuments;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.util.Pair;

/** Writes the platform catalog from the seed files in bulk, and upgrades one an older release wrote. */
final class CatalogSeedWriter {
    private final MongoOperations mongo;

    CatalogSeedWriter(MongoOperations mongo) {
        this.mongo = mongo;
    }

    record Counts(int occupations, int certifyingBodies, int credentials, int links) {}

    Counts write(Instant now) {
        CatalogSeed.Catalog catalog = CatalogSeed.load(now);
        OccupationSeed.Seed seed = OccupationSeed.load(now);
        int occupations = MissingDocuments.insert(mongo, seed.occupations(), Occupation::socCode, Occupation.class);
        insertReleasesOfNewFiles(seed.releases());
        int bodies = MissingDocuments.insert(mongo, catalog.certifyingBodies(), Organization::id, Organization.class);
        int credentials = MissingDocuments.insert(
                mongo, catalog.credentials(), CredentialDefinition::id, CredentialDefinition.class);
        int links = MissingDocuments.insert(
                mongo, catalog.occupationLinks(), CredentialOccupationLink::id, CredentialOccupationLink.class);
        backfillNewFields(seed.occupations(), catalog);
        return new Counts(occupations, bodies, credentials, links);
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
}
