package org.credfolio.identity;

import java.time.Instant;
import java.util.List;
import org.credfolio.trust.status.StatusAllocation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner's choice to tell one college who they are: which fields, to whom, when, and the
 * district-signed identity credential that carries them. Stopping it revokes the credential, so no
 * later presentation of it verifies; decisions already recorded keep what was disclosed then.
 *
 * @param audienceId the college the learner named
 * @param jwt the identity credential as a VC-JWT (its Data Integrity form inside, as for awards)
 * @param ldpCredential the same credential with its Data Integrity proof, as JSON
 * @param status its revocation entry
 * @param stoppedAt null while further disclosure is allowed
 */
@Document("identity_disclosures")
@CompoundIndex(name = "learner_created", def = "{'learnerId': 1, 'createdAt': -1, '_id': 1}")
public record IdentityDisclosure(
        @Id String id,
        String learnerId,
        String districtId,
        String audienceId,
        String audienceName,
        List<IdentityField> fields,
        String jwt,
        String ldpCredential,
        StatusAllocation status,
        Instant createdAt,
        Instant stoppedAt) {

    IdentityDisclosure stopped(Instant at) {
        return new IdentityDisclosure(
                id, learnerId, districtId, audienceId, audienceName, fields, jwt, ldpCredential, status, createdAt, at);
    }
}
