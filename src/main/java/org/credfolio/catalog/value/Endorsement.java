package org.credfolio.catalog.value;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An employer's statement that it hires for a credential in a region. One per employer, credential
 * and region: the id is built from the three, so endorsing again updates the statement.
 */
@Document("endorsements")
// Every value classification reads a region's endorsements of the credentials judged.
@CompoundIndex(name = "region_credential", def = "{'region': 1, 'credentialId': 1}")
public record Endorsement(
        @Id String id,
        String credentialId,
        String region,
        String organizationId,
        String statement,
        String endorsedBy,
        Instant endorsedAt) {

    public static String idOf(String credentialId, String region, String organizationId) {
        return credentialId + "|" + region + "|" + organizationId;
    }
}
