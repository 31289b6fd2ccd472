package org.credfolio.pathways;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner enrolled in a program of study, with the program's courses they completed. The id is
 * {@code <learnerId>:<programId>}: one enrollment per learner and program, found by {@code _id}.
 */
@Document("enrollments")
@CompoundIndex(name = "by_learner", def = "{'learnerId': 1}")
public record Enrollment(
        @Id String id,
        String learnerId,
        String districtId,
        String programId,
        LocalDate enrolledOn,
        List<CompletedCourse> completedCourses,
        String enrolledBy,
        Instant createdAt) {

    /**
     * A course of the program the learner passed, with its title and credits as they were when it
     * was recorded: a later change of the program does not rewrite the learner's history.
     */
    public record CompletedCourse(
            String courseCode, String title, BigDecimal credits, LocalDate completedOn, String grade) {}

    public static String idOf(String learnerId, String programId) {
        return learnerId + ":" + programId;
    }
}
