package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.credfolio.support.NodeHarness;
import org.credfolio.support.VerifierDocuments;
import org.credfolio.trust.keys.IssuerKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A share's presentation in its Data Integrity form checked by software that is not ours: the
 * Digital Credentials Consortium's {@code @digitalcredentials/verifier-core} {@code
 * verifyPresentation}, through the offline Node harness ({@code src/test/node/verify-presentation.mjs}).
 * Every DID document (the learner's, the issuer's) and status list it may ask for is fetched from
 * this server first and handed to the harness under the URL verifier-core requests.
 *
 * <p>What verifier-core 1.0.0-beta.11 (the latest on npm) does, and these tests pin: it verifies
 * each credential inside as {@code verifyCredential} does, and the presentation's own proof with a
 * hard-coded {@code AssertionProofPurpose}, so it looks only for a proof with {@code proofPurpose:
 * assertionMethod}. It never compares the challenge (it passes it to {@code
 * @digitalcredentials/vc}, which uses it only when no purpose is given) and takes no domain. Our
 * proof is, as the W3C data model and {@code @digitalcredentials/vc}'s own default want for a
 * presentation, {@code authentication} with challenge and domain: verifier-core finds no proof for
 * its purpose ("Did not verify any proofs; insufficient proofs matched the acceptable suite(s) and
 * required purpose(s).") before it ever resolves the learner's key. The harness's {@code
 * authentication} diagnostic runs the same proof check with the very libraries verifier-core uses
 * ({@code @digitalcredentials/jsonld-signatures}, its suites and loader), with {@code
 * AuthenticationProofPurpose({challenge, domain})}, which is what verifier-core's unreleased main
 * branch does when given a challenge; that check accepts our presentation and refuses it altered or
 * for another challenge or domain. A control secures the same content with a district's key for
 * {@code assertionMethod}: verifier-core accepts it, so nothing else in our presentation (context,
 * {@code holder} as a string, {@code id}, the embedded credentials, the canonical form) is refused.
 */
class DataIntegrityPresentationInteropTest extends SharingTestBase {
    private static final String DOMAIN = "admissions.college.example";
    private static final String DID_PREFIX = "did:web:localhost%3A8080:";
    private static final String NO_PROOF_FOR_ITS_PURPOSE =
            "NotFoundError: Did not verify any proofs; insufficient proofs matched the acceptable suite(s)"
                    + " and required purpose(s).";

    @Autowired
    private IssuerKeys keys;

    private String token;

    @BeforeAll
    static void nodeIsThere() {
        // Without node every test here is skipped.
        NodeHarness.assumeAvailable();
    }

    @BeforeEach
    void shareIt() {
        token = share(List.of(awardId));
    }

    @Test
    void challengeBoundPresentationCredentialVerifiesInVerifierCoreWhichRefusesTheAuthenticationProof() {
        String challenge = challenge(DOMAIN);
        Map<String, Object> vp = download("?challenge=" + challenge + "&domain=" + DOMAIN);
        Map<String, Object> documents = documentsFor(vp);
        String learnerDidUrl =
                "https://localhost:8080/learners/" + world.learnerA().id() + "/did.json";
        assertThat(documents).containsKey(learnerDidUrl);

        Map<String, Object> verdict = NodeHarness.verifyPresentation(vp, challenge, DOMAIN, documents);

        // The credential inside: verified by verifier-core, its schema check included.
        assertCredentialVerified(verdict);
        // The presentation's proof: verifier-core looks for assertionMethod, finds no such proof,
        // and so never fetches the learner's DID document.
        assertThat(presentation(verdict).get("signature"))
                .as(NodeHarness.describe(verdict))
                .isEqualTo("invalid");
        assertThat(presentationErrors(verdict))
                .as(NodeHarness.describe(verdict))
                .containsExactly(NO_PROOF_FOR_ITS_PURPOSE);
        assertThat(requestedUrls(verdict)).as(NodeHarness.describe(verdict)).doesNotContain(learnerDidUrl);
        assertThat(verdict.get("verified")).as(NodeHarness.describe(verdict)).isEqualTo(false);
        // The same proof checked for authentication with the same libraries, challenge and domain.
        Map<String, Object> authentication = asMap(verdict.get("authentication"));
        assertThat(authentication.get("verified"))
                .as(NodeHarness.describe(verdict))
                .isEqualTo(true);
        assertThat((List<?>) authentication.get("errors")).isEmpty();
    }

    @Test
    void sameContentProvedForAssertionMethodVerifiesInVerifierCore() {
        String challenge = challenge(DOMAIN);
        Map<String, Object> vp = download("?challenge=" + challenge + "&domain=" + DOMAIN);
        Map<String, Object> control = provedForAssertionMethod(vp);

        Map<String, Object> verdict = NodeHarness.verifyPresentation(control, challenge, DOMAIN, documentsFor(control));

        assertThat(presentation(verdict).get("signature"))
                .as(NodeHarness.describe(verdict))
                .isEqualTo("valid");
        assertThat(presentationErrors(verdict))
                .as(NodeHarness.describe(verdict))
                .isEmpty();
        assertCredentialVerified(verdict);
        assertThat(verdict.get("verified")).as(NodeHarness.describe(verdict)).isEqualTo(true);
    }

    @Test
    void alteredHolderOrCredentialFails() {
        String challenge = challenge(DOMAIN);
        Map<String, Object> vp = download("?challenge=" + challenge + "&domain=" + DOMAIN);
        Map<String, Object> documents = documentsFor(vp);

        Map<String, Object> otherHolder = NodeHarness.copy(vp);
        otherHolder.put("holder", DID_PREFIX + "learners:someone-else");
        Map<String, Object> holderVerdict = NodeHarness.verifyPresentation(otherHolder, challenge, DOMAIN, documents);
        assertThat(holderVerdict.get("verified"))
                .as(NodeHarness.describe(holderVerdict))
                .isEqualTo(false);
        assertThat(presentation(holderVerdict).get("signature")).isEqualTo("invalid");
        assertThat(authenticationErrors(holderVerdict))
                .as(NodeHarness.describe(holderVerdict))
                .contains("Error: Invalid signature.");

        Map<String, Object> renamed = NodeHarness.copy(vp);
        credential(renamed).put("name", "Certified Master Welder");
        Map<String, Object> renamedVerdict = NodeHarness.verifyPresentation(renamed, challenge, DOMAIN, documents);
        assertThat(renamedVerdict.get("verified"))
                .as(NodeHarness.describe(renamedVerdict))
                .isEqualTo(false);
        Map<String, Object> inside = asMap(((List<?>) renamedVerdict.get("credentials")).get(0));
        assertThat(inside.get("verified"))
                .as(NodeHarness.describe(renamedVerdict))
                .isEqualTo(false);
        assertThat(errorNames(inside)).as(NodeHarness.describe(renamedVerdict)).contains("invalid_signature");
        assertThat(authenticationErrors(renamedVerdict))
                .as(NodeHarness.describe(renamedVerdict))
                .contains("Error: Invalid signature.");

        // In the assertionMethod control, where verifier-core checks the presentation's proof
        // itself, an altered holder fails in verifier-core's own verdict.
        Map<String, Object> control = provedForAssertionMethod(vp);
        control.put("holder", DID_PREFIX + "learners:someone-else");
        Map<String, Object> controlVerdict =
                NodeHarness.verifyPresentation(control, challenge, DOMAIN, documentsFor(control));
        assertThat(presentation(controlVerdict).get("signature"))
                .as(NodeHarness.describe(controlVerdict))
                .isEqualTo("invalid");
        assertThat(presentationErrors(controlVerdict))
                .as(NodeHarness.describe(controlVerdict))
                .contains("Error: Invalid signature.");
        assertThat(controlVerdict.get("verified")).isEqualTo(false);
    }

    @Test
    void wrongChallengeOrDomainFailsTheAuthenticationCheckButVerifierCoreDoesNotCompareThem() {
        String challenge = challenge(DOMAIN);
        Map<String, Object> vp = download("?challenge=" + challenge + "&domain=" + DOMAIN);
        Map<String, Object> documents = documentsFor(vp);
        Map<String, Object> right = NodeHarness.verifyPresentation(vp, challenge, DOMAIN, documents);

        String other = challenge(DOMAIN);
        Map<String, Object> wrongChallenge = NodeHarness.verifyPresentation(vp, other, DOMAIN, documents);
        assertThat(wrongChallenge.get("verified")).isEqualTo(false);
        assertThat(authenticationErrors(wrongChallenge))
                .as(NodeHarness.describe(wrongChallenge))
                .containsExactly("Error: The challenge is not as expected; challenge=\"" + challenge + "\", expected=\""
                        + other + "\"");
        // verifier-core's own verdict is the same as with the right challenge.
        assertThat(wrongChallenge.get("presentation")).isEqualTo(right.get("presentation"));
        assertThat(wrongChallenge.get("credentials")).isEqualTo(right.get("credentials"));

        Map<String, Object> wrongDomain = NodeHarness.verifyPresentation(vp, challenge, "other.example", documents);
        assertThat(authenticationErrors(wrongDomain))
                .as(NodeHarness.describe(wrongDomain))
                .containsExactly(
                        "Error: The domain is not as expected; domain=\"" + DOMAIN + "\", expected=\"other.example\"");

        // A presentation downloaded without a challenge has none in its proof.
        Map<String, Object> unbound = download("");
        assertThat(asMap(unbound.get("proof"))).doesNotContainKey("challenge");
        Map<String, Object> unboundVerdict =
                NodeHarness.verifyPresentation(unbound, challenge, DOMAIN, documentsFor(unbound));
        assertThat(authenticationErrors(unboundVerdict))
                .as(NodeHarness.describe(unboundVerdict))
                .containsExactly("Error: The challenge is not as expected; challenge=\"undefined\", expected=\""
                        + challenge + "\"");

        // verifier-core accepts the assertionMethod control, which has no challenge at all, for any.
        Map<String, Object> control = provedForAssertionMethod(vp);
        Map<String, Object> controlVerdict =
                NodeHarness.verifyPresentation(control, "not-the-challenge", DOMAIN, documentsFor(control));
        assertThat(controlVerdict.get("verified"))
                .as(NodeHarness.describe(controlVerdict))
                .isEqualTo(true);
    }

    /**
     * The presentation's content (the same credentials with their own proofs) secured with district
     * A's key for assertionMethod, the purpose verifier-core checks, with the district as holder.
     */
    private Map<String, Object> provedForAssertionMethod(Map<String, Object> vp) {
        Map<String, Object> content = NodeHarness.copy(vp);
        content.remove("proof");
        String district = DID_PREFIX + "issuers:" + world.districtA().id();
        content.put("holder", district);
        Map<String, Object> control =
                NodeHarness.copy(keys.secure(world.districtA().id(), content));
        Map<String, Object> proof = asMap(control.get("proof"));
        assertThat(proof.get("proofPurpose")).isEqualTo("assertionMethod");
        assertThat((String) proof.get("verificationMethod")).startsWith(district + "#");
        return control;
    }

    private static void assertCredentialVerified(Map<String, Object> verdict) {
        List<?> credentials = (List<?>) verdict.get("credentials");
        assertThat(credentials).as(NodeHarness.describe(verdict)).hasSize(1);
        Map<String, Object> inside = asMap(credentials.get(0));
        Map<String, Object> checks = asMap(inside.get("checks"));
        // registered_issuer is ignored: no issuer registry lists Credfolio's test districts.
        assertThat(checks).as(NodeHarness.describe(verdict)).containsEntry("valid_signature", true);
        assertThat(checks).as(NodeHarness.describe(verdict)).containsEntry("expiration", true);
        assertThat(checks).as(NodeHarness.describe(verdict)).containsEntry("revocation_status", true);
        assertThat(inside.get("verified")).as(NodeHarness.describe(verdict)).isEqualTo(true);
        assertThat((List<?>) inside.get("errors")).isEmpty();
        Map<String, Object> result =
                asMap(((List<?>) asMap(verdict.get("result")).get("credentialResults")).get(0));
        for (Object info : (List<?>) result.get("additionalInformation")) {
            if ("schema_check".equals(asMap(info).get("id"))) {
                for (Object schema : (List<?>) asMap(info).get("results")) {
                    assertThat(asMap(asMap(schema).get("result"))).containsEntry("valid", true);
                }
            }
        }
    }

    private static Map<String, Object> presentation(Map<String, Object> verdict) {
        assertThat((List<?>) verdict.get("errors"))
                .as(NodeHarness.describe(verdict))
                .isEmpty();
        return asMap(verdict.get("presentation"));
    }

    private static List<String> presentationErrors(Map<String, Object> verdict) {
        return ((List<?>) presentation(verdict).get("errors"))
                .stream()
                        .flatMap(e -> ((List<?>) asMap(e).get("messages")).stream())
                        .map(String.class::cast)
                        .toList();
    }

    private static List<String> authenticationErrors(Map<String, Object> verdict) {
        Map<String, Object> authentication = asMap(verdict.get("authentication"));
        assertThat(authentication.get("verified"))
                .as(NodeHarness.describe(verdict))
                .isEqualTo(false);
        return ((List<?>) authentication.get("errors"))
                .stream().map(String.class::cast).toList();
    }

    private static List<String> errorNames(Map<String, Object> result) {
        return ((List<?>) result.get("errors"))
                .stream().map(e -> (String) asMap(e).get("name")).toList();
    }

    private static List<String> requestedUrls(Map<String, Object> verdict) {
        return ((List<?>) verdict.get("requests"))
                .stream().map(r -> (String) asMap(r).get("url")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> credential(Map<String, Object> vp) {
        return (Map<String, Object>) ((List<?>) vp.get("verifiableCredential")).get(0);
    }

    private Map<String, Object> download(String query) {
        return http().get()
                .uri("/shares/" + token + "/presentation" + query)
                .header("Accept", "application/vp+ld+json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/vp+ld+json")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    /** What verifier-core will look up for this document, fetched from this server. */
    private Map<String, Object> documentsFor(Map<String, Object> document) {
        return VerifierDocuments.lookedUpFor(http(), document);
    }
}
