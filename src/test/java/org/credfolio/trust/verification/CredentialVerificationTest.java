package org.credfolio.trust.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.keys.IssuerKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The verification engine through GraphQL and the VC API alike: a genuine credential verifies, and
 * every kind of forgery or stale credential is refused with the check and reason that caught it.
 */
class CredentialVerificationTest extends IntegrationTest {
    private static final String VERIFY = "query($c: String!) { verifyCredential(credential: $c) {"
            + " verified checks { name passed reason } summary { issuerName achievementName status validUntil } } }";

    @Autowired
    IssuerKeys keys;

    private Tenants.World world;
    private String awardId;
    private String jwt;

    @BeforeEach
    void issue() {
        world = tenants.create();
        awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(10));
        jwt = as(world.registrarA())
                .document("query($id: ID!) { learner(id: $id) { credentials { jwt } } }")
                .variable("id", world.learnerA().id())
                .execute()
                .path("learner.credentials[0].jwt")
                .entity(String.class)
                .get();
    }

    @Test
    void genuineCredentialVerifiesThroughGraphQlAndRestWithEveryCheckNamed() {
        Map<String, Object> result = graphQl(jwt);
        assertThat(result.get("verified")).isEqualTo(true);
        assertThat(checkNames(result))
                .containsExactly(
                        "parse",
                        "algorithm",
                        "header",
                        "issuer",
                        "key",
                        "signature",
                        "claims",
                        "validity",
                        "revocation",
                        "suspension",
                        "openBadges");
        Map<?, ?> summary = (Map<?, ?>) result.get("summary");
        assertThat(summary.get("status")).isEqualTo("ACTIVE");
        assertThat(summary.get("achievementName")).isEqualTo(world.welding().name());
        assertThat(summary.get("issuerName")).isEqualTo(world.districtA().name());

        Map<?, ?> rest = rest(Map.of("verifiableCredential", jwt), 200);
        assertThat(rest.get("verified")).isEqualTo(true);
        assertThat((List<?>) rest.get("problemDetails")).isEmpty();
        assertThat(((List<?>) rest.get("checks"))
                        .stream().map(c -> (Object) ((Map<?, ?>) c).get("name")).toList())
                .isEqualTo(checkNames(result));
        assertThat((List<?>) rest.get("checks"))
                .allSatisfy(c -> assertThat(((Map<?, ?>) c).get("passed")).isEqualTo(true));
        assertThat(((Map<?, ?>) rest.get("summary")).get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void envelopedAndDataUrlFormsVerifyToo() {
        assertThat(rest(Map.of("verifiableCredential", CredentialForms.envelope(jwt)), 200)
                        .get("verified"))
                .isEqualTo(true);
        assertThat(graphQl("data:application/vc+jwt," + jwt).get("verified")).isEqualTo(true);
    }

    @Test
    void revokedAndSuspendedCredentialsFailTheirStatusCheck() {
        change("suspendEarnedCredential", "Under review");
        Map<String, Object> suspended = graphQl(jwt);
        assertRefused(suspended, "suspension", "suspended");
        assertThat(((Map<?, ?>) suspended.get("summary")).get("status")).isEqualTo("SUSPENDED");

        change("reinstateEarnedCredential", "Cleared");
        assertThat(graphQl(jwt).get("verified")).isEqualTo(true);

        change("revokeEarnedCredential", "Voided");
        Map<String, Object> revoked = graphQl(jwt);
        assertRefused(revoked, "revocation", "revoked");
        assertThat(((Map<?, ?>) revoked.get("summary")).get("status")).isEqualTo("REVOKED");
        assertRefusedByRest(jwt, "revocation");
    }

    @Test
    void everythingSignedWithACompromisedKeyFailsWithTheReason() throws Exception {
        assertThat(graphQl(jwt).get("verified")).isEqualTo(true);
        as(world.districtAdminA())
                .document("mutation($k: ID!) { markIssuerKeyCompromised(kid: $k, reason: \"Laptop stolen\") { kid } }")
                .variable("k", header(jwt).getKeyID())
                .execute()
                .errors()
                .verify();
        Map<String, Object> result = graphQl(jwt);
        assertRefused(result, "key", "compromised (Laptop stolen)");
        assertThat(((Map<?, ?>) result.get("summary")).get("status")).isEqualTo("INVALID");
        assertRefusedByRest(jwt, "key");
    }

    @Test
    void unsignedAndHmacTokensAreRefusedWhateverTheCasing() throws Exception {
        String[] parts = jwt.split("\\.");
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            String unsigned = b64("{\"alg\":\"" + none + "\",\"typ\":\"vc+jwt\"}") + "." + parts[1] + ".";
            assertRefused(graphQl(unsigned), "algorithm", "Unsigned");
            assertRefusedByRest(unsigned, "algorithm");
        }
        // The classic confusion attack: the issuer's public key used as an HMAC secret.
        String publicJwk = keys.published(world.districtA().id()).get(0).publicJwk();
        JWSObject hmac = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(header(jwt).getKeyID())
                        .type(new JOSEObjectType("vc+jwt"))
                        .build(),
                new Payload(Base64URL.from(parts[1])));
        hmac.sign(new MACSigner(sha256(publicJwk)));
        assertRefused(graphQl(hmac.serialize()), "algorithm", "HMAC");
        assertRefusedByRest(hmac.serialize(), "algorithm");
    }

    @Test
    void strippedZeroedOrTamperedSignaturesAreRefused() throws Exception {
        String[] parts = jwt.split("\\.");
        assertRefused(graphQl(parts[0] + "." + parts[1] + "."), "signature", "missing");
        String zeroed = parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[64]);
        assertRefused(graphQl(zeroed), "signature", "altered");
        Map<String, Object> payload =
                new HashMap<>(JWSObject.parse(jwt).getPayload().toJSONObject());
        payload.put("name", "Master Welder");
        String tampered = parts[0] + "." + Base64URL.encode(new Payload(payload).toBytes()) + "." + parts[2];
        assertRefused(graphQl(tampered), "signature", "altered");
        assertRefusedByRest(tampered, "signature");
    }

    @Test
    void headersThatCarryKeysOrUnknownCriticalExtensionsAreRefused() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        String kid = header(jwt).getKeyID();
        String payload = jwt.split("\\.")[1];
        assertRefused(
                graphQl(forge(Map.of("jwk", attacker.toPublicJWK().toJSONObject(), "kid", kid), payload, attacker)),
                "header",
                "jwk");
        assertRefused(
                graphQl(forge(Map.of("jku", "https://evil.example/jwks.json", "kid", kid), payload, attacker)),
                "header",
                "jku");
        assertRefused(
                graphQl(forge(Map.of("x5u", "https://evil.example/cert.pem", "kid", kid), payload, attacker)),
                "header",
                "x5u");
        assertRefused(
                graphQl(forge(Map.of("crit", List.of("exp-policy"), "exp-policy", 1, "kid", kid), payload, attacker)),
                "header",
                "crit");
        String forged = forge(Map.of("jwk", attacker.toPublicJWK().toJSONObject(), "kid", kid), payload, attacker);
        assertRefusedByRest(forged, "header");
    }

    @Test
    void unknownOrMalformedKeyIdsAreRefused() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        String payload = jwt.split("\\.")[1];
        String did = keys.issuerDid(world.districtA().id());
        assertRefused(
                graphQl(forge(Map.of("kid", did + "#" + attacker.computeThumbprint()), payload, attacker)),
                "key",
                "has no key");
        for (String kid :
                List.of(did + "#../../etc/passwd", did + "#key?x=1", "https://evil.example/key", did + "/x#abc")) {
            assertRefused(graphQl(forge(Map.of("kid", kid), payload, attacker)), "header", "key id");
        }
        // A genuine key of another issuer cannot vouch for this issuer's credential.
        String otherDistrict = world.districtB().id();
        String foreign = keys.sign(
                otherDistrict, "vc+jwt", JWSObject.parse(jwt).getPayload().toJSONObject());
        assertRefused(graphQl(foreign), "claims", "claims to be issued by");
    }

    @Test
    void untrustedIssuersAreRefusedWithoutFetchingAnything() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        Map<String, Object> payload =
                new HashMap<>(JWSObject.parse(jwt).getPayload().toJSONObject());
        payload.put("issuer", Map.of("id", "did:web:evil.example", "type", List.of("Profile"), "name", "Evil"));
        payload.put("iss", "did:web:evil.example");
        String token = forge(
                Map.of("kid", "did:web:evil.example#" + attacker.computeThumbprint()),
                Base64URL.encode(new Payload(payload).toBytes()).toString(),
                attacker);
        assertRefused(graphQl(token), "issuer", "trust list");
    }

    @Test
    void expiredAndNotYetValidCredentialsAreRefused() throws Exception {
        String org = world.districtA().id();
        Map<String, Object> payload =
                new HashMap<>(JWSObject.parse(jwt).getPayload().toJSONObject());
        payload.remove("credentialStatus");
        Map<String, Object> expired = new HashMap<>(payload);
        expired.put("validUntil", "2020-01-01T00:00:00Z");
        expired.put("exp", Instant.parse("2020-01-01T00:00:00Z").getEpochSecond());
        Map<String, Object> result = graphQl(keys.sign(org, "vc+jwt", expired));
        assertRefused(result, "validity", "Expired on 2020-01-01");
        assertThat(((Map<?, ?>) result.get("summary")).get("status")).isEqualTo("EXPIRED");

        Map<String, Object> future = new HashMap<>(payload);
        Instant next = Instant.now().plusSeconds(86_400 * 30);
        future.put("validFrom", next.toString());
        future.put("nbf", next.getEpochSecond());
        Map<String, Object> early = graphQl(keys.sign(org, "vc+jwt", future));
        assertRefused(early, "validity", "Not valid before");
        assertThat(((Map<?, ?>) early.get("summary")).get("status")).isEqualTo("NOT_YET_VALID");
    }

    @Test
    void malformedInputGetsAClearAnswerNeverAServerError() {
        assertRefused(graphQl("not a token"), "parse", "three dot-separated parts");
        assertRefused(graphQl("a.b.c"), "parse", "header");
        // Compact JWS parts are base64url (RFC 7515): the standard alphabet's '+' and '/' are not.
        String[] parts = jwt.split("\\.");
        String standardAlphabet = java.util.Base64.getEncoder()
                .withoutPadding()
                .encodeToString("{\"note\":\">>>???\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(standardAlphabet).contains("+", "/");
        assertRefused(graphQl(parts[0] + "." + standardAlphabet + "." + parts[2]), "parse", "payload");
        assertRefused(graphQl("{\"type\":\"VerifiableCredential\"}"), "parse", "no @context");
        Map<?, ?> notACredential = rest(Map.of("verifiableCredential", "not a token"), 422);
        assertThat(notACredential.get("verified")).isEqualTo(false);
        assertThat((String) notACredential.get("detail")).contains("three dot-separated parts");
        assertRefused(graphQl("x".repeat(70_000)), "parse", "longer than");
        http().post()
                .uri("/credentials/verify")
                .header("Content-Type", "application/json")
                .bodyValue("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The request body is not a JSON object.");
        http().post()
                .uri("/credentials/verify")
                .header("Content-Type", "application/json")
                .bodyValue("{\"verifiableCredential\":\"" + "x".repeat(1_100_000) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("REQUEST_TOO_LARGE");
        http().post()
                .uri("/credentials/verify")
                .bodyValue(Map.of("credential", jwt))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void vc11TokensWithAVcClaimAreAccepted() throws Exception {
        Map<String, Object> payload = JWSObject.parse(jwt).getPayload().toJSONObject();
        Map<String, Object> legacy = new HashMap<>();
        legacy.put("vc", payload);
        // Beside the vc claim, the registered claims the token carries.
        for (String claim : List.of("iss", "sub", "jti", "nbf", "exp")) {
            if (payload.get(claim) != null) {
                legacy.put(claim, payload.get(claim));
            }
        }
        Map<String, Object> result = graphQl(keys.sign(world.districtA().id(), "JWT", legacy));
        assertThat(result.get("verified")).as(String.valueOf(result)).isEqualTo(true);
    }

    private void change(String mutation, String reason) {
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { " + mutation + "(input: $i) { status } }")
                .variable("i", Map.of("id", awardId, "reason", reason))
                .execute()
                .errors()
                .verify();
    }

    private Map<String, Object> graphQl(String credential) {
        return anonymous()
                .document(VERIFY)
                .variable("c", credential)
                .execute()
                .errors()
                .verify()
                .path("verifyCredential")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    private Map<?, ?> rest(Object body, int status) {
        return http().post()
                .uri("/credentials/verify")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /** A credential that was read but did not verify: 400, the failed check as a problem detail. */
    private void assertRefusedByRest(String token, String check) {
        Map<?, ?> result = rest(Map.of("verifiableCredential", token), 400);
        assertThat(result.get("verified")).isEqualTo(false);
        assertThat(result.get("type")).isEqualTo("https://credfolio.org/problems/verification-failed");
        assertThat((List<?>) result.get("problemDetails")).anySatisfy(e -> assertThat(((Map<?, ?>) e).get("type"))
                .isEqualTo("https://credfolio.org/problems/verification/" + check));
        assertThat((List<?>) result.get("checks")).anySatisfy(c -> {
            assertThat(((Map<?, ?>) c).get("name")).isEqualTo(check);
            assertThat(((Map<?, ?>) c).get("passed")).isEqualTo(false);
        });
    }

    private static void assertRefused(Map<String, Object> result, String check, String reasonPart) {
        assertThat(result.get("verified")).as(String.valueOf(result)).isEqualTo(false);
        assertThat((List<?>) result.get("checks")).as(String.valueOf(result)).anySatisfy(c -> {
            Map<?, ?> m = (Map<?, ?>) c;
            assertThat(m.get("name")).isEqualTo(check);
            assertThat(m.get("passed")).isEqualTo(false);
            assertThat((String) m.get("reason")).containsIgnoringCase(reasonPart);
        });
    }

    private static List<Object> checkNames(Map<String, Object> result) {
        return ((List<?>) result.get("checks"))
                .stream()
                        .map(c -> ((Map<?, ?>) c).get("name"))
                        .map(Object.class::cast)
                        .toList();
    }

    private static String forge(Map<String, Object> headerFields, String payload, ECKey key) throws Exception {
        Map<String, Object> header = new HashMap<>(headerFields);
        header.put("alg", "ES256");
        header.put("typ", "vc+jwt");
        String signingInput = b64(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(header)) + "." + payload;
        java.security.Signature ecdsa = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        ecdsa.initSign(key.toECPrivateKey());
        ecdsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64URL.encode(ecdsa.sign());
    }

    private static JWSHeader header(String token) throws Exception {
        return JWSObject.parse(token).getHeader();
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static byte[] sha256(String value) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    }
}
