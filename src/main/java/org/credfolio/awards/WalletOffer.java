package org.credfolio.awards;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An offer of one earned credential to the wallet of the learner who asked for it. The exchange id
 * is the capability: 32 random bytes, handed out once; the offer works once, until it expires.
 *
 * @param challenge what the wallet's DID authentication must answer
 * @param usedAt when a wallet received its copy; null while unused
 * @param walletDid the DID of the wallet that received it
 * @param preAuthorizedCode the OpenID4VCI pre-authorized code of the same offer (either protocol redeems it)
 * @param accessToken the OpenID4VCI access token the code was exchanged for; null until then
 * @param cNonce the nonce the OpenID4VCI key proof must carry
 */
@Document("wallet_offers")
record WalletOffer(
        @Id String exchangeId,
        String learnerId,
        String awardId,
        String challenge,
        Instant createdAt,
        // MongoDB deletes an offer a day after it expires (kept that long for support questions);
        // the embedded store keeps it, and an expired offer is refused either way.
        @Indexed(expireAfter = "1d") Instant expiresAt,
        Instant usedAt,
        String walletDid,
        @Indexed String preAuthorizedCode,
        @Indexed(sparse = true) String accessToken,
        String cNonce) {}
