package org.credfolio.organization;

import java.time.Instant;
import org.credfolio.shared.security.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user of the built-in login: one role in one organization. The password is kept only as a
 * BCrypt hash.
 *
 * @param learnerId for LEARNER accounts, the learner record the account owns
 */
@Document("accounts")
public record Account(
        @Id String id,
        @Indexed(unique = true) String username,
        String passwordHash,
        Role role,
        String organizationId,
        String learnerId,
        Instant createdAt) {}
