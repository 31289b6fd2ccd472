package org.credfolio.trust.verification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A challenge a presentation has answered; its key makes a second use fail atomically. MongoDB
 * removes it once it has expired (a TTL index); the embedded store, which has no TTL indexes, is
 * purged now and then by {@link Challenges}.
 */
@Document("used_challenges")
record UsedChallenge(@Id String challenge, @Indexed(expireAfter = "0s") Instant expiresAt) {}
