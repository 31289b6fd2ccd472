package org.credfolio.imports;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credfolio.imports.*}.
 *
 * @param directory where uploads wait until their job has run; local to the instance that took
 *     the upload (default {@code <data directory>/imports})
 * @param maxFileMegabytes the largest upload taken, 50 MiB by default (a OneRoster export of
 *     100,000 learners zips to a few MiB; 30,000 attainment rows are about 3 MiB)
 * @param maxRows the most data rows one file (or one file within a OneRoster zip) may have
 * @param maxWaiting uploads that may wait behind the running one on an instance
 * @param workers threads that apply one attainment job's rows (4: rows wait mostly on the store)
 */
@ConfigurationProperties("credfolio.imports")
public record ImportProperties(
        Path directory, Integer maxFileMegabytes, Integer maxRows, Integer maxWaiting, Integer workers) {
    public ImportProperties {
        directory = directory == null ? Path.of("data", "imports") : directory;
        maxFileMegabytes = maxFileMegabytes == null ? 50 : maxFileMegabytes;
        maxRows = maxRows == null ? 200_000 : maxRows;
        maxWaiting = maxWaiting == null ? 10 : maxWaiting;
        workers = workers == null ? 4 : workers;
        if (workers < 1 || workers > 32) {
            throw new IllegalArgumentException("credfolio.imports.workers must be 1 to 32");
        }
    }

    public long maxFileBytes() {
        return maxFileMegabytes * 1024L * 1024L;
    }
}
