package org.credfolio.shared.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * The compacting H2 backend with one more change: a command that may have written is answered only
 * after its changes are committed to the MVStore file and the file is fsynced. Without this, H2
 * committed in the background about once a second, so a {@code kill -9} right after a confirmed
 * mutation lost it (issue 16: 8 of 10 confirmed revocations came back ACTIVE).
 *
 * <p>The store must be opened with auto-commit disabled: a background commit hands its chunk to
 * H2's writer threads and returns before the chunk is written, so a commit here could find nothing
 * left to store and fsync before the background write lands. With auto-commit off every store runs
 * on the calling thread, inside {@link MVStore#commit()}.
 *
 * <p>Concurrent writers share fsyncs (a group commit): whoever holds the lock commits everything
 * written so far; the ones queued behind it find nothing new on disk and return without another
 * fsync.
 *
 * <p>H2 neither frees nor rewrites a chunk written less than a retention time (45 s) ago, in case
 * the operating system has not yet written the newer chunks. Here every commit is fsynced before
 * the next one can free anything, and running commands are protected by the {@link CommandGate}, so
 * the retention time is 0: at a commit per write the file grew by up to 14 MB a second, and 45 s of
 * that could be neither reused nor compacted.
 */
final class DurableH2Backend extends CompactingH2Backend {
    private final MVStore store;
    private final ReentrantLock durability = new ReentrantLock();
    private long syncedWriteCount = -1;

    DurableH2Backend(MVStore store) {
        this(store, OnlineCompaction.DEFAULT);
    }

    DurableH2Backend(MVStore store, OnlineCompaction.Policy compaction) {
        super(checkedAutoCommitDisabled(store), compaction);
        this.store = store;
        store.setRetentionTime(0);
    }

    private static MVStore checkedAutoCommitDisabled(MVStore store) {
        if (store.getAutoCommitDelay() != 0) {
            throw new IllegalArgumentException("Open the MVStore with autoCommitDisabled(): see the class comment");
        }
        return store;
    }

    @Override
    Document execute(MongoMessage message, boolean mayWrite) {
        if (!mayWrite) {
            return super.execute(message, false);
        }
        Document response;
        try {
            response = super.execute(message, true);
        } catch (RuntimeException | Error e) {
            // A failed command may still have written (the first documents of an ordered insert
            // before a duplicate key): others can read those now, so they must survive too.
            try {
                makeDurable();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        // Throws when the commit or the fsync fails: the client then sees an error, never success.
        makeDurable();
        return response;
    }

    @Override
    void commitCompactionStep() {
        makeDurable();
    }

    /** Commits everything written so far and fsyncs the file unless that already happened. */
    void makeDurable() {
        durability.lock();
        try {
            // Unconditional: commit() takes H2's store lock, so it also waits for a store that H2
            // started on another thread (when unsaved pages exceed its buffer) and may hold our write.
            store.commit();
            FileStore<?> file = store.getFileStore();
            long written = file.getWriteCount();
            if (written != syncedWriteCount) {
                file.sync();
                syncedWriteCount = written;
            }
        } finally {
            durability.unlock();
        }
    }
}
