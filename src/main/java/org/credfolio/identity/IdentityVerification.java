package org.credfolio.identity;

import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.keys.IssuerKeys;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.VerificationCheck;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * Checks the identity credential in a verified presentation for a college: the credential verified
 * like any other (signature, issuer key standing, status, validity, about the presentation's holder:
 * {@code PresentationVerifier} checks all of those), its issuer is the holder's own district, and
 * the learner disclosed it to this college. Only then are its values read.
 */
@Service
public class IdentityVerification {
    private final MongoOperations mongo;
    private final IssuerKeys keys;

    IdentityVerification(MongoOperations mongo, IssuerKeys keys) {
        this.mongo = mongo;
        this.keys = keys;
    }

    /**
     * What the identity check found.
     *
     * @param identity the verified identity, or null when none was presented or it failed
     * @param checks the named checks, empty when no identity credential was presented
     */
    public record Outcome(DisclosedIdentity identity, List<VerificationCheck> checks) {
        public static final Outcome NONE = new Outcome(null, List.of());

        public boolean presented() {
            return !checks.isEmpty();
        }
    }

    /**
     * Whether this credential claims to be an identity credential, to keep it out of credit rules and
     * check it here. A credential whose signature failed has no verified content, so its unverified
     * payload is looked at for this sorting only; its values are never read.
     */
    public static boolean isIdentityCredential(CredentialVerification credential) {
        Map<String, Object> content = credential.credential();
        if (content == null && credential.jwt() != null) {
            try {
                content = CredentialForms.payload(credential.jwt());
            } catch (IllegalStateException unreadable) {
                return false;
            }
        }
        return IdentityCredential.disclosureIdOf(content) != null;
    }

    /** The outcome for a presentation that did not verify: an identity in it is not taken. */
    public static Outcome ofUnverifiedPresentation(List<CredentialVerification> credentials) {
        return credentials.stream().anyMatch(IdentityVerification::isIdentityCredential)
                ? failed("identity", "The presentation did not verify, so the identity it carries is not taken.")
                : Outcome.NONE;
    }

    /**
     * @param credentials every credential of a presentation that verified as a presentation
     * @param holder the presentation's holder DID
     * @param institutionId the college the identity must have been disclosed to
     */
    public Outcome check(List<CredentialVerification> credentials, String holder, String institutionId) {
        List<CredentialVerification> identities = credentials.stream()
                .filter(IdentityVerification::isIdentityCredential)
                .toList();
        if (identities.isEmpty()) {
            return Outcome.NONE;
        }
        if (identities.size() > 1) {
            return failed("identity", "The presentation carries more than one identity credential; present one.");
        }
        CredentialVerification presented = identities.get(0);
        if (!presented.verified()) {
            String why = presented.checks().stream()
                    .filter(c -> !c.passed())
                    .map(VerificationCheck::reason)
                    .reduce((a, b) -> a + " " + b)
                    .orElse("It did not verify.");
            return failed("identity", "The identity credential did not verify: " + why);
        }
        Map<String, Object> content = presented.credential();
        String disclosureId = IdentityCredential.disclosureIdOf(content);
        IdentityDisclosure disclosure = mongo.findById(disclosureId, IdentityDisclosure.class);
        String issuer = content.get("issuer") instanceof Map<?, ?> i ? String.valueOf(i.get("id")) : null;
        if (disclosure == null
                || !keys.learnerDid(disclosure.learnerId()).equals(holder)
                || !keys.issuerDid(disclosure.districtId()).equals(issuer)) {
            return failed(
                    "identity", "The identity credential is not one the holder's own district issued to the holder.");
        }
        if (!disclosure.audienceId().equals(institutionId)) {
            return failed(
                    "identity",
                    "The learner disclosed this identity to " + disclosure.audienceName() + ", not to this college.");
        }
        try {
            DisclosedIdentity identity = IdentityCredential.read(content, disclosureId);
            return new Outcome(
                    identity,
                    List.of(new VerificationCheck(
                            "identity",
                            true,
                            "Identity vouched for by the holder's district " + issuer
                                    + " and disclosed by the learner to this college.")));
        } catch (DateTimeException | NumberFormatException e) {
            return failed("identity", "The identity credential's values cannot be read.");
        }
    }

    private static Outcome failed(String name, String reason) {
        return new Outcome(null, List.of(new VerificationCheck(name, false, reason)));
    }
}
