package org.credfolio.organization;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.paging.PageRequests;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** User accounts of the built-in login. */
@Service
public class AccountManagement {
    static final Set<Role> DISTRICT_ADMIN_MAY_CREATE = Set.of(Role.EDUCATOR, Role.REGISTRAR, Role.DISTRICT_ADMIN);
    private final Accounts accounts;
    private final AccountStandingCache standing;
    private final MongoOperations mongo;
    private final OrganizationManagement organizations;
    private final PasswordEncoder passwords;
    private final String unknownUserHash;

    AccountManagement(
            Accounts accounts,
            MongoOperations mongo,
            OrganizationManagement organizations,
            PasswordEncoder passwords,
            AccountStandingCache standing) {
        this.accounts = accounts;
        this.standing = standing;
        this.mongo = mongo;
        this.organizations = organizations;
        this.passwords = passwords;
        // Checked against when the username is unknown, so both failures take the same time.
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** Platform admins create any account; district admins create staff of their own district. */
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DISTRICT_ADMIN')")
    public Account create(CreateAccountInput input) {
        if (input.role() == Role.LEARNER) {
            throw new InvalidInputException(
                    "USE_CREATE_LEARNER_ACCOUNT",
                    "input.role",
                    "Learner accounts are created with createLearnerAccount.");
        }
        Organization org = organizations.get(input.organizationId());
        CurrentUser user = CurrentUsers.require();
        if (user.is(Role.DISTRICT_ADMIN)
                && !(org.isOrIsWithin(user.organizationId()) && DISTRICT_ADMIN_MAY_CREATE.contains(input.role()))) {
            throw new AccessDeniedException(
                    "A district admin can only create educator, registrar and district admin accounts in their own district.");
        }
        requireRoleFits(input.role(), org);
        return insert(input.username(), input.password(), input.role(), org.id(), null);
    }

    /** Called by the learner module after it has checked the learner and the caller's tenancy. */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public Account createLearnerAccount(String username, String password, String organizationId, String learnerId) {
        return insert(username, password, Role.LEARNER, organizationId, learnerId);
    }

    /**
     * The learner's own login after they redeemed a claim code (no session: the one-time code the
     * learner module has just consumed is the capability). A learner who has an account already
     * gets the new password, and every token of the account ends; otherwise the account is created.
     */
    public Account claimLearnerAccount(String username, String password, String organizationId, String learnerId) {
        AccountLifecycle.checkedPassword(password);
        if (username == null || username.isBlank() || username.length() > 254 || !username.contains("@")) {
            throw new InvalidInputException(
                    "BAD_USERNAME", "username", "A username is an email address of at most 254 characters.");
        }
        Account existing = mongo.findOne(Query.query(Criteria.where("learnerId").is(learnerId)), Account.class);
        if (existing == null) {
            return insert(username, password, Role.LEARNER, organizationId, learnerId);
        }
        return setClaimedPassword(existing, password);
    }

    /**
     * Redeeming a code a district admin issued by resetting this staff account's password (no
     * session: the one-time code the learner module has just consumed is the capability). The
     * username must be the account's own; the account gets the new password, and every token it
     * held ends.
     */
    public Account claimAccount(String accountId, String username, String password) {
        AccountLifecycle.checkedPassword(password);
        Account account = find(accountId)
                .orElseThrow(() -> new InvalidInputException(
                        "CLAIM_CODE_INVALID", "code", "This code's account no longer exists."));
        if (!account.username().equals(normalize(username))) {
            throw new InvalidInputException(
                    "USERNAME_MISMATCH", "username", "This code resets another account: send that account's username.");
        }
        return setClaimedPassword(account, password);
    }

    private Account setClaimedPassword(Account account, String password) {
        if (account.disabled()) {
            throw new InvalidInputException(
                    "ACCOUNT_DISABLED", "code", "This account is disabled; ask your district admin to enable it.");
        }
        standing.forget(account.id());
        Account changed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(account.id())),
                new Update().set("passwordHash", passwords.encode(password)).inc("tokenVersion", 1),
                FindAndModifyOptions.options().returnNew(true),
                Account.class);
        standing.forget(account.id()); // again: a request in between may have remembered the old version
        return changed;
    }

    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DISTRICT_ADMIN')")
    public Window<Account> inOrganization(String organizationId, ScrollSubrange page) {
        CurrentUser user = CurrentUsers.require();
        if (user.is(Role.DISTRICT_ADMIN) && !organizations.get(organizationId).isOrIsWithin(user.organizationId())) {
            throw new AccessDeniedException("A district admin can only list accounts of their own district.");
        }
        Query query = Query.query(Criteria.where("organizationId").is(organizationId));
        query.with(Sort.by("username", "id")).limit(PageRequests.size(page)).with(PageRequests.position(page));
        return mongo.scroll(query, Account.class);
    }

    public Optional<Account> find(String id) {
        return id == null ? Optional.empty() : accounts.findById(id);
    }

    /** The account whose password matches, or empty; takes as long for an unknown user. */
    public Optional<Account> authenticate(String username, String password) {
        Optional<Account> account = accounts.findByUsername(normalize(username));
        String hash = account.map(Account::passwordHash).orElse(unknownUserHash);
        if (!AccountLifecycle.fitsBCrypt(password)) {
            // No stored password is that long (BCrypt refuses to hash it, and so do we), and BCrypt
            // refuses to compare it: the same check on a stand-in keeps the answer's timing alike.
            passwords.matches("", unknownUserHash);
            return Optional.empty();
        }
        boolean matches = passwords.matches(password, hash);
        return matches ? account : Optional.empty();
    }

    private Account insert(String username, String password, Role role, String orgId, String learnerId) {
        AccountLifecycle.checkedPassword(password, "input.password");
        try {
            return accounts.insert(new Account(
                    UUID.randomUUID().toString(),
                    normalize(username),
                    passwords.encode(password),
                    role,
                    orgId,
                    learnerId,
                    Instant.now()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("USERNAME_TAKEN", "input.username", "That username is taken.");
        }
    }

    static void requireRoleFits(Role role, Organization org) {
        boolean fits =
                switch (role) {
                    case EDUCATOR, REGISTRAR ->
                        org.type() == OrganizationType.DISTRICT || org.type() == OrganizationType.SCHOOL;
                    case DISTRICT_ADMIN -> org.type() == OrganizationType.DISTRICT;
                    case COLLEGE -> org.type() == OrganizationType.COLLEGE;
                    case EMPLOYER ->
                        org.type() == OrganizationType.EMPLOYER || org.type() == OrganizationType.WORKFORCE_BOARD;
                    case PLATFORM_ADMIN, LEARNER -> true;
                };
        if (!fits) {
            throw new InvalidInputException(
                    "ROLE_DOES_NOT_FIT_ORGANIZATION",
                    "input.role",
                    "A " + role + " cannot belong to a " + org.type() + ".");
        }
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
