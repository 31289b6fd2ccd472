package org.credfolio.trust.status;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One Bitstring Status List of an issuer for one purpose. {@code allocated} counts the indexes
 * handed out, in steps of {@value StatusLists#COUNT_EVERY} (it only decides when to start a new list); {@code version} grows with every bit change, so a rendered list can be reused until
 * the list changes, on any instance.
 */
@Document("status_lists")
record StatusList(
        @Id String id,
        String organizationId,
        StatusPurpose purpose,
        int size,
        int allocated,
        long version,
        Instant createdAt) {}
