package org.credfolio.awards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.credfolio.catalog.CatalogManagement;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.learner.Learner;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.StrongRandom;
import org.credfolio.shared.store.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Records earned credentials; registrars of the learner's organization only. */
@Service
public class AwardManagement {
    /**
     * Earned credentials one learner may hold. They live in one document per learner, and MongoDB
     * refuses documents over 16 MB; 500 awards stay far below it (about 1 KB each) and far above any
     * high-school career.
     */
    public static final int MAX_PER_LEARNER = 500;

    private static final Logger log = LoggerFactory.getLogger(AwardManagement.class);
    private static final Object[] LEARNER_LOCKS =
            java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();
    private final MongoOperations mongo;
    private final RecentLearnerAwards recent;
    private final RegistrarAccess registrars;
    private final CatalogManagement catalog;
    private final AuditLog audit;
    private final CredentialIssuance issuance;
    private final boolean soleWriter;

    AwardManagement(
            MongoOperations mongo,
            RegistrarAccess registrars,
            CatalogManagement catalog,
            AuditLog audit,
            CredentialIssuance issuance,
            RecentLearnerAwards recent,
            ObjectProvider<EmbeddedStore> embeddedStore) {
        this.mongo = mongo;
        this.recent = recent;
        this.registrars = registrars;
        this.catalog = catalog;
        this.audit = audit;
        this.issuance = issuance;
        this.soleWriter = embeddedStore.getIfAvailable() != null;
    }

    @PreAuthorize("hasRole('REGISTRAR')")
    public Award record(RecordCredentialInput input) {
        return record(input, registrars.learnerToAward(input.learnerId()));
    }

    /**
     * {@link #record(RecordCredentialInput)} for the input's learner as the caller has just read them
     * through {@code LearnerManagement} (a bulk import finds learners by student id), which saves
     * reading them again; the same checks apply.
     */
    @PreAuthorize("hasRole('REGISTRAR')")
    public Award record(RecordCredentialInput input, Learner learner) {
        Prepared prepared = prepare(input, registrars.learnerToAward(requireSame(input, learner)));
        Award award = prepared.award();
        Update push = new Update()
                .push("credentials", award)
                .setOnInsert("districtId", prepared.learner().districtId());
        if (!pushUnlessHeld(prepared.learner().id(), award.dedupKey(), push)) {
            if (heldCount(prepared.learner().id()) >= MAX_PER_LEARNER) {
                throw tooMany(prepared);
            }
            throw duplicate(prepared);
        }
        audit.record(
                "credential.recorded",
                "EarnedCredential",
                award.id(),
                Map.of("credentialId", prepared.credential().id()));
        issueNow(award, prepared.learner());
        return award;
    }

    /**
     * Everything {@link #record} checks (the caller's rights, the catalog entry, the dates, a
     * duplicate), without writing anything: a dry run's answer to "would this be recorded?".
     */
    @PreAuthorize("hasRole('REGISTRAR')")
    public void check(RecordCredentialInput input, Learner learner) {
        Prepared prepared = prepare(input, registrars.learnerToAward(requireSame(input, learner)));
        if (holds(prepared.learner().id(), prepared.award().dedupKey())) {
            throw duplicate(prepared);
        }
        if (heldCount(prepared.learner().id()) >= MAX_PER_LEARNER) {
            throw tooMany(prepared);
        }
    }

    private static InvalidInputException tooMany(Prepared prepared) {
        return new InvalidInputException(
                "LEARNER_CREDENTIAL_LIMIT",
                "learnerId",
                "This learner already holds " + MAX_PER_LEARNER + " earned credentials, the most one learner may"
                        + " have; revoke ones recorded in error first.");
    }

    private int heldCount(String learnerId) {
        LearnerAwards all = mongo.findById(learnerId, LearnerAwards.class);
        return all == null || all.credentials() == null ? 0 : all.credentials().size();
    }

    private record Prepared(Learner learner, CredentialDefinition credential, Award award) {}

    private static Learner requireSame(RecordCredentialInput input, Learner learner) {
        if (!learner.id().equals(input.learnerId())) {
            throw new IllegalArgumentException("The learner is not the input's learner");
        }
        return learner;
    }

    private Prepared prepare(RecordCredentialInput input, Learner learner) {
        CredentialDefinition credential = catalog.find(input.credentialId())
                .orElseThrow(() -> new InvalidInputException(
                        "CREDENTIAL_NOT_FOUND",
                        "input.credentialId",
                        "No catalog credential " + input.credentialId() + "."));
        return new Prepared(learner, credential, newAward(learner, input, expiry(input, credential)));
    }

    private static ConflictException duplicate(Prepared prepared) {
        return new ConflictException(
                "DUPLICATE_EARNED_CREDENTIAL",
                "input.credentialId",
                "This learner already has " + prepared.credential().name() + " earned on "
                        + prepared.award().earnedOn() + ".");
    }

    /**
     * The award this learner already holds for this credential and date, the one {@code record}
     * refuses to duplicate; lets the VC API answer a repeated issue request with the same credential.
     */
    @PreAuthorize("hasRole('REGISTRAR')")
    public java.util.Optional<Award> held(String learnerId, String credentialId, LocalDate earnedOn) {
        registrars.learnerToAward(learnerId);
        return heldAward(learnerId, Award.dedupKey(credentialId, earnedOn));
    }

    /** Signs at once; if that fails the award stands and is signed when its credential is first read. */
    private void issueNow(Award award, Learner learner) {
        try {
            issuance.issue(award, learner);
        } catch (RuntimeException e) {
            log.warn("Issuing {} failed; it will be issued on first read", award.id(), e);
        }
    }

    /**
     * On MongoDB, one atomic upsert: if the learner already holds this credential for this date,
     * the filter misses, the upsert tries a second document with the same _id, and MongoDB refuses
     * it. The same refusal happens when a concurrent call created the learner's document first; the
     * plain update that follows tells the two apart.
     *
     * <p>The embedded store serves only a filter of exactly {@code _id} from its index (the filter
     * above scans every learner's document, slower with each learner), and this process is its only
     * writer: there, a per-learner lock around a read and an update by {@code _id} is as atomic.
     */
    private boolean pushUnlessHeld(String learnerId, String dedupKey, Update push) {
        try {
            return pushUnlessHeldInStore(learnerId, dedupKey, push);
        } finally {
            recent.forget(learnerId);
        }
    }

    private boolean pushUnlessHeldInStore(String learnerId, String dedupKey, Update push) {
        if (soleWriter) {
            synchronized (LEARNER_LOCKS[Math.floorMod(learnerId.hashCode(), LEARNER_LOCKS.length)]) {
                if (holds(learnerId, dedupKey) || heldCount(learnerId) >= MAX_PER_LEARNER) {
                    return false;
                }
                mongo.upsert(Query.query(Criteria.where("_id").is(learnerId)), push, LearnerAwards.class);
                return true;
            }
        }
        // Room left: no element at the last allowed position yet. Checked by the store in the same
        // update, so concurrent records cannot pass the bound.
        Query noSuchAward = Query.query(Criteria.where("_id")
                .is(learnerId)
                .and("credentials.dedupKey")
                .ne(dedupKey)
                .and("credentials." + (MAX_PER_LEARNER - 1))
                .exists(false));
        try {
            mongo.upsert(noSuchAward, push, LearnerAwards.class);
            return true;
        } catch (DuplicateKeyException e) {
            return mongo.updateFirst(noSuchAward, push, LearnerAwards.class).getMatchedCount() == 1;
        }
    }

    private boolean holds(String learnerId, String dedupKey) {
        return heldAward(learnerId, dedupKey).isPresent();
    }

    private java.util.Optional<Award> heldAward(String learnerId, String dedupKey) {
        LearnerAwards all = mongo.findById(learnerId, LearnerAwards.class);
        return all == null || all.credentials() == null
                ? java.util.Optional.empty()
                : all.credentials().stream()
                        .filter(a -> dedupKey.equals(a.dedupKey()))
                        .findFirst();
    }

    /**
     * Earned credentials of learners the caller has already been allowed to read (as loaded through
     * {@code LearnerManagement}); one round trip for any number of learners, none for learners read
     * within {@code credfolio.awards.read-ttl} ({@link RecentLearnerAwards}).
     */
    public Map<String, List<Award>> forLearners(Collection<Learner> readable) {
        Set<String> ids = readable.stream().map(Learner::id).collect(Collectors.toSet());
        return recent.byLearner(ids).values().stream()
                .filter(all -> all.credentials() != null)
                .collect(Collectors.toMap(LearnerAwards::learnerId, LearnerAwards::credentials));
    }

    /**
     * The signed credentials (compact JWS) of awards of a learner the caller has already been
     * allowed to read, by award id, issuing any not yet issued. Revoked awards have none.
     */
    public Map<String, String> signedCredentials(Collection<Award> awardsOfReadableLearner) {
        Map<String, String> signed = new HashMap<>(issuance.jwtsFor(awardsOfReadableLearner));
        // A revoked credential was issued once, but is no longer anything the issuer asserts.
        awardsOfReadableLearner.stream()
                .filter(a -> a.status() == AwardStatus.REVOKED)
                .forEach(a -> signed.remove(a.id()));
        return signed;
    }

    /**
     * The Data Integrity forms (JSON-LD with an eddsa-rdfc-2022 proof) of the credentials of awards
     * the caller was already allowed to read, by award id; revoked ones have none.
     */
    public Map<String, Map<String, Object>> securedCredentials(Collection<Award> awardsOfReadableLearner) {
        return issuance.ldpCredentialsFor(awardsOfReadableLearner);
    }

    private static LocalDate expiry(RecordCredentialInput input, CredentialDefinition credential) {
        LocalDate expires = input.expiresOn() != null
                ? input.expiresOn()
                : credential.renewalMonths() == null ? null : input.earnedOn().plusMonths(credential.renewalMonths());
        if (expires != null && expires.isAfter(input.earnedOn().plusYears(100))) {
            throw new InvalidInputException(
                    "EXPIRY_OUT_OF_RANGE",
                    "input.expiresOn",
                    "The expiry date must be within 100 years of the date earned.");
        }
        if (expires != null && !expires.isAfter(input.earnedOn())) {
            throw new InvalidInputException(
                    "EXPIRY_NOT_AFTER_EARNED", "input.expiresOn", "The expiry date must come after the date earned.");
        }
        return expires;
    }

    private static Award newAward(Learner learner, RecordCredentialInput input, LocalDate expiresOn) {
        byte[] serial = new byte[8];
        StrongRandom.current().nextBytes(serial);
        Award.ExamFee fee = input.examFee() == null
                ? null
                : new Award.ExamFee(input.examFee().payer(), input.examFee().amount());
        return new Award(
                learner.id() + "." + HexFormat.of().formatHex(serial),
                input.credentialId(),
                input.earnedOn(),
                expiresOn,
                input.result(),
                input.evidenceUrl(),
                fee,
                AwardStatus.ACTIVE,
                null,
                null,
                CurrentUsers.require().subject(),
                Instant.now(),
                Award.dedupKey(input.credentialId(), input.earnedOn()));
    }
}
