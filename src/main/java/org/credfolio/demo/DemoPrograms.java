package org.credfolio.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.credfolio.catalog.seed.CatalogSeed;
import org.credfolio.learner.Learner;
import org.credfolio.pathways.Enrollment;
import org.credfolio.pathways.ProgramOfStudy;
import org.credfolio.pathways.ProgramOfStudy.Continuation;
import org.credfolio.pathways.ProgramOfStudy.Course;
import org.credfolio.pathways.ProgramOfStudy.EmbeddedCredential;

/**
 * Programs of study of the demo district. The names and state codes are real Texas programs of
 * study (TEA list in the seed data); the course codes and sequences are fictional but follow the
 * usual shape: a principles course in grade 9, then two or three courses of growing depth, with
 * the industry exam given at the end of the course that prepares for it. Learners whose CTE
 * pathways name a program are enrolled in it, with the courses of the school years they finished
 * before the demo's reference date.
 */
final class DemoPrograms {
    static final String WELDING = "demo-program-welding";
    static final String IT_SUPPORT = "demo-program-it-support";
    static final String NURSING = "demo-program-nursing-science";
    private static final String COLLEGE_NAME = "Cedar Hollow Community College (fictional demo)";
    private static final String GRADES = "AABBBC";

    private DemoPrograms() {}

    static List<ProgramOfStudy> all(Instant now) {
        return List.of(
                program(
                        WELDING,
                        "060",
                        "Welding",
                        "Manufacturing",
                        List.of("51-4121", "51-2041"),
                        List.of(
                                course("MFG 100", "Principles of Manufacturing", "1", 9),
                                course("WLD 200", "Introduction to Welding", "1", 10),
                                course("WLD 300", "Welding I", "2", 11),
                                course("WLD 400", "Welding II", "2", 12)),
                        List.of(
                                embedded("360", "WLD 300", "SENSE Level I modules are the course's shop units."),
                                embedded(
                                        "351",
                                        "WLD 400",
                                        "The AWS performance qualification test is given in the school shop in May.")),
                        List.of(
                                new Continuation(
                                        COLLEGE_NAME,
                                        DemoOrganizations.COLLEGE,
                                        "Welding Certificate Level 1",
                                        "Certificate"),
                                new Continuation(
                                        COLLEGE_NAME, DemoOrganizations.COLLEGE, "Welding Technology AAS", "AAS")),
                        now),
                program(
                        IT_SUPPORT,
                        "035",
                        "Information Technology Support and Services",
                        "Information Technology",
                        List.of("15-1232", "15-1231"),
                        List.of(
                                course("IT 100", "Principles of Information Technology", "1", 9),
                                course("IT 200", "Computer Maintenance", "1", 10),
                                course("IT 300", "Networking", "1", 11),
                                course("IT 400", "Practicum in Information Technology", "2", 12)),
                        List.of(
                                embedded("481", "IT 100", "The IT Fundamentals exam closes the course."),
                                embedded("480", "IT 200", "Both A+ Core exams are prepared in class."),
                                embedded("490", "IT 300", null)),
                        List.of(
                                new Continuation(
                                        COLLEGE_NAME, DemoOrganizations.COLLEGE, "Computer Networking AAS", "AAS"),
                                new Continuation(COLLEGE_NAME, DemoOrganizations.COLLEGE, "Cybersecurity AAS", "AAS")),
                        now),
                program(
                        NURSING,
                        "043",
                        "Nursing Science",
                        "Health Science",
                        List.of("31-1131", "31-9097"),
                        List.of(
                                course("HLT 100", "Principles of Health Science", "1", 9),
                                course("HLT 200", "Medical Terminology", "1", 10),
                                course("HLT 300", "Health Science Theory", "1", 11),
                                course("HLT 400", "Practicum in Health Science", "2", 12)),
                        List.of(
                                embedded(
                                        "390",
                                        "HLT 400",
                                        "Clinical hours of the practicum count toward the state exam."),
                                embedded("800", "HLT 400", null)),
                        List.of(new Continuation(
                                COLLEGE_NAME,
                                DemoOrganizations.COLLEGE,
                                "Vocational Nursing Certificate",
                                "Certificate")),
                        now));
    }

    /** Enrollments of the learners whose CTE pathways name one of the programs. */
    static List<Enrollment> enrollments(List<Learner> learners, List<ProgramOfStudy> programs, Instant now) {
        List<Enrollment> enrollments = new ArrayList<>();
        for (Learner learner : learners) {
            for (ProgramOfStudy program : programs) {
                if (learner.ctePathways().contains(program.name())) {
                    enrollments.add(enrollment(learner, program, now));
                }
            }
        }
        return enrollments;
    }

    private static Enrollment enrollment(Learner learner, ProgramOfStudy program, Instant now) {
        // A stable per-learner number, so the demo is the same on every install.
        int draw = Math.floorMod((learner.id() + program.id()).hashCode(), 100);
        boolean stopsEarly = draw < 15;
        List<Enrollment.CompletedCourse> completed = new ArrayList<>();
        for (Course course : program.courses()) {
            // A course taken in grade g ends in May of (graduation year - 12 + g).
            LocalDate completedOn = LocalDate.of(learner.graduationYear() - 12 + course.gradeLevel(), Month.MAY, 29);
            if (!completedOn.isBefore(DemoAwards.REFERENCE_DATE) || (stopsEarly && !completed.isEmpty())) {
                break;
            }
            completed.add(new Enrollment.CompletedCourse(
                    course.code(),
                    course.title(),
                    course.credits(),
                    completedOn,
                    String.valueOf(GRADES.charAt((draw + completed.size()) % GRADES.length()))));
        }
        return new Enrollment(
                Enrollment.idOf(learner.id(), program.id()),
                learner.id(),
                learner.districtId(),
                program.id(),
                LocalDate.of(learner.graduationYear() - 4, Month.AUGUST, 15),
                completed,
                DemoAwards.RECORDED_BY,
                now);
    }

    private static ProgramOfStudy program(
            String id,
            String stateCode,
            String name,
            String cluster,
            List<String> occupations,
            List<Course> courses,
            List<EmbeddedCredential> embedded,
            List<Continuation> continuations,
            Instant now) {
        return new ProgramOfStudy(
                id,
                DemoOrganizations.DISTRICT,
                stateCode,
                name,
                cluster,
                occupations,
                courses,
                embedded,
                continuations,
                1,
                now,
                now);
    }

    private static Course course(String code, String title, String credits, int grade) {
        return new Course(code, title, new BigDecimal(credits), grade);
    }

    private static EmbeddedCredential embedded(String teaCode, String courseCode, String preparation) {
        return new EmbeddedCredential(CatalogSeed.CREDENTIAL_PREFIX + teaCode, courseCode, preparation);
    }
}
