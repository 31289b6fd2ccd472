package org.credfolio.verifypage;

import java.util.Map;
import org.credfolio.trust.verification.CredentialSummary;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.VerificationCheck;

/**
 * The page's one-line answer, from the verification engine's conclusion: valid, or the main reason
 * it is not (revoked, suspended, expired, not yet valid, signature, unknown issuer, not a
 * credential). Colour is only a second signal: the words and a mark always say the same.
 */
record Verdict(String headline, Tone tone) {

    enum Tone {
        OK("status-ok", "\u2713"),
        WARN("status-warn", "!"),
        BAD("status-bad", "\u2715");

        final String cssClass;
        final String mark;

        Tone(String cssClass, String mark) {
            this.cssClass = cssClass;
            this.mark = mark;
        }
    }

    /** Each check's name in plain words: what it means when it passed, and when it failed. */
    private static final Map<String, String[]> CHECK_WORDS = Map.ofEntries(
            Map.entry("parse", new String[] {"Readable as a credential", "Not readable as a credential"}),
            Map.entry(
                    "algorithm",
                    new String[] {"Signed in a way this page accepts", "Not signed in a way this page accepts"}),
            Map.entry("header", new String[] {"Signature header is safe", "Signature header is not acceptable"}),
            Map.entry("issuer", new String[] {"Issuer is known and trusted", "Issuer is not known or not trusted"}),
            Map.entry("key", new String[] {
                "Issuer's signing key is in good standing", "Issuer's signing key is not" + " usable"
            }),
            Map.entry("signature", new String[] {"Signature matches the content", "Signature does not match the content"
            }),
            Map.entry("claims", new String[] {
                "Issuer, learner and signing key agree", "Issuer, learner and signing key" + " do not agree"
            }),
            Map.entry("validity", new String[] {"Within its validity dates", "Outside its validity dates"}),
            Map.entry("revocation", new String[] {"Not revoked by the issuer", "Revoked by the issuer"}),
            Map.entry("suspension", new String[] {"Not suspended by the issuer", "Suspended by the issuer"}),
            Map.entry(
                    "openBadges",
                    new String[] {"Has the Open Badges 3.0 shape", "Does not have the Open Badges 3.0" + " shape"}));

    static String checkWords(VerificationCheck check) {
        String[] words = CHECK_WORDS.get(check.name());
        if (words == null) {
            return check.name() + (check.passed() ? ": passed" : ": failed");
        }
        return words[check.passed() ? 0 : 1];
    }

    /** True when the input could not be read as a credential at all. */
    static boolean notACredential(CredentialVerification verification) {
        return verification.checks().stream().anyMatch(c -> c.name().equals("parse") && !c.passed());
    }

    static Verdict of(CredentialVerification verification) {
        if (verification.verified()) {
            return new Verdict("Valid: this credential is genuine and in good standing", Tone.OK);
        }
        if (notACredential(verification)) {
            return new Verdict("Not a credential: this is not something this page can check", Tone.BAD);
        }
        CredentialSummary summary = verification.summary();
        CredentialSummary.Status status = summary == null ? CredentialSummary.Status.INVALID : summary.status();
        switch (status) {
            case REVOKED:
                return new Verdict("Not valid: revoked by the issuer", Tone.BAD);
            case SUSPENDED:
                return new Verdict("Not valid: suspended by the issuer", Tone.WARN);
            case EXPIRED:
                return new Verdict("Not valid: expired on " + Dates.readable(summary.validUntil()), Tone.WARN);
            case NOT_YET_VALID:
                return new Verdict("Not valid yet: valid from " + Dates.readable(summary.validFrom()), Tone.WARN);
            default:
                return new Verdict(firstFailure(verification), Tone.BAD);
        }
    }

    private static String firstFailure(CredentialVerification verification) {
        VerificationCheck failed = verification.checks().stream()
                .filter(c -> !c.passed())
                .findFirst()
                .orElse(null);
        if (failed == null) {
            return "Not valid: not every check passed";
        }
        switch (failed.name()) {
            case "signature":
                return "Not valid: the signature does not match (the credential was altered, or not signed by its"
                        + " issuer)";
            case "issuer":
                return "Not valid: unknown issuer (not this service and not on its trust list)";
            case "key":
                return failed.reason().contains("compromised")
                        ? "Not valid: the issuer's signing key was reported compromised"
                        : "Not valid: unknown issuer key";
            case "algorithm":
            case "header":
                return "Not valid: not signed in a way this page accepts";
            case "claims":
                return "Not valid: the issuer named in it did not sign it";
            case "validity":
                return "Not valid: its dates cannot be read";
            case "revocation":
            case "suspension":
                return "Not valid: its revocation status could not be checked";
            case "openBadges":
                return "Not valid: not a complete Open Badges 3.0 credential";
            default:
                return "Not valid: " + failed.reason();
        }
    }
}
