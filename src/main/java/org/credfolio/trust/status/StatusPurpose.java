package org.credfolio.trust.status;

/** The two Bitstring Status List purposes a Credfolio credential carries, one list each. */
public enum StatusPurpose {
    /** Permanent: once set, the credential is never valid again. */
    REVOCATION,
    /** Temporary: set while a registrar investigates, cleared on reinstatement. */
    SUSPENSION;

    /** The {@code statusPurpose} value of the specification. */
    public String value() {
        return name().toLowerCase();
    }

    static StatusPurpose fromValue(String value) {
        for (StatusPurpose purpose : values()) {
            if (purpose.value().equals(value)) {
                return purpose;
            }
        }
        return null;
    }
}
