package org.credfolio.awards;

/** Who paid the exam fee. */
public enum FeePayer {
    DISTRICT,
    STATE_GRANT,
    PERKINS,
    FAMILY,
    WAIVED,
    OTHER
}
