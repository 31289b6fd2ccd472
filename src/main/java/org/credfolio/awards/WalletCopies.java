package org.credfolio.awards;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.SecretTokens;
import org.credfolio.trust.OpenBadgeEnvelope;
import org.credfolio.trust.keys.IssuerKeys;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Copies of earned credentials for the learner's own wallet. A learner asks for an offer of one of
 * their credentials (signed in); the wallet then redeems it without a session: the unguessable
 * exchange id, its expiry and single use are the authority, bound at offer time to the learner and
 * the award. The copy is the award's credential with the wallet's DID as subject, a new id and the
 * award's own status entry, secured by the district like the original.
 */
@Service
public class WalletCopies {
    public static final Duration OFFER_LIFETIME = Duration.ofMinutes(15);
    /** How long a spent or expired offer is kept for support questions (MongoDB's TTL index says the same). */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final MongoOperations mongo;
    private final CredentialIssuance issuance;
    private final IssuerKeys keys;
    private final AuditLog audit;

    WalletCopies(MongoOperations mongo, CredentialIssuance issuance, IssuerKeys keys, AuditLog audit) {
        this.mongo = mongo;
        this.issuance = issuance;
        this.keys = keys;
        this.audit = audit;
    }

    /** A new offer: the exchange id (the capability), the challenge its wallet must answer, the expiry. */
    public record Offer(String exchangeId, String challenge, String preAuthorizedCode, Instant expiresAt) {}

    /** An OpenID4VCI access token and the nonce its key proof must carry; valid until the offer expires. */
    public record Token(String accessToken, String cNonce, Instant expiresAt) {}

    /** An offer a wallet is about to redeem, as the exchange shows it. */
    public record PendingOffer(String exchangeId, String challenge, Instant expiresAt) {}

    /** Why an exchange cannot go on: unknown, expired, used, or its credential revoked since. */
    public static final class Refused extends RuntimeException {
        private final boolean unknown;

        Refused(String message, boolean unknown) {
            super(message, null, false, false);
            this.unknown = unknown;
        }

        /** No offer has this exchange id. */
        public boolean unknown() {
            return unknown;
        }
    }

    /**
     * Offers one of the caller's own earned credentials to their wallet, for 15 minutes and one use.
     * Others' credentials are answered as not found; a revoked one is refused. The award's credential
     * is issued now if it was not yet.
     */
    @PreAuthorize("hasRole('LEARNER')")
    public Offer offer(String awardId) {
        String learnerId = CurrentUsers.require().learnerId();
        Award award = heldBy(learnerId, awardId);
        if (award == null) {
            throw new NotFoundException(
                    "EARNED_CREDENTIAL_NOT_FOUND", "credentialId", "You have no earned credential " + awardId + ".");
        }
        if (award.status() == AwardStatus.REVOKED) {
            throw new InvalidInputException(
                    "EARNED_CREDENTIAL_REVOKED",
                    "credentialId",
                    "The credential " + awardId + " was revoked and cannot be offered to a wallet.");
        }
        issuance.ldpCredentialsFor(List.of(award));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(now.minus(KEPT_AFTER_EXPIRY))), WalletOffer.class);
        String exchangeId = SecretTokens.newToken();
        String preAuthorizedCode = SecretTokens.newToken();
        WalletOffer offer = mongo.insert(new WalletOffer(
                SecretTokens.hash(exchangeId),
                learnerId,
                awardId,
                SecretTokens.newToken(),
                now,
                now.plus(OFFER_LIFETIME),
                null,
                null,
                SecretTokens.hash(preAuthorizedCode),
                null,
                null));
        audit.record(
                "wallet.offered",
                "EarnedCredential",
                awardId,
                Map.of("expiresAt", offer.expiresAt().toString()));
        return new Offer(exchangeId, offer.challenge(), preAuthorizedCode, offer.expiresAt());
    }

    /** The offer with this exchange id while it can still be redeemed; {@link Refused} otherwise. */
    public PendingOffer pending(String exchangeId) {
        WalletOffer offer = byExchangeId(exchangeId);
        refuseUnusable(offer, Instant.now());
        return new PendingOffer(exchangeId, offer.challenge(), offer.expiresAt());
    }

    /**
     * Redeems the offer for the wallet that authenticated as {@code walletDid} (the caller has checked
     * its proof against the offer's challenge): marks it used, then issues and records the copy. No
     * session: the exchange id is the authority.
     */
    public Map<String, Object> deliver(String exchangeId, String walletDid) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WalletOffer offer = SecretTokens.isWellFormed(exchangeId)
                ? redeem(Criteria.where("_id").is(SecretTokens.hash(exchangeId)), walletDid, now)
                : null;
        if (offer == null) {
            refuseUnusable(byExchangeId(exchangeId), now);
            throw new Refused("This offer was just redeemed by another request.", false);
        }
        return copy(offer, walletDid, now).secured();
    }

    /**
     * Exchanges an OpenID4VCI pre-authorized code for an access token, once. {@link Refused} when the
     * code is unknown, already exchanged, or its offer used or expired.
     */
    public Token token(String preAuthorizedCode) {
        Instant now = Instant.now();
        String accessToken = SecretTokens.newToken();
        WalletOffer offer = !SecretTokens.isWellFormed(preAuthorizedCode)
                ? null
                : mongo.findAndModify(
                        Query.query(Criteria.where("preAuthorizedCodeHash")
                                .is(SecretTokens.hash(preAuthorizedCode))
                                .and("accessTokenHash")
                                .is(null)
                                .and("usedAt")
                                .is(null)
                                .and("expiresAt")
                                .gt(now)),
                        new Update()
                                .set("accessTokenHash", SecretTokens.hash(accessToken))
                                .set("cNonce", SecretTokens.newToken()),
                        FindAndModifyOptions.options().returnNew(true),
                        WalletOffer.class);
        if (offer == null) {
            throw new Refused("The pre-authorized code is unknown, was used already, or its offer expired.", false);
        }
        return new Token(accessToken, offer.cNonce(), offer.expiresAt());
    }

    /** The token's offer while it can still be redeemed; {@link Refused} (unknown) for a token never issued. */
    public Token pendingToken(String accessToken) {
        WalletOffer offer = !SecretTokens.isWellFormed(accessToken)
                ? null
                : mongo.findOne(
                        Query.query(Criteria.where("accessTokenHash").is(SecretTokens.hash(accessToken))),
                        WalletOffer.class);
        refuseUnusable(offer, Instant.now());
        return new Token(accessToken, offer.cNonce(), offer.expiresAt());
    }

    /**
     * Redeems the offer of an OpenID4VCI access token for the wallet whose key proof named {@code
     * walletDid} (checked by the caller against the token's nonce): the copy with its embedded proof,
     * or as a VC-JWT when {@code jwt}.
     */
    public Object deliverForToken(String accessToken, String walletDid, boolean jwt) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WalletOffer offer = !SecretTokens.isWellFormed(accessToken)
                ? null
                : redeem(Criteria.where("accessTokenHash").is(SecretTokens.hash(accessToken)), walletDid, now);
        if (offer == null) {
            pendingToken(accessToken);
            throw new Refused("This offer was just redeemed by another request.", false);
        }
        Copy copy = copy(offer, walletDid, now);
        return jwt
                ? keys.sign(
                        copy.organizationId(),
                        OpenBadgeEnvelope.VC_JWT_TYPE,
                        OpenBadgeCredential.jwtPayload(copy.secured(), copy.award()))
                : copy.secured();
    }

    private WalletOffer redeem(Criteria which, String walletDid, Instant now) {
        return mongo.findAndModify(
                Query.query(which.and("usedAt").is(null).and("expiresAt").gt(now)),
                new Update().set("usedAt", now).set("walletDid", walletDid),
                FindAndModifyOptions.options().returnNew(true),
                WalletOffer.class);
    }

    private record Copy(Award award, String organizationId, Map<String, Object> secured) {}

    /** Issues and records the copy of a redeemed offer's credential for the wallet. */
    private Copy copy(WalletOffer offer, String walletDid, Instant now) {
        Award award = heldBy(offer.learnerId(), offer.awardId());
        if (award == null || award.status() == AwardStatus.REVOKED) {
            throw new Refused("The offered credential was revoked or removed after the offer was made.", false);
        }
        Map<String, Object> original =
                issuance.ldpCredentialsFor(List.of(award)).get(award.id());
        Map<String, Object> content = new LinkedHashMap<>(original);
        content.remove("proof");
        String id = "urn:uuid:" + UUID.randomUUID();
        content.put("id", id);
        Map<String, Object> subject = new LinkedHashMap<>(cast(content.get("credentialSubject")));
        subject.put("id", walletDid);
        content.put("credentialSubject", subject);
        String issuer = String.valueOf(((Map<?, ?>) content.get("issuer")).get("id"));
        String organizationId = keys.organizationOf(issuer);
        Map<String, Object> secured = keys.secure(organizationId, content);
        mongo.insert(new WalletDelivery(id, award.id(), offer.learnerId(), walletDid, now));
        audit.record(
                "credential.deliveredToWallet",
                "EarnedCredential",
                award.id(),
                Map.of("id", id, "walletDid", walletDid));
        return new Copy(award, organizationId, secured);
    }

    private WalletOffer byExchangeId(String exchangeId) {
        return SecretTokens.isWellFormed(exchangeId)
                ? mongo.findById(SecretTokens.hash(exchangeId), WalletOffer.class)
                : null;
    }

    private static void refuseUnusable(WalletOffer offer, Instant now) {
        if (offer == null) {
            throw new Refused("There is no such exchange.", true);
        }
        if (offer.usedAt() != null) {
            throw new Refused("This offer was already used; ask for a new one.", false);
        }
        if (!now.isBefore(offer.expiresAt())) {
            throw new Refused("This offer expired at " + offer.expiresAt() + "; ask for a new one.", false);
        }
    }

    private Award heldBy(String learnerId, String awardId) {
        LearnerAwards all = learnerId == null ? null : mongo.findById(learnerId, LearnerAwards.class);
        if (all == null || all.credentials() == null) {
            return null;
        }
        return all.credentials().stream()
                .filter(a -> a.id().equals(awardId))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
