package org.credfolio.awards;

import java.time.Instant;
import org.credfolio.trust.status.StatusAllocation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The signed verifiable credential of one earned credential, in both forms. Keyed by the award id,
 * so issuing the same award twice can only ever store one credential: the second insert is refused.
 *
 * @param jwt the VC-JWT ({@code vc+jwt}); its payload is the Data Integrity form plus JWT claims
 * @param ldpCredential the JSON text of the credential with its embedded {@code eddsa-rdfc-2022}
 *     proof; null for credentials issued before Data Integrity, until first asked for
 */
@Document("issued_credentials")
record IssuedCredential(
        @Id String awardId,
        String learnerId,
        String jwt,
        String ldpCredential,
        StatusAllocation status,
        Instant issuedAt) {}
