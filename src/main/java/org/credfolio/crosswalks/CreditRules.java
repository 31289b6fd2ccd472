package org.credfolio.crosswalks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.cache.ReadThroughCache;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.paging.PageRequests;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.store.RandomIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Credit crosswalks: a college's versioned rules that turn a catalog credential into course credit.
 * Only a COLLEGE account writes them, for its own institution; anyone may read them, so learners and
 * counselors can see what a credential is worth at each college.
 */
@Service
public class CreditRules {
    private final MongoOperations mongo;
    private final CatalogManagement catalog;
    private final AuditLog audit;

    /** An institution's rules, every version, as loaded: rules change rarely and evaluations read them all. */
    private record InstitutionRules(String institutionId, List<CreditRule> rules) {}

    // A change made here evicts at once; another instance's change shows within a minute.
    private final ReadThroughCache<String, InstitutionRules> byInstitution =
            new ReadThroughCache<>(1_000, Duration.ofMinutes(1));

    CreditRules(MongoOperations mongo, CatalogManagement catalog, AuditLog audit) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('COLLEGE')")
    public CreditRule create(CreditRuleInput input) {
        CurrentUser user = CurrentUsers.require();
        validate(input);
        CreditRule rule = build(RandomIds.withPrefix("rule"), 1, user, input);
        mongo.insert(rule);
        byInstitution.evict(rule.institutionId());
        audit.record("credit-rule.created", "CreditRule", rule.id(), Map.of("credentialId", rule.credentialId()));
        return rule;
    }

    /**
     * Writes the next version of a rule. The new version must start after the current one did; the
     * current one then ends where the new one starts, and stays on record for earlier dates.
     */
    @PreAuthorize("hasRole('COLLEGE')")
    public CreditRule revise(String ruleId, CreditRuleInput input) {
        CurrentUser user = CurrentUsers.require();
        CreditRule latest = latest(ruleId);
        if (!user.belongsTo(latest.institutionId())) {
            throw new AccessDeniedException("A college can only revise its own institution's rules.");
        }
        validate(input);
        if (!input.credentialId().equals(latest.credentialId())) {
            throw new InvalidInputException(
                    "RULE_CREDENTIAL_FIXED",
                    "input.credentialId",
                    "A rule stays with its credential; create a new rule for another credential.");
        }
        if (!input.effectiveFrom().isAfter(latest.effectiveFrom())) {
            throw new InvalidInputException(
                    "REVISION_MUST_START_LATER",
                    "input.effectiveFrom",
                    "A new version must take effect after version " + latest.version() + " did ("
                            + latest.effectiveFrom() + ").");
        }
        CreditRule next = build(ruleId, latest.version() + 1, user, input);
        try {
            mongo.insert(next);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "RULE_REVISED_CONCURRENTLY", "ruleId", "Someone else revised this rule just now; reload it.");
        }
        if (latest.effectiveUntil() == null || latest.effectiveUntil().isAfter(next.effectiveFrom())) {
            // Filtered by _id alone: the one filter the embedded store serves from an index.
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(latest.id())),
                    Update.update("effectiveUntil", next.effectiveFrom()),
                    CreditRule.class);
        }
        byInstitution.evict(next.institutionId());
        audit.record("credit-rule.revised", "CreditRule", next.id(), Map.of("version", next.version()));
        return next;
    }

    /** Every version, newest rules first within an institution; both filters optional. Public. */
    public Window<CreditRule> list(String institutionId, String credentialId, ScrollSubrange page) {
        Query query = new Query();
        if (institutionId != null) {
            query.addCriteria(Criteria.where("institutionId").is(institutionId));
        }
        if (credentialId != null) {
            query.addCriteria(Criteria.where("credentialId").is(credentialId));
        }
        query.with(Sort.by("id")).limit(PageRequests.size(page)).with(PageRequests.position(page));
        return mongo.scroll(query, CreditRule.class);
    }

    /** Every version of an institution's rules. */
    List<CreditRule> ofInstitution(String institutionId) {
        return byInstitution
                .getAll(
                        List.of(institutionId),
                        ids -> List.of(new InstitutionRules(
                                institutionId,
                                mongo.find(
                                        Query.query(
                                                Criteria.where("institutionId").is(institutionId)),
                                        CreditRule.class))),
                        InstitutionRules::institutionId)
                .get(0)
                .rules();
    }

    /** For each credential, the latest version of each rule in effect on the date, at every institution. */
    public Map<String, List<CreditRule>> inEffect(Collection<String> credentialIds, LocalDate date) {
        List<CreditRule> all =
                mongo.find(Query.query(Criteria.where("credentialId").in(credentialIds)), CreditRule.class);
        return all.stream()
                .filter(r -> r.inEffectOn(date))
                .collect(Collectors.toMap(
                        CreditRule::ruleId, Function.identity(), (a, b) -> a.version() >= b.version() ? a : b))
                .values()
                .stream()
                .sorted(Comparator.comparing(CreditRule::institutionId).thenComparing(CreditRule::courseCode))
                .collect(Collectors.groupingBy(CreditRule::credentialId));
    }

    private CreditRule latest(String ruleId) {
        return mongo.find(Query.query(Criteria.where("ruleId").is(ruleId)), CreditRule.class).stream()
                .max(Comparator.comparingInt(CreditRule::version))
                .orElseThrow(() ->
                        new NotFoundException("CREDIT_RULE_NOT_FOUND", "ruleId", "No credit rule " + ruleId + "."));
    }

    private void validate(CreditRuleInput input) {
        if (catalog.find(input.credentialId()).isEmpty()) {
            throw new InvalidInputException(
                    "CREDENTIAL_NOT_FOUND",
                    "input.credentialId",
                    "No catalog credential " + input.credentialId() + ".");
        }
        if (input.effectiveUntil() != null && !input.effectiveUntil().isAfter(input.effectiveFrom())) {
            throw new InvalidInputException(
                    "EFFECTIVE_DATES_OUT_OF_ORDER",
                    "input.effectiveUntil",
                    "effectiveUntil must come after effectiveFrom.");
        }
        if (input.capPerProgram() != null && input.capPerProgram().compareTo(input.credits()) < 0) {
            throw new InvalidInputException(
                    "CAP_BELOW_CREDITS",
                    "input.capPerProgram",
                    "The cap per program cannot be below the credits granted.");
        }
    }

    private static CreditRule build(String ruleId, int version, CurrentUser user, CreditRuleInput input) {
        return new CreditRule(
                CreditRule.versionId(ruleId, version),
                ruleId,
                version,
                user.organizationId(),
                input.credentialId(),
                input.courseCode().strip(),
                input.courseTitle().strip(),
                input.credits(),
                input.creditUnit(),
                input.level(),
                input.programs() == null
                        ? List.of()
                        : input.programs().stream().map(String::strip).toList(),
                input.capPerProgram(),
                input.minimumResult(),
                input.earnedWithinMonths(),
                input.mustBeValid() == null || input.mustBeValid(),
                input.authority(),
                input.effectiveFrom(),
                input.effectiveUntil(),
                input.notes(),
                Instant.now(),
                user.subject());
    }
}
