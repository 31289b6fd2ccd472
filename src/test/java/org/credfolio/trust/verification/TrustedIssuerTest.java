package org.credfolio.trust.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.trust.integrity.EddsaRdfc2022;
import org.credfolio.trust.status.Bitstring;
import org.credfolio.trust.status.StatusLists;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Other issuers, played by a real HTTP server with their own keys and status lists: a college
 * issuing VC-JWTs and a certifying body issuing Open Badges with Data Integrity proofs. Their
 * credentials verify only because they are on the configured trust list, their keys come from the
 * configured JWKS URLs, and their revocations are read from their own signed status lists.
 */
class TrustedIssuerTest extends IntegrationTest {
    private static final String PARTNER = "did:web:college.partner.example";
    private static final ECKey KEY = generate();
    /** A certifying body that issues Open Badges 3.0 with eddsa-rdfc-2022 Data Integrity proofs. */
    private static final String CERTIFIER = "did:web:certify.partner.example";

    private static final OctetKeyPair CERTIFIER_KEY = generateEd25519();
    private static final HttpServer SERVER = start();
    /** The partner revokes index 42 of its one status list. */
    private static final int REVOKED = 42;

    static String base() {
        return "http://localhost:" + SERVER.getAddress().getPort();
    }

    @DynamicPropertySource
    static void trustList(DynamicPropertyRegistry registry) {
        registry.add("credfolio.trust.trusted-issuers[0].did", () -> PARTNER);
        registry.add("credfolio.trust.trusted-issuers[0].jwks-url", () -> base() + "/jwks.json");
        registry.add("credfolio.trust.trusted-issuers[0].name", () -> "Partner College");
        registry.add("credfolio.trust.trusted-issuers[1].did", () -> CERTIFIER);
        registry.add("credfolio.trust.trusted-issuers[1].jwks-url", () -> base() + "/certifier/jwks.json");
        registry.add("credfolio.trust.trusted-issuers[1].name", () -> "Partner Certifying Body");
    }

    @AfterAll
    static void stop() {
        SERVER.stop(0);
    }

    @Test
    void credentialOfATrustedIssuerVerifiesWithKeysFromItsJwks() throws Exception {
        Map<String, Object> result = verify(sign(PARTNER, KEY, 7));
        assertThat(result.get("verified")).as(String.valueOf(result)).isEqualTo(true);
    }

    @Test
    void itsRevocationIsReadFromItsOwnSignedStatusList() throws Exception {
        Map<String, Object> result = verify(sign(PARTNER, KEY, REVOKED));
        assertThat(result.get("verified")).isEqualTo(false);
        assertThat(result.toString()).contains("name=revocation, passed=false", "revoked");
        assertThat(verify(sign(PARTNER, KEY, REVOKED + 1)).get("verified")).isEqualTo(true);
    }

    @Test
    void sameKeyUnderAnUntrustedDidOrAnUnpublishedKeyIsRefused() throws Exception {
        Map<String, Object> untrusted = verify(sign("did:web:diploma-mill.example", KEY, 7));
        assertThat(untrusted.get("verified")).isEqualTo(false);
        assertThat(untrusted.toString()).contains("name=issuer, passed=false", "trust list");

        Map<String, Object> otherKey = verify(sign(PARTNER, generate(), 7));
        assertThat(otherKey.get("verified")).isEqualTo(false);
        assertThat(otherKey.toString()).contains("name=key, passed=false", "publishes no key");
    }

    @Test
    void dataIntegrityBadgeOfATrustedCertifyingBodyVerifiesAndItsRevocationCounts() {
        Map<String, Object> result = verify(json(badge(CERTIFIER, 7)));
        assertThat(result.get("verified")).as(String.valueOf(result)).isEqualTo(true);
        assertThat(result.toString()).contains("eddsa-rdfc-2022 proof is valid");

        Map<String, Object> revoked = verify(json(badge(CERTIFIER, REVOKED)));
        assertThat(revoked.get("verified")).isEqualTo(false);
        assertThat(revoked.toString()).contains("name=revocation, passed=false", "revoked");
    }

    @Test
    void alteredOrMisattributedDataIntegrityBadgeIsRefused() {
        Map<String, Object> altered = new LinkedHashMap<>(badge(CERTIFIER, 7));
        altered.put("name", "CompTIA Security+");
        Map<String, Object> result = verify(json(altered));
        assertThat(result.get("verified")).isEqualTo(false);
        assertThat(result.toString()).contains("name=signature, passed=false", "altered");

        // Signed by the certifier's key while claiming to be the partner college.
        Map<String, Object> misattributed = verify(json(badge(PARTNER, 7)));
        assertThat(misattributed.get("verified")).isEqualTo(false);
    }

    private static String json(Map<String, Object> credential) {
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(credential);
    }

    /** An Open Badges 3.0 credential secured by the certifier's Ed25519 key, whoever it names. */
    private static Map<String, Object> badge(String issuer, int statusIndex) {
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put(
                "@context",
                List.of(
                        "https://www.w3.org/ns/credentials/v2",
                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        vc.put("id", "urn:uuid:" + java.util.UUID.randomUUID());
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", Map.of("id", issuer, "type", List.of("Profile"), "name", "Partner Certifying Body"));
        vc.put("name", "Welding Level 1");
        vc.put("validFrom", "2025-06-01T00:00:00Z");
        vc.put(
                "credentialSubject",
                Map.of(
                        "id",
                        "did:example:learner",
                        "type",
                        List.of("AchievementSubject"),
                        "achievement",
                        Map.of(
                                "id", "urn:example:welding-1",
                                "type", List.of("Achievement"),
                                "name", "Welding Level 1",
                                "description", "Entry-level welding.",
                                "criteria", Map.of("narrative", "Passed the practical test."))));
        vc.put("credentialStatus", statusEntry(base() + "/certifier/status/1", statusIndex));
        return secured(vc);
    }

    private static Map<String, Object> statusEntry(String list, int index) {
        return Map.of(
                "id",
                list + "#" + index,
                "type",
                "BitstringStatusListEntry",
                "statusPurpose",
                "revocation",
                "statusListIndex",
                String.valueOf(index),
                "statusListCredential",
                list);
    }

    private static Map<String, Object> secured(Map<String, Object> document) {
        try {
            Ed25519Sign signer = new Ed25519Sign(CERTIFIER_KEY.getD().decode());
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("created", "2025-06-01T00:00:00Z");
            options.put("verificationMethod", CERTIFIER + "#" + CERTIFIER_KEY.getKeyID());
            options.put("proofPurpose", "assertionMethod");
            return EddsaRdfc2022.sign(document, options, data -> {
                try {
                    return signer.sign(data);
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certifier's status list as JSON-LD with its own Data Integrity proof. */
    private static String certifierStatusList() {
        byte[] bits = Bitstring.empty(StatusLists.SIZE);
        Bitstring.set(bits, REVOKED);
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        vc.put("id", base() + "/certifier/status/1");
        vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        vc.put("issuer", CERTIFIER);
        vc.put("validFrom", "2025-06-01T00:00:00Z");
        vc.put(
                "credentialSubject",
                Map.of(
                        "id",
                        base() + "/certifier/status/1#list",
                        "type",
                        "BitstringStatusList",
                        "statusPurpose",
                        "revocation",
                        "encodedList",
                        Bitstring.encode(bits)));
        return json(secured(vc));
    }

    private static OctetKeyPair generateEd25519() {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> verify(String jwt) {
        return anonymous()
                .document(
                        "query($c: String!) { verifyCredential(credential: $c) { verified checks { name passed reason } } }")
                .variable("c", jwt)
                .execute()
                .path("verifyCredential")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private static String sign(String issuer, ECKey key, int statusIndex) throws Exception {
        String id = "urn:uuid:" + java.util.UUID.randomUUID();
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        vc.put("id", id);
        vc.put("type", List.of("VerifiableCredential"));
        vc.put("issuer", Map.of("id", issuer, "name", "Partner College"));
        vc.put("validFrom", "2025-06-01T00:00:00Z");
        vc.put("credentialSubject", Map.of("id", "did:example:learner"));
        vc.put(
                "credentialStatus",
                Map.of(
                        "id",
                        base() + "/status/1#" + statusIndex,
                        "type",
                        "BitstringStatusListEntry",
                        "statusPurpose",
                        "revocation",
                        "statusListIndex",
                        String.valueOf(statusIndex),
                        "statusListCredential",
                        base() + "/status/1"));
        vc.put("iss", issuer);
        vc.put("jti", id);
        return signed(issuer, key, vc, "vc+jwt");
    }

    private static String signed(String issuer, ECKey key, Map<String, Object> claims, String type) throws Exception {
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(issuer + "#" + key.getKeyID())
                        .type(new JOSEObjectType(type))
                        .build(),
                new Payload(claims));
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    /** The partner's status list: GZIP'd bits, index 0 left-most, signed by the partner's key. */
    private static String statusList() {
        try {
            byte[] bits = Bitstring.empty(StatusLists.SIZE);
            Bitstring.set(bits, REVOKED);
            Map<String, Object> vc = new LinkedHashMap<>();
            vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
            vc.put("id", base() + "/status/1");
            vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
            vc.put("issuer", PARTNER);
            vc.put("validFrom", Instant.now().toString());
            vc.put(
                    "credentialSubject",
                    Map.of(
                            "id",
                            base() + "/status/1#list",
                            "type",
                            "BitstringStatusList",
                            "statusPurpose",
                            "revocation",
                            "encodedList",
                            Bitstring.encode(bits)));
            return signed(PARTNER, KEY, vc, "vc+jwt");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                JWKSet set = new JWKSet(KEY.toPublicJWK());
                respond(exchange, set.toString(true).replace("\"kid\":\"", "\"kid\":\"" + PARTNER + "#"));
            });
            server.createContext("/status/1", exchange -> respond(exchange, statusList()));
            server.createContext(
                    "/certifier/jwks.json",
                    exchange -> respond(
                            exchange,
                            new JWKSet(CERTIFIER_KEY.toPublicJWK())
                                    .toString(true)
                                    .replace("\"kid\":\"", "\"kid\":\"" + CERTIFIER + "#")));
            server.createContext("/certifier/status/1", exchange -> respond(exchange, certifierStatusList()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
