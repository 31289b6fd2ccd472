package org.credfolio.imports;

/** What an import loads. */
public enum ImportKind {
    /** A OneRoster 1.2 CSV bulk zip: schools, learners and their demographics. */
    ONEROSTER,
    /** A CSV of credential results, each recorded and issued as {@code recordEarnedCredential} would. */
    ATTAINMENTS
}
