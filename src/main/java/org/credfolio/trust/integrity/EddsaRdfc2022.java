package org.credfolio.trust.integrity;

import com.apicatalog.multibase.Multibase;
import com.google.crypto.tink.subtle.Ed25519Verify;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code eddsa-rdfc-2022} cryptosuite of VC Data Integrity EdDSA Cryptosuites v1.0 (section
 * 3.3): the document and the proof options are each canonicalized with RDFC-1.0 and hashed with
 * SHA-256, and Ed25519 signs the proof hash followed by the document hash. The signing key never
 * enters this class: the caller passes a function that signs with it.
 */
public final class EddsaRdfc2022 {
    public static final String PROOF_TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";

    /** Signs with a private key held by the caller. */
    @FunctionalInterface
    public interface Ed25519Signing {
        byte[] sign(byte[] data);
    }

    private EddsaRdfc2022() {}

    /**
     * The document with a {@code proof} added: {@code options} are the proof's properties other than
     * {@code type}, {@code cryptosuite} and {@code proofValue} (verificationMethod, proofPurpose,
     * created, and challenge and domain for presentations).
     */
    public static Map<String, Object> sign(
            Map<String, Object> unsecured, Map<String, Object> options, Ed25519Signing signer) {
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("type", PROOF_TYPE);
        proof.put("cryptosuite", CRYPTOSUITE);
        proof.putAll(options);
        Map<String, Object> document = new LinkedHashMap<>(unsecured);
        document.remove("proof");
        byte[] signature = signer.sign(hashData(document, proof));
        proof.put("proofValue", Multibase.BASE_58_BTC.encode(signature));
        document.put("proof", proof);
        return document;
    }

    /**
     * Checks the proof of a secured document against an Ed25519 public key; throws with the reason
     * when it does not hold.
     */
    public static void verify(Map<String, Object> secured, DataIntegrityProof proof, byte[] publicKey) {
        Map<String, Object> document = new LinkedHashMap<>(secured);
        document.remove("proof");
        Map<String, Object> options = new LinkedHashMap<>(proof.properties());
        options.remove("proofValue");
        if (options.get("@context") != null) {
            if (!startsWith(document.get("@context"), options.get("@context"))) {
                throw new DataIntegrityException("The proof's @context does not start the document's @context.");
            }
            document.put("@context", options.get("@context"));
        }
        byte[] signature = decodeProofValue(proof.proofValue());
        try {
            new Ed25519Verify(publicKey).verify(signature, hashData(document, options));
        } catch (GeneralSecurityException e) {
            throw new DataIntegrityException("The proof does not match the content: it was altered or not signed by "
                    + proof.verificationMethod() + ".");
        }
    }

    /** SHA-256 of the canonical proof configuration, then SHA-256 of the canonical document. */
    private static byte[] hashData(Map<String, Object> document, Map<String, Object> proofOptions) {
        Map<String, Object> config = new LinkedHashMap<>(proofOptions);
        config.put("@context", document.get("@context"));
        return verifyData(config, document);
    }

    /**
     * SHA-256 of the canonical proof configuration (which carries its {@code @context}), then
     * SHA-256 of the canonical document: the data both Ed25519 suites sign.
     */
    static byte[] verifyData(Map<String, Object> config, Map<String, Object> document) {
        checkCreated(config.get("created"));
        byte[] proofHash = sha256(RdfCanonicalizer.canonicalize(JsonValues.object(config)));
        byte[] documentHash = sha256(RdfCanonicalizer.canonicalize(JsonValues.object(document)));
        byte[] data = new byte[64];
        System.arraycopy(proofHash, 0, data, 0, 32);
        System.arraycopy(documentHash, 0, data, 32, 32);
        return data;
    }

    private static void checkCreated(Object created) {
        if (created == null) {
            return;
        }
        try {
            OffsetDateTime.parse(String.valueOf(created));
        } catch (DateTimeParseException e) {
            throw new DataIntegrityException("The proof's created value is not an XML Schema dateTime.");
        }
    }

    /** A base58btc multibase {@code proofValue} holding one 64-byte Ed25519 signature. */
    static byte[] decodeProofValue(String proofValue) {
        if (proofValue == null || !Multibase.BASE_58_BTC.isEncoded(proofValue)) {
            throw new DataIntegrityException("proofValue must be base58btc multibase (starting with z).");
        }
        byte[] signature;
        try {
            signature = Multibase.BASE_58_BTC.decode(proofValue);
        } catch (RuntimeException e) {
            throw new DataIntegrityException("proofValue is not valid base58btc.");
        }
        if (signature.length != 64) {
            throw new DataIntegrityException("proofValue is not a 64-byte Ed25519 signature.");
        }
        return signature;
    }

    private static boolean startsWith(Object documentContext, Object proofContext) {
        List<?> document = documentContext instanceof List<?> l ? l : List.of(documentContext);
        List<?> proof = proofContext instanceof List<?> l ? l : List.of(proofContext);
        return proof.size() <= document.size()
                && document.subList(0, proof.size()).equals(proof);
    }

    private static byte[] sha256(String nquads) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(nquads.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
