package org.credfolio.awards;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Input of {@code revokeEarnedCredential}, {@code suspendEarnedCredential} and {@code reinstateEarnedCredential}. */
public record StatusChangeInput(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 500) String reason) {}
