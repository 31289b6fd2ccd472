package org.credfolio.celebrations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.store.RandomIds;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Publishing and withdrawing celebration pages: district admins, for their own district only. */
@Service
public class CelebrationManagement {
    /** The longest date range a celebration may cover. */
    static final int MAX_YEARS = 2;

    static final int LIST_LIMIT = 200;
    private final MongoOperations mongo;
    private final OrganizationManagement organizations;
    private final AuditLog audit;

    CelebrationManagement(MongoOperations mongo, OrganizationManagement organizations, AuditLog audit) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public Celebration publish(PublishCelebrationInput input) {
        CurrentUser user = CurrentUsers.require();
        Organization district = organizations
                .find(user.organizationId())
                .filter(o -> o.type() == OrganizationType.DISTRICT)
                .orElseThrow(() -> new AccessDeniedException("Only a district's admins publish celebrations."));
        if (input.schoolId() != null) {
            Organization school = organizations
                    .find(input.schoolId())
                    .filter(o -> o.type() == OrganizationType.SCHOOL)
                    .orElseThrow(() -> new InvalidInputException(
                            "SCHOOL_NOT_FOUND", "input.schoolId", "No school " + input.schoolId() + "."));
            if (!district.id().equals(school.districtId())) {
                throw new AccessDeniedException("That school is outside your district.");
            }
        }
        if (input.earnedTo().isBefore(input.earnedFrom())) {
            throw new InvalidInputException(
                    "DATE_RANGE_REVERSED", "input.earnedTo", "input.earnedTo: must not be before input.earnedFrom");
        }
        if (input.earnedTo().isAfter(input.earnedFrom().plusYears(MAX_YEARS))) {
            throw new InvalidInputException(
                    "DATE_RANGE_TOO_LONG",
                    "input.earnedTo",
                    "input.earnedTo: a celebration covers at most " + MAX_YEARS + " years");
        }
        Celebration celebration = mongo.insert(new Celebration(
                RandomIds.withPrefix("celebration"),
                district.id(),
                input.schoolId(),
                input.graduationYear(),
                input.title().strip(),
                input.earnedFrom(),
                input.earnedTo(),
                user.subject(),
                Instant.now(),
                null,
                null));
        audit.record("celebration.published", "Celebration", celebration.id(), Map.of("title", celebration.title()));
        return celebration;
    }

    /** Withdraws the page at once; withdrawing again is a no-op. */
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public boolean withdraw(String id) {
        CurrentUser user = CurrentUsers.require();
        Celebration celebration = find(id).orElseThrow(
                        () -> new NotFoundException("CELEBRATION_NOT_FOUND", "No celebration " + id + "."));
        if (!user.belongsTo(celebration.districtId())) {
            throw new AccessDeniedException("A district admin withdraws their own district's celebrations only.");
        }
        long changed = mongo.updateFirst(
                        Query.query(
                                Criteria.where("_id").is(id).and("withdrawnAt").is(null)),
                        new Update().set("withdrawnAt", Instant.now()).set("withdrawnBy", user.subject()),
                        Celebration.class)
                .getModifiedCount();
        if (changed > 0) {
            audit.record("celebration.withdrawn", "Celebration", id, Map.of());
        }
        return true;
    }

    /** The district's celebrations, newest first, at most {@value #LIST_LIMIT}. */
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public List<Celebration> list(String districtId) {
        if (!CurrentUsers.require().belongsTo(districtId)) {
            throw new AccessDeniedException("A district admin sees their own district's celebrations only.");
        }
        return mongo.find(
                Query.query(Criteria.where("districtId").is(districtId))
                        .with(Sort.by(Sort.Direction.DESC, "publishedAt"))
                        .limit(LIST_LIMIT),
                Celebration.class);
    }

    /** Any celebration by id, withdrawn or not; for the public page. */
    Optional<Celebration> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Celebration.class));
    }
}
