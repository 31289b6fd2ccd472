package org.credfolio.imports;

/** Where an import job stands. */
public enum ImportState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
