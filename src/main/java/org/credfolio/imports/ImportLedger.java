package org.credfolio.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The running tally of one job, written to its {@link ImportJob} at most every second (so that
 * {@code importJob} shows progress) and at the end. Thread-safe: a job's rows may be applied by
 * several threads ({@link ParallelRows}).
 */
public final class ImportLedger {
    /** Problems kept for the download; beyond this they are only counted. */
    public static final int PROBLEMS_LISTED_AT_MOST = 10_000;

    private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    private final MongoOperations mongo;
    private final String jobId;
    private final String fileName;
    private final Clock clock;
    private final List<ImportProblem> pending = new ArrayList<>();
    private long rowsRead;
    private long created;
    private long updated;
    private long unchanged;
    private long refused;
    private long problemCount;
    private int chunks;
    private Instant lastFlush;

    ImportLedger(MongoOperations mongo, String jobId, String fileName, Clock clock) {
        this.mongo = mongo;
        this.jobId = jobId;
        this.fileName = fileName;
        this.clock = clock;
        this.lastFlush = clock.instant();
    }

    /** A data row was read; call before saying what became of it. */
    public synchronized void read() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Interrupted();
        }
        rowsRead++;
        if (clock.instant().isAfter(lastFlush.plus(FLUSH_EVERY))) {
            flush();
        }
    }

    public synchronized void created() {
        created++;
    }

    public synchronized void updated() {
        updated++;
    }

    public synchronized void unchanged() {
        unchanged++;
    }

    /** The row was not applied, for this reason. */
    public synchronized void refused(String file, long line, String column, String code, String message) {
        refused++;
        problem(new ImportProblem(file, line, column, code, message));
    }

    /** The row was refused, in the upload's own file (a plain CSV). */
    public synchronized void refused(long line, String column, String code, String message) {
        refused(fileName, line, column, code, message);
    }

    /** Something the uploader should know that did not stop a row (a skipped record, a warning). */
    public synchronized void problem(ImportProblem problem) {
        problemCount++;
        if (problemCount <= PROBLEMS_LISTED_AT_MOST) {
            pending.add(problem);
            if (pending.size() == ProblemChunk.SIZE) {
                writeChunk();
            }
        }
    }

    public synchronized long rowsRead() {
        return rowsRead;
    }

    /** Writes the tally and any problems not yet written. */
    synchronized void flush() {
        if (!pending.isEmpty()) {
            writeChunk();
        }
        lastFlush = clock.instant();
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(jobId)),
                new Update()
                        .set("rowsRead", rowsRead)
                        .set("created", created)
                        .set("updated", updated)
                        .set("unchanged", unchanged)
                        .set("refused", refused)
                        .set("problemCount", problemCount)
                        .set("problemChunks", chunks)
                        .set("heartbeatAt", lastFlush),
                ImportJob.class);
    }

    /** The instance is shutting down: the job stops between rows. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("The server is shutting down.", null, false, false);
        }
    }

    private void writeChunk() {
        // Rows applied on several threads finish a little out of order.
        pending.sort(java.util.Comparator.comparingLong(ImportProblem::line));
        // Saved by _id: a chunk rewritten after a retry replaces itself instead of doubling.
        mongo.save(new ProblemChunk(ProblemChunk.id(jobId, chunks), jobId, List.copyOf(pending)));
        chunks++;
        pending.clear();
    }
}
