package org.credfolio.shared;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A district's own OpenID Connect provider, played by a real HTTP server with a key generated here,
 * issues the tokens; role and organization come from the claims it is configured to use.
 */
class ExternalOidcIssuerTest extends IntegrationTest {
    private static final ECKey KEY = generate("district-sso-1");
    private static final ECKey OTHER_KEY = generate("district-sso-1");
    private static final HttpServer ISSUER = start();

    static String issuer() {
        return "http://localhost:" + ISSUER.getAddress().getPort();
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("credfolio.security.oidc-issuer-uri", ExternalOidcIssuerTest::issuer);
        registry.add("credfolio.security.oidc-audience", () -> "credfolio");
        registry.add("credfolio.security.claims.role", () -> "credfolio_role");
        registry.add("credfolio.security.claims.organization", () -> "district_id");
    }

    @AfterAll
    static void stop() {
        ISSUER.stop(0);
    }

    @Test
    void tokenFromConfiguredIssuerCarriesRoleAndOrganizationFromItsClaims() {
        Tenants.World world = tenants.create();
        String token = sign(KEY, claims(world.districtA().id(), "credfolio"));
        bearer(token)
                .document("query($id: ID!) { learner(id: $id) { displayName } }")
                .variable("id", world.learnerA().id())
                .execute()
                .path("learner.displayName")
                .entity(String.class)
                .isEqualTo("Ana Alvarez");
        bearer(token)
                .document("query($id: ID!) { learner(id: $id) { displayName } }")
                .variable("id", world.learnerB().id())
                .execute()
                .errors()
                .expect(e -> "ACCESS_DENIED".equals(e.getExtensions().get("code")));
    }

    @Test
    void tokenSignedByAnotherKeyOrForAnotherAudienceIsRejected() {
        Tenants.World world = tenants.create();
        for (String token : new String[] {
            sign(OTHER_KEY, claims(world.districtA().id(), "credfolio")),
            sign(KEY, claims(world.districtA().id(), "other-app"))
        }) {
            http().post()
                    .uri("/graphql")
                    .header("Authorization", "Bearer " + token)
                    .bodyValue(Map.of("query", "{ myAccount { id } }"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
    }

    @Test
    void builtInLoginIsOffAndSaysWhereToSignIn() {
        http().post()
                .uri("/auth/token")
                .bodyValue(Map.of("username", "a@b.org", "password", "whatever-long"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error_description")
                .value(d ->
                        org.assertj.core.api.Assertions.assertThat((String) d).contains(issuer()));
    }

    private HttpGraphQlTester bearer(String token) {
        return anonymous().mutate().header("Authorization", "Bearer " + token).build();
    }

    private static JWTClaimsSet claims(String districtId, String audience) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("sso|registrar-42")
                .audience(audience)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("credfolio_role", "registrar")
                .claim("district_id", districtId)
                .build();
    }

    private static String sign(ECKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(
                    "/.well-known/openid-configuration",
                    exchange -> respond(
                            exchange,
                            "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer()
                                    + "/jwks\",\"subject_types_supported\":[\"public\"],"
                                    + "\"id_token_signing_alg_values_supported\":[\"ES256\"]}"));
            server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
