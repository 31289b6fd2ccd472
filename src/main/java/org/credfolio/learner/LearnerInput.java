package org.credfolio.learner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Input of {@code createLearner} and {@code updateLearner}. */
public record LearnerInput(
        @NotBlank @Size(max = 64) String schoolId,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits and dashes")
                String studentId,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @Min(2000) @Max(2100) Integer graduationYear,
        @Size(max = 10) List<@NotBlank @Size(max = 100) String> ctePathways) {}
