package org.credfolio.sharing.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.shared.security.SecretTokens;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.credfolio.support.VerifierDocuments;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.integrity.DidKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A scripted wallet runs the OpenID4VCI pre-authorized code flow of a {@code createWalletOffer}
 * offer: credential offer, issuer metadata, token, credential with a did:key jwt proof.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Oid4vciTest extends IntegrationTest {
    private static final String OFFER = "mutation($c: ID!) { createWalletOffer(credentialId: $c) { openid4vciOffer } }";
    private static final String GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
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
    void walletReceivesTheDataIntegrityFormBoundToItsDid() throws Exception {
        Wallet wallet = new Wallet();
        Map<String, Object> offer = credentialOffer();
        assertThat(offer.get("credential_issuer")).isEqualTo(VerifierDocuments.PUBLIC_BASE);
        Map<String, Object> metadata = get("/.well-known/openid-credential-issuer");
        assertThat(((Map<?, ?>) metadata.get("credential_configurations_supported"))
                        .containsKey("OpenBadgeCredential_ldp_vc"))
                .isTrue();
        assertThat(((Map<?, ?>) metadata.get("credential_configurations_supported"))
                        .containsKey("OpenBadgeCredential_jwt_vc_json"))
                .isTrue();
        assertThat(metadata.get("token_endpoint")).isEqualTo(VerifierDocuments.PUBLIC_BASE + "/oid4vci/token");

        Map<String, Object> token = token(preAuthorizedCode(offer))
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        Map<String, Object> request = Map.of(
                "credential_configuration_id",
                "OpenBadgeCredential_ldp_vc",
                "proofs",
                Map.of("jwt", List.of(wallet.proof((String) token.get("c_nonce")))));
        Map<String, Object> answer = credential((String) token.get("access_token"), request)
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();

        Map<?, ?> credential = (Map<?, ?>) ((Map<?, ?>) ((List<?>) answer.get("credentials")).get(0)).get("credential");
        assertThat(((Map<?, ?>) credential.get("credentialSubject")).get("id")).isEqualTo(wallet.did);
        assertThat(verify(credential).get("verified")).isEqualTo(true);
        // The access token redeemed the offer: it works once.
        credential((String) token.get("access_token"), request).expectStatus().isUnauthorized();
    }

    @Test
    void walletReceivesTheVcJwtFormWithDraft13Shapes() throws Exception {
        Wallet wallet = new Wallet();
        Map<String, Object> token = token(preAuthorizedCode(credentialOffer()))
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        Map<String, Object> answer = credential(
                        (String) token.get("access_token"),
                        Map.of(
                                "format",
                                "jwt_vc_json",
                                "credential_definition",
                                Map.of("type", List.of("VerifiableCredential", "OpenBadgeCredential")),
                                "proof",
                                Map.of("proof_type", "jwt", "jwt", wallet.proof((String) token.get("c_nonce")))))
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();

        String jwt = (String) answer.get("credential");
        assertThat(CredentialForms.payload(jwt).get("sub")).isEqualTo(wallet.did);
        assertThat(verify(jwt).get("verified")).isEqualTo(true);
    }

    @Test
    void aCodeWorksOnceAndAProofNeedsTheNonceAndTheIssuer() throws Exception {
        Wallet wallet = new Wallet();
        String code = preAuthorizedCode(credentialOffer());
        Map<String, Object> token = token(code)
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        token(code)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_grant");

        String accessToken = (String) token.get("access_token");
        // A nonce this issuer never handed out: the wallet is told to take a fresh one.
        credential(
                        accessToken,
                        Map.of(
                                "format",
                                "ldp_vc",
                                "proof",
                                Map.of("proof_type", "jwt", "jwt", wallet.proof("another"))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_nonce")
                .jsonPath("$.c_nonce")
                .isNotEmpty();
        String elsewhere = wallet.proof((String) token.get("c_nonce"), "https://elsewhere.example", wallet.did);
        credential(accessToken, Map.of("format", "ldp_vc", "proof", Map.of("proof_type", "jwt", "jwt", elsewhere)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_proof");
        // Signed by another key than the did:key its kid names.
        String forged = new Wallet().proof((String) token.get("c_nonce"), VerifierDocuments.PUBLIC_BASE, wallet.did);
        credential(accessToken, Map.of("format", "ldp_vc", "proof", Map.of("proof_type", "jwt", "jwt", forged)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_proof");
        // The refusals left the offer usable.
        credential(
                        accessToken,
                        Map.of("format", "ldp_vc", "proof", Map.of("proof_type", "jwt", "jwt", wallet.proof((String)
                                token.get("c_nonce")))))
                .expectStatus()
                .isOk();
    }

    /**
     * An OpenID4VCI 1.0 wallet finds the token endpoint in the authorization server's metadata and
     * takes its nonce from the nonce endpoint; a nonce works for one proof, and a presentation
     * challenge is not a nonce.
     */
    @Test
    void aFinalSpecWalletDiscoversTheTokenEndpointAndUsesTheNonceEndpoint() throws Exception {
        Map<String, Object> issuer = get("/.well-known/openid-credential-issuer");
        Map<String, Object> server = get("/.well-known/oauth-authorization-server");
        assertThat(server.get("issuer")).isEqualTo(issuer.get("credential_issuer"));
        assertThat(server.get("grant_types_supported")).isEqualTo(List.of(GRANT));
        String tokenEndpoint = (String) server.get("token_endpoint");
        String nonceEndpoint = (String) issuer.get("nonce_endpoint");
        assertThat(tokenEndpoint).isEqualTo(VerifierDocuments.PUBLIC_BASE + "/oid4vci/token");
        assertThat(nonceEndpoint).isEqualTo(VerifierDocuments.PUBLIC_BASE + "/oid4vci/nonce");

        Wallet wallet = new Wallet();
        String accessToken = (String) token(preAuthorizedCode(credentialOffer()))
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody()
                .get("access_token");
        String nonce = nonce();
        credential(accessToken, finalRequest(wallet.proof(nonce)))
                .expectStatus()
                .isOk();

        // The same nonce again, on a new offer: used up.
        String secondToken = (String) token(preAuthorizedCode(credentialOffer()))
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody()
                .get("access_token");
        credential(secondToken, finalRequest(wallet.proof(nonce)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_nonce");
        // A verifier challenge of this service is signed by the same key but is not a c_nonce.
        String challenge = (String) http().post()
                .uri("/challenges")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody()
                .get("challenge");
        credential(secondToken, finalRequest(wallet.proof(challenge)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_nonce");
        credential(secondToken, finalRequest(wallet.proof(nonce())))
                .expectStatus()
                .isOk();
    }

    /** The database keeps no secret a wallet redeems: not the exchange id, the code or the access token. */
    @Test
    void offersAreStoredWithoutTheirSecrets() throws Exception {
        Map<String, Object> offer = credentialOffer();
        String code = preAuthorizedCode(offer);
        String accessToken = (String) token(code)
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody()
                .get("access_token");
        List<org.bson.Document> stored = mongo.findAll(org.bson.Document.class, "wallet_offers");
        assertThat(stored).isNotEmpty();
        assertThat(stored.toString()).doesNotContain(code).doesNotContain(accessToken);
        assertThat(mongo.findById(SecretTokens.hash(code), org.bson.Document.class, "wallet_offers"))
                .isNull();
        assertThat(stored).anySatisfy(document -> assertThat(document.get("preAuthorizedCodeHash"))
                .isEqualTo(SecretTokens.hash(code)));
    }

    private String nonce() {
        return (String) http().post()
                .uri("/oid4vci/nonce")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(JSON)
                .returnResult()
                .getResponseBody()
                .get("c_nonce");
    }

    private static Map<String, Object> finalRequest(String proof) {
        return Map.of(
                "credential_configuration_id", "OpenBadgeCredential_ldp_vc", "proofs", Map.of("jwt", List.of(proof)));
    }

    private final class Wallet {
        final OctetKeyPair key;
        final String did;

        Wallet() throws Exception {
            key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
            did = DidKey.of(key.getDecodedX());
        }

        String proof(String nonce) throws Exception {
            return proof(nonce, VerifierDocuments.PUBLIC_BASE, did);
        }

        /** A key proof signed with this wallet's key, naming {@code kidDid}'s key. */
        String proof(String nonce, String audience, String kidDid) throws Exception {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("aud", audience);
            claims.put("iat", Instant.now().getEpochSecond());
            claims.put("nonce", nonce);
            JWSObject jws = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                            .type(new JOSEObjectType("openid4vci-proof+jwt"))
                            .keyID(DidKey.verificationMethod(kidDid))
                            .build(),
                    new Payload(claims));
            jws.sign(new Ed25519Signer(key));
            return jws.serialize();
        }
    }

    private Map<String, Object> credentialOffer() throws Exception {
        String uri = as(world.learner())
                .document(OFFER)
                .variable("c", weldingId)
                .execute()
                .errors()
                .verify()
                .path("createWalletOffer.openid4vciOffer")
                .entity(String.class)
                .get();
        String prefix = "openid-credential-offer://?credential_offer=";
        assertThat(uri).startsWith(prefix);
        return JSONObjectUtils.parse(URLDecoder.decode(uri.substring(prefix.length()), StandardCharsets.UTF_8));
    }

    private static String preAuthorizedCode(Map<String, Object> offer) {
        assertThat(offer.get("credential_configuration_ids"))
                .isEqualTo(List.of("OpenBadgeCredential_ldp_vc", "OpenBadgeCredential_jwt_vc_json"));
        return (String) ((Map<?, ?>) ((Map<?, ?>) offer.get("grants")).get(GRANT)).get("pre-authorized_code");
    }

    private Map<String, Object> get(String path) {
        return http().get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec token(String code) {
        return http().post()
                .uri("/oid4vci/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", GRANT).with("pre-authorized_code", code))
                .exchange();
    }

    private WebTestClient.ResponseSpec credential(String accessToken, Map<String, Object> request) {
        return http().post()
                .uri("/oid4vci/credential")
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange();
    }

    private Map<String, Object> verify(Object credential) {
        return http().post()
                .uri("/credentials/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verifiableCredential", credential))
                .exchange()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }
}
