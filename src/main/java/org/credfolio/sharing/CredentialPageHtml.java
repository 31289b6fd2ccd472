package org.credfolio.sharing;

import static org.credfolio.sharing.Html.escape;

import org.credfolio.sharing.CredentialPages.Gone;
import org.credfolio.sharing.CredentialPages.Live;
import org.credfolio.sharing.ShareViews.ShownCredential;
import org.credfolio.trust.verification.CredentialSummary;
import org.credfolio.trust.verification.CredentialVerification;

/**
 * The public page of one credential at /c/{publicId}: who earned what, who certified and issued it,
 * the verifier's verdict of just now in words, and the two signed forms to download.
 */
final class CredentialPageHtml {
    private CredentialPageHtml() {}

    static String live(Live view) {
        ShownCredential shown = new ShownCredential(view.credential(), view.verification());
        CredentialSummary summary = CredentialSection.confirmed(view.verification());
        String name = summary != null && summary.achievementName() != null
                ? summary.achievementName()
                : view.credential().name();
        name = name == null ? "Credential" : name;
        StatusWording status = StatusWording.of(shown);
        boolean revoked = view.credential().award().status() == org.credfolio.awards.AwardStatus.REVOKED
                || summary != null && summary.status() == CredentialSummary.Status.REVOKED;
        String issuedBy = summary != null && summary.issuerName() != null
                ? summary.issuerName()
                : view.credential().issuedBy();
        String learner = view.page().displayName();

        StringBuilder body = new StringBuilder("<section class=\"credential\" aria-labelledby=\"status\">\n")
                .append("<p id=\"status\" class=\"status ")
                .append(status.tone().cssClass)
                .append("\"><span aria-hidden=\"true\">")
                .append(status.tone().mark)
                .append("</span> ")
                .append(escape(words(status)))
                .append("</p>\n");
        if (learner != null && !learner.isBlank()) {
            body.append("<p class=\"lead\">Earned by ").append(escape(learner)).append("</p>\n");
        }
        body.append(CredentialSection.byLine(view.credential().certifiedBy(), issuedBy))
                .append(facts(view, summary))
                .append(checks(view.verification()))
                .append("</section>\n")
                .append(downloads(view, revoked));
        return Html.page(name + (learner == null ? "" : " \u2014 " + learner), name, body.toString());
    }

    /** The verdict as the page words it: "Valid" rather than the share page's "Verified". */
    private static String words(StatusWording status) {
        return status.tone() == StatusWording.Tone.OK
                ? "Valid: checked just now against the issuer's keys and status list"
                : status.text();
    }

    private static String facts(Live view, CredentialSummary summary) {
        StringBuilder dl = new StringBuilder("<dl>\n");
        String earned = summary != null && summary.validFrom() != null
                ? summary.validFrom()
                : String.valueOf(view.credential().award().earnedOn());
        fact(dl, "Earned", Dates.time(earned));
        String until = summary != null ? summary.validUntil() : null;
        if (until == null && view.credential().award().expiresOn() != null) {
            until = view.credential().award().expiresOn().toString();
        }
        fact(dl, "Valid until", until == null ? "Does not expire" : Dates.time(until));
        if (summary != null && summary.achievementType() != null) {
            fact(dl, "Type", escape(summary.achievementType()));
        }
        if (summary != null && summary.credentialId() != null) {
            fact(dl, "Credential ID", "<code>" + escape(summary.credentialId()) + "</code>");
        }
        fact(dl, "Published", Dates.time(view.page().publishedAt().toString()));
        return dl.append("</dl>\n").toString();
    }

    private static void fact(StringBuilder dl, String term, String valueHtml) {
        dl.append("<dt>").append(term).append("</dt><dd>").append(valueHtml).append("</dd>\n");
    }

    private static String checks(CredentialVerification verification) {
        return verification == null ? "" : CredentialSection.checks(verification);
    }

    /** Both signed forms, unless the issuer revoked the credential: then it asserts nothing to download. */
    private static String downloads(Live view, boolean revoked) {
        String base = "/c/" + escape(view.page().publicId());
        StringBuilder html = new StringBuilder("<section class=\"about\" aria-labelledby=\"for-verifiers\">\n")
                .append("<h2 id=\"for-verifiers\">For verifiers</h2>\n");
        if (revoked) {
            return html.append("<p>The issuer revoked this credential, so there is no signed credential to"
                            + " download.</p>\n</section>\n")
                    .toString();
        }
        if (view.credential().jwt() == null) {
            return html.append("<p>No signed credential is on record for it yet.</p>\n</section>\n")
                    .toString();
        }
        return html.append("<p>This credential is a W3C Verifiable Credential (Open Badges 3.0) signed by its"
                        + " issuer. Download it and check it yourself against the issuer's did:web document or"
                        + " this service's <a href=\"/.well-known/jwks.json\">published keys</a>:</p>\n<ul>\n")
                .append("<li><a href=\"")
                .append(base)
                .append("/credential.jwt\" download>Signed credential, VC-JWT</a> (vc+jwt)</li>\n")
                .append("<li><a href=\"")
                .append(base)
                .append("/credential.json\" download>Signed credential, Data Integrity</a>"
                        + " (JSON-LD, eddsa-rdfc-2022)</li>\n")
                .append("</ul>\n</section>\n")
                .toString();
    }

    static String gone(Gone view) {
        return Html.page(
                "This page was withdrawn",
                "This page was withdrawn",
                "<p>The person who published this credential page has withdrawn it, or the credential is no"
                        + " longer on record. Ask them for a current link.</p>\n");
    }

    static String missing() {
        return Html.page(
                "Page not found",
                "Page not found",
                "<p>There is no credential page at this address. Check that the whole link was copied.</p>\n");
    }
}
