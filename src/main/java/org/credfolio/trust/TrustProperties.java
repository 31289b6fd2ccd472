package org.credfolio.trust;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where issuer keys are protected, how issuers are named, and which other issuers are trusted.
 *
 * @param publicHost host (and percent-encoded port) of the did:web identifiers, such as
 *     {@code credentials.example.org} or {@code localhost%3A8080}
 * @param keyEncryptionKey base64 AES-256 key that encrypts issuer private keys at rest; when unset,
 *     one is created in {@code keyEncryptionKeyFile}
 * @param keyEncryptionKeyFile file holding the generated key-encryption key, owner readable only
 * @param publicBaseUrl the URL this service is reached at, the base of status list URLs; defaults
 *     to {@code https://<publicHost>} ({@code http} for localhost)
 * @param trustedIssuers issuers outside this service whose credentials verify here
 */
@ConfigurationProperties("credfolio.trust")
public record TrustProperties(
        String publicHost,
        String keyEncryptionKey,
        String keyEncryptionKeyFile,
        String publicBaseUrl,
        List<TrustedIssuer> trustedIssuers) {
    public TrustProperties {
        publicHost = publicHost == null ? "localhost%3A8080" : publicHost;
        keyEncryptionKeyFile = keyEncryptionKeyFile == null ? "data/key-encryption-key" : keyEncryptionKeyFile;
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            String host = URLDecoder.decode(publicHost, StandardCharsets.UTF_8);
            publicBaseUrl = (host.startsWith("localhost") || host.startsWith("127.") ? "http://" : "https://") + host;
        }
        publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
    }

    /**
     * An issuer trusted by configuration: its did:web, and optionally the JWKS URL its keys are
     * read from instead of its DID document.
     */
    public record TrustedIssuer(String did, String jwksUrl, String name) {}

    /** The did:web of an issuing organization, resolved at {@code /issuers/<orgId>/did.json}. */
    public String issuerDid(String organizationId) {
        return "did:web:" + publicHost + ":issuers:" + organizationId;
    }

    /** The did:web of a learner, resolved at {@code /learners/<learnerId>/did.json}. */
    public String learnerDid(String learnerId) {
        return "did:web:" + publicHost + ":learners:" + learnerId;
    }

    /** The URL of a status list credential. */
    public String statusListUrl(String listId) {
        return publicBaseUrl + "/status-lists/" + listId;
    }
}
