package org.credfolio.pathways;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.credfolio.shared.error.PlausibleDate;

/** Input of {@code recordCourseCompletion}. */
public record CourseCompletionInput(
        @NotBlank @Size(max = 64) String learnerId,
        @NotBlank @Size(max = 64) String programId,
        @NotBlank @Size(max = 20) String courseCode,
        @NotNull @PastOrPresent @PlausibleDate(yearsAhead = 0) LocalDate completedOn,
        @Size(max = 10) String grade) {}
