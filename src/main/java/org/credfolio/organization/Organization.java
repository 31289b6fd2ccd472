package org.credfolio.organization;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district, school, college, employer, workforce board or certifying body.
 *
 * @param districtId for a school, the district it belongs to; otherwise null
 * @param code an external code, such as a state's vendor code for a certifying body
 */
@Document("organizations")
public record Organization(
        @Id String id,
        OrganizationType type,
        String name,
        String districtId,
        String state,
        String website,
        String code,
        Instant createdAt) {

    /** True when this organization is {@code orgId} or a school of district {@code orgId}. */
    public boolean isOrIsWithin(String orgId) {
        return id.equals(orgId) || orgId.equals(districtId);
    }
}
