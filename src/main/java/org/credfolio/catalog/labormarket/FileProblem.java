package org.credfolio.catalog.labormarket;

/**
 * One thing wrong with a labor-market file, where an editor would show it.
 *
 * @param line 1-based line the row starts on; the header is line 1
 * @param column the column's header, or null for a problem with the file as a whole
 * @param value the offending cell, shortened to {@value FileProblems#VALUE_SHOWN_AT_MOST} characters; null
 *     where there is none
 */
public record FileProblem(int line, String column, String value, ProblemCode code, String message, Severity severity) {

    /** An ERROR refuses the whole file; a WARNING only skips or notes the row. */
    public enum Severity {
        ERROR,
        WARNING
    }

    /** Stable codes a client can switch on; the message says the same for a person. */
    public enum ProblemCode {
        EMPTY_FILE,
        NO_DATA_ROWS,
        MISSING_COLUMN,
        MISSING_VALUE,
        BAD_NUMBER,
        OUT_OF_RANGE,
        BAD_CODE,
        UNKNOWN_GROUP,
        DUPLICATE_CODE,
        UNKNOWN_CODE
    }
}
