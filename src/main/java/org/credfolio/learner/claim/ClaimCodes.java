package org.credfolio.learner.claim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credfolio.learner.Learner;
import org.credfolio.learner.LearnerAccess;
import org.credfolio.organization.Account;
import org.credfolio.organization.AccountManagement;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationManagement;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.SecretTokens;
import org.credfolio.shared.security.StrongRandom;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Learner onboarding without registrar-chosen passwords: a registrar creates one-time claim codes,
 * and each learner redeems theirs with a username and a password of their own. A code is 80 random
 * bits, kept only as its SHA-256, valid for {@link #VALIDITY}, and works once. The same codes, bound
 * to one account and valid for {@link #RESET_VALIDITY}, finish a password reset (see {@link
 * PasswordResets}).
 */
@Service
public class ClaimCodes {
    static final Duration VALIDITY = Duration.ofDays(14);
    /** A reset code is handed over at once, not printed for a class: it works for 3 days. */
    static final Duration RESET_VALIDITY = Duration.ofDays(3);
    /** At most this many codes in one request (a large high school's graduating class). */
    static final int MAX_CODES = 2_000;
    /** No 0/O, 1/I/L: codes are typed from paper. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    private final MongoOperations mongo;
    private final AccountManagement accounts;
    private final OrganizationManagement organizations;
    private final AuditLog audit;

    ClaimCodes(
            MongoOperations mongo, AccountManagement accounts, OrganizationManagement organizations, AuditLog audit) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.organizations = organizations;
        this.audit = audit;
    }

    /** Codes for the named learners, or those of a school or graduation year, of the caller's organization. */
    @PreAuthorize("hasAnyRole('REGISTRAR', 'DISTRICT_ADMIN')")
    public List<IssuedClaimCode> create(ClaimCodesInput input) {
        CurrentUser user = CurrentUsers.require();
        List<Learner> learners = learners(input, user);
        Instant now = Instant.now();
        Instant expires = now.plus(VALIDITY);
        List<IssuedClaimCode> issued = learners.stream()
                .map(learner -> {
                    String code = newCode();
                    mongo.insert(new ClaimCode(
                            SecretTokens.hash(code),
                            learner.id(),
                            null,
                            learner.districtId(),
                            expires,
                            null,
                            now,
                            user.subject()));
                    return new IssuedClaimCode(learner.id(), learner.studentId(), learner.displayName(), code, expires);
                })
                .toList();
        audit.record("claim-codes.created", "Organization", user.organizationId(), Map.of("count", issued.size()));
        return issued;
    }

    /**
     * The one code that finishes the password reset of an account {@link PasswordResets} has just
     * made unusable: codes issued for the same login before are dropped. A learner's account is
     * reached through its learner, as by the registrar's codes; a staff account through its id.
     */
    PasswordReset issueReset(Account account, String createdBy) {
        Criteria earlier = account.learnerId() != null
                ? Criteria.where("learnerId").is(account.learnerId())
                : Criteria.where("accountId").is(account.id());
        mongo.remove(Query.query(earlier.and("usedAt").is(null)), ClaimCode.class);
        Instant now = Instant.now();
        Instant expires = now.plus(RESET_VALIDITY);
        String code = newCode();
        mongo.insert(new ClaimCode(
                SecretTokens.hash(code),
                account.learnerId(),
                account.learnerId() == null ? account.id() : null,
                districtOf(account),
                expires,
                null,
                now,
                createdBy));
        return new PasswordReset(account, code, expires);
    }

    /**
     * Redeems a code: the learner's account is created with this username and password, or, when
     * they have one, gets this password (every token it held ends); a staff account's reset code
     * sets that account's password when the username is the account's own. Refused alike when the
     * code is unknown, used or expired, so a guess learns nothing.
     */
    public Account claim(String code, String username, String password) {
        String hash = SecretTokens.hash(normalize(code));
        Instant now = Instant.now();
        ClaimCode used = mongo.findAndModify(
                Query.query(Criteria.where("_id")
                        .is(hash)
                        .and("usedAt")
                        .is(null)
                        .and("expiresAt")
                        .gt(now)),
                Update.update("usedAt", now),
                FindAndModifyOptions.options().returnNew(true),
                ClaimCode.class);
        if (used == null) {
            throw new InvalidInputException("CLAIM_CODE_INVALID", "code", "This code is unknown, used or expired.");
        }
        try {
            if (used.accountId() != null) {
                Account account = accounts.claimAccount(used.accountId(), username, password);
                audit.record("claim-code.redeemed", "Account", account.id(), Map.of());
                return account;
            }
            Learner learner = used.learnerId() == null ? null : mongo.findById(used.learnerId(), Learner.class);
            if (learner == null) {
                throw new InvalidInputException("CLAIM_CODE_INVALID", "code", "This code's learner no longer exists.");
            }
            Account account = accounts.claimLearnerAccount(username, password, learner.schoolId(), learner.id());
            audit.record("claim-code.redeemed", "Learner", learner.id(), Map.of("account", account.id()));
            return account;
        } catch (InvalidInputException | ConflictException refused) {
            // Not redeemed after all (a taken username, a short password): the code works again.
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(hash)), new Update().unset("usedAt"), ClaimCode.class);
            throw refused;
        }
    }

    private List<Learner> learners(ClaimCodesInput input, CurrentUser user) {
        Query query;
        if (input.learnerIds() != null && !input.learnerIds().isEmpty()) {
            query = Query.query(Criteria.where("_id").in(input.learnerIds()));
        } else if (input.schoolId() != null || input.graduationYear() != null) {
            query = new Query();
            if (input.schoolId() != null) {
                requireOwnSchool(input.schoolId(), user);
                query.addCriteria(Criteria.where("schoolId").is(input.schoolId()));
            }
            if (input.graduationYear() != null) {
                query.addCriteria(Criteria.where("graduationYear").is(input.graduationYear()));
            }
            // A school's or a class's sheet is for learners still on the roster; a learner who left
            // keeps their portfolio and can still be named one by one.
            query.addCriteria(Criteria.where("inactiveSince").is(null));
            query.addCriteria(new Criteria()
                    .orOperator(
                            Criteria.where("districtId").is(user.organizationId()),
                            Criteria.where("schoolId").is(user.organizationId())));
        } else {
            throw new InvalidInputException(
                    "LEARNERS_REQUIRED", "input", "Name learners, a school or a graduation year.");
        }
        List<Learner> learners = mongo.find(query.limit(MAX_CODES + 1), Learner.class);
        if (learners.size() > MAX_CODES) {
            throw new InvalidInputException(
                    "TOO_MANY_LEARNERS", "input", "At most " + MAX_CODES + " codes at once; narrow the selection.");
        }
        if (learners.stream().anyMatch(l -> !LearnerAccess.canManage(user, l))) {
            throw new AccessDeniedException("Codes only for learners of your own organization.");
        }
        return learners;
    }

    /** Another organization's school is refused, not answered with an empty list of codes. */
    private void requireOwnSchool(String schoolId, CurrentUser user) {
        Organization school = organizations
                .find(schoolId)
                .orElseThrow(() -> new NotFoundException("SCHOOL_NOT_FOUND", "input.schoolId", "No such school."));
        if (user.organizationId() == null || !school.isOrIsWithin(user.organizationId())) {
            throw new AccessDeniedException("Codes only for learners of your own organization.");
        }
    }

    private String districtOf(Account account) {
        if (account.organizationId() == null) {
            return null;
        }
        return organizations
                .find(account.organizationId())
                .map(org -> org.districtId() != null ? org.districtId() : org.id())
                .orElse(null);
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[StrongRandom.current().nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** As typed: any case, with or without dashes and spaces. */
    static String normalize(String code) {
        String letters = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        StringBuilder normalized = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                normalized.append('-');
            }
            normalized.append(letters.charAt(i));
        }
        return normalized.toString();
    }
}
