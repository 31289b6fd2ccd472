package org.credfolio.pathways;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.paging.PageRequests;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.store.RandomIds;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Programs of study. A district admin writes their own district's; anyone may read them, as
 * districts publish their course sequences for families, counselors and colleges. No learner data
 * is in a program.
 */
@Service
public class ProgramsOfStudy {
    private final MongoOperations mongo;
    private final CatalogManagement catalog;
    private final AuditLog audit;

    ProgramsOfStudy(MongoOperations mongo, CatalogManagement catalog, AuditLog audit) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public ProgramOfStudy create(ProgramInput input) {
        CurrentUser user = CurrentUsers.require();
        validate(input);
        Instant now = Instant.now();
        ProgramOfStudy program = build(RandomIds.withPrefix("program"), user.organizationId(), 1, input, now, now);
        mongo.insert(program);
        audit.record("program-of-study.created", "ProgramOfStudy", program.id(), Map.of("name", program.name()));
        return program;
    }

    /**
     * Replaces a program's content. With {@code expectedVersion}, an edit made on a stale copy is
     * refused instead of silently overwriting someone else's. Enrollments keep their completed
     * courses; a course removed from the sequence simply stops counting toward progress.
     */
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    public ProgramOfStudy update(String id, ProgramInput input) {
        CurrentUser user = CurrentUsers.require();
        ProgramOfStudy current = get(id);
        if (!user.belongsTo(current.districtId())) {
            throw new AccessDeniedException("A district admin can only change their own district's programs.");
        }
        validate(input);
        if (input.expectedVersion() != null && input.expectedVersion() != current.version()) {
            throw new ConflictException(
                    "PROGRAM_CHANGED",
                    "input.expectedVersion",
                    "The program is at version " + current.version() + "; reload it before editing.");
        }
        ProgramOfStudy next =
                build(id, current.districtId(), current.version() + 1, input, current.createdAt(), Instant.now());
        // Conditional on the version read, so two concurrent edits cannot both land.
        Query unchanged =
                Query.query(Criteria.where("_id").is(id).and("version").is(current.version()));
        Update replace = new Update()
                .set("stateCode", next.stateCode())
                .set("name", next.name())
                .set("careerCluster", next.careerCluster())
                .set("targetOccupations", next.targetOccupations())
                .set("courses", next.courses())
                .set("embeddedCredentials", next.embeddedCredentials())
                .set("continuations", next.continuations())
                .set("version", next.version())
                .set("updatedAt", next.updatedAt());
        if (mongo.updateFirst(unchanged, replace, ProgramOfStudy.class).getMatchedCount() == 0) {
            throw new ConflictException(
                    "PROGRAM_CHANGED", "id", "Someone else changed this program just now; reload it.");
        }
        audit.record("program-of-study.updated", "ProgramOfStudy", id, Map.of("version", next.version()));
        return next;
    }

    /** A program by id. Public. */
    public ProgramOfStudy get(String id) {
        return find(id).orElseThrow(
                        () -> new NotFoundException("PROGRAM_NOT_FOUND", "id", "No program of study " + id + "."));
    }

    public Optional<ProgramOfStudy> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ProgramOfStudy.class));
    }

    public List<ProgramOfStudy> getAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), ProgramOfStudy.class);
    }

    /** Programs by name, optionally of one district. Public. */
    public Window<ProgramOfStudy> list(String districtId, ScrollSubrange page) {
        Query query = new Query();
        if (districtId != null) {
            query.addCriteria(Criteria.where("districtId").is(districtId));
        }
        query.with(Sort.by("name", "id")).limit(PageRequests.size(page)).with(PageRequests.position(page));
        return mongo.scroll(query, ProgramOfStudy.class);
    }

    private void validate(ProgramInput input) {
        Set<String> codes = new HashSet<>();
        int grade = 0;
        for (int i = 0; i < input.courses().size(); i++) {
            ProgramInput.CourseInput course = input.courses().get(i);
            if (!codes.add(course.code().strip())) {
                throw new InvalidInputException(
                        "DUPLICATE_COURSE",
                        "input.courses." + i + ".code",
                        "Course " + course.code() + " appears twice in the sequence.");
            }
            if (course.gradeLevel() < grade) {
                throw new InvalidInputException(
                        "SEQUENCE_OUT_OF_ORDER",
                        "input.courses." + i + ".gradeLevel",
                        "Courses are listed in sequence order, so grade levels cannot go down.");
            }
            grade = course.gradeLevel();
        }
        List<ProgramInput.EmbeddedCredentialInput> embedded = orEmpty(input.embeddedCredentials());
        for (int i = 0; i < embedded.size(); i++) {
            ProgramInput.EmbeddedCredentialInput e = embedded.get(i);
            if (catalog.find(e.credentialId()).isEmpty()) {
                throw new InvalidInputException(
                        "CREDENTIAL_NOT_FOUND",
                        "input.embeddedCredentials." + i + ".credentialId",
                        "No catalog credential " + e.credentialId() + ".");
            }
            if (!codes.contains(e.courseCode().strip())) {
                throw new InvalidInputException(
                        "COURSE_NOT_IN_SEQUENCE",
                        "input.embeddedCredentials." + i + ".courseCode",
                        "A credential is embedded at one of the program's own courses; " + e.courseCode()
                                + " is not one.");
            }
        }
        List<String> socs = orEmpty(input.targetOccupations());
        for (int i = 0; i < socs.size(); i++) {
            if (catalog.occupation(socs.get(i)).isEmpty()) {
                throw new InvalidInputException(
                        "OCCUPATION_NOT_FOUND",
                        "input.targetOccupations." + i,
                        "No occupation with SOC code " + socs.get(i) + ".");
            }
        }
    }

    private static ProgramOfStudy build(
            String id, String districtId, long version, ProgramInput input, Instant createdAt, Instant updatedAt) {
        return new ProgramOfStudy(
                id,
                districtId,
                blankToNull(input.stateCode()),
                input.name().strip(),
                blankToNull(input.careerCluster()),
                List.copyOf(orEmpty(input.targetOccupations())),
                input.courses().stream()
                        .map(c -> new ProgramOfStudy.Course(
                                c.code().strip(), c.title().strip(), c.credits(), c.gradeLevel()))
                        .toList(),
                orEmpty(input.embeddedCredentials()).stream()
                        .map(e -> new ProgramOfStudy.EmbeddedCredential(
                                e.credentialId(), e.courseCode().strip(), blankToNull(e.preparation())))
                        .toList(),
                orEmpty(input.continuations()).stream()
                        .map(c -> new ProgramOfStudy.Continuation(
                                c.institutionName().strip(),
                                blankToNull(c.institutionId()),
                                c.program().strip(),
                                blankToNull(c.award())))
                        .toList(),
                version,
                createdAt,
                updatedAt);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
