package org.credfolio.pathways;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The data model of a Comprehensive Learner Record 2.0 {@code ClrCredential}, apart from its JWT
 * wrapping (CLR 2.0, section 4; VC-JOSE-COSE for the registered claims beside it).
 *
 * <p>It holds, as {@code verifiableCredential}, the content of each of the learner's valid industry
 * credentials as the district signed it (the JWT payload without the JWT's own registered claims;
 * each keeps its status entries, so a verifier can still check revocation one by one) and one
 * AchievementCredential per completed course. The nested credentials carry no proof of their own:
 * this service secures credentials with VC-JOSE, which has no embedded proof form, so the record's
 * signature (by the same district) covers them, and each industry credential is also available on
 * its own as a {@code vc+jwt}. Its {@code achievement} list describes each program of study and its
 * courses, and {@code association} says how they relate: each course {@code precedes} the next,
 * courses and embedded credentials are {@code isPartOf} their program, and an embedded credential
 * {@code isRelatedTo} the course that prepares for it.
 */
final class ClrCredential {
    static final List<String> CONTEXT = List.of(
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    private static final List<String> OB_CONTEXT = List.of(
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");

    /** JWT registered claims of a nested credential: they belong to its JWS, not to its content. */
    record Issuer(String did, String name) {}

    private ClrCredential() {}

    /**
     * The record's content. {@code securedCredentials} are the industry credentials in their Data
     * Integrity form; {@code secure} adds the district's Data Integrity proof to each course
     * credential, so every nested credential carries a proof of its own.
     */
    static Map<String, Object> credential(
            Issuer issuer,
            String learnerDid,
            List<Map<String, Object>> securedCredentials,
            List<ProgramEnrollment> enrollments,
            UnaryOperator<Map<String, Object>> secure,
            Instant now) {
        List<Map<String, Object>> signedCredentials = securedCredentials;
        String id = "urn:uuid:" + UUID.randomUUID();
        Map<String, Object> profile = Map.of("id", issuer.did(), "type", List.of("Profile"), "name", issuer.name());
        List<Map<String, Object>> nested = new ArrayList<>();
        signedCredentials.forEach(nested::add);
        List<Map<String, Object>> achievements = new ArrayList<>();
        List<Map<String, Object>> associations = new ArrayList<>();
        Set<String> heldAchievements = signedCredentials.stream()
                .map(ClrCredential::achievementId)
                .filter(a -> a != null)
                .collect(Collectors.toSet());
        for (ProgramEnrollment enrollment : enrollments) {
            ProgramOfStudy program = enrollment.program();
            achievements.add(programAchievement(program, profile));
            List<ProgramOfStudy.Course> courses = program.courses();
            for (int i = 0; i < courses.size(); i++) {
                achievements.add(courseAchievement(program, courses.get(i), profile));
                associations.add(
                        association("isPartOf", courseId(program, courses.get(i).code()), programId(program)));
                if (i > 0) {
                    associations.add(association(
                            "precedes",
                            courseId(program, courses.get(i - 1).code()),
                            courseId(program, courses.get(i).code())));
                }
            }
            Set<String> partOfProgram = new HashSet<>();
            for (ProgramOfStudy.EmbeddedCredential embedded : program.embeddedCredentials()) {
                String achievement = "urn:credfolio:achievement:" + embedded.credentialId();
                if (!heldAchievements.contains(achievement)) {
                    continue;
                }
                if (partOfProgram.add(achievement)) {
                    associations.add(association("isPartOf", achievement, programId(program)));
                }
                program.course(embedded.courseCode())
                        .ifPresent(course -> associations.add(
                                association("isRelatedTo", achievement, courseId(program, course.code()))));
            }
            // From what was recorded, so a course since renamed or dropped from the program stays as it was.
            enrollment
                    .completedCourses()
                    .forEach(completed ->
                            nested.add(secure.apply(courseCredential(enrollment, completed, profile, learnerDid))));
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", learnerDid);
        subject.put("type", List.of("ClrSubject"));
        subject.put("verifiableCredential", nested);
        if (!achievements.isEmpty()) {
            subject.put("achievement", achievements);
        }
        if (!associations.isEmpty()) {
            subject.put("association", associations);
        }
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", CONTEXT);
        vc.put("id", id);
        vc.put("type", List.of("VerifiableCredential", "ClrCredential"));
        vc.put("issuer", profile);
        vc.put("name", "Comprehensive Learner Record");
        vc.put(
                "description",
                "Industry-recognized credentials and career and technical education courses, from " + issuer.name()
                        + ".");
        vc.put("validFrom", now.truncatedTo(ChronoUnit.SECONDS).toString());
        // Revoked and suspended credentials are left out on purpose: the issuer does not assert them now.
        vc.put("partial", false);
        vc.put("credentialSubject", subject);
        return vc;
    }

    /** The VC-JWT payload: the secured record with the JWT claims beside it, nbf exactly validFrom. */
    static Map<String, Object> jwtPayload(Map<String, Object> secured, String learnerDid) {
        Map<String, Object> payload = new LinkedHashMap<>(secured);
        long validFrom = Instant.parse((String) secured.get("validFrom")).getEpochSecond();
        payload.put("iss", ((Map<?, ?>) secured.get("issuer")).get("id"));
        payload.put("sub", learnerDid);
        payload.put("nbf", validFrom);
        payload.put("iat", validFrom);
        return payload;
    }

    static String programId(ProgramOfStudy program) {
        return "urn:credfolio:program:" + program.id();
    }

    static String courseId(ProgramOfStudy program, String courseCode) {
        return programId(program) + ":course:" + courseCode.replace(' ', '-');
    }

    private static Map<String, Object> programAchievement(ProgramOfStudy program, Map<String, Object> creator) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", programId(program));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "LearningProgram");
        achievement.put("name", program.name());
        achievement.put(
                "description",
                "Program of study: " + program.courses().size() + " courses"
                        + (program.careerCluster() == null
                                ? ""
                                : " in the " + program.careerCluster() + " career cluster")
                        + ".");
        achievement.put(
                "criteria",
                Map.of(
                        "narrative",
                        "Complete every course of the sequence: "
                                + program.courses().stream()
                                        .map(ProgramOfStudy.Course::title)
                                        .collect(Collectors.joining(", "))
                                + "."));
        achievement.put("creator", creator);
        if (program.stateCode() != null) {
            achievement.put("humanCode", program.stateCode());
        }
        return achievement;
    }

    private static Map<String, Object> courseAchievement(
            ProgramOfStudy program, ProgramOfStudy.Course course, Map<String, Object> creator) {
        return courseAchievement(program, course.code(), course.title(), course.credits(), creator);
    }

    private static Map<String, Object> courseAchievement(
            ProgramOfStudy program, String code, String title, BigDecimal credits, Map<String, Object> creator) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", courseId(program, code));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Course");
        achievement.put("name", title);
        achievement.put("description", title + ", a course of " + program.name() + ".");
        achievement.put("criteria", Map.of("narrative", "Pass " + title + "."));
        achievement.put("humanCode", code);
        achievement.put("creditsAvailable", credits);
        achievement.put("creator", creator);
        return achievement;
    }

    /**
     * A completed course as an AchievementCredential. It has no proof of its own: it is issued by
     * the same district as the record, whose signature covers it.
     */
    private static Map<String, Object> courseCredential(
            ProgramEnrollment enrollment,
            Enrollment.CompletedCourse completed,
            Map<String, Object> issuer,
            String learnerDid) {
        ProgramOfStudy program = enrollment.program();
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", learnerDid);
        subject.put("type", List.of("AchievementSubject"));
        subject.put(
                "achievement",
                courseAchievement(program, completed.courseCode(), completed.title(), completed.credits(), issuer));
        subject.put("creditsEarned", completed.credits());
        if (completed.grade() != null) {
            subject.put("result", List.of(Map.of("type", List.of("Result"), "value", completed.grade())));
        }
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", OB_CONTEXT);
        credential.put(
                "id",
                "urn:credfolio:enrollment:" + enrollment.id() + ":course:"
                        + completed.courseCode().replace(' ', '-'));
        credential.put("type", List.of("VerifiableCredential", "AchievementCredential"));
        credential.put("issuer", issuer);
        credential.put("name", completed.title());
        credential.put(
                "validFrom",
                completed.completedOn().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        credential.put("credentialSubject", subject);
        return credential;
    }

    private static Map<String, Object> association(String type, String sourceId, String targetId) {
        return Map.of("type", "Association", "associationType", type, "sourceId", sourceId, "targetId", targetId);
    }

    @SuppressWarnings("unchecked")
    private static String achievementId(Map<String, Object> credential) {
        if (credential.get("credentialSubject") instanceof Map<?, ?> subject
                && subject.get("achievement") instanceof Map<?, ?> achievement) {
            return (String) ((Map<String, Object>) achievement).get("id");
        }
        return null;
    }
}
