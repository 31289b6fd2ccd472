package org.credfolio.learner.claim;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-time code with which a learner claims their login, or with which a user sets a new
 * password after a district admin reset it. Only the SHA-256 of the code is kept: the code itself
 * is shown once, to the registrar who printed it or the admin who reset the password.
 *
 * @param codeHash SHA-256 of the normalized code, hex
 * @param learnerId the learner whose login the code sets up or resets; null for a staff account
 * @param accountId for a staff account's password reset, the account whose password the code
 *     sets (the username sent must be its own); null for learner codes
 * @param expiresAt after this the code is refused; MongoDB removes it (TTL index)
 * @param usedAt when it was redeemed; null until then
 */
@Document("claim_codes")
record ClaimCode(
        @Id String codeHash,
        // a reset replaces the unused codes of one learner or one account
        @Indexed(sparse = true) String learnerId,
        @Indexed(sparse = true) String accountId,
        String districtId,
        @Indexed(expireAfterSeconds = 0) Instant expiresAt,
        Instant usedAt,
        Instant createdAt,
        String createdBy) {}
