package org.credfolio.catalog;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Input of {@code createCredential} and {@code updateCredential}. */
public record CredentialInput(
        @NotBlank @Size(max = 200) String name,
        @NotNull CredentialType type,
        @Size(max = 64) String certifyingBodyId,
        @Size(max = 4000) String description,
        @Size(max = 20)
                List<@Pattern(regexp = "\\d{2}-\\d{4}", message = "must be a SOC code like 49-3023") String>
                        occupations,
        @Size(max = 100) String careerCluster,
        @NotNull Portability portability,
        @Size(max = 20) List<@NotBlank String> stacksInto,
        @Positive @Max(240) Integer renewalMonths,
        @PositiveOrZero @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal typicalExamFee,
        CredentialCategory category,
        Boolean highSchoolAttainable,
        @Size(max = 500) String categoryNote) {}
