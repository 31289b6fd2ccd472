package org.credfolio.learner.claim;

import java.time.Instant;
import org.credfolio.organization.Account;

/**
 * The answer of {@code resetPassword}: the account, whose password no longer works, and the
 * one-time code that sets a new one, shown only here.
 */
public record PasswordReset(Account account, String code, Instant expiresAt) {}
