package org.credfolio.trust.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
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
import org.credfolio.trust.status.Bitstring;
import org.credfolio.trust.status.StatusLists;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Another issuer, played by a real HTTP server with its own key and status list: its credentials
 * verify only because it is on the configured trust list, its keys come from the configured JWKS
 * URL, and its revocations are read from its own signed status list.
 */
class TrustedIssuerTest extends IntegrationTest {
    private static final String PARTNER = "did:web:college.partner.example";
    private static final ECKey KEY = generate();
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
