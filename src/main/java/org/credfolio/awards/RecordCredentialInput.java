package org.credfolio.awards;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.credfolio.shared.error.PlausibleDate;

/** Input of {@code recordEarnedCredential}. */
public record RecordCredentialInput(
        @NotBlank @Size(max = 64) String learnerId,
        @NotBlank @Size(max = 64) String credentialId,
        @NotNull @PastOrPresent @PlausibleDate(yearsAhead = 0) LocalDate earnedOn,
        @PlausibleDate(yearsAhead = 50) LocalDate expiresOn,
        @Size(max = 100) String result,
        @Size(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https URL") String evidenceUrl,
        @Valid ExamFeeInput examFee) {

    /** Who paid the exam fee and how much. */
    public record ExamFeeInput(
            @NotNull FeePayer payer,
            @NotNull @PositiveOrZero @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal amount) {}
}
