package org.credfolio.imports;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One import: an uploaded file being applied in the background, with what became of its rows.
 *
 * @param submittedBy the uploader's token subject; the job runs with their rights
 * @param submitterOrganization the uploader's organization (a district, or a school of it)
 * @param rowsTotal data rows in the file, counted when it was uploaded
 * @param problemCount refused rows and other problems found, all counted
 * @param problemChunks how many {@code import_problems} chunks hold the listed problems
 * @param failure why a FAILED job stopped, in words for the uploader
 * @param heartbeatAt last sign of life of the instance running it; a job whose instance stopped
 *     beating is marked failed by whichever instance notices
 */
@Document("import_jobs")
@CompoundIndex(name = "district_newest_first", def = "{'districtId': 1, 'createdAt': -1, '_id': -1}")
@CompoundIndex(name = "unfinished_by_heartbeat", def = "{'state': 1, 'heartbeatAt': 1}")
public record ImportJob(
        @Id String id,
        String districtId,
        ImportKind kind,
        boolean dryRun,
        ImportState state,
        String fileName,
        String submittedBy,
        String submitterOrganization,
        long rowsTotal,
        long rowsRead,
        long created,
        long updated,
        long unchanged,
        long refused,
        long problemCount,
        int problemChunks,
        String failure,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant heartbeatAt) {

    /** From 0 to 1: rows read of rows in the file; 1 once finished. */
    public double progress() {
        if (state.finished()) {
            return 1.0;
        }
        return rowsTotal == 0 ? 0.0 : Math.min(1.0, (double) rowsRead / rowsTotal);
    }
}
