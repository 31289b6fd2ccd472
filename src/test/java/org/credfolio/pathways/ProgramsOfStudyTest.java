package org.credfolio.pathways;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * District admins publish programs of study; registrars enroll learners and record their courses;
 * progress and the next credential follow from the record.
 */
class ProgramsOfStudyTest extends IntegrationTest {
    private static final String CREATE = "mutation($i: ProgramOfStudyInput!) { createProgramOfStudy(input: $i) {"
            + " id districtId version name courses { code gradeLevel }"
            + " embeddedCredentials { courseCode credential { name } } targetOccupations { socCode } } }";
    private static final String UPDATE = "mutation($id: ID!, $i: ProgramOfStudyInput!) {"
            + " updateProgramOfStudy(id: $id, input: $i) { id version name } }";
    private static final String ENROLL = "mutation($l: ID!, $p: ID!) { enrollInProgramOfStudy(learnerId: $l,"
            + " programId: $p) { id progress { stage } } }";
    private static final String COMPLETE = "mutation($i: CourseCompletionInput!) { recordCourseCompletion(input: $i)"
            + " { completedCourses { courseCode grade completedOn title } progress { stage coursesCompleted coursesInSequence"
            + " nextCourse { code } nextCredential { credential { id } }"
            + " credentials { holding embedded { credential { id } } } } } }";
    private static final String MINE = "{ myProgramsOfStudy { program { name } progress { stage"
            + " nextCredential { credential { id } } credentials { holding earnedOn } } } }";

    private Tenants.World world;

    @BeforeEach
    void world() {
        world = tenants.create();
    }

    private Map<String, Object> input() {
        Map<String, Object> input = new HashMap<>();
        input.put("stateCode", "060");
        input.put("name", "Welding");
        input.put("careerCluster", "Manufacturing");
        input.put("targetOccupations", List.of("51-4121"));
        input.put(
                "courses",
                List.of(
                        course("MFG 100", "Principles of Manufacturing", 9),
                        course("WLD 200", "Introduction to Welding", 10),
                        course("WLD 300", "Welding I", 11)));
        input.put(
                "embeddedCredentials",
                List.of(
                        Map.of("credentialId", world.aPlus().id(), "courseCode", "MFG 100"),
                        Map.of(
                                "credentialId",
                                world.welding().id(),
                                "courseCode",
                                "WLD 300",
                                "preparation",
                                "Test given in May")));
        input.put(
                "continuations",
                List.of(Map.of("institutionName", "Some College", "program", "Welding Technology", "award", "AAS")));
        return input;
    }

    private static Map<String, Object> course(String code, String title, int grade) {
        return Map.of("code", code, "title", title, "credits", "1", "gradeLevel", grade);
    }

    private String createProgram() {
        return as(world.districtAdminA())
                .document(CREATE)
                .variable("i", input())
                .execute()
                .path("createProgramOfStudy.id")
                .entity(String.class)
                .get();
    }

    private GraphQlTester.Response complete(Tenants.User user, String programId, String course) {
        return complete(user, programId, course, LocalDate.now().minusDays(10), "A");
    }

    private GraphQlTester.Response complete(
            Tenants.User user, String programId, String course, LocalDate on, String grade) {
        return as(user).document(COMPLETE)
                .variable(
                        "i",
                        Map.of(
                                "learnerId",
                                world.learnerA().id(),
                                "programId",
                                programId,
                                "courseCode",
                                course,
                                "completedOn",
                                on.toString(),
                                "grade",
                                grade))
                .execute();
    }

    @Test
    void aDistrictAdminPublishesAProgramThatAnyoneCanRead() {
        var created = as(world.districtAdminA())
                .document(CREATE)
                .variable("i", input())
                .execute();
        created.path("createProgramOfStudy.districtId")
                .entity(String.class)
                .isEqualTo(world.districtA().id());
        created.path("createProgramOfStudy.embeddedCredentials[1].credential.name")
                .entity(String.class)
                .isEqualTo(world.welding().name());
        created.path("createProgramOfStudy.targetOccupations[0].socCode")
                .entity(String.class)
                .isEqualTo("51-4121");
        String id = created.path("createProgramOfStudy.id").entity(String.class).get();

        anonymous()
                .document("query($id: ID!) { programOfStudy(id: $id) { name courses { code title credits gradeLevel }"
                        + " continuations { program award } } }")
                .variable("id", id)
                .execute()
                .path("programOfStudy.courses[*].code")
                .entityList(String.class)
                .containsExactly("MFG 100", "WLD 200", "WLD 300");
        anonymous()
                .document("query($d: ID) { programsOfStudy(districtId: $d, first: 10) { edges { node { id } } } }")
                .variable("d", world.districtA().id())
                .execute()
                .path("programsOfStudy.edges[*].node.id")
                .entityList(String.class)
                .containsExactly(id);
    }

    @Test
    void onlyTheProgramsOwnDistrictChangesItAndAStaleEditIsRefused() {
        String id = createProgram();
        as(world.districtAdminB())
                .document(UPDATE)
                .variable("id", id)
                .variable("i", input())
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();

        Map<String, Object> renamed = input();
        renamed.put("name", "Welding and Fabrication");
        renamed.put("expectedVersion", 1);
        as(world.districtAdminA())
                .document(UPDATE)
                .variable("id", id)
                .variable("i", renamed)
                .execute()
                .path("updateProgramOfStudy.version")
                .entity(Integer.class)
                .isEqualTo(2);
        // A second edit made on version 1 would overwrite the first: refused.
        renamed.put("name", "Welding Technology");
        expectCode(
                as(world.districtAdminA()).document(UPDATE).variable("id", id).variable("i", renamed),
                "PROGRAM_CHANGED");
        anonymous()
                .document("query($id: ID!) { programOfStudy(id: $id) { name } }")
                .variable("id", id)
                .execute()
                .path("programOfStudy.name")
                .entity(String.class)
                .isEqualTo("Welding and Fabrication");
    }

    @Test
    void badProgramsAreRefusedWithTheFieldAtFault() {
        Map<String, Object> notInSequence = input();
        notInSequence.put(
                "embeddedCredentials",
                List.of(Map.of("credentialId", world.welding().id(), "courseCode", "WLD 999")));
        expectField(notInSequence, "COURSE_NOT_IN_SEQUENCE", "input.embeddedCredentials.0.courseCode");

        Map<String, Object> unknownCredential = input();
        unknownCredential.put(
                "embeddedCredentials", List.of(Map.of("credentialId", "no-such-credential", "courseCode", "WLD 300")));
        expectField(unknownCredential, "CREDENTIAL_NOT_FOUND", "input.embeddedCredentials.0.credentialId");

        Map<String, Object> duplicate = input();
        duplicate.put("courses", List.of(course("WLD 200", "A", 10), course("WLD 200", "B", 11)));
        duplicate.remove("embeddedCredentials");
        expectField(duplicate, "DUPLICATE_COURSE", "input.courses.1.code");

        Map<String, Object> backwards = input();
        backwards.put("courses", List.of(course("WLD 300", "Welding I", 11), course("MFG 100", "Principles", 9)));
        backwards.remove("embeddedCredentials");
        expectField(backwards, "SEQUENCE_OUT_OF_ORDER", "input.courses.1.gradeLevel");

        Map<String, Object> badSoc = input();
        badSoc.put("targetOccupations", List.of("99-0001"));
        expectField(badSoc, "OCCUPATION_NOT_FOUND", "input.targetOccupations.0");

        Map<String, Object> noCourses = input();
        noCourses.put("courses", List.of());
        noCourses.remove("embeddedCredentials");
        as(world.districtAdminA())
                .document(CREATE)
                .variable("i", noCourses)
                .execute()
                .errors()
                .expect(e -> "input.courses".equals(e.getExtensions().get("field")))
                .verify();

        as(world.registrarA())
                .document(CREATE)
                .variable("i", input())
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();
    }

    @Test
    void progressFollowsCompletedCoursesAndHeldCredentials() {
        String programId = createProgram();
        as(world.registrarA())
                .document(ENROLL)
                .variable("l", world.learnerA().id())
                .variable("p", programId)
                .execute()
                .path("enrollInProgramOfStudy.progress.stage")
                .entity(String.class)
                .isEqualTo("ENROLLED");

        var first = complete(world.registrarA(), programId, "MFG 100");
        first.path("recordCourseCompletion.progress.stage").entity(String.class).isEqualTo("PARTICIPANT");
        first.path("recordCourseCompletion.progress.nextCourse.code")
                .entity(String.class)
                .isEqualTo("WLD 200");
        first.path("recordCourseCompletion.progress.nextCredential.credential.id")
                .entity(String.class)
                .isEqualTo(world.aPlus().id());

        recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.aPlus().id(),
                LocalDate.now().minusDays(5));
        var second = complete(world.registrarA(), programId, "WLD 200");
        second.path("recordCourseCompletion.progress.stage")
                .entity(String.class)
                .isEqualTo("CONCENTRATOR");
        second.path("recordCourseCompletion.progress.credentials[*].holding")
                .entityList(String.class)
                .containsExactly("HELD", "NOT_EARNED");
        second.path("recordCourseCompletion.progress.nextCredential.credential.id")
                .entity(String.class)
                .isEqualTo(world.welding().id());

        // Recording a course again corrects it rather than counting it twice.
        var corrected = complete(
                world.registrarA(), programId, "WLD 200", LocalDate.now().minusDays(3), "B");
        corrected
                .path("recordCourseCompletion.completedCourses[*].courseCode")
                .entityList(String.class)
                .containsExactly("MFG 100", "WLD 200");
        corrected
                .path("recordCourseCompletion.completedCourses[*].grade")
                .entityList(String.class)
                .containsExactly("A", "B");
        corrected
                .path("recordCourseCompletion.completedCourses[1].completedOn")
                .entity(String.class)
                .isEqualTo(LocalDate.now().minusDays(3).toString());

        // A completion recorded by mistake can be removed, and progress follows.
        String remove = "mutation($l: ID!, $p: ID!, $c: String!) { removeCourseCompletion(learnerId: $l,"
                + " programId: $p, courseCode: $c) { completedCourses { courseCode } progress { stage } } }";
        var removed = as(world.registrarA())
                .document(remove)
                .variable("l", world.learnerA().id())
                .variable("p", programId)
                .variable("c", "WLD 200")
                .execute();
        removed.path("removeCourseCompletion.completedCourses[*].courseCode")
                .entityList(String.class)
                .containsExactly("MFG 100");
        removed.path("removeCourseCompletion.progress.stage")
                .entity(String.class)
                .isEqualTo("PARTICIPANT");
        as(world.registrarA())
                .document(remove)
                .variable("l", world.learnerA().id())
                .variable("p", programId)
                .variable("c", "WLD 200")
                .execute()
                .errors()
                .expect(e -> "COMPLETION_NOT_FOUND".equals(e.getExtensions().get("code")))
                .verify();
        complete(world.registrarA(), programId, "WLD 200");

        // Welding renews every 6 months: earned 8 months ago, it has expired and is still the one to aim for.
        recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusMonths(8));
        var third = complete(world.registrarA(), programId, "WLD 300");
        third.path("recordCourseCompletion.progress.stage").entity(String.class).isEqualTo("COMPLETER");
        third.path("recordCourseCompletion.progress.nextCourse").valueIsNull();
        third.path("recordCourseCompletion.progress.credentials[*].holding")
                .entityList(String.class)
                .containsExactly("HELD", "EXPIRED");

        // The learner sees the same, in their own portfolio.
        var mine = as(world.learner()).document(MINE).execute();
        mine.path("myProgramsOfStudy[0].program.name").entity(String.class).isEqualTo("Welding");
        mine.path("myProgramsOfStudy[0].progress.stage").entity(String.class).isEqualTo("COMPLETER");
        mine.path("myProgramsOfStudy[0].progress.nextCredential.credential.id")
                .entity(String.class)
                .isEqualTo(world.welding().id());
        as(world.learner())
                .document("{ me { programsOfStudy { progress { coursesCompleted } } } }")
                .execute()
                .path("me.programsOfStudy[0].progress.coursesCompleted")
                .entity(Integer.class)
                .isEqualTo(3);
    }

    @Test
    void enrollmentStaysWithinTheLearnersDistrictAndItsStaff() {
        String programId = createProgram();
        // Another district's registrar cannot enroll or record for this learner.
        as(world.registrarB())
                .document(ENROLL)
                .variable("l", world.learnerA().id())
                .variable("p", programId)
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();
        as(world.registrarB())
                .document(COMPLETE)
                .variable("i", completion(programId, "MFG 100"))
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();
        // A learner of district B cannot be enrolled in district A's program, even by B's own staff.
        expectCode(
                as(world.registrarB())
                        .document(ENROLL)
                        .variable("l", world.learnerB().id())
                        .variable("p", programId),
                "PROGRAM_OF_ANOTHER_DISTRICT");
        // Courses are recorded only for an enrollment, and only courses of the sequence.
        expectCode(
                as(world.registrarA()).document(COMPLETE).variable("i", completion(programId, "MFG 100")),
                "NOT_ENROLLED");
        as(world.registrarA())
                .document(ENROLL)
                .variable("l", world.learnerA().id())
                .variable("p", programId)
                .execute()
                .errors()
                .verify();
        expectCode(
                as(world.registrarA()).document(COMPLETE).variable("i", completion(programId, "ART 101")),
                "COURSE_NOT_IN_SEQUENCE");
        as(world.educatorA())
                .document(COMPLETE)
                .variable("i", completion(programId, "MFG 100"))
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();
        // Educators of the learner's school read progress; nobody else's staff does.
        as(world.educatorA())
                .document("query($l: ID!) { learner(id: $l) { programsOfStudy { program { id } } } }")
                .variable("l", world.learnerA().id())
                .execute()
                .path("learner.programsOfStudy[0].program.id")
                .entity(String.class)
                .isEqualTo(programId);
        as(world.registrarB())
                .document("query($l: ID!) { learner(id: $l) { programsOfStudy { program { id } } } }")
                .variable("l", world.learnerA().id())
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();
    }

    private Map<String, Object> completion(String programId, String course) {
        return Map.of(
                "learnerId",
                world.learnerA().id(),
                "programId",
                programId,
                "courseCode",
                course,
                "completedOn",
                LocalDate.now().toString());
    }

    private void expectField(Map<String, Object> input, String code, String field) {
        as(world.districtAdminA())
                .document(CREATE)
                .variable("i", input)
                .execute()
                .errors()
                .expect(e -> code.equals(e.getExtensions().get("code"))
                        && field.equals(e.getExtensions().get("field")))
                .verify();
    }

    private static void expectCode(GraphQlTester.Request<?> request, String code) {
        request.execute()
                .errors()
                .expect(e -> code.equals(e.getExtensions().get("code")))
                .verify();
    }
}
