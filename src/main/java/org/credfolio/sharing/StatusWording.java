package org.credfolio.sharing;

import org.credfolio.awards.AwardStatus;
import org.credfolio.sharing.ShareViews.ShownCredential;
import org.credfolio.trust.verification.CredentialSummary;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.VerificationCheck;

/** What the page says about one credential: the verifier's conclusion in plain words, and a tone. */
record StatusWording(String text, Tone tone) {

    /**
     * Colour is only a second signal: the text and a mark always say the same. The marks are
     * character references, so that a page stays ASCII and is written out as a plain byte copy.
     */
    enum Tone {
        OK("status-ok", "&#x2713;"),
        WARN("status-warn", "!"),
        BAD("status-bad", "&#x2715;");

        final String cssClass;
        final String mark;

        Tone(String cssClass, String mark) {
            this.cssClass = cssClass;
            this.mark = mark;
        }
    }

    static StatusWording of(ShownCredential credential) {
        CredentialVerification verification = credential.verification();
        if (verification == null) {
            // Revoked before it was ever signed: there is no credential to check, only the record.
            return credential.source().award().status() == AwardStatus.REVOKED
                    ? new StatusWording("Revoked by the issuer", Tone.BAD)
                    : unverifiable("no signed credential is on record for it");
        }
        if (verification.verified()) {
            return new StatusWording("Verified", Tone.OK);
        }
        CredentialSummary summary = verification.summary();
        CredentialSummary.Status status = summary == null ? CredentialSummary.Status.INVALID : summary.status();
        switch (status) {
            case EXPIRED:
                return new StatusWording("Expired on " + Dates.readable(summary.validUntil()), Tone.WARN);
            case NOT_YET_VALID:
                return new StatusWording("Not valid until " + Dates.readable(summary.validFrom()), Tone.WARN);
            case SUSPENDED:
                return new StatusWording("Suspended by the issuer", Tone.WARN);
            case REVOKED:
                return new StatusWording("Revoked by the issuer", Tone.BAD);
            default:
                return unverifiable(firstFailure(verification));
        }
    }

    private static StatusWording unverifiable(String reason) {
        return new StatusWording("Could not be verified: " + reason, Tone.BAD);
    }

    private static String firstFailure(CredentialVerification verification) {
        return verification.checks().stream()
                .filter(c -> !c.passed())
                .map(VerificationCheck::reason)
                .findFirst()
                .orElse("the checks did not all pass");
    }
}
