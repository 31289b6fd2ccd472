package org.credfolio.learner.claim;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-time code with which a learner claims their login. Only the SHA-256 of the code is kept:
 * the code itself is shown once, to the registrar who printed it.
 *
 * @param codeHash SHA-256 of the normalized code, hex
 * @param expiresAt after this the code is refused; MongoDB removes it (TTL index)
 * @param usedAt when it was redeemed; null until then
 */
@Document("claim_codes")
record ClaimCode(
        @Id String codeHash,
        String learnerId,
        String districtId,
        @Indexed(expireAfterSeconds = 0) Instant expiresAt,
        Instant usedAt,
        Instant createdAt,
        String createdBy) {}
