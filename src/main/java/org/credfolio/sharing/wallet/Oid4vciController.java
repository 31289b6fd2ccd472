package org.credfolio.sharing.wallet;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.awards.WalletCopies;
import org.credfolio.trust.verification.KeyProofs;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenID for Verifiable Credential Issuance, pre-authorized code flow only, for offers made with
 * {@code createWalletOffer}: issuer metadata, authorization server metadata (RFC 8414: this issuer is
 * its own authorization server, and 1.0 wallets find the token endpoint there), the token endpoint,
 * the nonce endpoint and the credential endpoint with a {@code jwt} key proof of an Ed25519 did:key.
 * Both the final (1.0: {@code credential_configuration_id}, {@code proofs}, {@code credentials}) and
 * draft 13 ({@code format}, {@code proof}, {@code credential}) request shapes are accepted. Errors
 * are OAuth error objects, as the specification asks.
 */
@RestController
class Oid4vciController {
    static final String LDP_VC = "OpenBadgeCredential_ldp_vc";
    static final String JWT_VC_JSON = "OpenBadgeCredential_jwt_vc_json";
    static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    private static final List<String> TYPES = List.of("VerifiableCredential", "OpenBadgeCredential");
    private static final List<String> CONTEXTS = List.of(
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");

    private final WalletCopies copies;
    private final WalletOffers offers;
    private final KeyProofs keyProofs;

    Oid4vciController(WalletCopies copies, WalletOffers offers, KeyProofs keyProofs) {
        this.copies = copies;
        this.offers = offers;
        this.keyProofs = keyProofs;
    }

    @GetMapping(value = "/.well-known/openid-credential-issuer", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> metadata() {
        String base = offers.baseUrl();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("credential_issuer", base);
        metadata.put("credential_endpoint", base + "/oid4vci/credential");
        metadata.put("nonce_endpoint", base + "/oid4vci/nonce");
        // Draft 13 wallets read the token endpoint here; 1.0 wallets read the authorization server's
        // metadata, which this issuer serves itself.
        metadata.put("token_endpoint", base + "/oid4vci/token");
        metadata.put("pre-authorized_grant_anonymous_access_supported", true);
        Map<String, Object> proofTypes = Map.of("jwt", Map.of("proof_signing_alg_values_supported", List.of("EdDSA")));
        Map<String, Object> ldp = new LinkedHashMap<>();
        ldp.put("format", "ldp_vc");
        ldp.put("credential_definition", Map.of("@context", CONTEXTS, "type", TYPES));
        ldp.put("cryptographic_binding_methods_supported", List.of("did:key"));
        ldp.put("credential_signing_alg_values_supported", List.of("eddsa-rdfc-2022"));
        ldp.put("proof_types_supported", proofTypes);
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("format", "jwt_vc_json");
        jwt.put("credential_definition", Map.of("type", TYPES));
        jwt.put("cryptographic_binding_methods_supported", List.of("did:key"));
        jwt.put("credential_signing_alg_values_supported", List.of("ES256", "ES384", "EdDSA", "RS256"));
        jwt.put("proof_types_supported", proofTypes);
        metadata.put("credential_configurations_supported", Map.of(LDP_VC, ldp, JWT_VC_JSON, jwt));
        return metadata;
    }

    /** RFC 8414 metadata of the authorization server this issuer is: the pre-authorized code grant only. */
    @GetMapping(value = "/.well-known/oauth-authorization-server", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> authorizationServer() {
        String base = offers.baseUrl();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", base);
        metadata.put("token_endpoint", base + "/oid4vci/token");
        // No authorization endpoint: wallets get their grant from the learner's offer, never by redirect.
        metadata.put("response_types_supported", List.of());
        metadata.put("grant_types_supported", List.of(PRE_AUTHORIZED_GRANT));
        metadata.put("token_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("pre-authorized_grant_anonymous_access_supported", true);
        return metadata;
    }

    /** OpenID4VCI 1.0 nonce endpoint: a fresh {@code c_nonce} for one key proof, never cached. */
    @PostMapping(value = "/oid4vci/nonce", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> nonce() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("c_nonce", keyProofs.nonce().challenge()));
    }

    @PostMapping(
            value = "/oid4vci/token",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestParam MultiValueMap<String, String> form) {
        if (!PRE_AUTHORIZED_GRANT.equals(form.getFirst("grant_type"))) {
            return error(
                    HttpStatus.BAD_REQUEST,
                    "unsupported_grant_type",
                    "Only the pre-authorized code grant is supported.");
        }
        if (form.getFirst("tx_code") != null) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "These offers have no transaction code.");
        }
        WalletCopies.Token token;
        try {
            token = copies.token(form.getFirst("pre-authorized_code"));
        } catch (WalletCopies.Refused e) {
            return error(HttpStatus.BAD_REQUEST, "invalid_grant", e.getMessage());
        }
        long expiresIn =
                Math.max(1, Duration.between(Instant.now(), token.expiresAt()).toSeconds());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", expiresIn);
        body.put("c_nonce", token.cNonce());
        body.put("c_nonce_expires_in", expiresIn);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @PostMapping(value = "/oid4vci/credential", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> credential(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) Map<String, Object> request) {
        String accessToken = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
        WalletCopies.Token token;
        try {
            token = copies.pendingToken(accessToken);
        } catch (WalletCopies.Refused e) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_token", e.getMessage());
        }
        if (request == null) {
            return error(HttpStatus.BAD_REQUEST, "invalid_credential_request", "The request has no JSON body.");
        }
        Boolean jwt = wantsJwt(request);
        if (jwt == null) {
            return error(
                    HttpStatus.BAD_REQUEST,
                    "unsupported_credential_format",
                    "Ask for " + LDP_VC + " or " + JWT_VC_JSON + " (formats ldp_vc, jwt_vc_json).");
        }
        String walletDid;
        try {
            walletDid = keyProofs.holderDid(proofJwt(request), offers.baseUrl(), token.cNonce());
        } catch (KeyProofs.Refused e) {
            if (!e.badNonce()) {
                return error(HttpStatus.BAD_REQUEST, "invalid_proof", e.getMessage());
            }
            // 1.0 wallets go back to the nonce endpoint on invalid_nonce; draft 13 wallets read the
            // fresh c_nonce from the error itself.
            ResponseEntity<Map<String, Object>> refusal =
                    error(HttpStatus.BAD_REQUEST, "invalid_nonce", e.getMessage());
            refusal.getBody().put("c_nonce", keyProofs.nonce().challenge());
            return refusal;
        }
        Object credential;
        try {
            credential = copies.deliverForToken(accessToken, walletDid, jwt);
        } catch (WalletCopies.Refused e) {
            return error(HttpStatus.BAD_REQUEST, "invalid_credential_request", e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.containsKey("credential_configuration_id")) {
            body.put("credentials", List.of(Map.of("credential", credential)));
        } else {
            body.put("credential", credential);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /** True for the VC-JWT form, false for the Data Integrity form, null for anything else. */
    private static Boolean wantsJwt(Map<String, Object> request) {
        Object id = request.get("credential_configuration_id");
        Object format = id != null ? id : request.get("format");
        if (LDP_VC.equals(format) || "ldp_vc".equals(format)) {
            return false;
        }
        if (JWT_VC_JSON.equals(format) || "jwt_vc_json".equals(format)) {
            return true;
        }
        return null;
    }

    /** The one jwt key proof: {@code proof} (draft 13) or the first of {@code proofs.jwt} (1.0). */
    private static String proofJwt(Map<String, Object> request) {
        if (request.get("proof") instanceof Map<?, ?> proof
                && "jwt".equals(proof.get("proof_type"))
                && proof.get("jwt") instanceof String jwt) {
            return jwt;
        }
        if (request.get("proofs") instanceof Map<?, ?> proofs
                && proofs.get("jwt") instanceof List<?> list
                && list.size() == 1
                && list.get(0) instanceof String jwt) {
            return jwt;
        }
        return null;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
