package org.credfolio.sharing.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.subtle.Ed25519Sign;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.shared.security.SecretTokens;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.NodeHarness;
import org.credfolio.support.Tenants;
import org.credfolio.support.VerifierDocuments;
import org.credfolio.trust.integrity.DidKey;
import org.credfolio.trust.integrity.EddsaRdfc2022;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

/**
 * A scripted wallet (its own Ed25519 did:key) runs the VC API exchange of {@code createWalletOffer}
 * the way the DCC Learner Credential Wallet does: interaction URL, DID authentication request,
 * signed presentation, credential.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletExchangeTest extends IntegrationTest {
    private static final String OFFER =
            "mutation($c: ID!) { createWalletOffer(credentialId: $c) { vcapiUrl openid4vciOffer qrSvg expiresAt } }";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    private MongoOperations mongo;

    private Tenants.World world;
    private String weldingId;

    @BeforeAll
    void world() {
        world = tenants.create();
        weldingId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(1));
    }

    @Test
    void walletReceivesACopyNamingItsDidThatVerifies() {
        Map<String, Object> offer = offer(weldingId);
        String interaction = (String) offer.get("vcapiUrl");
        assertThat(interaction)
                .startsWith(VerifierDocuments.PUBLIC_BASE + "/exchanges/")
                .endsWith("?iuv=1");
        assertThat((String) offer.get("openid4vciOffer")).startsWith("openid-credential-offer://?credential_offer=");
        assertThat((String) offer.get("qrSvg"))
                .startsWith("<svg")
                .contains("<rect")
                .doesNotContain("<script");
        Instant expiresAt = Instant.parse((String) offer.get("expiresAt"));
        assertThat(expiresAt)
                .isBetween(
                        Instant.now().plus(14, ChronoUnit.MINUTES),
                        Instant.now().plus(16, ChronoUnit.MINUTES));

        Wallet wallet = new Wallet();
        Map<String, Object> credential = wallet.receive(interaction);

        Map<?, ?> subject = (Map<?, ?>) credential.get("credentialSubject");
        assertThat(subject.get("id")).isEqualTo(wallet.did);
        assertThat((String) credential.get("id")).startsWith("urn:uuid:");
        assertThat(credential.get("credentialStatus")).isNotNull();
        assertThat(subject.get("achievement")).isNotNull();
        Map<String, Object> verdict = verify(credential);
        assertThat(verdict.get("verified")).as("%s", verdict).isEqualTo(true);
    }

    @Test
    void walletCopyVerifiesInVerifierCore() {
        NodeHarness.assumeAvailable();
        Map<String, Object> credential =
                new Wallet().receive((String) offer(weldingId).get("vcapiUrl"));

        Map<String, Object> verdict = NodeHarness.verify(credential, VerifierDocuments.lookedUpFor(http(), credential));

        Map<?, ?> checks = (Map<?, ?>) verdict.get("checks");
        assertThat(checks.get("valid_signature"))
                .as(NodeHarness.describe(verdict))
                .isEqualTo(true);
        assertThat(checks.get("revocation_status"))
                .as(NodeHarness.describe(verdict))
                .isEqualTo(true);
        assertThat(verdict.get("verified")).as(NodeHarness.describe(verdict)).isEqualTo(true);
    }

    @Test
    void anOfferWorksOnce() {
        String interaction = (String) offer(weldingId).get("vcapiUrl");
        Wallet wallet = new Wallet();
        Map<String, Object> request = wallet.request(interaction);
        wallet.present(interaction, request, wallet.signer, wallet.did)
                .expectStatus()
                .isOk();

        assertProblem(wallet.present(interaction, request, wallet.signer, wallet.did));
        assertProblem(post(path(interaction), Map.of()));
    }

    @Test
    void anExpiredOfferIsRefused() {
        String interaction = (String) offer(weldingId).get("vcapiUrl");
        Wallet wallet = new Wallet();
        Map<String, Object> request = wallet.request(interaction);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(SecretTokens.hash(exchangeId(interaction)))),
                Update.update("expiresAt", Instant.now().minusSeconds(1)),
                "wallet_offers");

        assertProblem(wallet.present(interaction, request, wallet.signer, wallet.did));
        assertProblem(post(path(interaction), Map.of()));
    }

    @Test
    void aWrongChallengeOrAnotherKeyIsRefusedAndLeavesTheOfferUsable() {
        String interaction = (String) offer(weldingId).get("vcapiUrl");
        Wallet wallet = new Wallet();
        Map<String, Object> request = wallet.request(interaction);
        Map<String, Object> wrongChallenge = new LinkedHashMap<>(request);
        wrongChallenge.put("challenge", "not-the-challenge");
        assertProblem(wallet.present(interaction, wrongChallenge, wallet.signer, wallet.did));

        // Signed by another key while claiming the wallet's DID.
        Wallet other = new Wallet();
        assertProblem(wallet.present(interaction, request, other.signer, wallet.did));

        wallet.present(interaction, request, wallet.signer, wallet.did)
                .expectStatus()
                .isOk();
    }

    @Test
    void aLearnerCannotOfferSomeoneElsesCredential() {
        String othersId = recordCredential(
                world.registrarB(),
                world.learnerB().id(),
                world.welding().id(),
                LocalDate.now().minusDays(1));

        as(world.learner())
                .document(OFFER)
                .variable("c", othersId)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        as(world.registrarA())
                .document(OFFER)
                .variable("c", weldingId)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
    }

    @Test
    void revokingTheAwardRevokesTheWalletCopyAndRefusesOffers() {
        String awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.aPlus().id(),
                LocalDate.now().minusDays(2));
        Map<String, Object> credential =
                new Wallet().receive((String) offer(awardId).get("vcapiUrl"));
        String pending = (String) offer(awardId).get("vcapiUrl");
        assertThat(verify(credential).get("verified")).isEqualTo(true);

        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { revokeEarnedCredential(input: $i) { id } }")
                .variable("i", Map.of("id", awardId, "reason", "Score voided by the certifying body"))
                .execute()
                .errors()
                .verify();

        Map<String, Object> verdict = verify(credential);
        assertThat(verdict.get("verified")).isEqualTo(false);
        assertThat(((Map<?, ?>) verdict.get("summary")).get("status")).isEqualTo("REVOKED");
        Wallet late = new Wallet();
        assertProblem(late.present(pending, late.request(pending), late.signer, late.did));
        as(world.learner())
                .document(OFFER)
                .variable("c", awardId)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
    }

    /** A wallet with its own Ed25519 key and did:key, as the Learner Credential Wallet holds one. */
    private final class Wallet {
        final Ed25519Sign signer;
        final String did;

        Wallet() {
            try {
                Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPair();
                signer = new Ed25519Sign(pair.getPrivateKey());
                did = DidKey.of(pair.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        Map<String, Object> receive(String interaction) {
            Map<String, Object> answer = present(interaction, request(interaction), signer, did)
                    .expectStatus()
                    .isOk()
                    .expectBody(JSON)
                    .returnResult()
                    .getResponseBody();
            Map<?, ?> vp = (Map<?, ?>) answer.get("verifiablePresentation");
            assertThat(vp.get("type")).isEqualTo(List.of("VerifiablePresentation"));
            List<?> credentials = (List<?>) vp.get("verifiableCredential");
            assertThat(credentials).hasSize(1);
            return NodeHarness.copy(credentials.get(0));
        }

        /** Steps 1 and 2: the protocols of the interaction URL, then the request of the vcapi exchange. */
        @SuppressWarnings("unchecked")
        Map<String, Object> request(String interaction) {
            Map<String, Object> protocols = http().get()
                    .uri(path(interaction))
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(JSON)
                    .returnResult()
                    .getResponseBody();
            String exchange = (String) ((Map<?, ?>) protocols.get("protocols")).get("vcapi");
            assertThat(interaction).startsWith(exchange);
            Map<String, Object> answer = post(path(exchange), Map.of())
                    .expectStatus()
                    .isOk()
                    .expectBody(JSON)
                    .returnResult()
                    .getResponseBody();
            Map<String, Object> request = (Map<String, Object>) answer.get("verifiablePresentationRequest");
            Map<?, ?> query = (Map<?, ?>) ((List<?>) request.get("query")).get(0);
            assertThat(query.get("type")).isEqualTo("DIDAuthentication");
            assertThat(query.get("acceptedMethods")).isEqualTo(List.of(Map.of("method", "key")));
            assertThat(query.get("acceptedCryptosuites"))
                    .isEqualTo(List.of(
                            Map.of("cryptosuite", "eddsa-rdfc-2022"), Map.of("cryptosuite", "Ed25519Signature2020")));
            assertThat(request.get("challenge")).isNotNull();
            assertThat(request.get("domain")).isEqualTo("localhost:8080");
            return request;
        }

        /** Step 3: DID authentication signed with {@code key}, as holder {@code holder}. */
        org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec present(
                String interaction, Map<String, Object> request, Ed25519Sign key, String holder) {
            Map<String, Object> vp = new LinkedHashMap<>();
            vp.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
            vp.put("type", List.of("VerifiablePresentation"));
            vp.put("holder", holder);
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            options.put("verificationMethod", DidKey.verificationMethod(holder));
            options.put("proofPurpose", "authentication");
            options.put("challenge", request.get("challenge"));
            options.put("domain", request.get("domain"));
            Map<String, Object> signed = EddsaRdfc2022.sign(vp, options, data -> {
                try {
                    return key.sign(data);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
            String exchange =
                    (String) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) request.get("interact")).get("service")).get(0))
                            .get("serviceEndpoint");
            assertThat(interaction).startsWith(exchange);
            return post(path(exchange), Map.of("verifiablePresentation", signed));
        }
    }

    private Map<String, Object> offer(String awardId) {
        return as(world.learner())
                .document(OFFER)
                .variable("c", awardId)
                .execute()
                .errors()
                .verify()
                .path("createWalletOffer")
                .entity(JSON)
                .get();
    }

    private Map<String, Object> verify(Map<String, Object> credential) {
        return post("/credentials/verify", Map.of("verifiableCredential", credential))
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String path, Object body) {
        return http().post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static void assertProblem(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec answer) {
        answer.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .exists()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.detail")
                .exists();
    }

    private static String path(String url) {
        return url.substring(VerifierDocuments.PUBLIC_BASE.length());
    }

    private static String exchangeId(String interaction) {
        String path = path(interaction);
        return path.substring("/exchanges/".length(), path.indexOf('?'));
    }
}
