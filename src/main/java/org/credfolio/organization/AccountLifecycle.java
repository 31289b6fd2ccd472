package org.credfolio.organization;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.Role;
import org.credfolio.shared.security.TokenStanding;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What happens to a built-in account after it is created: its owner changes its password; a
 * district admin disables, re-enables it, changes its role within the district or resets its
 * password (the learner module then issues the one-time code that sets a new one). Every change
 * raises the account's token version in one atomic update, which ends every token it holds at once
 * on every instance (see {@link TokenStanding}), and is written to the audit log.
 */
@Service
public class AccountLifecycle implements TokenStanding {
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
    private static final int PASSWORD_MAX_BYTES = 72;

    private final AccountStandingCache standing;
    private final MongoOperations mongo;
    private final OrganizationManagement organizations;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    AccountLifecycle(
            MongoOperations mongo,
            OrganizationManagement organizations,
            PasswordEncoder passwords,
            AuditLog audit,
            AccountStandingCache standing) {
        this.mongo = mongo;
        this.standing = standing;
        this.organizations = organizations;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** The signed-in user's new password; their tokens end, so they sign in again with it. */
    @PreAuthorize("isAuthenticated()")
    public boolean changePassword(String currentPassword, String newPassword) {
        Account account = mongo.findById(CurrentUsers.require().subject(), Account.class);
        if (account == null) {
            throw new InvalidInputException(
                    "NO_BUILT_IN_ACCOUNT",
                    "currentPassword",
                    "Your sign-in is managed by your district's identity provider; change your password there.");
        }
        // A current password BCrypt cannot compare (over 72 bytes) cannot be the stored one.
        if (!fitsBCrypt(currentPassword) || !passwords.matches(currentPassword, account.passwordHash())) {
            throw new InvalidInputException("WRONG_PASSWORD", "currentPassword", "The current password is wrong.");
        }
        change(
                account,
                new Update().set("passwordHash", passwords.encode(checkedPassword(newPassword))),
                "password-changed");
        return true;
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DISTRICT_ADMIN')")
    public Account disable(String accountId) {
        Account account = manageable(accountId, "disable");
        return change(account, new Update().set("disabled", true), "disabled");
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DISTRICT_ADMIN')")
    public Account enable(String accountId) {
        Account account = manageable(accountId, "enable");
        return change(account, new Update().set("disabled", false), "enabled");
    }

    /**
     * The first half of a password reset, called by the learner module, which then issues the
     * one-time code that sets a new password: the old password stops working at once (the account
     * gets a random one no one knows, so signing in still costs a BCrypt check) and every token of
     * the account ends. Same rules as {@link #disable}; never the caller's own account (they use
     * {@link #changePassword}), nor a disabled one (enable it first, so the code leads to a login
     * that works).
     */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DISTRICT_ADMIN')")
    public Account resetPassword(String accountId) {
        if (accountId != null && accountId.equals(CurrentUsers.require().subject())) {
            throw new InvalidInputException(
                    "OWN_ACCOUNT", "id", "You cannot reset your own password; change it with changePassword.");
        }
        Account account = manageable(accountId, "reset the password of");
        if (account.disabled()) {
            throw new InvalidInputException(
                    "ACCOUNT_DISABLED", "id", "This account is disabled; enable it first, then reset its password.");
        }
        return change(
                account,
                new Update()
                        .set("passwordHash", passwords.encode(UUID.randomUUID().toString())),
                "password-reset");
    }

    /** Staff roles only: a learner account belongs to its learner record, and no one becomes a learner. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DISTRICT_ADMIN')")
    public Account changeRole(String accountId, Role role) {
        Account account = manageable(accountId, "change the role of");
        if (role == null || role == Role.LEARNER || account.role() == Role.LEARNER) {
            throw new InvalidInputException(
                    "LEARNER_ROLE_FIXED",
                    "role",
                    "Learner accounts keep their role, and staff cannot become learners.");
        }
        if (CurrentUsers.require().is(Role.DISTRICT_ADMIN)
                && !AccountManagement.DISTRICT_ADMIN_MAY_CREATE.contains(role)) {
            throw new AccessDeniedException(
                    "A district admin can give only educator, registrar and district admin roles.");
        }
        AccountManagement.requireRoleFits(role, organizations.get(account.organizationId()));
        return change(account, new Update().set("role", role), "role-changed");
    }

    /**
     * Read by _id (the one lookup every store serves from an index), or remembered in good standing
     * for at most a second ({@link AccountStandingCache}).
     */
    @Override
    public Optional<String> refusal(String accountId, long version) {
        if (accountId != null && standing.inGoodStanding(accountId, version)) {
            return Optional.empty();
        }
        Account account = accountId == null ? null : mongo.findById(accountId, Account.class);
        if (account == null) {
            return Optional.of("The account of this token no longer exists.");
        }
        if (account.disabled()) {
            return Optional.of("The account of this token is disabled.");
        }
        if (account.tokenVersion() != version) {
            return Optional.of("The account's password, role or standing changed since this token was issued;"
                    + " sign in again.");
        }
        standing.rememberGood(accountId, version);
        return Optional.empty();
    }

    /** An account the caller may manage: any for a platform admin, their own district's staff for a district admin, never their own. */
    private Account manageable(String accountId, String action) {
        Account account = accountId == null ? null : mongo.findById(accountId, Account.class);
        if (account == null) {
            throw new NotFoundException("ACCOUNT_NOT_FOUND", "id", "No account " + accountId + ".");
        }
        CurrentUser user = CurrentUsers.require();
        if (account.id().equals(user.subject())) {
            throw new InvalidInputException(
                    "OWN_ACCOUNT", "id", "You cannot " + action + " your own account; ask another admin.");
        }
        if (user.is(Role.DISTRICT_ADMIN) && !inDistrictOf(user, account)) {
            throw new AccessDeniedException("A district admin can only manage accounts of their own district.");
        }
        return account;
    }

    private boolean inDistrictOf(CurrentUser user, Account account) {
        return account.role() != Role.PLATFORM_ADMIN
                && account.organizationId() != null
                && user.organizationId() != null
                && organizations.get(account.organizationId()).isOrIsWithin(user.organizationId());
    }

    private Account change(Account account, Update update, String event) {
        standing.forget(account.id());
        Account changed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(account.id())),
                update.inc("tokenVersion", 1),
                FindAndModifyOptions.options().returnNew(true),
                Account.class);
        // Again after: a request between the first forget and the update may have remembered the old version.
        standing.forget(account.id());
        if (changed == null) {
            throw new NotFoundException("ACCOUNT_NOT_FOUND", "id", "No account " + account.id() + ".");
        }
        audit.record(
                "account." + event,
                "Account",
                account.id(),
                Map.of("role", changed.role().name(), "disabled", changed.disabled()));
        return changed;
    }

    static String checkedPassword(String password) {
        return checkedPassword(password, "newPassword");
    }

    /**
     * A password we can store: 12 to 128 characters and at most 72 bytes in UTF-8, all that BCrypt
     * reads. Longer ones are refused, never cut short: a cut password would let in anyone who knows
     * its first 72 bytes, and BCrypt itself throws on them.
     */
    static String checkedPassword(String password, String field) {
        if (password == null || password.length() < 12 || password.length() > 128 || !fitsBCrypt(password)) {
            throw new InvalidInputException(
                    "BAD_PASSWORD", field, "A password is 12 to 128 characters and at most 72 bytes in UTF-8.");
        }
        return password;
    }

    /** Whether BCrypt can hash or compare it at all: at most 72 bytes in UTF-8. */
    static boolean fitsBCrypt(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_MAX_BYTES;
    }
}
