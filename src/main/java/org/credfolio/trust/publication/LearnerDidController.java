package org.credfolio.trust.publication;

import java.time.Duration;
import java.util.ArrayList;
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
        List<Map<String, Object>> methods = new ArrayList<>();
        holderKeys.holderKey(learnerId).ifPresent(key -> methods.add(jsonWebKey(key)));
        holderKeys.dataIntegrityKey(learnerId).ifPresent(key -> methods.add(multikey(key)));
        if (methods.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String did = holderKeys.holderDid(learnerId);
        List<Object> ids = methods.stream().map(m -> m.get("id")).toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(
                "@context",
                List.of(
                        "https://www.w3.org/ns/did/v1",
                        "https://w3id.org/security/jwk/v1",
                        "https://w3id.org/security/multikey/v1"));
        document.put("id", did);
        document.put("verificationMethod", methods);
        document.put("authentication", ids);
        document.put("assertionMethod", ids);
        return ResponseEntity.ok().cacheControl(FIVE_MINUTES).body(document);
    }

    private static Map<String, Object> jsonWebKey(HolderVerificationKey key) {
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("id", key.kid());
        method.put("type", "JsonWebKey");
        method.put("controller", key.did());
        method.put("publicKeyJwk", key.jwk().toJSONObject());
        return method;
    }

    /** The Ed25519 key of Data Integrity presentations, as Data Integrity verifiers look it up. */
    private static Map<String, Object> multikey(HolderVerificationKey key) {
        String multikey = HolderKeys.multikey(key.publicJwk());
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("id", key.did() + "#" + multikey);
        method.put("type", "Multikey");
        method.put("controller", key.did());
        method.put("publicKeyMultibase", multikey);
        return method;
    }
}
