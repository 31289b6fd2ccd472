package org.credfolio.celebrations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.credfolio.shared.error.PlausibleDate;

/** Input of {@code publishCelebration}. */
public record PublishCelebrationInput(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 64) String schoolId,
        @Min(2000) @Max(2100) Integer graduationYear,
        @NotNull @PlausibleDate(yearsAhead = 50) LocalDate earnedFrom,
        @NotNull @PlausibleDate(yearsAhead = 50) LocalDate earnedTo) {}
