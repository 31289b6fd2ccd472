package org.credfolio.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.credfolio.shared.security.Role;

/** Input of {@code createAccount}. The username is an email address. */
public record CreateAccountInput(
        @NotBlank @Email @Size(max = 254) String username,
        @NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
        @NotNull Role role,
        @NotBlank @Size(max = 64) String organizationId) {}
