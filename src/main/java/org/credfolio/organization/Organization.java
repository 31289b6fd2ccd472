package org.credfolio.organization;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district, school, college, employer, workforce board or certifying body.
 *
 * @param districtId for a school, the district it belongs to; otherwise null
 * @param code an external code, such as a state's vendor code for a certifying body
 * @param sourcedId for a school rostered from the district's OneRoster file, its {@code sourcedId}
 *     in the district's SIS; otherwise null
 * @param rosterKey {@code <districtId>/<sourcedId>}, absent without a sourcedId: one unique sparse
 *     key, served by the embedded store only when a lookup filters by exactly this key
 */
@Document("organizations")
// the platform admin's list in name order; a district's rostered schools
@CompoundIndex(name = "by_name", def = "{'name': 1, '_id': 1}")
@CompoundIndex(name = "by_district_and_type", def = "{'districtId': 1, 'type': 1}")
public record Organization(
        @Id String id,
        OrganizationType type,
        String name,
        String districtId,
        String state,
        String website,
        String code,
        Instant createdAt,
        String sourcedId,
        @Indexed(unique = true, sparse = true) String rosterKey) {

    @PersistenceCreator
    public Organization {}

    /** An organization entered by hand (not rostered from a OneRoster file). */
    public Organization(
            String id,
            OrganizationType type,
            String name,
            String districtId,
            String state,
            String website,
            String code,
            Instant createdAt) {
        this(id, type, name, districtId, state, website, code, createdAt, null, null);
    }

    public static String rosterKey(String districtId, String sourcedId) {
        return districtId + "/" + sourcedId;
    }

    /** True when this organization is {@code orgId} or a school of district {@code orgId}. */
    public boolean isOrIsWithin(String orgId) {
        return id.equals(orgId) || orgId.equals(districtId);
    }
}
