package org.credfolio.trust;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where issuer keys are protected and how issuers are named.
 *
 * @param publicHost host (and percent-encoded port) of the did:web identifiers, such as
 *     {@code credentials.example.org} or {@code localhost%3A8080}
 * @param keyEncryptionKey base64 AES-256 key that encrypts issuer private keys at rest; when unset,
 *     one is created in {@code keyEncryptionKeyFile}
 * @param keyEncryptionKeyFile file holding the generated key-encryption key, owner readable only
 */
@ConfigurationProperties("credfolio.trust")
public record TrustProperties(String publicHost, String keyEncryptionKey, String keyEncryptionKeyFile) {
    public TrustProperties {
        publicHost = publicHost == null ? "localhost%3A8080" : publicHost;
        keyEncryptionKeyFile = keyEncryptionKeyFile == null ? "data/key-encryption-key" : keyEncryptionKeyFile;
    }

    /** The did:web of an issuing organization, resolved at {@code /issuers/<orgId>/did.json}. */
    public String issuerDid(String organizationId) {
        return "did:web:" + publicHost + ":issuers:" + organizationId;
    }

    /** The did:web of a learner, resolved at {@code /learners/<learnerId>/did.json}. */
    public String learnerDid(String learnerId) {
        return "did:web:" + publicHost + ":learners:" + learnerId;
    }
}
