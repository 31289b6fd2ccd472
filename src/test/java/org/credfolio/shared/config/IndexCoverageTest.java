package org.credfolio.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.Document;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.QueryShapes;
import org.credfolio.support.QueryShapes.Shape;
import org.credfolio.support.TestStores;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Every query the suite made the application send has an index to use: the check runs after all
 * other test classes ({@code @Order}, see junit-platform.properties), over the shapes {@link
 * QueryShapes} recorded. Everywhere, a filtered or sorted query must lead with the first key of a
 * declared index (or {@code _id}); on a real MongoDB each shape's first query is also explained and
 * must not plan a collection scan. A scan is allowed only for the application methods listed
 * below, with the reason.
 */
@Order(Integer.MAX_VALUE)
class IndexCoverageTest extends IntegrationTest {
    /** Application methods that may scan, and why that stays cheap. */
    private static final Map<String, String> MAY_SCAN = Map.of(
            "CatalogManagement.all", "once per results import, to match credential names against the catalog",
            "IssuerKeys.published", "the platform's JWKS: every issuer's keys, a few per issuing organization",
            "LaborMarketLoader.latestReleases", "one document per labor-market file ever loaded",
            "CatalogSeedWriter.insertReleasesOfNewFiles", "at start, the same few release documents",
            "CatalogSeedWriter.upgradeSeededCatalog", "once per start, over the catalog's few hundred entries",
            "MissingDocuments.ids", "only while seeding a new store (catalog or demo), once",
            "DemoDataLoader.run", "once per start: is anything there at all (limit 1)");

    @Autowired
    MongoOperations mongo;

    @Test
    void everyQueryTheSuiteSentHasAnIndex() {
        // On its own this class still checks something: a learner's day, recorded here.
        Tenant world = new Tenant();
        world.exercise();

        Map<String, List<List<String>>> indexes = declaredIndexes();
        List<String> unindexed = new ArrayList<>();
        Map<Shape, QueryShapes.Sample> samples = QueryShapes.ALL.samples();
        for (Shape shape : samples.keySet()) {
            if (!MAY_SCAN.containsKey(samples.get(shape).origin())
                    && !covered(shape, indexes.getOrDefault(shape.collection(), List.of()))) {
                unindexed.add(shape + " from " + samples.get(shape).origin());
            }
        }
        unindexed.sort(null);
        assertThat(unindexed)
                .as("queries with no declared index to lead with (of %d shapes)", samples.size())
                .isEmpty();

        if (TestStores.mongoDbOrNull() != null) {
            List<String> scans = new ArrayList<>();
            samples.forEach((shape, sample) -> {
                if (!MAY_SCAN.containsKey(sample.origin()) && plansACollectionScan(sample.command())) {
                    scans.add(shape + " from " + sample.origin());
                }
            });
            assertThat(scans)
                    .as("queries MongoDB answers with a collection scan")
                    .isEmpty();
        }
    }

    private boolean covered(Shape shape, List<List<String>> indexes) {
        for (Set<String> branch : shape.filterBranches()) {
            boolean branchCovered = branch.contains("_id")
                    || indexes.stream().anyMatch(keys -> branch.contains(keys.get(0)))
                    || (branch.isEmpty() && !shape.sort().isEmpty() && sortedByAnIndex(shape.sort(), indexes));
            if (!branchCovered) {
                return false;
            }
        }
        return true;
    }

    /** A sort an index answers in order: by {@code _id}, or by an index's first key. */
    private static boolean sortedByAnIndex(List<String> sort, List<List<String>> indexes) {
        return sort.get(0).equals("_id")
                || indexes.stream().anyMatch(keys -> keys.get(0).equals(sort.get(0)));
    }

    private Map<String, List<List<String>>> declaredIndexes() {
        Map<String, List<List<String>>> byCollection = new HashMap<>();
        for (IndexSetup.Declared index : new IndexSetup(mongo, "off").declared()) {
            byCollection
                    .computeIfAbsent(index.collection(), c -> new ArrayList<>())
                    .add(List.copyOf(index.keys().keySet()));
        }
        return byCollection;
    }

    /** Asks MongoDB for the winning plan of the recorded command. */
    private boolean plansACollectionScan(BsonDocument command) {
        BsonDocument explained = command.clone();
        explained.remove("lsid");
        explained.remove("$db");
        explained.remove("$clusterTime");
        explained.remove("txnNumber");
        explained.remove("$readPreference");
        explained.remove("readConcern");
        explained.remove("writeConcern");
        Document plan = mongo.executeCommand(
                new Document("explain", Document.parse(explained.toJson())).append("verbosity", "queryPlanner"));
        return plan.toJson().contains("\"COLLSCAN\"");
    }

    /** A registrar records a credential and a learner reads the portfolio. */
    private final class Tenant {
        void exercise() {
            var world = tenants.create();
            recordCredential(
                    world.registrarA(),
                    world.learnerA().id(),
                    world.welding().id(),
                    java.time.LocalDate.now().minusDays(3));
            as(world.learner())
                    .document("{ me { credentials { id credential { name } } } }")
                    .execute()
                    .path("me.credentials")
                    .entityList(Object.class)
                    .hasSizeGreaterThan(0);
        }
    }
}
