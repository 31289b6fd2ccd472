package org.credfolio.pathways;

import java.time.LocalDate;
import java.util.List;

/** An enrollment as read: the program it is in and the learner's progress, derived on reading. */
public record ProgramEnrollment(
        String id,
        String learnerId,
        ProgramOfStudy program,
        LocalDate enrolledOn,
        List<Enrollment.CompletedCourse> completedCourses,
        ProgramProgress progress) {}
