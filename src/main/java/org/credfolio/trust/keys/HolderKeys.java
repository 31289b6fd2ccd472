package org.credfolio.trust.keys;

import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.credfolio.trust.TrustProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * Learners' custodial holder keys: one ES256 key per learner, created on the first signature,
 * sealed at rest like issuer keys, published in the learner's DID document. A share signs its
 * {@code vp+jwt} presentation with it.
 *
 * <p>Nothing here checks the caller: this is an API for server code. The module that asks for a
 * signature (sharing) must already have checked that the signed-in learner is the one it signs
 * for. Nothing here is reachable from GraphQL, and the public DID document never creates a key.
 */
@Service
public class HolderKeys {
    private static final KeyAlgorithm ALGORITHM = KeyAlgorithm.ES256;
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
        if (learnerId == null || !LEARNER_ID.matcher(learnerId).matches()) {
            throw new IllegalArgumentException("Not a learner id usable in a did:web: " + learnerId);
        }
        HolderKey key = mongo.findById(learnerId, HolderKey.class);
        if (key == null) {
            key = create(learnerId);
        }
        byte[] opened = encryption.open(key.sealedPrivateJwk(), HolderKey.sealingId(learnerId, key.thumbprint()));
        JWK privateJwk = JwkFactory.parse(new String(opened, StandardCharsets.UTF_8));
        return CompactJws.sign(
                privateJwk, key.algorithm(), holderDid(learnerId) + "#" + key.thumbprint(), type, claims);
    }

    /** The learner's holder key, for verifiers and the DID document; empty until their first signature. */
    public Optional<HolderVerificationKey> holderKey(String learnerId) {
        if (learnerId == null || learnerId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(learnerId, HolderKey.class))
                .map(k -> new HolderVerificationKey(
                        learnerId, holderDid(learnerId), k.thumbprint(), k.algorithm(), k.publicJwk()));
    }

    /** The first insert wins; a concurrent loser reads and uses the winner's key. */
    private HolderKey create(String learnerId) {
        JWK jwk = JwkFactory.generate(ALGORITHM);
        String thumbprint = JwkFactory.thumbprint(jwk);
        byte[] sealed = encryption.seal(
                jwk.toJSONString().getBytes(StandardCharsets.UTF_8), HolderKey.sealingId(learnerId, thumbprint));
        try {
            return mongo.insert(new HolderKey(
                    learnerId, thumbprint, ALGORITHM, jwk.toPublicJWK().toJSONString(), sealed, Instant.now()));
        } catch (DuplicateKeyException e) {
            return mongo.findById(learnerId, HolderKey.class);
        }
    }
}
