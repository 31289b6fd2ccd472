package org.credfolio.learner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Filters of the {@code learners} query; all optional, combined with AND. */
public record LearnerFilter(
        @Size(max = 64) String schoolId,
        @Min(2000) @Max(2100) Integer graduationYear,
        @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
                String namePrefix,
        @Size(max = LearnerInput.STUDENT_ID_MAX) String studentId,
        @Size(max = 256) String sourcedId,
        Boolean active) {}
