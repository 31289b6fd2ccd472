package org.credfolio.trust.keys;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which key an organization signs with now. One document per organization and key slot, keyed by
 * the organization id (VC-JWT signing) or {@code <organizationId>/data-integrity} (Data Integrity
 * proofs), so that two requests creating the first key at once cannot both win: the second insert
 * is refused.
 */
@Document("issuer_active_keys")
record ActiveKey(@Id String slotId, String thumbprint, Instant since) {}
