package org.credfolio.sharing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credfolio.awards.Award;
import org.credfolio.awards.SharedCredentials;
import org.credfolio.identity.IdentityDisclosures;
import org.credfolio.learner.LearnerManagement;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.paging.PageRequests;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.SecretTokens;
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

/** A learner's shares of their own earned credentials: create, list, revoke. LEARNER only. */
@Service
public class ShareManagement {
    static final int MAX_AUDIENCE_LENGTH = 120;
    static final int MAX_ACTIVE_SHARES = 100;

    private final MongoOperations mongo;
    private final SharedCredentials credentials;
    private final LearnerManagement learners;
    private final AuditLog audit;
    private final String baseUrl;
    private final CreationLocks creationLocks;
    private final IdentityDisclosures identities;
    private final RecentShares recentShares;

    ShareManagement(
            MongoOperations mongo,
            SharedCredentials credentials,
            LearnerManagement learners,
            AuditLog audit,
            TrustProperties trust,
            IdentityDisclosures identities,
            RecentShares recentShares) {
        this.identities = identities;
        this.recentShares = recentShares;
        this.mongo = mongo;
        this.credentials = credentials;
        this.learners = learners;
        this.audit = audit;
        this.baseUrl = trust.publicBaseUrl();
        this.creationLocks = new CreationLocks(mongo, "share_creation_locks");
    }

    /**
     * Shares some of the caller's own earned credentials. Every one must be the caller's and not
     * revoked; each is issued as a verifiable credential now, so the page can show it without a
     * session.
     */
    @PreAuthorize("hasRole('LEARNER')")
    public CreatedShare create(CreateShareInput input) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> ids = ShareRules.chosenIds(input.earnedCredentialIds());
        Instant expiresAt = ShareRules.expiry(input.expiresAt(), now);
        List<Award> awards = ShareRules.ownAndShareable(ids, credentials.ownAwards(ids));
        String token = SecretTokens.newToken();
        String learnerId = CurrentUsers.require().learnerId();
        String disclosureId = input.identityDisclosureId() == null
                ? null
                : identities.usable(input.identityDisclosureId()).id();
        Share share = creationLocks.whileHeld(learnerId, () -> {
            requireRoomForAnother(learnerId, now);
            credentials.issueOwn(awards);
            boolean showName = input.showName() == null || input.showName();
            return mongo.insert(new Share(
                    UUID.randomUUID().toString(),
                    SecretTokens.hash(token),
                    learnerId,
                    input.audience().strip(),
                    ids,
                    showName,
                    showName ? learners.me().nameWithFamilyInitial() : null,
                    now,
                    expiresAt,
                    null,
                    0,
                    disclosureId));
        });
        audit.record(
                "share.created",
                "Share",
                share.id(),
                Map.of(
                        "credentialIds",
                        ids,
                        "audience",
                        share.audience(),
                        "expiresAt",
                        expiresAt.toString(),
                        "identityDisclosed",
                        disclosureId != null));
        return new CreatedShare(share, token, baseUrl + "/shares/" + token);
    }

    /** Withdraws one of the caller's shares; its page answers 410 Gone from then on. */
    @PreAuthorize("hasRole('LEARNER')")
    public Share revoke(String id) {
        String learnerId = CurrentUsers.require().learnerId();
        Query own = Query.query(Criteria.where("_id").is(id).and("learnerId").is(learnerId));
        Share revoked = mongo.findAndModify(
                Query.query(Criteria.where("_id")
                        .is(id)
                        .and("learnerId")
                        .is(learnerId)
                        .and("revokedAt")
                        .is(null)),
                new Update().set("revokedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                FindAndModifyOptions.options().returnNew(true),
                Share.class);
        if (revoked == null) {
            if (!mongo.exists(own, Share.class)) {
                throw new NotFoundException("SHARE_NOT_FOUND", "id", "You have no share " + id + ".");
            }
            throw new ConflictException("SHARE_ALREADY_REVOKED", "id", "This share was revoked already.");
        }
        // Its page and presentation on this instance answer Gone from the next view on.
        recentShares.forget(revoked);
        audit.record("share.revoked", "Share", id, Map.of());
        return revoked;
    }

    /** The caller's shares, newest first, active or not. */
    @PreAuthorize("hasRole('LEARNER')")
    public Window<Share> mine(ScrollSubrange page) {
        Query query = Query.query(
                        Criteria.where("learnerId").is(CurrentUsers.require().learnerId()))
                .with(Sort.by(Sort.Direction.DESC, "createdAt", "id"))
                .limit(PageRequests.size(page))
                .with(PageRequests.position(page));
        return mongo.scroll(query, Share.class);
    }

    /**
     * Counts then inserts, so it runs under the learner's {@link CreationLocks} lock: without it,
     * concurrent creates all count the same number and all insert.
     */
    private void requireRoomForAnother(String learnerId, Instant now) {
        long active = mongo.count(
                Query.query(Criteria.where("learnerId")
                        .is(learnerId)
                        .and("revokedAt")
                        .is(null)
                        .and("expiresAt")
                        .gt(now)),
                Share.class);
        if (active >= MAX_ACTIVE_SHARES) {
            throw new ConflictException(
                    "TOO_MANY_ACTIVE_SHARES",
                    null,
                    "You have " + MAX_ACTIVE_SHARES + " active shares, the most allowed; revoke one first.");
        }
    }
}
