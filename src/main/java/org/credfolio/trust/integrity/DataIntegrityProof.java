package org.credfolio.trust.integrity;

import java.util.List;
import java.util.Map;

/**
 * The embedded proof of a secured document, read and checked for shape before any key is looked
 * up: one {@code DataIntegrityProof} of the {@code eddsa-rdfc-2022} suite ({@link #of}), or, where a
 * caller also accepts it, an {@code Ed25519Signature2020} proof, the Linked Data Proof that came
 * before Data Integrity and that the DCC Learner Credential Wallet still signs with ({@link
 * Ed25519Signature2020#proof}).
 */
public record DataIntegrityProof(Map<String, Object> properties) {

    /** The document's single proof, or an exception saying why it has none this verifier accepts. */
    public static DataIntegrityProof of(Map<String, Object> document) {
        DataIntegrityProof read = single(document);
        if (!EddsaRdfc2022.PROOF_TYPE.equals(read.type())) {
            throw new DataIntegrityException(
                    "Proof type " + read.properties.get("type") + " is not accepted; only DataIntegrityProof.");
        }
        if (!EddsaRdfc2022.CRYPTOSUITE.equals(read.properties.get("cryptosuite"))) {
            throw new DataIntegrityException(
                    "Cryptosuite " + read.properties.get("cryptosuite") + " is not accepted; only eddsa-rdfc-2022.");
        }
        return read.withMethodAndPurpose();
    }

    /**
     * The document's single embedded proof object, whatever its type, so a caller can choose the
     * suite by {@link #type()}; an exception when there is none, or a proof set or chain.
     */
    @SuppressWarnings("unchecked")
    public static DataIntegrityProof single(Map<String, Object> document) {
        Object proof = document.get("proof");
        if (proof instanceof List<?> set) {
            if (set.size() != 1) {
                throw new DataIntegrityException("Only a single proof is accepted, not a proof set or chain.");
            }
            proof = set.get(0);
        }
        if (!(proof instanceof Map<?, ?> map)) {
            throw new DataIntegrityException("The document has no embedded proof object.");
        }
        return new DataIntegrityProof((Map<String, Object>) map);
    }

    /** This proof, once it names the verification method and purpose every suite needs. */
    DataIntegrityProof withMethodAndPurpose() {
        if (verificationMethod() == null) {
            throw new DataIntegrityException("The proof names no verificationMethod.");
        }
        if (proofPurpose() == null) {
            throw new DataIntegrityException("The proof names no proofPurpose.");
        }
        return this;
    }

    /** The proof's {@code type}, such as {@code DataIntegrityProof}; null when it is not one string. */
    public String type() {
        return text("type");
    }

    public String verificationMethod() {
        return text("verificationMethod");
    }

    public String proofPurpose() {
        return text("proofPurpose");
    }

    public String proofValue() {
        return text("proofValue");
    }

    public String challenge() {
        return text("challenge");
    }

    public String domain() {
        return properties.get("domain") instanceof String s ? s : null;
    }

    /** The DID (or URL) that controls the verification method: what comes before the fragment. */
    public String controller() {
        String method = verificationMethod();
        int hash = method.indexOf('#');
        return hash < 0 ? method : method.substring(0, hash);
    }

    /** The fragment of the verification method, for this service the key's thumbprint. */
    public String fragment() {
        String method = verificationMethod();
        int hash = method.indexOf('#');
        return hash < 0 ? null : method.substring(hash + 1);
    }

    private String text(String name) {
        return properties.get(name) instanceof String s ? s : null;
    }
}
