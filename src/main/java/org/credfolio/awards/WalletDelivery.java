package org.credfolio.awards;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A copy of an earned credential issued to a learner's wallet: the same content and status entry
 * as the award's own credential (revoking the award revokes it), the wallet's DID as its subject.
 *
 * @param credentialId the copy's {@code urn:uuid} id
 */
@Document("wallet_deliveries")
record WalletDelivery(
        @Id String credentialId, String awardId, String learnerId, String walletDid, Instant deliveredAt) {}
