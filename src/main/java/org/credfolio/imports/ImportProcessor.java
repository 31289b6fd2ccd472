package org.credfolio.imports;

import java.nio.file.Path;

/**
 * What one kind of import does with an uploaded file. The file is read twice, streamed both
 * times: once when it is uploaded, to refuse a file that cannot be imported before anything is
 * written, and once in the background to apply it row by row.
 */
public interface ImportProcessor {
    ImportKind kind();

    /**
     * Reads the whole file without writing anything, as the uploader (the caller's security
     * context is set). Throws {@link ImportRefused} when the file as a whole cannot be imported.
     *
     * @return the number of data rows that {@link #apply} will read, for progress
     */
    long inspect(Path file, ImportRequest request);

    /**
     * Applies every row, as the uploader, telling the ledger what became of each. On a dry run,
     * checks each row exactly as applying would and writes nothing. A row that cannot be applied
     * is refused in the ledger, never thrown; an exception ends the job as failed.
     */
    void apply(Path file, ImportRequest request, ImportLedger ledger);
}
