package org.credfolio.awards;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.NotFoundException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Suspends, reinstates and revokes earned credentials; registrars of the learner's organization only. */
@Service
public class EarnedCredentialStatus {
    private final MongoOperations mongo;
    private final RecentLearnerAwards recent;
    private final RegistrarAccess registrars;
    private final AuditLog audit;
    private final CredentialIssuance issuance;

    EarnedCredentialStatus(
            MongoOperations mongo,
            RegistrarAccess registrars,
            AuditLog audit,
            CredentialIssuance issuance,
            RecentLearnerAwards recent) {
        this.mongo = mongo;
        this.recent = recent;
        this.registrars = registrars;
        this.audit = audit;
        this.issuance = issuance;
    }

    @PreAuthorize("hasRole('REGISTRAR')")
    public Award revoke(StatusChangeInput input) {
        return changeStatus(input, Set.of(AwardStatus.ACTIVE, AwardStatus.SUSPENDED), AwardStatus.REVOKED);
    }

    @PreAuthorize("hasRole('REGISTRAR')")
    public Award suspend(StatusChangeInput input) {
        return changeStatus(input, Set.of(AwardStatus.ACTIVE), AwardStatus.SUSPENDED);
    }

    @PreAuthorize("hasRole('REGISTRAR')")
    public Award reinstate(StatusChangeInput input) {
        return changeStatus(input, Set.of(AwardStatus.SUSPENDED), AwardStatus.ACTIVE);
    }

    private Award changeStatus(StatusChangeInput input, Set<AwardStatus> from, AwardStatus to) {
        String learnerId = Award.learnerIdOf(input.id());
        if (learnerId == null) {
            throw new NotFoundException(
                    "EARNED_CREDENTIAL_NOT_FOUND", "input.id", "No earned credential " + input.id() + ".");
        }
        try {
            registrars.learnerToAward(learnerId);
        } catch (NotFoundException e) {
            // The id names a learner that does not exist: to the caller, the credential does not.
            throw new NotFoundException(
                    "EARNED_CREDENTIAL_NOT_FOUND", "input.id", "No earned credential " + input.id() + ".");
        }
        // Awards are never removed from the array, so an element's position is stable: the update is
        // conditioned on that element still having an allowed status, atomically.
        int index = indexOf(learnerId, input.id());
        String at = "credentials." + index + ".";
        Query query = Query.query(Criteria.where("_id")
                .is(learnerId)
                .and(at + "id")
                .is(input.id())
                .and(at + "status")
                .in(from));
        Update update = new Update()
                .set(at + "status", to)
                .set(at + "statusReason", input.reason().strip())
                .set(at + "statusChangedAt", Instant.now());
        long modified;
        try {
            modified = mongo.updateFirst(query, update, LearnerAwards.class).getModifiedCount();
        } finally {
            recent.forget(learnerId);
        }
        if (modified == 0) {
            throw whyUnchanged(learnerId, input.id(), to);
        }
        // No transactions: the award changes first, then its status list bits. Should the second
        // step fail, the registrar's retry is refused as a conflict but still re-applies the bits.
        issuance.syncStatusBits(input.id(), to);
        audit.record(
                "credential." + to.name().toLowerCase(),
                "EarnedCredential",
                input.id(),
                Map.of("reason", input.reason()));
        return find(learnerId, input.id());
    }

    private RuntimeException whyUnchanged(String learnerId, String awardId, AwardStatus to) {
        Award current = find(learnerId, awardId);
        issuance.syncStatusBits(awardId, current.status());
        String code = current.status() == AwardStatus.REVOKED ? "ALREADY_REVOKED" : "STATUS_CHANGE_NOT_ALLOWED";
        return new ConflictException(
                code, "input.id", "This credential is " + current.status() + " and cannot become " + to + ".");
    }

    private Award find(String learnerId, String awardId) {
        return held(learnerId).get(indexOf(learnerId, awardId));
    }

    private int indexOf(String learnerId, String awardId) {
        List<Award> held = held(learnerId);
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i).id().equals(awardId)) {
                return i;
            }
        }
        throw new NotFoundException("EARNED_CREDENTIAL_NOT_FOUND", "input.id", "No earned credential " + awardId + ".");
    }

    private List<Award> held(String learnerId) {
        LearnerAwards all = mongo.findById(learnerId, LearnerAwards.class);
        return all == null || all.credentials() == null ? List.of() : all.credentials();
    }
}
