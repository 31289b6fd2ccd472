package org.credfolio.awards;

/** Stored status of an earned credential. Expiry is derived from the dates, not stored. */
public enum AwardStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED
}
