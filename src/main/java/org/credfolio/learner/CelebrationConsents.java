package org.credfolio.learner;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Consent to be named on celebration pages: the learner's own opt-in, a guardian's consent and the
 * "18 or older" mark, the last two recorded by the learner's district's registrars and district
 * admins. Every decision is audited with who made it and when, and takes effect on the next read:
 * celebration pages ask {@link #nameable} on every request.
 */
@Service
public class CelebrationConsents {
    private final Learners learners;
    private final MongoOperations mongo;
    private final AuditLog audit;

    CelebrationConsents(Learners learners, MongoOperations mongo, AuditLog audit) {
        this.learners = learners;
        this.mongo = mongo;
        this.audit = audit;
    }

    /** The signed-in learner opts in to being named, or withdraws. */
    @PreAuthorize("hasRole('LEARNER')")
    public boolean setOwn(boolean consent) {
        Learner learner = learner(CurrentUsers.require().learnerId());
        write(learner, new Update().set("optedIn", consent).set("optedInChangedAt", Instant.now()));
        audit.record(
                consent ? "celebration.consent.learner.granted" : "celebration.consent.learner.withdrawn",
                "Learner",
                learner.id(),
                Map.of("optedIn", consent));
        return consent;
    }

    /** Whether the signed-in learner has opted in. */
    @PreAuthorize("hasRole('LEARNER')")
    public boolean own() {
        CelebrationConsent consent = mongo.findById(CurrentUsers.require().learnerId(), CelebrationConsent.class);
        return consent != null && consent.optedIn();
    }

    /** A guardian's consent, or its withdrawal ({@code granted} false), as staff took it down. */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public CelebrationConsent recordGuardian(String learnerId, boolean granted, String guardianName) {
        if (guardianName == null
                || guardianName.isBlank()
                || guardianName.strip().length() > 200) {
            throw new InvalidInputException(
                    "GUARDIAN_NAME_REQUIRED",
                    "guardianName",
                    "guardianName: the guardian's name, 1 to 200 characters.");
        }
        Learner learner = managed(learnerId);
        CurrentUser user = CurrentUsers.require();
        CelebrationConsent saved = write(
                learner,
                new Update()
                        .set("guardianConsent", granted)
                        .set("guardianName", guardianName.strip())
                        .set("guardianRecordedBy", user.subject())
                        .set("guardianRecordedAt", Instant.now()));
        audit.record(
                granted ? "celebration.consent.guardian.granted" : "celebration.consent.guardian.withdrawn",
                "Learner",
                learner.id(),
                Map.of("granted", granted, "guardianName", guardianName.strip()));
        return saved;
    }

    /** Staff record that the learner is 18 or older (or correct it). */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public CelebrationConsent recordAdult(String learnerId, boolean adult) {
        Learner learner = managed(learnerId);
        CelebrationConsent saved = write(
                learner,
                new Update()
                        .set("adult", adult)
                        .set("adultRecordedBy", CurrentUsers.require().subject())
                        .set("adultRecordedAt", Instant.now()));
        audit.record(
                adult ? "celebration.consent.adult.recorded" : "celebration.consent.adult.cleared",
                "Learner",
                learner.id(),
                Map.of("adult", adult));
        return saved;
    }

    /** The learner's consent record, guardian's name included: their district's registrars and admins only. */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public CelebrationConsent get(String learnerId) {
        Learner learner = managed(learnerId);
        CelebrationConsent consent = mongo.findById(learner.id(), CelebrationConsent.class);
        return consent == null ? CelebrationConsent.none(learner.id(), learner.districtId()) : consent;
    }

    /**
     * Which of these learners may be named on a public celebration page now: one read by
     * {@code _id}, whatever the caller (the pages are public and read consent on every request).
     */
    public Set<String> nameable(Collection<String> learnerIds) {
        if (learnerIds.isEmpty()) {
            return Set.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(learnerIds)), CelebrationConsent.class).stream()
                .filter(CelebrationConsent::mayBeNamed)
                .map(CelebrationConsent::learnerId)
                .collect(Collectors.toSet());
    }

    /**
     * One batch of the learners of an event (a district, optionally one school and one graduation
     * year), in id order after {@code afterId}, demographics left out; for celebration pages, which
     * read a whole event in bounded batches. Inactive learners are included.
     */
    public List<Learner> eventBatch(
            String districtId, String schoolId, Integer graduationYear, String afterId, int limit) {
        Query query = Query.query(Criteria.where("districtId").is(districtId));
        if (schoolId != null) {
            query.addCriteria(Criteria.where("schoolId").is(schoolId));
        }
        if (graduationYear != null) {
            query.addCriteria(Criteria.where("graduationYear").is(graduationYear));
        }
        if (afterId != null) {
            query.addCriteria(Criteria.where("_id").gt(afterId));
        }
        query.fields().exclude("demographics");
        query.with(Sort.by("_id")).limit(limit);
        return mongo.find(query, Learner.class);
    }

    private CelebrationConsent write(Learner learner, Update update) {
        return mongo.findAndModify(
                Query.query(Criteria.where("_id").is(learner.id())),
                update.set("districtId", learner.districtId()),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                CelebrationConsent.class);
    }

    private Learner learner(String id) {
        return learners.findById(id)
                .orElseThrow(() -> new NotFoundException("LEARNER_NOT_FOUND", "No learner " + id + "."));
    }

    private Learner managed(String learnerId) {
        Learner learner = learner(learnerId);
        if (!LearnerAccess.canManage(CurrentUsers.require(), learner)) {
            throw new AccessDeniedException(
                    "Only registrars and district admins of the learner's district record celebration consent.");
        }
        return learner;
    }
}
