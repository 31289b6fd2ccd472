package org.credfolio.sharing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credfolio.awards.Award;
import org.credfolio.awards.AwardStatus;
import org.credfolio.awards.SharedCredentials;
import org.credfolio.awards.SharedCredentials.SharedCredential;
import org.credfolio.learner.LearnerManagement;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.SecretTokens;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.CredentialVerifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Permanent public pages of single earned credentials: a learner publishes and withdraws their own
 * (LEARNER only); anyone opens a published page at /c/{publicId}, verified afresh on every view.
 */
@Service
public class CredentialPages {
    private static final String FIELD = "credentialId";
    private final MongoOperations mongo;
    private final SharedCredentials credentials;
    private final LearnerManagement learners;
    private final CredentialVerifier verifier;
    private final AuditLog audit;
    private final String baseUrl;

    CredentialPages(
            MongoOperations mongo,
            SharedCredentials credentials,
            LearnerManagement learners,
            CredentialVerifier verifier,
            AuditLog audit,
            TrustProperties trust) {
        this.mongo = mongo;
        this.credentials = credentials;
        this.learners = learners;
        this.verifier = verifier;
        this.audit = audit;
        this.baseUrl = trust.publicBaseUrl();
    }

    /**
     * Publishes the caller's own earned credential, issuing it now if it never was. Publishing a
     * published credential again answers the same page; publishing a withdrawn one brings its page
     * (and address) back. A revoked credential cannot be published.
     */
    @PreAuthorize("hasRole('LEARNER')")
    public PublishedCredentialPage publish(String awardId) {
        Award award = ownAward(awardId);
        if (award.status() == AwardStatus.REVOKED) {
            throw new InvalidInputException(
                    "EARNED_CREDENTIAL_REVOKED",
                    FIELD,
                    "The credential " + awardId + " was revoked and cannot be published.");
        }
        credentials.issueOwn(List.of(award));
        String learnerId = CurrentUsers.require().learnerId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String displayName = learners.me().nameWithFamilyInitial();
        CredentialPage page = byAward(awardId);
        if (page == null) {
            try {
                page = mongo.insert(
                        new CredentialPage(SecretTokens.newToken(), awardId, learnerId, displayName, now, null));
                audit.record("credential_page.published", "CredentialPage", page.publicId(), Map.of(FIELD, awardId));
            } catch (DuplicateKeyException e) {
                // Published concurrently: one page per credential, the first one stands.
                page = byAward(awardId);
            }
        } else if (!page.published()) {
            // By _id alone, the lookup the embedded store serves from its index.
            page = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(page.publicId())),
                    new Update()
                            .set("withdrawnAt", null)
                            .set("publishedAt", now)
                            .set("displayName", displayName),
                    FindAndModifyOptions.options().returnNew(true),
                    CredentialPage.class);
            audit.record(
                    "credential_page.published",
                    "CredentialPage",
                    page.publicId(),
                    Map.of(FIELD, awardId, "again", true));
        }
        return view(page, credentials.forShare(learnerId, List.of(awardId)));
    }

    /** Withdraws the caller's page of this earned credential; it answers 410 Gone from then on. */
    @PreAuthorize("hasRole('LEARNER')")
    public PublishedCredentialPage withdraw(String awardId) {
        String learnerId = CurrentUsers.require().learnerId();
        CredentialPage page = byAward(awardId);
        if (page == null || !learnerId.equals(page.learnerId())) {
            throw new NotFoundException(
                    "CREDENTIAL_PAGE_NOT_FOUND",
                    FIELD,
                    "You have no published page of the credential " + awardId + ".");
        }
        CredentialPage withdrawn = mongo.findAndModify(
                Query.query(Criteria.where("_id")
                        .is(page.publicId())
                        .and("withdrawnAt")
                        .is(null)),
                new Update().set("withdrawnAt", Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                FindAndModifyOptions.options().returnNew(true),
                CredentialPage.class);
        if (withdrawn == null) {
            throw new ConflictException(
                    "CREDENTIAL_PAGE_ALREADY_WITHDRAWN", FIELD, "This credential's page was withdrawn already.");
        }
        audit.record("credential_page.withdrawn", "CredentialPage", page.publicId(), Map.of(FIELD, awardId));
        return view(withdrawn, credentials.forShare(learnerId, List.of(awardId)));
    }

    /** The caller's credential pages, most recently published first, withdrawn ones included. */
    @PreAuthorize("hasRole('LEARNER')")
    public List<PublishedCredentialPage> mine() {
        String learnerId = CurrentUsers.require().learnerId();
        List<CredentialPage> pages = mongo.find(
                Query.query(Criteria.where("learnerId").is(learnerId))
                        .with(Sort.by(Sort.Direction.DESC, "publishedAt"))
                        .limit(1000),
                CredentialPage.class);
        if (pages.isEmpty()) {
            return List.of();
        }
        List<SharedCredential> held = credentials.forShare(
                learnerId, pages.stream().map(CredentialPage::awardId).toList());
        Map<String, SharedCredential> byAward =
                held.stream().collect(Collectors.toMap(c -> c.award().id(), Function.identity(), (a, b) -> a));
        return pages.stream()
                .map(p -> view(
                        p,
                        Optional.ofNullable(byAward.get(p.awardId()))
                                .map(List::of)
                                .orElse(List.of())))
                .toList();
    }

    /** What a public id opens. */
    sealed interface Opened permits Live, Gone, Missing {}

    /** A published page, its credential, and the verification made for this view (null without a signed form). */
    record Live(CredentialPage page, SharedCredential credential, CredentialVerification verification)
            implements Opened {}

    /** Withdrawn by the learner, or its credential is no longer on record. */
    record Gone(CredentialPage page) implements Opened {}

    /** No page has this id. */
    record Missing() implements Opened {}

    /** Opens a page for anyone: the public id is the address. Verifies the credential now. */
    Opened open(String publicId) {
        CredentialPage page = find(publicId);
        if (page == null) {
            return new Missing();
        }
        if (!page.published()) {
            return new Gone(page);
        }
        List<SharedCredential> shown = credentials.forShare(page.learnerId(), List.of(page.awardId()));
        if (shown.isEmpty()) {
            return new Gone(page);
        }
        SharedCredential credential = shown.get(0);
        return new Live(
                page, credential, credential.jwt() == null ? null : verifier.verifyCredential(credential.jwt()));
    }

    /**
     * The VC-JWT of a published page's credential; empty when withdrawn, unknown or revoked (a
     * revoked credential is no longer anything its issuer asserts).
     */
    Optional<String> jwt(String publicId) {
        CredentialPage page = find(publicId);
        if (page == null || !page.published()) {
            return Optional.empty();
        }
        return credentials.forShare(page.learnerId(), List.of(page.awardId())).stream()
                .filter(c -> c.award().status() != AwardStatus.REVOKED && c.jwt() != null)
                .map(SharedCredential::jwt)
                .findFirst();
    }

    /** The Data Integrity form of a published page's credential; empty when withdrawn, unknown or revoked. */
    Optional<Map<String, Object>> dataIntegrity(String publicId) {
        CredentialPage page = find(publicId);
        if (page == null || !page.published()) {
            return Optional.empty();
        }
        return credentials.securedForShare(page.learnerId(), List.of(page.awardId())).stream()
                .findFirst();
    }

    /** Whether a page (published or withdrawn) has this id. */
    boolean known(String publicId) {
        return find(publicId) != null;
    }

    /** Pages by their well-formed public id, by _id; anything else is not looked up at all. */
    private CredentialPage find(String publicId) {
        return SecretTokens.isWellFormed(publicId) ? mongo.findById(publicId, CredentialPage.class) : null;
    }

    /** By the unique index on awardId, which the embedded store serves from the index. */
    private CredentialPage byAward(String awardId) {
        return mongo.findOne(Query.query(Criteria.where("awardId").is(awardId)), CredentialPage.class);
    }

    private Award ownAward(String awardId) {
        List<Award> own = awardId == null ? List.of() : credentials.ownAwards(List.of(awardId));
        if (own.isEmpty()) {
            // Someone else's credential reads as not found, so the mutation cannot probe others.
            throw new NotFoundException(
                    "EARNED_CREDENTIAL_NOT_FOUND", FIELD, "You have no earned credential " + awardId + ".");
        }
        return own.get(0);
    }

    String url(CredentialPage page) {
        return baseUrl + "/c/" + page.publicId();
    }

    private PublishedCredentialPage view(CredentialPage page, List<SharedCredential> shown) {
        String url = url(page);
        return new PublishedCredentialPage(
                page.awardId(),
                url,
                shown.isEmpty() ? linkedIn(null, url, page) : linkedIn(shown.get(0), url, page),
                page.publishedAt(),
                page.withdrawnAt(),
                page.published());
    }

    /**
     * LinkedIn's form, filled in: the organization is the certifying body when the catalog names one
     * (what LinkedIn calls the issuing organization of a certification), else the district; the
     * credential id is the signed credential's own id, which a verifier finds in the downloads.
     */
    private static String linkedIn(SharedCredential credential, String url, CredentialPage page) {
        if (credential == null) {
            return LinkedInCertification.url(null, null, null, null, url, null);
        }
        String organization = credential.certifiedBy() != null ? credential.certifiedBy() : credential.issuedBy();
        return LinkedInCertification.url(
                credential.name(),
                organization,
                credential.award().earnedOn(),
                credential.award().expiresOn(),
                url,
                credentialId(credential.jwt()));
    }

    /** The {@code id} of a signed credential (urn:uuid:...), or null without one. */
    static String credentialId(String jwt) {
        if (jwt == null) {
            return null;
        }
        try {
            Object id = CredentialForms.payload(jwt).get("id");
            return id == null ? null : id.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
