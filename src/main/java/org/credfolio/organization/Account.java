package org.credfolio.organization;

import java.time.Instant;
import org.credfolio.shared.security.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user of the built-in login: one role in one organization. The password is kept only as a
 * BCrypt hash.
 *
 * @param learnerId for LEARNER accounts, the learner record the account owns
 * @param disabled a disabled account cannot sign in, and its tokens are refused
 * @param tokenVersion carried by its login tokens as {@code ver}; raised by every change of password,
 *     role or standing, which ends every token minted before, on every instance
 */
@Document("accounts")
// An organization's accounts are listed for its admins.
@CompoundIndex(name = "organization_username", def = "{'organizationId': 1, 'username': 1, '_id': 1}")
public record Account(
        @Id String id,
        @Indexed(unique = true) String username,
        String passwordHash,
        Role role,
        String organizationId,
        // Redeeming a claim code finds the learner's account by it; staff accounts have none.
        @Indexed(sparse = true) String learnerId,
        Instant createdAt,
        boolean disabled,
        long tokenVersion) {

    @PersistenceCreator
    public Account {}

    /** A new account in good standing, at token version 0. */
    public Account(
            String id,
            String username,
            String passwordHash,
            Role role,
            String organizationId,
            String learnerId,
            Instant createdAt) {
        this(id, username, passwordHash, role, organizationId, learnerId, createdAt, false, 0);
    }
}
