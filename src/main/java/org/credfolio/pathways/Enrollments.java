package org.credfolio.pathways;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardManagement;
import org.credfolio.learner.Learner;
import org.credfolio.learner.LearnerAccess;
import org.credfolio.learner.LearnerManagement;
import org.credfolio.shared.audit.AuditLog;
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
 * Learners enrolled in programs of study and the courses they completed. Registrars and district
 * admins of the learner's organization write them; whoever may read the learner reads them.
 */
@Service
public class Enrollments {
    private final MongoOperations mongo;
    private final LearnerManagement learners;
    private final ProgramsOfStudy programs;
    private final AwardManagement awards;
    private final AuditLog audit;

    Enrollments(
            MongoOperations mongo,
            LearnerManagement learners,
            ProgramsOfStudy programs,
            AwardManagement awards,
            AuditLog audit) {
        this.mongo = mongo;
        this.learners = learners;
        this.programs = programs;
        this.awards = awards;
        this.audit = audit;
    }

    /** Enrolls a learner; enrolling again in the same program returns the enrollment unchanged. */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public ProgramEnrollment enroll(String learnerId, String programId, LocalDate enrolledOn) {
        Learner learner = managed(learnerId);
        ProgramOfStudy program = programs.find(programId)
                .orElseThrow(() -> new NotFoundException(
                        "PROGRAM_NOT_FOUND", "programId", "No program of study " + programId + "."));
        if (!program.districtId().equals(learner.districtId())) {
            throw new InvalidInputException(
                    "PROGRAM_OF_ANOTHER_DISTRICT",
                    "programId",
                    "A learner enrolls in a program of their own district.");
        }
        LocalDate on = enrolledOn == null ? LocalDate.now() : enrolledOn;
        if (on.isAfter(LocalDate.now().plusYears(1))) {
            throw new InvalidInputException(
                    "ENROLLMENT_DATE_OUT_OF_RANGE", "enrolledOn", "The enrollment date is more than a year ahead.");
        }
        Enrollment enrollment = new Enrollment(
                Enrollment.idOf(learnerId, programId),
                learnerId,
                learner.districtId(),
                programId,
                on,
                List.of(),
                CurrentUsers.require().subject(),
                Instant.now());
        try {
            mongo.insert(enrollment);
            audit.record("enrollment.created", "Enrollment", enrollment.id(), Map.of("programId", programId));
        } catch (DuplicateKeyException e) {
            // Already enrolled: enrolling is idempotent.
        }
        return read(learner, programId);
    }

    /**
     * Records (or corrects) the completion of one of the program's courses. Each update is a single
     * atomic change of the enrollment document, so nothing recorded before can be lost.
     */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public ProgramEnrollment recordCourse(CourseCompletionInput input) {
        Learner learner = managed(input.learnerId());
        String id = Enrollment.idOf(input.learnerId(), input.programId());
        Enrollment enrollment = mongo.findById(id, Enrollment.class);
        if (enrollment == null) {
            throw new InvalidInputException(
                    "NOT_ENROLLED",
                    "input.programId",
                    "The learner is not enrolled in this program; enroll them first.");
        }
        ProgramOfStudy program = programs.get(input.programId());
        String code = input.courseCode().strip();
        if (program.course(code).isEmpty()) {
            throw new InvalidInputException(
                    "COURSE_NOT_IN_SEQUENCE",
                    "input.courseCode",
                    "Course " + code + " is not in the sequence of " + program.name() + ".");
        }
        if (input.completedOn().isBefore(enrollment.enrolledOn().minusYears(4))) {
            throw new InvalidInputException(
                    "COMPLETION_DATE_OUT_OF_RANGE",
                    "input.completedOn",
                    "The completion date is more than four years before the enrollment.");
        }
        ProgramOfStudy.Course course = program.course(code).orElseThrow();
        Enrollment.CompletedCourse completed = new Enrollment.CompletedCourse(
                code,
                course.title(),
                course.credits(),
                input.completedOn(),
                ProgramsOfStudy.blankToNull(input.grade()));
        Query notYetRecorded = Query.query(
                Criteria.where("_id").is(id).and("completedCourses.courseCode").ne(code));
        boolean added =
                mongo.updateFirst(notYetRecorded, new Update().push("completedCourses", completed), Enrollment.class)
                                .getMatchedCount()
                        == 1;
        if (!added) {
            Query recorded = Query.query(Criteria.where("_id")
                    .is(id)
                    .and("completedCourses.courseCode")
                    .is(code));
            mongo.updateFirst(recorded, new Update().set("completedCourses.$", completed), Enrollment.class);
        }
        audit.record("enrollment.course-completed", "Enrollment", id, Map.of("courseCode", code));
        return read(learner, input.programId());
    }

    /**
     * Removes a course completion recorded by mistake; the audit log keeps what was removed. An
     * atomic pull, so other courses of the enrollment are untouched.
     */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public ProgramEnrollment removeCourse(String learnerId, String programId, String courseCode) {
        Learner learner = managed(learnerId);
        String id = Enrollment.idOf(learnerId, programId);
        Enrollment enrollment = mongo.findById(id, Enrollment.class);
        Enrollment.CompletedCourse recorded = enrollment == null
                ? null
                : enrollment.completedCourses().stream()
                        .filter(c -> c.courseCode().equals(courseCode))
                        .findFirst()
                        .orElse(null);
        if (recorded == null) {
            throw new NotFoundException(
                    "COMPLETION_NOT_FOUND", "courseCode", "No completion of " + courseCode + " is recorded here.");
        }
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().pull("completedCourses", new Document("courseCode", courseCode)),
                Enrollment.class);
        audit.record(
                "enrollment.course-removed",
                "Enrollment",
                id,
                Map.of("courseCode", courseCode, "completedOn", String.valueOf(recorded.completedOn())));
        return read(learner, programId);
    }

    /** Enrollments of learners the caller has already been allowed to read, by learner id. */
    public Map<String, List<ProgramEnrollment>> forLearners(Collection<Learner> readable) {
        List<String> ids = readable.stream().map(Learner::id).toList();
        List<Enrollment> enrollments =
                mongo.find(Query.query(Criteria.where("learnerId").in(ids)), Enrollment.class);
        if (enrollments.isEmpty()) {
            return Map.of();
        }
        Map<String, ProgramOfStudy> programById =
                programs
                        .getAll(enrollments.stream()
                                .map(Enrollment::programId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(ProgramOfStudy::id, Function.identity()));
        Map<String, List<Award>> held = awards.forLearners(readable);
        LocalDate today = LocalDate.now();
        return enrollments.stream()
                .filter(e -> programById.containsKey(e.programId()))
                .map(e -> view(e, programById.get(e.programId()), held.getOrDefault(e.learnerId(), List.of()), today))
                .collect(Collectors.groupingBy(ProgramEnrollment::learnerId));
    }

    /** The signed-in learner's own enrollments. */
    @PreAuthorize("hasRole('LEARNER')")
    public List<ProgramEnrollment> mine() {
        Learner me = learners.me();
        return forLearners(List.of(me)).getOrDefault(me.id(), List.of());
    }

    private ProgramEnrollment read(Learner learner, String programId) {
        return forLearners(List.of(learner)).getOrDefault(learner.id(), List.of()).stream()
                .filter(e -> e.program().id().equals(programId))
                .findFirst()
                .orElseThrow();
    }

    private Learner managed(String learnerId) {
        Learner learner = learners.get(learnerId);
        CurrentUser user = CurrentUsers.require();
        if (!LearnerAccess.canManage(user, learner)) {
            throw new AccessDeniedException("Only registrars and district admins of the learner's organization can.");
        }
        return learner;
    }

    private static ProgramEnrollment view(
            Enrollment enrollment, ProgramOfStudy program, List<Award> held, LocalDate today) {
        List<Enrollment.CompletedCourse> completed = enrollment.completedCourses() == null
                ? List.of()
                : enrollment.completedCourses().stream()
                        .sorted(Comparator.comparingInt(c -> program.position(c.courseCode())))
                        .toList();
        return new ProgramEnrollment(
                enrollment.id(),
                enrollment.learnerId(),
                program,
                enrollment.enrolledOn(),
                completed,
                ProgramProgress.of(program, completed, held, today));
    }
}
