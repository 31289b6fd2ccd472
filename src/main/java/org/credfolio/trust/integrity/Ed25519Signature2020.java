package org.credfolio.trust.integrity;

import com.google.crypto.tink.subtle.Ed25519Verify;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Ed25519Signature2020} Linked Data Proof suite (W3C CCG "Ed25519 Signature 2020"), as
 * {@code @digitalcredentials/ed25519-signature-2020} 6 and {@code jsonld-signatures} 12 implement
 * it, which is what the DCC Learner Credential Wallet signs its DID authentication with. Verified
 * here, never made: the document without {@code proof}, and the proof options (the proof without
 * {@code proofValue}, under the document's {@code @context}), are each canonicalized (URDNA2015,
 * the algorithm RDFC-1.0 standardized) and hashed with SHA-256; Ed25519 signs the options' hash
 * followed by the document's; {@code proofValue} is that signature in base58btc multibase.
 *
 * <p>Unlike {@code eddsa-rdfc-2022}, the proof's terms come from the suite's own context, so the
 * document must name it, as jsonld-signatures also requires before it tries the suite.
 */
public final class Ed25519Signature2020 {
    public static final String PROOF_TYPE = "Ed25519Signature2020";
    public static final String CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1";

    private Ed25519Signature2020() {}

    /** The document's single proof when it is of this suite; an exception saying why not otherwise. */
    public static DataIntegrityProof proof(Map<String, Object> document) {
        DataIntegrityProof proof = DataIntegrityProof.single(document);
        if (!PROOF_TYPE.equals(proof.type())) {
            throw new DataIntegrityException(
                    "Proof type " + proof.properties().get("type") + " is not " + PROOF_TYPE + ".");
        }
        return proof.withMethodAndPurpose();
    }

    /**
     * Checks the proof of a secured document against an Ed25519 public key; throws with the reason
     * when it does not hold.
     */
    public static void verify(Map<String, Object> secured, DataIntegrityProof proof, byte[] publicKey) {
        Map<String, Object> document = new LinkedHashMap<>(secured);
        document.remove("proof");
        Object context = document.get("@context");
        if (!(context instanceof List<?> list ? list.contains(CONTEXT) : CONTEXT.equals(context))) {
            throw new DataIntegrityException("An " + PROOF_TYPE + " proof needs the document's @context to include "
                    + CONTEXT + ", which defines its terms.");
        }
        // jsonld-signatures gives the options the document's @context unless the proof has its own,
        // and leaves out every signature value it knows (jws and signatureValue of older suites too).
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("@context", context);
        options.putAll(proof.properties());
        options.remove("proofValue");
        options.remove("jws");
        options.remove("signatureValue");
        byte[] signature = EddsaRdfc2022.decodeProofValue(proof.proofValue());
        try {
            new Ed25519Verify(publicKey).verify(signature, EddsaRdfc2022.verifyData(options, document));
        } catch (GeneralSecurityException e) {
            throw new DataIntegrityException("The proof does not match the content: it was altered or not signed by "
                    + proof.verificationMethod() + ".");
        }
    }
}
