package org.credfolio.trust.keys;

/** Signature algorithms an issuer key can use; the key decides, never the caller of sign. */
public enum KeyAlgorithm {
    /** ECDSA on P-256 with SHA-256: the default, compact and widely verified. */
    ES256,
    /** RSASSA-PKCS1-v1_5 with SHA-256 on a 2048-bit key, for verifiers that know only RSA. */
    RS256,
    /** EdDSA on Ed25519 (an OKP key): fast, deterministic, smallest signatures. */
    EdDSA
}
