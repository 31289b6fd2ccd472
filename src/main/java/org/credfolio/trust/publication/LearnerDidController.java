package org.credfolio.trust.publication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.credfolio.trust.keys.HolderKeys;
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
        String did = holderKeys.holderDid(learnerId);
        List<Map<String, Object>> methods = new ArrayList<>();
        holderKeys
                .holderKey(learnerId)
                .ifPresent(key -> methods.add(DidDocuments.jsonWebKey(did, key.thumbprint(), key.jwk())));
        holderKeys
                .dataIntegrityKey(learnerId)
                .ifPresent(key -> methods.add(DidDocuments.multikey(did, HolderKeys.multikey(key.publicJwk()))));
        if (methods.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Map<String, Object> document =
                DidDocuments.document(did, methods, List.of("authentication", "assertionMethod"));
        return ResponseEntity.ok().cacheControl(FIVE_MINUTES).body(document);
    }
}
