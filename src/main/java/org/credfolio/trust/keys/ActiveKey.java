package org.credfolio.trust.keys;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which key an organization signs with now. One document per organization, keyed by its id, so
 * that two requests creating the first key at once cannot both win: the second insert is refused.
 */
@Document("issuer_active_keys")
record ActiveKey(@Id String organizationId, String thumbprint, Instant since) {}
