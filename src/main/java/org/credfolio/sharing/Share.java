package org.credfolio.sharing;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A link a learner made to show some of their earned credentials to one audience. The link's token
 * is never stored, only its SHA-256, so a copy of the database does not reveal live links; the page
 * finds the share by that hash through a unique index.
 *
 * @param credentialIds the shared earned credentials, in the order the learner chose them
 * @param displayName what the page calls the learner (given name, family initial); null when the
 *     learner chose not to show a name
 * @param identityDisclosureId the learner's identity disclosure whose credential the share's
 *     presentation carries; null (the default) for a share that discloses no identity
 */
@Document("shares")
@CompoundIndex(name = "shares_of_learner", def = "{'learnerId': 1, 'createdAt': -1}")
public record Share(
        @Id String id,
        @Indexed(unique = true) String tokenHash,
        String learnerId,
        String audience,
        List<String> credentialIds,
        boolean showName,
        String displayName,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        long viewCount,
        String identityDisclosureId) {

    /** Its list cannot change: a share read once may be shown to many requests ({@link RecentShares}). */
    public Share {
        credentialIds = credentialIds == null ? null : List.copyOf(credentialIds);
    }

    /** Not revoked and not expired at the given instant. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
