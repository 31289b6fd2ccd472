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
        @NotBlank @Size(max = STUDENT_ID_MAX) @Pattern(regexp = STUDENT_ID, message = STUDENT_ID_RULE) String studentId,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @Min(2000) @Max(2100) Integer graduationYear,
        @Size(max = 10) List<@NotBlank @Size(max = 100) String> ctePathways) {
    /**
     * A student id as the district's SIS writes it ({@code SIS_2027.0042}, {@code 000123},
     * {@code S-12/A}): printable characters, inner spaces allowed, no control characters and no
     * space at either end, so that what a loader sends matches what is stored.
     */
    public static final String STUDENT_ID =
            "[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}]([\\p{L}\\p{M}\\p{N}\\p{P}\\p{S} ]*[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}])?";

    public static final int STUDENT_ID_MAX = 64;
    static final String STUDENT_ID_RULE =
            "must be printable characters (letters, digits, punctuation, symbols, inner spaces), no control characters";
}
