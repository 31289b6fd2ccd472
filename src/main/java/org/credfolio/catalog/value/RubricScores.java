package org.credfolio.catalog.value;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A validation review's rubric, each criterion scored 1 (weak) to 5 (strong): the criteria states
 * use to validate high-value credentials with employers and colleges.
 */
public record RubricScores(
        @NotNull @Min(1) @Max(5) Integer laborMarketValue,
        @NotNull @Min(1) @Max(5) Integer transferability,
        @NotNull @Min(1) @Max(5) Integer stackability,
        @NotNull @Min(1) @Max(5) Integer highWageAlignment,
        @NotNull @Min(1) @Max(5) Integer equitableAccess) {

    public double average() {
        return (laborMarketValue + transferability + stackability + highWageAlignment + equitableAccess) / 5.0;
    }
}
