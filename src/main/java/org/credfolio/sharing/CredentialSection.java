package org.credfolio.sharing;

import static org.credfolio.sharing.Html.escape;

import org.credfolio.sharing.ShareViews.ShownCredential;
import org.credfolio.trust.verification.CredentialSummary;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.VerificationCheck;

/**
 * One credential on the share page: what it is, who issued it, its dates, the verdict in words, the
 * checks behind the verdict, and the signed credential itself for a verifier's own check.
 */
final class CredentialSection {
    private CredentialSection() {}

    static String render(ShownCredential credential, int number) {
        CredentialSummary summary = confirmed(credential.verification());
        String name = summary != null && summary.achievementName() != null
                ? summary.achievementName()
                : credential.source().name();
        StatusWording status = StatusWording.of(credential);
        String id = "credential-" + number;
        StringBuilder html = new StringBuilder()
                .append("<section class=\"credential\" aria-labelledby=\"")
                .append(id)
                .append("\">\n<h2 id=\"")
                .append(id)
                .append("\">")
                .append(escape(name == null ? "Credential " + number : name))
                .append("</h2>\n<p class=\"status ")
                .append(status.tone().cssClass)
                .append("\"><span aria-hidden=\"true\">")
                .append(status.tone().mark)
                .append("</span> ")
                .append(escape(status.text()))
                .append("</p>\n")
                .append(byLine(
                        credential.source().certifiedBy(),
                        summary != null && summary.issuerName() != null
                                ? summary.issuerName()
                                : credential.source().issuedBy()))
                .append(facts(credential, summary));
        if (credential.verification() != null) {
            html.append(checks(credential.verification()));
            if (summary == null || summary.status() != CredentialSummary.Status.REVOKED) {
                html.append(signedCredential(credential.source().jwt(), number));
            }
        }
        return html.append("</section>\n").toString();
    }

    /**
     * What the credential says, once its signature verified (the verifier hands over its content
     * then); null before. What an altered credential claims is not shown as fact: the page falls
     * back to the learner's record, as the verify page does.
     */
    static CredentialSummary confirmed(CredentialVerification verification) {
        return verification == null || verification.credential() == null ? null : verification.summary();
    }

    private static String facts(ShownCredential credential, CredentialSummary summary) {
        StringBuilder dl = new StringBuilder("<dl>\n");
        if (summary != null && summary.achievementType() != null) {
            fact(dl, "Type", escape(summary.achievementType()));
        }
        String earned = summary != null && summary.validFrom() != null
                ? summary.validFrom()
                : String.valueOf(credential.source().award().earnedOn());
        fact(dl, "Earned", Dates.time(earned));
        if (summary != null) {
            fact(
                    dl,
                    "Valid until",
                    summary.validUntil() == null ? "Does not expire" : Dates.time(summary.validUntil()));
        }
        return dl.append("</dl>\n").toString();
    }

    /**
     * Who stands behind the credential, in one line: "Certified by (body) · recorded and issued by
     * (district)" when the catalog names a certifying body, else "Issued by (district)". The district
     * is the signed issuer's name when the credential verified far enough to have one.
     */
    static String byLine(String certifiedBy, String issuedBy) {
        if (certifiedBy == null && issuedBy == null) {
            return "";
        }
        if (certifiedBy == null) {
            return "<p class=\"by\">Issued by " + escape(issuedBy) + "</p>\n";
        }
        return "<p class=\"by\">Certified by " + escape(certifiedBy)
                + (issuedBy == null ? "" : " &middot; recorded and issued by " + escape(issuedBy))
                + "</p>\n";
    }

    private static void fact(StringBuilder dl, String term, String valueHtml) {
        dl.append("<dt>").append(term).append("</dt><dd>").append(valueHtml).append("</dd>\n");
    }

    /** The named checks, folded: shared by the share page and the public credential page. */
    static String checks(CredentialVerification verification) {
        StringBuilder list = new StringBuilder("<details>\n<summary>How it was checked (")
                .append(verification.checks().size())
                .append(" checks)</summary>\n<ul class=\"checks\">\n");
        for (VerificationCheck check : verification.checks()) {
            list.append("<li><strong>")
                    .append(check.passed() ? "Passed" : "Failed")
                    .append("</strong> ")
                    .append(escape(check.name()))
                    .append(": ")
                    .append(escape(check.reason()))
                    .append("</li>\n");
        }
        return list.append("</ul>\n</details>\n").toString();
    }

    /** The compact JWS: base64url and dots only, yet escaped like everything else. */
    private static String signedCredential(String jwt, int number) {
        String file = "credential-" + number + ".jwt";
        return "<details>\n<summary>Signed credential (vc+jwt)</summary>\n"
                + "<p>Check it yourself with any VC-JOSE verifier against the issuer's published keys.</p>\n"
                + "<pre>" + escape(jwt) + "</pre>\n"
                + "<p><a download=\"" + file + "\" href=\"data:application/vc+jwt," + escape(jwt) + "\">Download "
                + file + "</a></p>\n</details>\n";
    }
}
