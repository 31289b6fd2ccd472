package org.credfolio.crosswalks;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.credfolio.shared.error.PlausibleDate;

/** Input of {@code createCreditRule} and {@code reviseCreditRule}. */
public record CreditRuleInput(
        @NotBlank @Size(max = 64) String credentialId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 .-]{1,19}", message = "must be a course code like WLDG 1428")
                String courseCode,
        @NotBlank @Size(max = 200) String courseTitle,
        @NotNull @DecimalMin("0.5") @DecimalMax("60") @Digits(integer = 2, fraction = 1) BigDecimal credits,
        @NotNull CreditUnit creditUnit,
        @NotNull CourseLevel level,
        @Size(max = 20) List<@NotBlank @Size(max = 80) String> programs,
        @DecimalMin("0.5") @DecimalMax("120") @Digits(integer = 3, fraction = 1) BigDecimal capPerProgram,
        @DecimalMin("0") @DecimalMax("100000") BigDecimal minimumResult,
        @Positive @Max(240) Integer earnedWithinMonths,
        Boolean mustBeValid,
        @NotNull CreditAuthority authority,
        @NotNull @PlausibleDate(yearsAhead = 50) LocalDate effectiveFrom,
        @PlausibleDate(yearsAhead = 50) LocalDate effectiveUntil,
        @Size(max = 2000) String notes) {}
