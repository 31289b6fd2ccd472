package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.credfolio.trust.presentation.Presentations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A share's vp+jwt as a verifier meets it: signed by the learner's holder key (resolved from the
 * learner's did:web, never from the token), bound to the verifier's challenge and domain, accepted
 * once, and refused with a reason when replayed, redirected, altered or stuffed with another
 * learner's credential.
 */
class PresentationTest extends SharingTestBase {
    private static final String DOMAIN = "hiring.acme.example";

    @Autowired
    Presentations presentations;

    private String token;

    @BeforeEach
    void shareIt() {
        token = share(List.of(awardId));
    }

    @Test
    void challengeBoundPresentationVerifiesOnceAndItsReplayIsRefused() {
        String challenge = challenge(DOMAIN);
        String vp = download("?challenge=" + challenge + "&domain=" + DOMAIN);

        Map<?, ?> first = verify(vp, challenge, DOMAIN);
        assertThat(first.get("verified")).as(String.valueOf(first)).isEqualTo(true);
        assertThat(first.get("holder"))
                .isEqualTo(
                        "did:web:localhost%3A8080:learners:" + world.learnerA().id());
        List<?> credentials = (List<?>) first.get("credentials");
        assertThat(credentials).hasSize(1);
        assertThat(((Map<?, ?>) credentials.get(0)).get("verified")).isEqualTo(true);

        assertRefused(verify(vp, challenge, DOMAIN, 400), "nonce", "replay");
    }

    @Test
    void wrongAudienceForeignChallengeAndMissingDomainAreRefused() {
        String challenge = challenge(DOMAIN);
        String vp = download("?challenge=" + challenge + "&domain=" + DOMAIN);
        assertRefused(verify(vp, challenge, "evil.example", 400), "audience", "not for evil.example");
        assertRefused(verify(vp, null, null, 400), "audience", "give the domain");

        String unbound = download("");
        assertThat(verify(unbound, null, null).get("verified")).isEqualTo(true);
        String forged = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA";
        String boundToForged = download("?challenge=" + forged + "&domain=" + DOMAIN);
        assertRefused(verify(boundToForged, forged, DOMAIN, 400), "nonce", "not issued by this verifier");
    }

    @Test
    void alteredPresentationAndAnotherLearnersCredentialAreRefused() throws Exception {
        String vp = download("");
        String[] parts = vp.split("\\.");
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String later = payload.replaceFirst("\"exp\":(\\d+)", "\"exp\":4102444800");
        assertThat(later).isNotEqualTo(payload);
        String tampered = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(later.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];
        assertRefused(verify(tampered, null, null, 400), "signature", "altered");

        // Learner B's genuine credential inside a presentation signed by learner A.
        String otherAward = recordCredential(
                world.registrarB(),
                world.learnerB().id(),
                world.welding().id(),
                LocalDate.now().minusDays(3));
        String otherJwt = as(world.registrarB())
                .document("query($id: ID!) { learner(id: $id) { credentials { id jwt } } }")
                .variable("id", world.learnerB().id())
                .execute()
                .path("learner.credentials[0].jwt")
                .entity(String.class)
                .get();
        assertThat(otherAward).isNotNull();
        String stuffed = presentations.present(world.learnerA().id(), List.of(otherJwt), null, null);
        assertRefused(verify(stuffed, null, null, 400), "credentials", "not about the holder");
    }

    @Test
    void envelopedPresentationsVerifyAndMalformedOnesAreNotPresentations() {
        String vp = download("");
        String v2 = "https://www.w3.org/ns/credentials/v2";
        String type = "EnvelopedVerifiablePresentation";
        String id = "data:application/vp+jwt," + vp;
        assertThat(verify(envelope(List.of(v2), type, id), null, null, 200).get("verified"))
                .isEqualTo(true);
        assertThat(verify("data:application/vp+jwt," + vp, null, null, 200).get("verified"))
                .isEqualTo(true);
        // The VC Data Model 2.0 test suite's enveloped-presentation cases, one mutation each.
        assertNotAPresentation(verify(envelope(List.of(), type, id), null, null, 422), "@context");
        assertNotAPresentation(
                verify(envelope(List.of("https://www.w3.org/ns/credentials/examples/v2"), type, id), null, null, 422),
                "@context");
        assertNotAPresentation(verify(envelope(List.of(v2), type, vp), null, null, 422), "data: URL");
        assertNotAPresentation(
                verify(envelope(List.of(v2), List.of("VerifiablePresentation"), id), null, null, 422), type);
        assertNotAPresentation(
                verify(envelope(List.of(v2), type, "data:text/plain," + vp), null, null, 422), "text/plain");
        assertNotAPresentation(verify("not a token", null, null, 422), "three dot-separated parts");
        // Not of the VC API shape, or an ill-typed option: 400 before anything is verified.
        for (Object body : List.of(
                Map.of("presentation", vp), Map.of("verifiablePresentation", vp, "options", Map.of("challenge", 5)))) {
            http().post()
                    .uri("/presentations/verify")
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://credfolio.org/problems/invalid-request");
        }
    }

    private static Map<String, Object> envelope(List<String> context, Object type, String id) {
        return Map.of("@context", context, "type", type, "id", id);
    }

    private static void assertNotAPresentation(Map<?, ?> result, String reasonPart) {
        assertThat(result.get("verified")).isEqualTo(false);
        assertThat(result.get("type")).isEqualTo("https://credfolio.org/problems/invalid-presentation");
        assertThat(result.get("title")).isEqualTo("Not a verifiable presentation");
        assertThat((String) result.get("detail")).contains(reasonPart);
        assertThat(result.toString()).doesNotContain("Exception", "org.credfolio");
    }

    @Test
    void graphQlGivesTheSameAnswer() {
        String challenge = as(world.employerUser())
                .document("mutation { createChallenge(domain: \"" + DOMAIN + "\") { challenge } }")
                .execute()
                .path("createChallenge.challenge")
                .entity(String.class)
                .get();
        String vp = download("?challenge=" + challenge + "&domain=" + DOMAIN);
        String query = "query($p: String!, $c: String, $d: String) { verifyPresentation(presentation: $p,"
                + " challenge: $c, domain: $d) { verified holder checks { name passed reason }"
                + " credentials { verified summary { achievementName status } } } }";
        var first = anonymous()
                .document(query)
                .variable("p", vp)
                .variable("c", challenge)
                .variable("d", DOMAIN)
                .execute();
        first.path("verifyPresentation.verified").entity(Boolean.class).isEqualTo(true);
        first.path("verifyPresentation.credentials[0].summary.achievementName")
                .entity(String.class)
                .isEqualTo(world.welding().name());
        anonymous()
                .document(query)
                .variable("p", vp)
                .variable("c", challenge)
                .variable("d", DOMAIN)
                .execute()
                .path("verifyPresentation.verified")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void withdrawnShareGivesNoPresentation() {
        String shareId = createShare(world.learner(), input(List.of(awardId)))
                .path("createShare.share.id")
                .entity(String.class)
                .get();
        String other = share(List.of(awardId));
        as(world.learner())
                .document("mutation($id: ID!) { revokeShare(id: $id) { id } }")
                .variable("id", shareId)
                .execute()
                .errors()
                .verify();
        http().get()
                .uri("/shares/" + other + "/presentation")
                .exchange()
                .expectStatus()
                .isOk();
        http().get()
                .uri("/shares/not-a-token/presentation")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private String download(String query) {
        return http().get()
                .uri("/shares/" + token + "/presentation" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/vp+jwt")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private Map<?, ?> verify(String vp, String challenge, String domain) {
        return verify(vp, challenge, domain, 200);
    }

    /** POST /presentations/verify: 200 verified, 400 did not verify, 422 not a presentation. */
    private Map<?, ?> verify(Object vp, String challenge, String domain, int status) {
        Map<String, Object> options = new java.util.HashMap<>();
        if (challenge != null) {
            options.put("challenge", challenge);
        }
        if (domain != null) {
            options.put("domain", domain);
        }
        return http().post()
                .uri("/presentations/verify")
                .bodyValue(Map.of("verifiablePresentation", vp, "options", options))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static void assertRefused(Map<?, ?> result, String check, String reasonPart) {
        assertThat(result.get("verified")).as(String.valueOf(result)).isEqualTo(false);
        assertThat((List<?>) result.get("problemDetails")).anySatisfy(p -> assertThat(((Map<?, ?>) p).get("type"))
                .isEqualTo("https://credfolio.org/problems/verification/" + check));
        assertThat((List<?>) result.get("checks")).as(String.valueOf(result)).anySatisfy(c -> {
            Map<?, ?> m = (Map<?, ?>) c;
            assertThat(m.get("name")).isEqualTo(check);
            assertThat(m.get("passed")).isEqualTo(false);
            assertThat((String) m.get("reason")).containsIgnoringCase(reasonPart);
        });
    }
}
