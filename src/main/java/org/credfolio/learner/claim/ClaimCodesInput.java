package org.credfolio.learner.claim;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Input of {@code createClaimCodes}: these learners, or the learners of a school or graduation year. */
public record ClaimCodesInput(
        @Size(max = 500) List<@Size(max = 64) String> learnerIds,
        @Size(max = 64) String schoolId,
        @Min(2000) @Max(2100) Integer graduationYear) {}
