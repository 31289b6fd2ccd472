package org.credfolio.trust.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.multibase.Multibase;
import com.google.crypto.tink.subtle.Ed25519Sign;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cryptosuite against the W3C's own test vector (VC Data Integrity EdDSA Cryptosuites v1.0,
 * TestVectors/eddsa-rdfc-2022, w3c/vc-di-eddsa): Ed25519 is deterministic, so signing the vector's
 * credential with the vector's key must give the vector's proofValue byte for byte.
 */
class EddsaRdfc2022Test {
    private static final String VECTORS = "published/vc-di-eddsa/";

    @Test
    void signingTheW3cVectorGivesItsProofValueExactly() throws Exception {
        Map<String, Object> signed = vector("signedDataInt.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> proof = new LinkedHashMap<>((Map<String, Object>) signed.get("proof"));
        Map<String, Object> unsigned = new LinkedHashMap<>(signed);
        unsigned.remove("proof");
        Map<String, Object> options = new LinkedHashMap<>(proof);
        List.of("type", "cryptosuite", "proofValue").forEach(options::remove);

        Ed25519Sign key = vectorKey();
        Map<String, Object> ours = EddsaRdfc2022.sign(unsigned, options, data -> {
            try {
                return key.sign(data);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(ours).isEqualTo(signed);
    }

    @Test
    void canonicalFormIsTheVectorsNQuads() throws Exception {
        Map<String, Object> unsigned = new LinkedHashMap<>(vector("signedDataInt.json"));
        unsigned.remove("proof");
        assertThat(RdfCanonicalizer.canonicalize(JsonValues.object(unsigned))).isEqualTo(text("canonDocDataInt.txt"));
    }

    @Test
    void theVectorVerifiesAndAnyChangeBreaksIt() throws Exception {
        Map<String, Object> signed = vector("signedDataInt.json");
        byte[] publicKey =
                Multikey.decodeEd25519((String) vector("keyPair.json").get("publicKeyMultibase"));
        EddsaRdfc2022.verify(signed, DataIntegrityProof.of(signed), publicKey);

        Map<String, Object> tampered = new LinkedHashMap<>(signed);
        tampered.put("name", "Alumni Credential (edited)");
        assertThatThrownBy(() -> EddsaRdfc2022.verify(tampered, DataIntegrityProof.of(tampered), publicKey))
                .isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("altered");

        byte[] otherKey = publicKey.clone();
        otherKey[0] ^= 1;
        assertThatThrownBy(() -> EddsaRdfc2022.verify(signed, DataIntegrityProof.of(signed), otherKey))
                .isInstanceOf(DataIntegrityException.class);
    }

    @Test
    void unknownContextsAreRefusedNotFetched() {
        Map<String, Object> document = Map.of(
                "@context", List.of("https://www.w3.org/ns/credentials/v2", "https://attacker.example/context.json"),
                "type", List.of("VerifiableCredential"));
        assertThatThrownBy(() -> RdfCanonicalizer.canonicalize(JsonValues.object(document)))
                .isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("not one this service knows");
    }

    @Test
    void aPropertyNoContextDefinesIsRefusedNotDroppedFromTheSignature() {
        Map<String, Object> document = Map.of(
                "@context", List.of(Map.of("name", "https://schema.org/name")),
                "name", "Welding",
                "grade", "A+");
        assertThatThrownBy(() -> RdfCanonicalizer.canonicalize(JsonValues.object(document)))
                .isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("grade");
    }

    @Test
    void otherSuitesAndProofSetsAreRefusedWithTheReason() {
        Map<String, Object> ed2020 = Map.of("proof", Map.of("type", "Ed25519Signature2020"));
        assertThatThrownBy(() -> DataIntegrityProof.of(ed2020)).hasMessageContaining("Ed25519Signature2020");
        Map<String, Object> ecdsa = Map.of(
                "proof", Map.of("type", "DataIntegrityProof", "cryptosuite", "ecdsa-rdfc-2019", "proofPurpose", "x"));
        assertThatThrownBy(() -> DataIntegrityProof.of(ecdsa)).hasMessageContaining("ecdsa-rdfc-2019");
        Map<String, Object> set = Map.of("proof", List.of(Map.of(), Map.of()));
        assertThatThrownBy(() -> DataIntegrityProof.of(set)).hasMessageContaining("single proof");
    }

    @Test
    void multikeysRoundTripAndRefuseOtherKeyTypes() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        String multikey = Multikey.encodeEd25519(key);
        assertThat(multikey).startsWith("z6Mk");
        assertThat(Multikey.decodeEd25519(multikey)).isEqualTo(key);
        // A P-256 Multikey (zDn...) is not an Ed25519 key.
        assertThatThrownBy(() -> Multikey.decodeEd25519("zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169"))
                .isInstanceOf(DataIntegrityException.class);
    }

    /** The vector's private key: multicodec ed25519-priv (0x1300) then the 32-byte seed. */
    private static Ed25519Sign vectorKey() throws Exception {
        byte[] secret =
                Multibase.BASE_58_BTC.decode((String) vector("keyPair.json").get("privateKeyMultibase"));
        Ed25519Sign sign = new Ed25519Sign(Arrays.copyOfRange(secret, 2, 34));
        return sign;
    }

    private static Map<String, Object> vector(String name) throws Exception {
        try (InputStream in = EddsaRdfc2022Test.class.getClassLoader().getResourceAsStream(VECTORS + name)) {
            JsonObject json = Json.createReader(in).readObject();
            return JsonValues.map(json);
        }
    }

    private static String text(String name) throws Exception {
        try (InputStream in = EddsaRdfc2022Test.class.getClassLoader().getResourceAsStream(VECTORS + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
