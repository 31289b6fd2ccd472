package org.credfolio.imports;

/**
 * Why one row (or the whole file) was refused.
 *
 * @param file the file within the upload ({@code users.csv} in a OneRoster zip); the upload's own
 *     name for a plain CSV
 * @param line the line in that file, 1 being the header; 0 for the file as a whole
 * @param column the column concerned, as the file names it; null when it is the row as a whole
 * @param code a stable code such as {@code CREDENTIAL_NOT_FOUND}
 * @param message what is wrong and what to do, for the person fixing the file
 */
public record ImportProblem(String file, long line, String column, String code, String message) {
    static final int MESSAGE_AT_MOST = 500;

    public ImportProblem {
        if (message != null && message.length() > MESSAGE_AT_MOST) {
            message = message.substring(0, MESSAGE_AT_MOST) + "…";
        }
    }

    /** A problem with the file as a whole. */
    public static ImportProblem ofFile(String file, String code, String message) {
        return new ImportProblem(file, 0, null, code, message);
    }
}
