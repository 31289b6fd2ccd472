package org.credfolio.learner;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credfolio.organization.Account;
import org.credfolio.organization.AccountManagement;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.paging.PageRequests;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Learner profiles and their restricted demographics, within the caller's organization. */
@Service
public class LearnerManagement {
    private final Learners learners;
    private final MongoOperations mongo;
    private final OrganizationManagement organizations;
    private final AccountManagement accounts;
    private final OwnLearnerRecords ownRecords;

    LearnerManagement(
            Learners learners,
            MongoOperations mongo,
            OrganizationManagement organizations,
            AccountManagement accounts,
            OwnLearnerRecords ownRecords) {
        this.ownRecords = ownRecords;
        this.learners = learners;
        this.mongo = mongo;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    /** A learner the caller may read: their own record, or one of their organization's learners. */
    @PreAuthorize("isAuthenticated()")
    public Learner get(String id) {
        Learner learner = learners.findById(id)
                .orElseThrow(() -> new NotFoundException("LEARNER_NOT_FOUND", "No learner " + id + "."));
        CurrentUser user = CurrentUsers.require();
        if (!LearnerAccess.canRead(user, learner)) {
            throw new AccessDeniedException(
                    user.is(Role.LEARNER)
                            ? "You can only see your own portfolio."
                            : "This learner is outside your organization.");
        }
        return learner;
    }

    /** The signed-in learner's own record. */
    @PreAuthorize("hasRole('LEARNER')")
    public Learner me() {
        String id = CurrentUsers.require().learnerId();
        return ownRecords.get(id, () -> get(id));
    }

    @PreAuthorize("hasAnyRole('EDUCATOR', 'REGISTRAR', 'DISTRICT_ADMIN')")
    public Window<Learner> list(LearnerFilter filter, ScrollSubrange page) {
        String org = CurrentUsers.require().organizationId();
        Query query = Query.query(new Criteria()
                .orOperator(
                        Criteria.where("districtId").is(org),
                        Criteria.where("schoolId").is(org)));
        if (filter != null) {
            if (filter.schoolId() != null) {
                query.addCriteria(Criteria.where("schoolId").is(filter.schoolId()));
            }
            if (filter.graduationYear() != null) {
                query.addCriteria(Criteria.where("graduationYear").is(filter.graduationYear()));
            }
            if (filter.studentId() != null) {
                // Exact, as the SIS writes it; served by the unique (districtId, studentId) index.
                query.addCriteria(Criteria.where("studentId").is(filter.studentId()));
            }
            if (filter.sourcedId() != null) {
                query.addCriteria(Criteria.where("sourcedId").is(filter.sourcedId()));
            }
            if (filter.active() != null) {
                query.addCriteria(
                        filter.active()
                                ? Criteria.where("inactiveSince").is(null)
                                : Criteria.where("inactiveSince").ne(null));
            }
            if (filter.namePrefix() != null && !filter.namePrefix().isBlank()) {
                String prefix = filter.namePrefix().strip().toLowerCase(Locale.ROOT);
                query.addCriteria(Criteria.where("sortName").regex("^" + Pattern.quote(prefix)));
            }
        }
        query.with(Sort.by("sortName", "id")).limit(PageRequests.size(page)).with(PageRequests.position(page));
        return mongo.scroll(query, Learner.class);
    }

    /**
     * The district's learner with this student id, when the caller may read them; for loaders that
     * know learners by the SIS's ids. Served by the unique (districtId, studentId) index.
     */
    @PreAuthorize("hasAnyRole('EDUCATOR', 'REGISTRAR', 'DISTRICT_ADMIN')")
    public Optional<Learner> findByStudentId(String districtId, String studentId) {
        return readable(mongo.findOne(
                Query.query(Criteria.where("districtId")
                        .is(districtId)
                        .and("studentId")
                        .is(studentId)),
                Learner.class));
    }

    /** The district's learner with this OneRoster sourcedId, when the caller may read them. */
    @PreAuthorize("hasAnyRole('EDUCATOR', 'REGISTRAR', 'DISTRICT_ADMIN')")
    public Optional<Learner> findBySourcedId(String districtId, String sourcedId) {
        return readable(mongo.findOne(
                Query.query(Criteria.where("rosterKey").is(Learner.rosterKey(districtId, sourcedId))), Learner.class));
    }

    private static Optional<Learner> readable(Learner learner) {
        return Optional.ofNullable(learner).filter(l -> LearnerAccess.canRead(CurrentUsers.require(), l));
    }

    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public Learner create(LearnerInput input) {
        Organization school = schoolOfCaller(input.schoolId());
        Instant now = Instant.now();
        Learner learner = new Learner(
                UUID.randomUUID().toString(),
                school.districtId(),
                school.id(),
                input.studentId(),
                input.givenName().strip(),
                input.familyName().strip(),
                sortName(input),
                input.graduationYear(),
                input.ctePathways() == null ? List.of() : List.copyOf(input.ctePathways()),
                null,
                now,
                now);
        try {
            return learners.insert(learner);
        } catch (DuplicateKeyException e) {
            throw studentIdTaken();
        }
    }

    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public Learner update(String id, LearnerInput input) {
        requireManaged(get(id));
        Organization school = schoolOfCaller(input.schoolId());
        Update update = new Update()
                .set("schoolId", school.id())
                .set("studentId", input.studentId())
                .set("givenName", input.givenName().strip())
                .set("familyName", input.familyName().strip())
                .set("sortName", sortName(input))
                .set("graduationYear", input.graduationYear())
                .set("ctePathways", input.ctePathways() == null ? List.of() : input.ctePathways())
                .set("updatedAt", Instant.now());
        try {
            return modify(id, update);
        } catch (DuplicateKeyException e) {
            throw studentIdTaken();
        }
    }

    /** The learner's demographics, for their own district's registrars and district admins only. */
    @PreAuthorize("isAuthenticated()")
    public Demographics demographics(Learner learner) {
        if (!LearnerAccess.canSeeDemographics(CurrentUsers.require(), learner)) {
            throw new AccessDeniedException(
                    "Demographics are visible only to registrars and district admins of the learner's district.");
        }
        return learner.demographics();
    }

    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public Learner setDemographics(String id, DemographicsInput input) {
        requireManaged(get(id));
        return modify(
                id, new Update().set("demographics", input.toDemographics()).set("updatedAt", Instant.now()));
    }

    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public Account createAccount(String learnerId, String username, String password) {
        Learner learner = requireManaged(get(learnerId));
        return accounts.createLearnerAccount(username, password, learner.schoolId(), learner.id());
    }

    private Learner requireManaged(Learner learner) {
        if (!LearnerAccess.canManage(CurrentUsers.require(), learner)) {
            throw new AccessDeniedException(
                    "Only registrars and district admins of the learner's district may change it.");
        }
        return learner;
    }

    private Learner modify(String id, Update update) {
        ownRecords.forget(id);
        Learner changed = mongo.findAndModify(
                Query.query(Criteria.where("id").is(id)),
                update,
                FindAndModifyOptions.options().returnNew(true),
                Learner.class);
        ownRecords.forget(id);
        return changed;
    }

    private Organization schoolOfCaller(String schoolId) {
        Organization school = organizations
                .find(schoolId)
                .filter(o -> o.type() == OrganizationType.SCHOOL)
                .orElseThrow(() ->
                        new InvalidInputException("SCHOOL_NOT_FOUND", "input.schoolId", "No school " + schoolId + "."));
        if (!school.isOrIsWithin(CurrentUsers.require().organizationId())) {
            throw new AccessDeniedException("That school is outside your organization.");
        }
        return school;
    }

    private static String sortName(LearnerInput input) {
        return (input.familyName().strip() + " " + input.givenName().strip()).toLowerCase(Locale.ROOT);
    }

    private static ConflictException studentIdTaken() {
        return new ConflictException(
                "STUDENT_ID_TAKEN", "input.studentId", "Another learner of this district has that student id.");
    }
}
