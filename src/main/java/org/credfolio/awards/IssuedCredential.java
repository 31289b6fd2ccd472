package org.credfolio.awards;

import java.time.Instant;
import org.credfolio.trust.status.StatusAllocation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The signed verifiable credential of one earned credential. Keyed by the award id, so issuing the
 * same award twice can only ever store one credential: the second insert is refused.
 */
@Document("issued_credentials")
record IssuedCredential(@Id String awardId, String learnerId, String jwt, StatusAllocation status, Instant issuedAt) {}
