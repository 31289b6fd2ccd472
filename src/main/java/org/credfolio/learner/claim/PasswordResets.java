package org.credfolio.learner.claim;

import org.credfolio.organization.Account;
import org.credfolio.organization.AccountLifecycle;
import org.credfolio.shared.security.CurrentUsers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A district admin resets a password without choosing it: the account's password stops working
 * and its tokens end ({@link AccountLifecycle#resetPassword}, which also checks who may reset
 * whom), and the user sets a new password of their own with a one-time code, redeemed like a
 * learner's claim code at {@code POST /auth/claim}.
 */
@Service
public class PasswordResets {
    private final AccountLifecycle lifecycle;
    private final ClaimCodes codes;

    PasswordResets(AccountLifecycle lifecycle, ClaimCodes codes) {
        this.lifecycle = lifecycle;
        this.codes = codes;
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DISTRICT_ADMIN')")
    public PasswordReset reset(String accountId) {
        Account account = lifecycle.resetPassword(accountId);
        return codes.issueReset(account, CurrentUsers.require().subject());
    }
}
