package org.credfolio.trust.publication;

import com.nimbusds.jose.jwk.JWK;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pieces of this service's DID documents (DID Core 1.0): a key as a {@code JsonWebKey} method
 * for JOSE verifiers and, for Ed25519 keys, as a {@code Multikey} method for Data Integrity
 * verifiers (Controlled Identifiers 1.0, section 2.2.2).
 */
final class DidDocuments {
    static final List<String> CONTEXT = List.of(
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/jwk/v1",
            "https://w3id.org/security/multikey/v1");

    private DidDocuments() {}

    static Map<String, Object> jsonWebKey(String did, String fragment, JWK publicJwk) {
        return method(did, fragment, "JsonWebKey", "publicKeyJwk", publicJwk.toJSONObject());
    }

    /** The method's id ends in the multibase value itself, as Data Integrity verifiers expect. */
    static Map<String, Object> multikey(String did, String publicKeyMultibase) {
        return method(did, publicKeyMultibase, "Multikey", "publicKeyMultibase", publicKeyMultibase);
    }

    /** The document, every method listed under each relationship given. */
    static Map<String, Object> document(String did, List<Map<String, Object>> methods, List<String> relationships) {
        List<Object> ids = methods.stream().map(m -> m.get("id")).toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", CONTEXT);
        document.put("id", did);
        document.put("verificationMethod", methods);
        relationships.forEach(relationship -> document.put(relationship, ids));
        return document;
    }

    private static Map<String, Object> method(String did, String fragment, String type, String keyName, Object key) {
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("id", did + "#" + fragment);
        method.put("type", type);
        method.put("controller", did);
        method.put(keyName, key);
        return method;
    }
}
