package org.credfolio.trust.keys;

/**
 * Which active key a signature needs: the JOSE key signs VC-JWTs with the algorithm the district
 * chose; Data Integrity proofs need Ed25519 whatever that choice, so they have a key of their own.
 */
enum KeySlot {
    JOSE(""),
    DATA_INTEGRITY("/data-integrity");

    private final String suffix;

    KeySlot(String suffix) {
        this.suffix = suffix;
    }

    String id(String organizationId) {
        return organizationId + suffix;
    }
}
