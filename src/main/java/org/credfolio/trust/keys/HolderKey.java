package org.credfolio.trust.keys;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner's custodial holder key, one per learner and use: keyed by the learner id (the ES256
 * key of {@code vp+jwt}) or {@code <learnerId>/data-integrity} (the Ed25519 key of Data Integrity
 * presentations), so two first uses at once cannot both create one. The private half is stored
 * only sealed (see {@link KeyEncryption}).
 *
 * @param thumbprint RFC 7638 JWK thumbprint, the fragment of the key's id in the DID document
 */
@Document("holder_keys")
record HolderKey(
        @Id String learnerId,
        String thumbprint,
        KeyAlgorithm algorithm,
        String publicJwk,
        byte[] sealedPrivateJwk,
        Instant createdAt) {

    /** Associated data of the sealed private key: binds it to this learner and this key. */
    static String sealingId(String learnerId, String thumbprint) {
        return "holder:" + learnerId + "#" + thumbprint;
    }
}
