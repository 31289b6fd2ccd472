package org.credfolio.organization;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A district's schools as its SIS lists them (OneRoster {@code orgs.csv}): created or renamed,
 * matched by the SIS's {@code sourcedId}, never deleted. For the district's own registrars and
 * district admins. Every write is one single-document operation by {@code _id} or roster key.
 */
@Service
public class SchoolRostering {
    private final MongoOperations mongo;
    private final OrganizationManagement organizations;

    SchoolRostering(MongoOperations mongo, OrganizationManagement organizations) {
        this.mongo = mongo;
        this.organizations = organizations;
    }

    /** The outcome of rostering one school: what changed, and the school's id (a placeholder on a dry run). */
    public record RosteredSchool(RosterChange change, String schoolId) {}

    /** The district's schools that were rostered, by sourcedId (one read, for a whole import). */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public Map<String, String> rosteredSchools(String districtId) {
        requireOwnDistrict(districtId);
        Query query = Query.query(Criteria.where("districtId")
                .is(districtId)
                .and("type")
                .is(OrganizationType.SCHOOL)
                .and("sourcedId")
                .ne(null));
        query.fields().include("_id", "sourcedId");
        Map<String, String> schools = new HashMap<>();
        for (Organization school : mongo.find(query, Organization.class)) {
            schools.put(school.sourcedId(), school.id());
        }
        return schools;
    }

    /**
     * Creates the district's school with this sourcedId, or renames it when the SIS's name changed.
     * On a dry run nothing is written and a new school's id is a placeholder.
     */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public RosteredSchool roster(String districtId, String sourcedId, String name, boolean dryRun) {
        Organization district = requireOwnDistrict(districtId);
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidInputException(
                    "INVALID_VALUE", "name", "A school needs a name of at most 200 characters.");
        }
        String key = Organization.rosterKey(districtId, sourcedId);
        Organization existing =
                mongo.findOne(Query.query(Criteria.where("rosterKey").is(key)), Organization.class);
        if (existing != null) {
            if (existing.name().equals(name.strip())) {
                return new RosteredSchool(RosterChange.UNCHANGED, existing.id());
            }
            if (!dryRun) {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(existing.id())),
                        Update.update("name", name.strip()),
                        Organization.class);
                organizations.evict(existing.id());
            }
            return new RosteredSchool(RosterChange.UPDATED, existing.id());
        }
        if (dryRun) {
            return new RosteredSchool(RosterChange.CREATED, "dry-run:" + key);
        }
        try {
            Organization school = mongo.insert(new Organization(
                    UUID.randomUUID().toString(),
                    OrganizationType.SCHOOL,
                    name.strip(),
                    districtId,
                    district.state(),
                    null,
                    null,
                    Instant.now(),
                    sourcedId,
                    key));
            return new RosteredSchool(RosterChange.CREATED, school.id());
        } catch (DuplicateKeyException e) {
            // Rostered meanwhile by another upload of the same district: that one stands.
            Organization raced =
                    mongo.findOne(Query.query(Criteria.where("rosterKey").is(key)), Organization.class);
            return new RosteredSchool(RosterChange.UNCHANGED, raced == null ? null : raced.id());
        }
    }

    private Organization requireOwnDistrict(String districtId) {
        CurrentUser user = CurrentUsers.require();
        Organization district = organizations
                .find(districtId)
                .filter(o -> o.type() == OrganizationType.DISTRICT)
                .orElseThrow(() -> new AccessDeniedException("Only a district's own staff roster its schools."));
        if (!user.belongsTo(district.id())) {
            throw new AccessDeniedException("Only a district's own registrars and district admins roster its schools.");
        }
        return district;
    }
}
