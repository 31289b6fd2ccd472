package org.credfolio.crosswalks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.paging.PageRequests;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.store.RandomIds;
import org.credfolio.trust.TrustProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
                user.subject()));
        audit.record(
                "advanced-standing.recorded",
                "StandingDecision",
                decision.id(),
                Map.of(
                        "learnerId",
                        decision.learnerId(),
                        "grants",
                        decision.grants().size()));
        return decision;
    }

    /** The signed-in learner's decisions, newest first. */
    @PreAuthorize("hasRole('LEARNER')")
    public Window<StandingDecision> mine(ScrollSubrange page) {
        return page(Criteria.where("learnerId").is(CurrentUsers.require().learnerId()), page);
    }

    /** The signed-in college's decisions, newest first. */
    @PreAuthorize("hasRole('COLLEGE')")
    public Window<StandingDecision> ofMyInstitution(ScrollSubrange page) {
        return page(Criteria.where("institutionId").is(CurrentUsers.require().organizationId()), page);
    }

    private Window<StandingDecision> page(Criteria criteria, ScrollSubrange page) {
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "decidedAt").and(Sort.by("id")))
                .limit(PageRequests.size(page))
                .with(PageRequests.position(page));
        return mongo.scroll(query, StandingDecision.class);
    }
}
