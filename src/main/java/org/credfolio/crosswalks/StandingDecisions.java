package org.credfolio.crosswalks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.credfolio.identity.IdentityVerification;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.paging.PageRequests;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.store.RandomIds;
import org.credfolio.trust.TrustProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Colleges record advanced-standing decisions for their own institution; learners read the
 * decisions about them. A decision is always the server's own evaluation of a verified
 * presentation by a learner of this service.
 */
@Service
public class StandingDecisions {
    private final MongoOperations mongo;
    private final AdvancedStanding standing;
    private final TrustProperties trust;
    private final AuditLog audit;

    StandingDecisions(MongoOperations mongo, AdvancedStanding standing, TrustProperties trust, AuditLog audit) {
        this.mongo = mongo;
        this.standing = standing;
        this.trust = trust;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('COLLEGE')")
    public StandingDecision record(String presentation, String challenge, String domain, String program, LocalDate on) {
        CurrentUser user = CurrentUsers.require();
        AdvancedStanding.Evaluation evaluation =
                standing.evaluate(presentation, challenge, domain, user.organizationId(), program, on);
        if (!evaluation.presentationVerified()) {
            throw new InvalidInputException(
                    "PRESENTATION_NOT_VERIFIED",
                    "presentation",
                    "The presentation did not verify, so no decision can rest on it.");
        }
        IdentityVerification.Outcome identity = evaluation.identity();
        if (identity.presented() && identity.identity() == null) {
            throw new InvalidInputException(
                    "IDENTITY_NOT_VERIFIED",
                    "presentation",
                    identity.checks().get(0).reason()
                            + " No decision is recorded on an identity that did not verify; ask the learner for a"
                            + " new share.");
        }
        String holder = evaluation.holder();
        String learnerPrefix = trust.learnerDid("");
        if (holder == null || !holder.startsWith(learnerPrefix)) {
            throw new InvalidInputException(
                    "HOLDER_NOT_A_LEARNER_HERE",
                    "presentation",
                    "Decisions are recorded for learners of this service; the holder is " + holder + ".");
        }
        StandingDecision decision = mongo.insert(new StandingDecision(
                RandomIds.withPrefix("decision"),
                user.organizationId(),
                holder.substring(learnerPrefix.length()),
                holder,
                program,
                on,
                evaluation.grants().stream()
                        .map(g -> new StandingDecision.GrantedCourse(
                                g.credentialId(),
                                g.achievementName(),
                                g.rule().courseCode(),
                                g.rule().courseTitle(),
                                g.credits(),
                                g.rule().creditUnit(),
                                g.rule().ruleId(),
                                g.rule().version()))
                        .toList(),
                evaluation.denied(),
                Instant.now(),
                user.subject(),
                identity.identity(),
                null));
        audit.record(
                "advanced-standing.recorded",
                "StandingDecision",
                decision.id(),
                Map.of(
                        "learnerId",
                        decision.learnerId(),
                        "grants",
                        decision.grants().size(),
                        "identityDisclosed",
                        decision.identity() != null));
        return decision;
    }

    /** The signed-in learner's decisions, newest first. */
    @PreAuthorize("hasRole('LEARNER')")
    public Window<StandingDecision> mine(ScrollSubrange page) {
        return page(Criteria.where("learnerId").is(CurrentUsers.require().learnerId()), page);
    }

    /**
     * The signed-in college's decisions, newest first; with {@code search}, only those whose
     * applicant id is exactly it or whose disclosed name contains it (any case).
     */
    @PreAuthorize("hasRole('COLLEGE')")
    public Window<StandingDecision> ofMyInstitution(String search, ScrollSubrange page) {
        Criteria criteria =
                Criteria.where("institutionId").is(CurrentUsers.require().organizationId());
        if (search != null && !search.isBlank()) {
            Pattern contains = Pattern.compile(Pattern.quote(search.strip()), Pattern.CASE_INSENSITIVE);
            criteria = criteria.orOperator(
                    Criteria.where("applicantId").is(search.strip()),
                    Criteria.where("identity.legalName").regex(contains),
                    Criteria.where("identity.displayName").regex(contains));
        }
        return page(criteria, page);
    }

    /** Every decision of the signed-in college, newest first, at most {@code limit}: for the CSV. */
    @PreAuthorize("hasRole('COLLEGE')")
    public List<StandingDecision> allOfMyInstitution(int limit) {
        Query query = Query.query(Criteria.where("institutionId")
                        .is(CurrentUsers.require().organizationId()))
                .with(Sort.by(Sort.Direction.DESC, "decidedAt").and(Sort.by("id")))
                .limit(limit);
        return mongo.find(query, StandingDecision.class);
    }

    /** The college attaches its own applicant id to one of its decisions (blank removes it). */
    @PreAuthorize("hasRole('COLLEGE')")
    public StandingDecision setApplicantId(String decisionId, String applicantId) {
        String institution = CurrentUsers.require().organizationId();
        String value = applicantId == null || applicantId.isBlank() ? null : applicantId.strip();
        StandingDecision updated = mongo.findAndModify(
                Query.query(Criteria.where("_id")
                        .is(decisionId)
                        .and("institutionId")
                        .is(institution)),
                new Update().set("applicantId", value),
                FindAndModifyOptions.options().returnNew(true),
                StandingDecision.class);
        if (updated == null) {
            throw new NotFoundException(
                    "DECISION_NOT_FOUND", "decisionId", "Your college has no decision " + decisionId + ".");
        }
        audit.record("advanced-standing.applicant-id-set", "StandingDecision", decisionId, Map.of());
        return updated;
    }

    private Window<StandingDecision> page(Criteria criteria, ScrollSubrange page) {
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "decidedAt").and(Sort.by("id")))
                .limit(PageRequests.size(page))
                .with(PageRequests.position(page));
        return mongo.scroll(query, StandingDecision.class);
    }
}
