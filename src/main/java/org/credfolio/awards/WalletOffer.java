package org.credfolio.awards;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An offer of one earned credential to the wallet of the learner who asked for it. Its three bearer
 * secrets (the exchange id, the pre-authorized code and the access token) are handed out once and
 * kept only as their SHA-256 ({@link org.credfolio.shared.security.SecretTokens}); the offer works
 * once, until it expires.
 *
 * @param exchangeHash SHA-256 of the exchange id, the capability of the VC API exchange
 * @param challenge what the wallet's DID authentication must answer (not a capability: it is shown
 *     to whoever holds the exchange id)
 * @param usedAt when a wallet received its copy; null while unused
 * @param walletDid the DID of the wallet that received it
 * @param preAuthorizedCodeHash SHA-256 of the OpenID4VCI pre-authorized code of the same offer
 *     (either protocol redeems it)
 * @param accessTokenHash SHA-256 of the OpenID4VCI access token the code was exchanged for; null
 *     until then
 * @param cNonce the nonce the OpenID4VCI key proof must carry
 */
@Document("wallet_offers")
record WalletOffer(
        @Id String exchangeHash,
        String learnerId,
        String awardId,
        String challenge,
        Instant createdAt,
        // MongoDB deletes an offer a day after it expires (kept that long for support questions);
        // on the embedded store, which has no TTL indexes, making a new offer removes such old ones.
        @Indexed(expireAfter = "1d") Instant expiresAt,
        Instant usedAt,
        String walletDid,
        // Sparse: offers stored before codes were hashed have no such field (and expire within a day).
        @Indexed(unique = true, sparse = true) String preAuthorizedCodeHash,
        @Indexed(unique = true, sparse = true) String accessTokenHash,
        String cNonce) {}
