package org.credfolio.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.credfolio.awards.SharedCredentials;
import org.credfolio.awards.SharedCredentials.SharedCredential;
import org.credfolio.identity.IdentityDisclosure;
import org.credfolio.identity.IdentityDisclosures;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.CredentialVerifier;
import org.springframework.stereotype.Service;

/**
 * Opens a share by its token for the public page: no session, the token is the capability. Every
 * credential is verified afresh on each view, as any outside verifier would.
 */
@Service
class ShareViews {
    private final RecentShares shares;
    private final SharedCredentials credentials;
    private final CredentialVerifier verifier;
    private final IdentityDisclosures identities;
    private final ShareViewCounts views;

    ShareViews(
            RecentShares shares,
            SharedCredentials credentials,
            CredentialVerifier verifier,
            IdentityDisclosures identities,
            ShareViewCounts views) {
        this.identities = identities;
        this.views = views;
        this.shares = shares;
        this.credentials = credentials;
        this.verifier = verifier;
    }

    /** What a token opens. */
    sealed interface View permits Shown, Gone, Missing {}

    /** An active share and each of its credentials with its verification. */
    record Shown(Share share, String token, List<ShownCredential> credentials) implements View {}

    /** A share that expired or was revoked. */
    record Gone(Share share) implements View {}

    /** No share has this token (or the token is not one this service could have made). */
    record Missing() implements View {}

    /**
     * One shared credential. {@code verification} is null when no signed credential is on record.
     */
    record ShownCredential(SharedCredential source, CredentialVerification verification) {}

    /**
     * The active share with this token, or null. Looked up by the token's hash alone (a unique
     * index; remembered for a second, {@link RecentShares}), then checked for expiry and withdrawal
     * here.
     */
    Share active(String token) {
        Share share = shares.byToken(token);
        return share != null && share.activeAt(Instant.now()) ? share : null;
    }

    /** The signed credentials of an active share, for a presentation; revoked ones have none. */
    List<String> signedCredentials(Share share) {
        List<String> signed = new ArrayList<>(credentials.forShare(share.learnerId(), share.credentialIds()).stream()
                .map(SharedCredential::jwt)
                .filter(Objects::nonNull)
                .toList());
        identity(share).ifPresent(d -> signed.add(d.jwt()));
        return signed;
    }

    /**
     * The identity disclosure the share carries, while the learner has not stopped it: a stopped
     * one's credential is left out (it would fail its status check anyway).
     */
    private Optional<IdentityDisclosure> identity(Share share) {
        return share.identityDisclosureId() == null
                ? Optional.empty()
                : identities.forPresentation(share.identityDisclosureId(), share.learnerId());
    }

    /** The Data Integrity forms of an active share's credentials; revoked ones have none. */
    List<Map<String, Object>> securedCredentials(Share share) {
        List<Map<String, Object>> secured =
                new ArrayList<>(credentials.securedForShare(share.learnerId(), share.credentialIds()));
        identity(share).ifPresent(d -> secured.add(CredentialForms.parseJson(d.ldpCredential())));
        return secured;
    }

    /** Counts the view, only for an active share. */
    View open(String token) {
        Share share = shares.byToken(token);
        if (share == null) {
            return new Missing();
        }
        if (!share.activeAt(Instant.now())) {
            return new Gone(share);
        }
        // The share was active a moment ago; a view racing a withdrawal may count.
        views.count(share.id());
        List<ShownCredential> shown = credentials.forShare(share.learnerId(), share.credentialIds()).stream()
                .map(c -> new ShownCredential(c, c.jwt() == null ? null : verifier.verifyCredential(c.jwt())))
                .toList();
        return new Shown(share, token, shown);
    }
}
