package org.credfolio.catalog.value;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Input of reviewCredential. */
public record ReviewInput(
        @NotNull String credentialId,
        String region,
        @NotNull @Valid RubricScores scores,
        @Size(max = 2000) String comment) {}
