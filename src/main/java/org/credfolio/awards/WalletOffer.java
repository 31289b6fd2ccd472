package org.credfolio.awards;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An offer of one earned credential to the wallet of the learner who asked for it. The exchange id
 * is the capability: 32 random bytes, handed out once; the offer works once, until it expires.
 *
 * @param challenge what the wallet's DID authentication must answer
 * @param usedAt when a wallet received its copy; null while unused
 * @param walletDid the DID of the wallet that received it
 */
@Document("wallet_offers")
record WalletOffer(
        @Id String exchangeId,
        String learnerId,
        String awardId,
        String challenge,
        Instant createdAt,
        Instant expiresAt,
        Instant usedAt,
        String walletDid) {}
