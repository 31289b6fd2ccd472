package org.credfolio.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default store as a user runs it: an H2 file, opened by this project rather than by
 * mongo-java-server, whose data survives a restart and aggregates in full.
 */
class EmbeddedFileStoreTest {
    @TempDir
    Path dataDirectory;

    @Test
    void keepsDataAcrossARestart() throws Exception {
        EmbeddedStoreProperties properties = new EmbeddedStoreProperties(dataDirectory, false, null);
        EmbeddedStore first = new EmbeddedMongoAutoConfiguration().embeddedStore(properties);
        try (MongoClient client = client(first)) {
            MongoCollection<Document> awards = client.getDatabase("credfolio").getCollection("awards");
            for (int batch = 0; batch < 20; batch++) {
                int from = batch * 1_000;
                awards.insertMany(IntStream.range(from, from + 1_000)
                        .mapToObj(i -> new Document("_id", "learner-" + i)
                                .append("districtId", "d")
                                .append("credentials", List.of(new Document("credentialId", "c" + (i % 7)))))
                        .toList());
            }
            assertThat(countPerCredential(awards)).hasSize(7);
        } finally {
            first.shutdown();
        }
        assertThat(Files.exists(dataDirectory.resolve("credfolio.mv"))).isTrue();

        EmbeddedStore second = new EmbeddedMongoAutoConfiguration().embeddedStore(properties);
        try (MongoClient client = client(second)) {
            MongoCollection<Document> awards = client.getDatabase("credfolio").getCollection("awards");
            assertThat(awards.countDocuments()).isEqualTo(20_000);
            List<Document> counts = countPerCredential(awards);
            assertThat(counts.stream().mapToInt(d -> d.getInteger("n")).sum()).isEqualTo(20_000);
        } finally {
            second.shutdown();
        }
    }

    /** Issue 16, item 4: an existing world-readable directory and file are made owner-only. */
    @Test
    void makesTheDataOwnerOnlyBeforeTheStoreOpens() throws Exception {
        Assumptions.assumeTrue(OwnerOnlyFiles.supported(dataDirectory), "POSIX file system");
        Path data = dataDirectory.resolve("store");
        Files.createDirectory(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createFile(data.resolve("credfolio.mv"));
        Files.setPosixFilePermissions(data.resolve("credfolio.mv"), PosixFilePermissions.fromString("rw-r--r--"));

        EmbeddedStore store =
                new EmbeddedMongoAutoConfiguration().embeddedStore(new EmbeddedStoreProperties(data, false, null));
        try (MongoClient client = client(store)) {
            client.getDatabase("credfolio").getCollection("c").insertOne(new Document("_id", "x"));
            assertThat(store.address().getAddress().isLoopbackAddress()).isTrue();
        } finally {
            store.shutdown();
        }
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(OwnerOnlyFiles.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(data.resolve("credfolio.mv"))).isEqualTo(OwnerOnlyFiles.FILE);

        // a new directory is owner-only from the start, whatever the umask
        Path fresh = dataDirectory.resolve("a/b/fresh");
        EmbeddedStore second =
                new EmbeddedMongoAutoConfiguration().embeddedStore(new EmbeddedStoreProperties(fresh, false, null));
        second.shutdown();
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(OwnerOnlyFiles.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(fresh.resolve("credfolio.mv"))).isEqualTo(OwnerOnlyFiles.FILE);
    }

    private static MongoClient client(EmbeddedStore store) {
        return MongoClients.create("mongodb://127.0.0.1:" + store.address().getPort());
    }

    private static List<Document> countPerCredential(MongoCollection<Document> awards) {
        return awards.aggregate(List.of(
                        new Document("$unwind", "$credentials"),
                        new Document(
                                "$group",
                                new Document("_id", "$credentials.credentialId").append("n", new Document("$sum", 1)))))
                .into(new ArrayList<>());
    }
}
