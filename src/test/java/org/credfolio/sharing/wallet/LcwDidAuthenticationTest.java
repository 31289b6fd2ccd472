package org.credfolio.sharing.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.subtle.Ed25519Sign;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.credfolio.support.NodeHarness;
import org.credfolio.trust.integrity.DidKey;
import org.credfolio.trust.verification.DidAuthentication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DID authentications signed by the Learner Credential Wallet's own libraries ({@code
 * @digitalcredentials/vc} 9 {@code signPresentation} with {@code Ed25519Signature2020} 6, for a
 * fresh did:key), kept as vectors in {@code src/test/node/vectors/} (made by {@code node
 * lcw-exchange.mjs --sign-only}, see the harness README), then altered here. Each altered one must
 * be refused with a reason in plain words.
 */
class LcwDidAuthenticationTest {
    private static final String CHALLENGE = "4f1c2a9e-lcw-vector";
    private static final String DOMAIN = "credfolio.example.org";
    private final DidAuthentication authentication = new DidAuthentication();

    @ParameterizedTest
    @ValueSource(strings = {"lcw-did-authentication.json", "lcw-did-authentication-vc1.json"})
    void theWalletsPresentationAuthenticatesItsHolder(String vector) {
        Map<String, Object> presentation = vector(vector);
        assertThat(proof(presentation).get("type")).isEqualTo("Ed25519Signature2020");

        assertThat(authentication.authenticate(presentation, CHALLENGE, DOMAIN))
                .startsWith("did:key:z6Mk")
                .isEqualTo(presentation.get("holder"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lcw-did-authentication.json", "lcw-did-authentication-vc1.json"})
    void aFieldChangedAfterSigningIsRefused(String vector) {
        assertRefused(
                        altered(vector, vp -> vp.put("id", "urn:uuid:8f8e2bd0-4f9d-4e8b-9c55-3b1d0e7a2f10")),
                        CHALLENGE,
                        DOMAIN)
                .hasMessageStartingWith("The proof does not match the content: it was altered or not signed by");
        assertRefused(altered(vector, vp -> proof(vp).put("created", "2020-01-01T00:00:00Z")), CHALLENGE, DOMAIN)
                .hasMessageStartingWith("The proof does not match the content");
        // The proof's own fields are signed too: its challenge and domain cannot be swapped in.
        assertRefused(altered(vector, vp -> proof(vp).put("challenge", "other")), "other", DOMAIN)
                .hasMessageStartingWith("The proof does not match the content");
        assertRefused(altered(vector, vp -> proof(vp).put("domain", "other.example")), CHALLENGE, "other.example")
                .hasMessageStartingWith("The proof does not match the content");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lcw-did-authentication.json", "lcw-did-authentication-vc1.json"})
    void anotherChallengeOrDomainIsRefused(String vector) {
        assertRefused(vector(vector), "another-challenge", DOMAIN)
                .hasMessage("The proof does not answer the challenge this exchange handed out.");
        assertRefused(vector(vector), CHALLENGE, "other.example")
                .hasMessage("The proof is for domain credfolio.example.org, not other.example.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lcw-did-authentication.json", "lcw-did-authentication-vc1.json"})
    void aKeyOfAnotherDidIsRefused(String vector) {
        String other = newDidKey();
        Map<String, Object> claimsOther = altered(vector, vp -> {
            vp.put("holder", other);
            proof(vp).put("verificationMethod", DidKey.verificationMethod(other));
        });
        assertRefused(claimsOther, CHALLENGE, DOMAIN)
                .hasMessage("The proof does not match the content: it was altered or not signed by "
                        + DidKey.verificationMethod(other) + ".");

        Map<String, Object> otherKeySameHolder =
                altered(vector, vp -> proof(vp).put("verificationMethod", DidKey.verificationMethod(other)));
        assertRefused(otherKeySameHolder, CHALLENGE, DOMAIN)
                .hasMessageStartingWith("Signed with a key of " + other + " but presented as holder did:key:z6Mk");

        String holder = (String) vector(vector).get("holder");
        Map<String, Object> notItsOwnKey =
                altered(vector, vp -> proof(vp).put("verificationMethod", holder + "#" + other.substring(8)));
        assertRefused(notItsOwnKey, CHALLENGE, DOMAIN).hasMessageEndingWith("is not the did:key's own key.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lcw-did-authentication.json", "lcw-did-authentication-vc1.json"})
    void aProofThatIsNotAnAuthenticationOfThisSuiteIsRefused(String vector) {
        assertRefused(altered(vector, vp -> proof(vp).put("proofPurpose", "assertionMethod")), CHALLENGE, DOMAIN)
                .hasMessage("The proof's purpose is assertionMethod, not authentication.");
        assertRefused(altered(vector, vp -> proof(vp).put("type", "JsonWebSignature2020")), CHALLENGE, DOMAIN)
                .hasMessage("Proof type JsonWebSignature2020 is not accepted; only DataIntegrityProof"
                        + " (eddsa-rdfc-2022) or Ed25519Signature2020.");
        assertRefused(altered(vector, vp -> proof(vp).put("proofValue", "uAAAA")), CHALLENGE, DOMAIN)
                .hasMessage("proofValue must be base58btc multibase (starting with z).");
        assertRefused(altered(vector, vp -> proof(vp).remove("verificationMethod")), CHALLENGE, DOMAIN)
                .hasMessage("The proof names no verificationMethod.");
        assertRefused(
                        altered(vector, vp -> {
                            List<Object> contexts = new ArrayList<>((List<?>) vp.get("@context"));
                            contexts.remove("https://w3id.org/security/suites/ed25519-2020/v1");
                            vp.put("@context", contexts);
                        }),
                        CHALLENGE,
                        DOMAIN)
                .hasMessage("An Ed25519Signature2020 proof needs the document's @context to include"
                        + " https://w3id.org/security/suites/ed25519-2020/v1, which defines its terms.");
        assertRefused(altered(vector, vp -> vp.put("proof", List.of(proof(vp), proof(vp)))), CHALLENGE, DOMAIN)
                .hasMessage("Only a single proof is accepted, not a proof set or chain.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lcw-did-authentication.json", "lcw-did-authentication-vc1.json"})
    void aContextThisServiceDoesNotBundleIsRefusedWithoutFetchingIt(String vector) {
        assertRefused(
                        altered(vector, vp -> {
                            List<Object> contexts = new ArrayList<>((List<?>) vp.get("@context"));
                            contexts.add("https://example.org/contexts/unknown/v1");
                            vp.put("@context", contexts);
                        }),
                        CHALLENGE,
                        DOMAIN)
                .hasMessageContaining("https://example.org/contexts/unknown/v1 is not one this service knows");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            Map<String, Object> presentation, String challenge, String domain) {
        return assertThatThrownBy(() -> authentication.authenticate(presentation, challenge, domain))
                .isInstanceOf(DidAuthentication.Refused.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .as("a reason in plain words, without Java names")
                        .doesNotContainPattern("\\b(java|jakarta|com|org)\\.[a-z]+\\.")
                        .doesNotContain("Exception"));
    }

    private static Map<String, Object> altered(String vector, Consumer<Map<String, Object>> change) {
        Map<String, Object> presentation = vector(vector);
        change.accept(presentation);
        return presentation;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> proof(Map<String, Object> presentation) {
        return (Map<String, Object>) presentation.get("proof");
    }

    /** A fresh, mutable copy of a vector. */
    private static Map<String, Object> vector(String name) {
        try {
            String json = Files.readString(NodeHarness.DIR.resolve(Path.of("vectors", name)));
            return new LinkedHashMap<>(NodeHarness.copy(com.nimbusds.jose.util.JSONObjectUtils.parse(json)));
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException("Cannot read the vector " + name, e);
        }
    }

    private static String newDidKey() {
        try {
            return DidKey.of(Ed25519Sign.KeyPair.newKeyPair().getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
