package org.credfolio.trust.keys;

import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.integrity.EddsaRdfc2022;
import org.credfolio.trust.integrity.Multikey;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * Learners' custodial holder keys: one ES256 key per learner for {@code vp+jwt} presentations and
 * one Ed25519 key for Data Integrity presentations, each created on its first signature, sealed at
 * rest like issuer keys, published in the learner's DID document. A share signs its presentation
 * with them.
 *
 * <p>Nothing here checks the caller: this is an API for server code. The module that asks for a
 * signature (sharing) must already have checked that the signed-in learner is the one it signs
 * for. Nothing here is reachable from GraphQL, and the public DID document never creates a key.
 */
@Service
public class HolderKeys {
    private static final KeyAlgorithm ALGORITHM = KeyAlgorithm.ES256;
    /** Suffix of the id of a learner's Ed25519 key for Data Integrity presentations. */
    private static final String DATA_INTEGRITY = "/data-integrity";
    /** did:web method-specific-id characters, without ':' (a path separator in did:web). */
    private static final Pattern LEARNER_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final MongoOperations mongo;
    private final KeyEncryption encryption;
    private final TrustProperties properties;

    HolderKeys(MongoOperations mongo, TrustProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        this.encryption = KeyEncryption.from(properties);
    }

    /** The learner's did:web, the holder (and {@code iss}) of their presentations. */
    public String holderDid(String learnerId) {
        return properties.learnerDid(learnerId);
    }

    /**
     * Signs the claims with the learner's holder key, creating it on first use. The header carries
     * {@code kid} = {@code <holder DID>#<thumbprint>} and {@code typ} = {@code type} (such as
     * {@code vp+jwt}). Does no authorization: see the class comment.
     */
    public String sign(String learnerId, String type, Map<String, Object> claims) {
        checkLearnerId(learnerId);
        HolderKey key = keyOf(learnerId, ALGORITHM);
        return CompactJws.sign(open(key), key.algorithm(), holderDid(learnerId) + "#" + key.thumbprint(), type, claims);
    }

    /**
     * The presentation secured with an embedded Data Integrity proof ({@code eddsa-rdfc-2022},
     * purpose {@code authentication}) by the learner's Ed25519 holder key, created on first use and
     * published as a Multikey in their DID document; bound to the verifier's challenge and domain
     * when given. Does no authorization: see the class comment.
     */
    public Map<String, Object> secure(
            String learnerId, Map<String, Object> presentation, String challenge, String domain) {
        checkLearnerId(learnerId);
        HolderKey key = keyOf(learnerId + DATA_INTEGRITY, KeyAlgorithm.EdDSA);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        options.put("verificationMethod", holderDid(learnerId) + "#" + multikey(key.publicJwk()));
        options.put("proofPurpose", "authentication");
        if (challenge != null && !challenge.isBlank()) {
            options.put("challenge", challenge);
        }
        if (domain != null && !domain.isBlank()) {
            options.put("domain", domain);
        }
        return EddsaRdfc2022.sign(presentation, options, JwkFactory.rawEd25519Signer(open(key)));
    }

    /** The learner's holder key, for verifiers and the DID document; empty until their first signature. */
    public Optional<HolderVerificationKey> holderKey(String learnerId) {
        return verificationKey(learnerId, learnerId);
    }

    /** The learner's Ed25519 key of Data Integrity presentations; empty until their first one. */
    public Optional<HolderVerificationKey> dataIntegrityKey(String learnerId) {
        return verificationKey(learnerId, learnerId + DATA_INTEGRITY);
    }

    /** The Multikey {@code publicKeyMultibase} of an Ed25519 public JWK. */
    public static String multikey(String publicJwk) {
        return Multikey.encodeEd25519(JwkFactory.ed25519PublicKey(JwkFactory.parse(publicJwk)));
    }

    private Optional<HolderVerificationKey> verificationKey(String learnerId, String slotId) {
        if (learnerId == null || learnerId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(slotId, HolderKey.class))
                .map(k -> new HolderVerificationKey(
                        learnerId, holderDid(learnerId), k.thumbprint(), k.algorithm(), k.publicJwk()));
    }

    private static void checkLearnerId(String learnerId) {
        if (learnerId == null || !LEARNER_ID.matcher(learnerId).matches()) {
            throw new IllegalArgumentException("Not a learner id usable in a did:web: " + learnerId);
        }
    }

    private HolderKey keyOf(String slotId, KeyAlgorithm algorithm) {
        HolderKey key = mongo.findById(slotId, HolderKey.class);
        return key != null ? key : create(slotId, algorithm);
    }

    private JWK open(HolderKey key) {
        byte[] opened = encryption.open(key.sealedPrivateJwk(), HolderKey.sealingId(key.learnerId(), key.thumbprint()));
        return JwkFactory.parse(new String(opened, StandardCharsets.UTF_8));
    }

    /** The first insert wins; a concurrent loser reads and uses the winner's key. */
    private HolderKey create(String slotId, KeyAlgorithm algorithm) {
        JWK jwk = JwkFactory.generate(algorithm);
        String thumbprint = JwkFactory.thumbprint(jwk);
        byte[] sealed = encryption.seal(
                jwk.toJSONString().getBytes(StandardCharsets.UTF_8), HolderKey.sealingId(slotId, thumbprint));
        try {
            return mongo.insert(new HolderKey(
                    slotId, thumbprint, algorithm, jwk.toPublicJWK().toJSONString(), sealed, Instant.now()));
        } catch (DuplicateKeyException e) {
            return mongo.findById(slotId, HolderKey.class);
        }
    }
}
