package org.credfolio.trust.publication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.keys.IssuerKey;
import org.credfolio.trust.keys.IssuerKeys;
import org.credfolio.trust.keys.JwkFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public, cacheable key publication: the JWKS of every issuer key and each issuer's did:web
 * document (DID Core: JsonWebKey verification methods under assertionMethod, and each Ed25519 key
 * also as a Multikey for Data Integrity verifiers).
 */
@RestController
class KeyPublicationController {
    private static final CacheControl FIVE_MINUTES =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private final IssuerKeys keys;
    private final TrustProperties properties;

    KeyPublicationController(IssuerKeys keys, TrustProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        List<Map<String, Object>> jwks =
                keys.published(null).stream().map(this::withKid).toList();
        return ResponseEntity.ok().cacheControl(FIVE_MINUTES).body(Map.of("keys", jwks));
    }

    @GetMapping(path = "/issuers/{organizationId}/did.json")
    ResponseEntity<Map<String, Object>> didDocument(@PathVariable String organizationId) {
        List<IssuerKey> published = keys.published(organizationId);
        if (published.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String did = properties.issuerDid(organizationId);
        List<Map<String, Object>> methods = new ArrayList<>();
        for (IssuerKey key : published) {
            methods.add(DidDocuments.jsonWebKey(did, key.thumbprint(), JwkFactory.parse(key.publicJwk())));
            String multikey = IssuerKeys.multikey(key);
            if (multikey != null) {
                methods.add(DidDocuments.multikey(did, multikey));
            }
        }
        Map<String, Object> document = DidDocuments.document(did, methods, List.of("assertionMethod"));
        return ResponseEntity.ok().cacheControl(FIVE_MINUTES).body(document);
    }

    private Map<String, Object> withKid(IssuerKey key) {
        Map<String, Object> jwk =
                new LinkedHashMap<>(JwkFactory.parse(key.publicJwk()).toJSONObject());
        jwk.put("kid", properties.issuerDid(key.organizationId()) + "#" + key.thumbprint());
        jwk.put("alg", key.algorithm().name());
        jwk.put("use", "sig");
        return jwk;
    }
}
