package org.credfolio.learner;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.organization.RosterChange;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
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
 * A district's learners as its SIS lists them (OneRoster {@code users.csv} and
 * {@code demographics.csv}): created or updated, matched by the SIS's {@code sourcedId}, marked
 * inactive when they leave the roster, never deleted. For the district's own registrars and
 * district admins. Each call costs a lookup by the roster key (or the student id index) and at most
 * one single-document write by {@code _id}; on a dry run it decides the same and writes nothing.
 */
@Service
public class Rostering {
    private final MongoOperations mongo;
    private final OrganizationManagement organizations;

    Rostering(MongoOperations mongo, OrganizationManagement organizations) {
        this.mongo = mongo;
        this.organizations = organizations;
    }

    /**
     * One learner as the SIS has them.
     *
     * @param schoolId a school of the district (on a dry run, possibly a school still to be created)
     */
    public record RosterLearner(
            String districtId,
            String sourcedId,
            String schoolId,
            String studentId,
            String givenName,
            String familyName,
            int graduationYear) {}

    /**
     * Creates or updates the learner with this sourcedId and makes them active. A learner entered by
     * hand (no sourcedId) with the same student id is adopted: they get the sourcedId instead of a
     * duplicate.
     *
     * @throws ConflictException {@code STUDENT_ID_TAKEN} when another rostered learner of the district
     *     has the student id
     */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public RosterChange roster(RosterLearner input, boolean dryRun) {
        requireOwnDistrict(input.districtId());
        if (!dryRun) {
            requireSchoolOf(input.districtId(), input.schoolId());
        }
        String key = Learner.rosterKey(input.districtId(), input.sourcedId());
        Learner existing = byRosterKey(key);
        if (existing == null && !dryRun && insert(input, key)) {
            // New to Credfolio: inserted at once, the unique indexes guarding student id and roster key.
            return RosterChange.CREATED;
        }
        if (existing == null) {
            Learner sameStudentId = byStudentId(input.districtId(), input.studentId());
            if (sameStudentId != null && sameStudentId.sourcedId() != null) {
                throw studentIdTaken(input.studentId());
            }
            existing = sameStudentId; // hand-entered: adopted, or null: created
        } else if (!existing.studentId().equals(input.studentId())) {
            Learner other = byStudentId(input.districtId(), input.studentId());
            if (other != null && !other.id().equals(existing.id())) {
                throw studentIdTaken(input.studentId());
            }
        }
        if (existing != null && same(existing, input)) {
            return RosterChange.UNCHANGED;
        }
        if (dryRun) {
            return existing == null ? RosterChange.CREATED : RosterChange.UPDATED;
        }
        if (existing == null) {
            // Its student id was freed, or its sourcedId rostered, since the insert failed: try again once.
            if (insert(input, key)) {
                return RosterChange.CREATED;
            }
            throw studentIdTaken(input.studentId());
        }
        Instant now = Instant.now();
        try {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(existing.id())),
                    new Update()
                            .set("schoolId", input.schoolId())
                            .set("studentId", input.studentId())
                            .set("givenName", input.givenName())
                            .set("familyName", input.familyName())
                            .set("sortName", sortName(input))
                            .set("graduationYear", input.graduationYear())
                            .set("sourcedId", input.sourcedId())
                            .set("rosterKey", key)
                            .unset("inactiveSince")
                            .set("updatedAt", now),
                    Learner.class);
            return RosterChange.UPDATED;
        } catch (DuplicateKeyException e) {
            throw studentIdTaken(input.studentId()); // taken meanwhile
        }
    }

    /** Inserts the learner; false when a unique index (student id or roster key) refuses it. */
    private boolean insert(RosterLearner input, String key) {
        Instant now = Instant.now();
        try {
            mongo.insert(new Learner(
                    UUID.randomUUID().toString(),
                    input.districtId(),
                    input.schoolId(),
                    input.studentId(),
                    input.givenName(),
                    input.familyName(),
                    sortName(input),
                    input.graduationYear(),
                    List.of(),
                    null,
                    now,
                    now,
                    input.sourcedId(),
                    key,
                    null));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The district's learner with this sourcedId, active or not. */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public Optional<Learner> rostered(String districtId, String sourcedId) {
        requireOwnDistrict(districtId);
        return Optional.ofNullable(byRosterKey(Learner.rosterKey(districtId, sourcedId)));
    }

    /** Marks the learner with this sourcedId inactive (OneRoster status {@code tobedeleted}); never deletes. */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public RosterChange deactivate(String districtId, String sourcedId, boolean dryRun) {
        requireOwnDistrict(districtId);
        Learner learner = byRosterKey(Learner.rosterKey(districtId, sourcedId));
        if (learner == null || !learner.active()) {
            return RosterChange.UNCHANGED;
        }
        if (!dryRun) {
            markInactive(learner.id());
        }
        return RosterChange.UPDATED;
    }

    /**
     * After a full (bulk) export: marks inactive every active rostered learner of the district whose
     * sourcedId is not in {@code present}. Learners entered by hand (no sourcedId) are untouched.
     *
     * @return how many learners were (or, on a dry run, would be) marked inactive
     */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public long deactivateAllExcept(String districtId, Set<String> present, boolean dryRun) {
        requireOwnDistrict(districtId);
        Query query = Query.query(Criteria.where("districtId")
                .is(districtId)
                .and("sourcedId")
                .ne(null)
                .and("inactiveSince")
                .is(null));
        query.fields().include("_id", "sourcedId");
        long count = 0;
        for (org.bson.Document learner : mongo.find(query, org.bson.Document.class, "learners")) {
            if (!present.contains(learner.getString("sourcedId"))) {
                if (!dryRun) {
                    markInactive(learner.get("_id").toString());
                }
                count++;
            }
        }
        return count;
    }

    /**
     * Replaces the demographics of the learner with this sourcedId: {@code CREATED} when they had
     * none, {@code UPDATED} when they differed, {@code UNCHANGED} otherwise.
     *
     * @throws NotFoundException {@code LEARNER_NOT_FOUND} when no learner of the district has the sourcedId
     */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public RosterChange setDemographics(
            String districtId, String sourcedId, Demographics demographics, boolean dryRun) {
        requireOwnDistrict(districtId);
        Learner learner = byRosterKey(Learner.rosterKey(districtId, sourcedId));
        if (learner == null) {
            throw new NotFoundException(
                    "LEARNER_NOT_FOUND", "No learner of this district has the sourcedId " + sourcedId + ".");
        }
        if (Objects.equals(learner.demographics(), demographics)) {
            return RosterChange.UNCHANGED;
        }
        if (!dryRun) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(learner.id())),
                    new Update().set("demographics", demographics).set("updatedAt", Instant.now()),
                    Learner.class);
        }
        return learner.demographics() == null ? RosterChange.CREATED : RosterChange.UPDATED;
    }

    private void markInactive(String id) {
        Instant now = Instant.now();
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().set("inactiveSince", now).set("updatedAt", now),
                Learner.class);
    }

    private Learner byRosterKey(String key) {
        return mongo.findOne(Query.query(Criteria.where("rosterKey").is(key)), Learner.class);
    }

    private Learner byStudentId(String districtId, String studentId) {
        // Exactly the keys of the unique (districtId, studentId) index.
        return mongo.findOne(
                Query.query(Criteria.where("districtId")
                        .is(districtId)
                        .and("studentId")
                        .is(studentId)),
                Learner.class);
    }

    private static boolean same(Learner l, RosterLearner input) {
        return l.active()
                && input.sourcedId().equals(l.sourcedId())
                && input.schoolId().equals(l.schoolId())
                && input.studentId().equals(l.studentId())
                && input.givenName().equals(l.givenName())
                && input.familyName().equals(l.familyName())
                && input.graduationYear() == l.graduationYear();
    }

    private static String sortName(RosterLearner input) {
        return (input.familyName() + " " + input.givenName()).toLowerCase(Locale.ROOT);
    }

    private void requireOwnDistrict(String districtId) {
        CurrentUser user = CurrentUsers.require();
        boolean district = organizations
                .find(districtId)
                .map(o -> o.type() == OrganizationType.DISTRICT)
                .orElse(false);
        if (!district || !user.belongsTo(districtId)) {
            throw new AccessDeniedException(
                    "Only a district's own registrars and district admins roster its learners.");
        }
    }

    private void requireSchoolOf(String districtId, String schoolId) {
        Organization school = organizations
                .find(schoolId)
                .filter(o -> o.type() == OrganizationType.SCHOOL && districtId.equals(o.districtId()))
                .orElseThrow(() -> new InvalidInputException(
                        "SCHOOL_NOT_FOUND", "schoolId", "No school " + schoolId + " in this district."));
        Objects.requireNonNull(school);
    }

    private static ConflictException studentIdTaken(String studentId) {
        return new ConflictException(
                "STUDENT_ID_TAKEN",
                "studentId",
                "Another learner of this district already has the student id '" + studentId + "'.");
    }
}
