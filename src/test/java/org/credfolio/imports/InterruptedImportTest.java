package org.credfolio.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.credfolio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

/** A job cut off by a restart or a lost instance ends FAILED, saying what it applied. */
class InterruptedImportTest extends IntegrationTest {
    @Autowired
    MongoOperations mongo;

    @TempDir
    Path directory;

    @Test
    void anInstanceRestartingFailsTheJobsWhoseUploadsItStillHolds() throws IOException {
        ImportJob cutOff = mongo.insert(running("import-cut-off-" + System.nanoTime(), Instant.now()));
        Path upload = Files.writeString(directory.resolve(cutOff.id() + ImportJobs.UPLOAD_SUFFIX), "student_id\n");

        ImportRunner restarted = new ImportRunner(mongo, new ImportProperties(directory, null, null, null, null));
        try {
            ImportJob job = mongo.findById(cutOff.id(), ImportJob.class);
            assertThat(job.state()).isEqualTo(ImportState.FAILED);
            assertThat(job.failure()).contains("after reading 42 rows").contains("upload the same file again");
            assertThat(job.finishedAt()).isNotNull();
            assertThat(upload).doesNotExist();
        } finally {
            restarted.destroy();
        }
    }

    @Test
    void aJobWhoseInstanceStoppedBeatingIsFailedByAnotherWhileALiveOneIsLeftAlone() {
        ImportJob lost = mongo.insert(
                running("import-lost-" + System.nanoTime(), Instant.now().minus(Duration.ofMinutes(10))));
        ImportJob alive = mongo.insert(running("import-alive-" + System.nanoTime(), Instant.now()));

        ImportRunner other = new ImportRunner(mongo, new ImportProperties(directory, null, null, null, null));
        try {
            other.beatAndSweep();
            assertThat(mongo.findById(lost.id(), ImportJob.class).state()).isEqualTo(ImportState.FAILED);
            assertThat(mongo.findById(alive.id(), ImportJob.class).state()).isEqualTo(ImportState.RUNNING);
        } finally {
            other.destroy();
        }
    }

    private static ImportJob running(String id, Instant heartbeat) {
        return new ImportJob(
                id,
                "district-x",
                ImportKind.ATTAINMENTS,
                false,
                ImportState.RUNNING,
                "results.csv",
                "registrar",
                "district-x",
                100,
                42,
                40,
                0,
                0,
                2,
                2,
                0,
                null,
                heartbeat,
                heartbeat,
                null,
                heartbeat);
    }
}
