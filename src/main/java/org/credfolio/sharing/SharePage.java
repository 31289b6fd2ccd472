package org.credfolio.sharing;

import static org.credfolio.sharing.Html.escape;

import java.util.List;
import org.credfolio.sharing.ShareViews.Gone;
import org.credfolio.sharing.ShareViews.Shown;
import org.credfolio.sharing.ShareViews.ShownCredential;

/** The public pages under /shares/{token}: the share itself, and plain pages for gone, unknown and failed. */
final class SharePage {
    private SharePage() {}

    static String shown(Shown view) {
        Share share = view.share();
        StringBuilder body = new StringBuilder("<dl>\n<dt>Shared with</dt><dd>")
                .append(escape(share.audience()))
                .append("</dd>\n");
        if (share.showName() && share.displayName() != null) {
            body.append("<dt>Shared by</dt><dd>")
                    .append(escape(share.displayName()))
                    .append("</dd>\n");
        }
        body.append("<dt>Link works until</dt><dd>")
                .append(Dates.time(share.expiresAt().toString()))
                .append("</dd>\n</dl>\n")
                .append("<p>Each credential below was checked just now: its issuer's signature, its dates, and"
                        + " whether the issuer has revoked or suspended it.</p>\n");
        List<ShownCredential> credentials = view.credentials();
        if (credentials.isEmpty()) {
            body.append("<p>None of the shared credentials is on record any more.</p>\n");
        }
        for (int i = 0; i < credentials.size(); i++) {
            body.append(CredentialSection.render(credentials.get(i), i + 1));
        }
        body.append(forVerifiers(view.token()));
        return Html.page("Shared credentials", "Shared credentials", body.toString());
    }

    /** How to check the credentials without this page, one by one or as a holder-signed presentation. */
    private static String forVerifiers(String token) {
        return "<section class=\"about\" aria-labelledby=\"for-verifiers\">\n"
                + "<h2 id=\"for-verifiers\">For verifiers</h2>\n"
                + "<p>Each credential is a W3C Verifiable Credential (Open Badges 3.0) signed by its issuer."
                + " Open its &ldquo;Signed credential&rdquo; section to copy or download it, then check it"
                + " against the issuer's did:web document or this service's"
                + " <a href=\"/.well-known/jwks.json\">published keys</a>.</p>\n"
                + "<p><a href=\"/shares/" + escape(token) + "/presentation\" download>Download all of them as one"
                + " presentation</a> (vp+jwt) signed by the learner's key. To be sure it is fresh, get a challenge"
                + " with <code>POST /challenges</code> and add <code>?challenge=...&amp;domain=...</code> to that"
                + " link; <code>POST /presentations/verify</code> then accepts it once.</p>\n"
                + "</section>\n";
    }

    static String gone(Gone view) {
        Share share = view.share();
        String body = share.revokedAt() != null
                ? "<p>The person who shared this link has withdrawn it. Ask them for a new link if you still"
                        + " need to see their credentials.</p>\n"
                : "<p>This link expired on " + Dates.time(share.expiresAt().toString())
                        + ". Ask the person who shared it for a new link.</p>\n";
        String heading = share.revokedAt() != null ? "This link was withdrawn" : "This link has expired";
        return Html.page(heading, heading, body);
    }

    static String missing() {
        return Html.page(
                "Link not found",
                "Link not found",
                "<p>There is no shared page at this address. Check that the whole link was copied.</p>\n");
    }

    static String failed(String incident) {
        return Html.page(
                "Something went wrong",
                "Something went wrong",
                "<p>This page could not be shown just now. Please try again in a moment. (Incident " + escape(incident)
                        + ".)</p>\n");
    }
}
