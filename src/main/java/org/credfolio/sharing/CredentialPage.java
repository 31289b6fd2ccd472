package org.credfolio.sharing;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A permanent public page of one earned credential, published by its learner (for a LinkedIn
 * profile, a CV, an email signature). Unlike a share it has no audience and no expiry: it lives until
 * the learner withdraws it. The page is found by its public id ({@code _id}); the unique index on
 * {@code awardId} keeps one page per earned credential, so publishing again gives the same address.
 *
 * @param publicId 32 random bytes, base64url (43 characters): the address {@code /c/{publicId}}.
 *     Kept in clear: the address is meant to be public, it is only unguessable so that unpublished
 *     credentials cannot be enumerated
 * @param displayName the learner's given name and family initial, as of publishing
 * @param withdrawnAt when the learner withdrew the page; null while it is published
 */
@Document("credential_pages")
@CompoundIndex(name = "credential_pages_of_learner", def = "{'learnerId': 1, 'publishedAt': -1}")
public record CredentialPage(
        @Id String publicId,
        @Indexed(unique = true) String awardId,
        String learnerId,
        String displayName,
        Instant publishedAt,
        Instant withdrawnAt) {

    boolean published() {
        return withdrawnAt == null;
    }
}
