package org.credfolio.pathways;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district's program of study: a sequence of courses by grade level toward a set of occupations,
 * with industry credentials embedded at named courses (the course prepares for the exam) and the
 * postsecondary programs it continues into. Read together and written together, so one document.
 *
 * @param stateCode the state's code for the program of study, such as Texas's "060" for Welding
 * @param courses in sequence order: a course is taken after the ones before it
 * @param version incremented by every update, so a stale edit is refused instead of lost
 */
@Document("programs_of_study")
@CompoundIndex(name = "by_district_and_name", def = "{'districtId': 1, 'name': 1}")
@CompoundIndex(name = "by_name", def = "{'name': 1, '_id': 1}")
public record ProgramOfStudy(
        @Id String id,
        String districtId,
        String stateCode,
        String name,
        String careerCluster,
        List<String> targetOccupations,
        List<Course> courses,
        List<EmbeddedCredential> embeddedCredentials,
        List<Continuation> continuations,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** One course of the sequence. */
    public record Course(String code, String title, BigDecimal credits, int gradeLevel) {}

    /** A catalog credential whose exam preparation is integrated into one course of the sequence. */
    public record EmbeddedCredential(String credentialId, String courseCode, String preparation) {}

    /** A postsecondary program this one continues into. */
    public record Continuation(String institutionName, String institutionId, String program, String award) {}

    public Optional<Course> course(String code) {
        return courses.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Position of a course in the sequence, or the end of the sequence for an unknown code. */
    int position(String courseCode) {
        for (int i = 0; i < courses.size(); i++) {
            if (courses.get(i).code().equals(courseCode)) {
                return i;
            }
        }
        return courses.size();
    }
}
