package org.credfolio.trust;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every Open Badges 3.0 credential this service issues starts with (contexts, a fresh URN id,
 * the types, the issuing organization's profile), and the VC-JWT payload around a secured one
 * (VC-JOSE-COSE registered claims, {@code nbf} and {@code exp} exactly its validity).
 */
public final class OpenBadgeEnvelope {
    /** The JOSE {@code typ} of a VC-JWT (VC-JOSE-COSE section 3.1.1; the "application/" prefix is left out). */
    public static final String VC_JWT_TYPE = "vc+jwt";

    private OpenBadgeEnvelope() {}

    /** A new, mutable credential with its envelope filled in, in the order the properties are written. */
    public static Map<String, Object> credential(String issuerDid, String issuerName) {
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put(
                "@context",
                List.of(
                        "https://www.w3.org/ns/credentials/v2",
                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        vc.put("id", "urn:uuid:" + UUID.randomUUID());
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", Map.of("id", issuerDid, "type", List.of("Profile"), "name", issuerName));
        return vc;
    }

    /**
     * The VC-JWT payload: the secured credential with the registered claims beside it.
     *
     * @param validUntil null for a credential that does not expire (no {@code exp})
     */
    public static Map<String, Object> jwtPayload(Map<String, Object> secured, Instant validFrom, Instant validUntil) {
        Map<String, Object> payload = new LinkedHashMap<>(secured);
        payload.put("iss", ((Map<?, ?>) secured.get("issuer")).get("id"));
        payload.put("sub", ((Map<?, ?>) secured.get("credentialSubject")).get("id"));
        payload.put("nbf", validFrom.getEpochSecond());
        payload.put("iat", Instant.now().getEpochSecond());
        if (validUntil != null) {
            payload.put("exp", validUntil.getEpochSecond());
        }
        return payload;
    }
}
