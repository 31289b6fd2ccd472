package org.credfolio.awards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credentials issued before Data Integrity carried two status entries and a salted hash of the
 * student id. Their Data Integrity form keeps what they said minus those: the revocation entry
 * only (suspension is found through it) and no identifier, which could be brute-forced.
 */
final class LegacyCredentials {
    private LegacyCredentials() {}

    static Map<String, Object> withoutJwtClaims(Map<String, Object> payload) {
        Map<String, Object> credential = new LinkedHashMap<>(payload);
        OpenBadgeCredential.REGISTERED_CLAIMS.forEach(credential::remove);
        credential.remove("proof");
        if (credential.get("credentialStatus") instanceof List<?> entries) {
            entries.stream()
                    .filter(e -> e instanceof Map<?, ?> m && "revocation".equals(m.get("statusPurpose")))
                    .findFirst()
                    .ifPresentOrElse(
                            e -> credential.put("credentialStatus", e), () -> credential.remove("credentialStatus"));
        }
        if (credential.get("credentialSubject") instanceof Map<?, ?> subject) {
            Map<Object, Object> withoutIdentifier = new LinkedHashMap<>(subject);
            withoutIdentifier.remove("identifier");
            credential.put("credentialSubject", withoutIdentifier);
        }
        return credential;
    }
}
