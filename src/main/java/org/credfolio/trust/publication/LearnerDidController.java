package org.credfolio.trust.publication;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.trust.keys.HolderKeys;
import org.credfolio.trust.keys.HolderVerificationKey;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public, cacheable did:web documents of learners: their holder key, under authentication and
 * assertionMethod, and nothing else about them. Reading never creates a key: a learner who has not
 * yet presented anything has no document (404), the same answer as for an unknown id.
 */
@RestController
class LearnerDidController {
    private static final CacheControl FIVE_MINUTES =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private final HolderKeys holderKeys;

    LearnerDidController(HolderKeys holderKeys) {
        this.holderKeys = holderKeys;
    }

    @GetMapping("/learners/{learnerId}/did.json")
    ResponseEntity<Map<String, Object>> didDocument(@PathVariable String learnerId) {
        return holderKeys
                .holderKey(learnerId)
                .map(key -> ResponseEntity.ok().cacheControl(FIVE_MINUTES).body(document(key)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static Map<String, Object> document(HolderVerificationKey key) {
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("id", key.kid());
        method.put("type", "JsonWebKey");
        method.put("controller", key.did());
        method.put("publicKeyJwk", key.jwk().toJSONObject());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"));
        document.put("id", key.did());
        document.put("verificationMethod", List.of(method));
        document.put("authentication", List.of(key.kid()));
        document.put("assertionMethod", List.of(key.kid()));
        return document;
    }
}
