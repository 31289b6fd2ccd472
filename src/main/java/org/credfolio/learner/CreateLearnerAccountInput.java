package org.credfolio.learner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Input of {@code createLearnerAccount}. */
public record CreateLearnerAccountInput(
        @NotBlank @Size(max = 64) String learnerId,
        @NotBlank @Email @Size(max = 254) String username,
        @NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password) {}
