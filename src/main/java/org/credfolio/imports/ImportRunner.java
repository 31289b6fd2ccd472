package org.credfolio.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.credfolio.shared.error.CredfolioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs import jobs one at a time per instance, in the background, as their uploaders. A running
 * job's instance beats every {@value #BEAT_SECONDS} s; a job whose instance stopped (a crash, a
 * deploy) is marked failed with what it did, by this instance when it restarts (its upload is still
 * in the import directory) or by any instance once the beat is {@value #STALE_SECONDS} s old. Rows
 * are recorded one atomic write each, so a failed job never leaves a row half-recorded: uploading the
 * same file again records the rest, and counts the rows already recorded as unchanged.
 */
@Component
class ImportRunner implements DisposableBean {
    static final long BEAT_SECONDS = 20;
    static final long STALE_SECONDS = 120;
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final MongoOperations mongo;
    private final ImportProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    private final ScheduledExecutorService beat;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    ImportRunner(MongoOperations mongo, ImportProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.worker = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.maxWaiting()), daemon("import-worker"));
        this.beat = Executors.newSingleThreadScheduledExecutor(daemon("import-heartbeat"));
        failInterruptedHere();
        beat.scheduleWithFixedDelay(this::beatAndSweep, BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Queues the job; it runs with the uploader's authentication.
     *
     * @throws RejectedExecutionException when {@code maxWaiting} uploads already wait
     */
    void enqueue(
            ImportJob job, Path upload, ImportRequest request, ImportProcessor processor, Authentication uploader) {
        held.add(job.id());
        try {
            worker.execute(() -> run(job, upload, request, processor, uploader));
        } catch (RejectedExecutionException e) {
            held.remove(job.id());
            throw e;
        }
    }

    private void run(
            ImportJob job, Path upload, ImportRequest request, ImportProcessor processor, Authentication uploader) {
        ImportLedger ledger = new ImportLedger(mongo, job.id(), request.fileName(), clock);
        try {
            if (!start(job.id())) {
                return; // marked failed meanwhile (its beat was judged stale)
            }
            SecurityContextHolder.getContext().setAuthentication(uploader);
            processor.apply(upload, request, ledger);
            ledger.flush();
            finish(job.id(), ImportState.SUCCEEDED, null);
        } catch (RuntimeException e) {
            safely(ledger::flush);
            finish(job.id(), ImportState.FAILED, failure(e, ledger.rowsRead()));
        } finally {
            SecurityContextHolder.clearContext();
            held.remove(job.id());
            delete(upload);
        }
    }

    private String failure(RuntimeException e, long rowsRead) {
        String done = " The first " + rowsRead + " rows were applied as the counts say; upload the same file again to"
                + " apply the rest (rows already applied are counted as unchanged).";
        if (e instanceof ImportLedger.Interrupted) {
            return interrupted(rowsRead);
        }
        if (e instanceof AccessDeniedException) {
            return "The uploader may no longer make these changes: " + e.getMessage() + done;
        }
        if (e instanceof CredfolioException || e instanceof ImportRefused) {
            return e.getMessage() + done;
        }
        log.error("Import job failed after {} rows", rowsRead, e);
        return "An internal error stopped the import." + done;
    }

    private boolean start(String jobId) {
        Instant now = clock.instant();
        return mongo.updateFirst(
                                Query.query(Criteria.where("_id").is(jobId)),
                                new Update()
                                        .set("state", ImportState.RUNNING)
                                        .set("startedAt", now)
                                        .set("heartbeatAt", now),
                                ImportJob.class)
                        .getMatchedCount()
                == 1;
    }

    private void finish(String jobId, ImportState state, String failure) {
        Instant now = clock.instant();
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(jobId)),
                new Update()
                        .set("state", state)
                        .set("failure", failure)
                        .set("finishedAt", now)
                        .set("heartbeatAt", now),
                ImportJob.class);
    }

    /** Jobs whose uploads are still here were cut off when this instance last stopped. */
    private void failInterruptedHere() {
        Path directory = properties.directory();
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> uploads = Files.list(directory)) {
            for (Path upload : uploads.toList()) {
                String name = upload.getFileName().toString();
                if (name.endsWith(ImportJobs.UPLOAD_SUFFIX)) {
                    failInterrupted(List.of(name.substring(0, name.length() - ImportJobs.UPLOAD_SUFFIX.length())));
                }
                delete(upload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the import directory " + directory, e);
        }
    }

    void beatAndSweep() {
        safely(() -> {
            Instant now = clock.instant();
            if (!held.isEmpty()) {
                mongo.updateMulti(
                        Query.query(Criteria.where("_id").in(held)),
                        Update.update("heartbeatAt", now),
                        ImportJob.class);
            }
            List<String> stale = mongo
                    .find(
                            Query.query(Criteria.where("state")
                                    .in(ImportState.QUEUED, ImportState.RUNNING)
                                    .and("heartbeatAt")
                                    .lt(now.minus(Duration.ofSeconds(STALE_SECONDS)))),
                            ImportJob.class)
                    .stream()
                    .map(ImportJob::id)
                    .filter(id -> !held.contains(id))
                    .toList();
            failInterrupted(stale);
        });
    }

    private void failInterrupted(List<String> jobIds) {
        for (String id : jobIds) {
            ImportJob job = mongo.findById(id, ImportJob.class);
            if (job == null || job.state().finished()) {
                continue;
            }
            log.warn("Import job {} was interrupted after {} rows; marking it failed", id, job.rowsRead());
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(id)),
                    new Update()
                            .set("state", ImportState.FAILED)
                            .set("finishedAt", clock.instant())
                            .set("failure", interrupted(job.rowsRead())),
                    ImportJob.class);
        }
    }

    private static String interrupted(long rowsRead) {
        return "Interrupted: the server stopped after reading " + rowsRead + " rows. Rows counted as created or"
                + " updated were applied in full; upload the same file again to apply the rest (rows already"
                + " applied are counted as unchanged).";
    }

    private static void delete(Path upload) {
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            log.warn("Could not delete the import upload {}", upload, e);
        }
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Import bookkeeping failed; it is retried", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void destroy() {
        beat.shutdownNow();
        worker.shutdownNow();
    }
}
