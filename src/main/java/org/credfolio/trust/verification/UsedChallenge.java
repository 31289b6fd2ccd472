package org.credfolio.trust.verification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A challenge a presentation has answered; its key makes a second use fail atomically. */
@Document("used_challenges")
record UsedChallenge(@Id String challenge, Instant expiresAt) {}
