package org.credfolio.verifypage;

import static org.credfolio.shared.web.Html.escape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.credfolio.trust.verification.CredentialSummary;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.VerificationCheck;

/**
 * The employer verification page at /verify: the form, the result and plain pages for too large,
 * unreadable and failed. Server-rendered; one inline style sheet and (on the form only) one inline
 * script, each allowed by its hash, so the Content-Security-Policy has no {@code unsafe-inline}.
 */
final class VerifyPage {
    static final String STYLE =
            """
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;\
            line-height:1.5;color:#1a1a1a;background:#f6f7f9;overflow-wrap:anywhere}
            header,main,footer{max-width:44rem;margin:0 auto;padding:1rem}
            header{padding-bottom:0}
            .brand{margin:0;font-weight:600;color:#3d4451}
            h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 1rem;overflow-wrap:anywhere}
            h2{font-size:1.2rem;line-height:1.3;margin:0 0 .5rem}
            .card{background:#fff;border:1px solid #d0d5dd;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
            .status{display:block;padding:.6rem .8rem;border-radius:.4rem;border:2px solid currentColor;\
            font-weight:700}
            .status-ok{color:#0a5c2b;background:#e7f5ec}
            .status-warn{color:#6b4100;background:#fff3dc}
            .status-bad{color:#9b1c1c;background:#fdecec}
            dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
            dt{font-weight:600;color:#3d4451}
            dd{margin:0;overflow-wrap:anywhere}
            ul.checks{list-style:none;padding:0;margin:0}
            ul.checks li{padding:.35rem 0;border-top:1px solid #eceef2;overflow-wrap:anywhere}
            ul.checks li:first-child{border-top:0}
            .mark{display:inline-block;width:1.5rem;font-weight:700}
            .pass .mark{color:#0a5c2b}
            .fail .mark{color:#9b1c1c}
            .reason{display:block;margin-left:1.5rem;font-size:.875rem;color:#4b5260}
            label{display:block;font-weight:600;margin:.75rem 0 .25rem}
            textarea{display:block;width:100%;min-height:8rem;font:.85rem/1.4 ui-monospace,monospace;padding:.5rem;\
            border:1px solid #9aa1ad;border-radius:.35rem}
            input[type=file]{display:block;max-width:100%}
            button{margin-top:1rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:.4rem;\
            background:#0b4fb3;color:#fff;cursor:pointer}
            .hint{font-size:.875rem;color:#4b5260;margin:.25rem 0 0}
            a{color:#0b4fb3}
            footer{color:#4b5260;font-size:.875rem}
            @media (max-width:30rem){dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:.5rem}}
            """;

    /**
     * Share links may carry a credential in the fragment ({@code /verify#<vc+jwt>}), which browsers
     * never send to a server: without script the employer would have to dig the token out of the
     * address bar. This one script, allowed by its hash and nothing else, copies the fragment into
     * the form and submits it (a POST to this page; the fragment is dropped from the history first,
     * so Back does not submit it again). It writes only a textarea's value, never markup. Without
     * script the form still works by pasting, and the page says so.
     */
    static final String FRAGMENT_SCRIPT = "(function(){var h=location.hash.slice(1);if(!h)return;"
            + "try{h=decodeURIComponent(h)}catch(e){}"
            + "var f=document.getElementById('verify-form');if(!f)return;"
            + "f.elements.credential.value=h;history.replaceState(null,'',location.pathname);f.submit();})();";

    private static final String POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; %s"
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The form page's policy: the style sheet and the fragment script, by hash. */
    static final String FORM_POLICY = String.format(POLICY, "script-src '" + sha256(FRAGMENT_SCRIPT) + "'; ");

    /** Every other page's policy: no script at all. */
    static final String RESULT_POLICY = String.format(POLICY, "");

    private VerifyPage() {}

    /** GET /verify: the form alone, and the fragment script. */
    static String form() {
        String body = "<p>Check a digital credential (an Open Badges 3.0 verifiable credential) a candidate gave"
                + " you: paste it, or upload the file or badge image. Nothing you submit is stored.</p>\n"
                + form("", true)
                + "<p class=\"hint\">Opened a link ending in <code>#</code> and a long code, and nothing happened?"
                + " Copy everything after the <code>#</code> into the box above.</p>\n"
                + "<script>" + FRAGMENT_SCRIPT + "</script>\n";
        return page("Verify a credential", "Verify a credential", body);
    }

    /** The verdict, the credential's details once its signature verified, every check, and the form again. */
    static String result(CredentialVerification verification, Submission submission) {
        Verdict verdict = Verdict.of(verification);
        StringBuilder body = new StringBuilder();
        body.append("<p>Checked just now: ").append(escape(submission.source())).append(".</p>\n");
        if (verification.credential() != null && verification.summary() != null) {
            body.append(details(verification.summary(), verification.credential()));
        } else if (!Verdict.notACredential(verification)) {
            body.append("<p>Its details are not shown: they could not be confirmed.</p>\n");
        }
        body.append("<section class=\"card\" aria-labelledby=\"checks\">\n<h2 id=\"checks\">What was checked</h2>\n")
                .append("<ul class=\"checks\">\n");
        for (VerificationCheck check : verification.checks()) {
            body.append("<li class=\"")
                    .append(check.passed() ? "pass" : "fail")
                    .append("\"><span class=\"mark\" aria-hidden=\"true\">")
                    .append(check.passed() ? "\u2713" : "\u2715")
                    .append("</span>")
                    .append(escape(Verdict.checkWords(check)))
                    .append("<span class=\"reason\">")
                    .append(escape(check.reason()))
                    .append("</span></li>\n");
        }
        body.append("</ul>\n</section>\n")
                .append("<h2>Check another credential</h2>\n")
                .append(form(submission.pasted() ? submission.credential() : "", false));
        return verdictPage(verdict, body.toString());
    }

    /** What the page could not read at all (a non-image upload, an image without a credential, nothing). */
    static String unreadable(String reason, String echo) {
        Verdict verdict = new Verdict(reason, Verdict.Tone.BAD);
        return verdictPage(verdict, "<h2>Try again</h2>\n" + form(echo, false));
    }

    static String tooLarge() {
        Verdict verdict = new Verdict(
                "Too large: a credential or badge image is at most 1 MiB; this was larger", Verdict.Tone.BAD);
        return verdictPage(
                verdict,
                "<p>Credentials are a few kilobytes. Check that you chose the right file, or paste the credential"
                        + " text instead.</p>\n" + form("", false));
    }

    static String failed(String incident) {
        return page(
                "Something went wrong",
                "Something went wrong",
                "<p>The credential could not be checked just now. Please try again in a moment. (Incident "
                        + escape(incident) + ".)</p>\n" + form("", false));
    }

    private static String verdictPage(Verdict verdict, String body) {
        String heading =
                "<h1 id=\"verdict\" class=\"status " + verdict.tone().cssClass + "\"><span aria-hidden=\"true\">"
                        + verdict.tone().mark + "</span> " + escape(verdict.headline()) + "</h1>\n";
        return shell(verdict.headline() + " - Verify a credential", heading + body);
    }

    private static String details(CredentialSummary summary, Map<String, Object> credential) {
        StringBuilder out = new StringBuilder(
                "<section class=\"card\" aria-labelledby=\"about\">\n<h2 id=\"about\">About this credential</h2>\n<dl>\n");
        row(out, "Credential", summary.achievementName());
        row(out, "Certified by", creatorName(credential));
        row(out, "Issued by", summary.issuerName() != null ? summary.issuerName() : summary.issuerId());
        row(out, "Issued to", summary.subjectId());
        row(out, "Valid from", summary.validFrom() == null ? null : Dates.readable(summary.validFrom()));
        row(out, "Valid until", summary.validUntil() == null ? "No expiry date" : Dates.readable(summary.validUntil()));
        row(out, "Credential id", summary.credentialId());
        out.append("</dl>\n<p class=\"hint\">A credential names the learner only by an identifier; ask the candidate"
                + " to show it is theirs (for example with a presentation from their wallet).</p>\n</section>\n");
        return out.toString();
    }

    /** {@code credentialSubject.achievement.creator.name}, the body that certified the achievement, if stated. */
    static String creatorName(Map<String, Object> credential) {
        Object subject = credential.get("credentialSubject");
        if (subject instanceof java.util.List<?> list && !list.isEmpty()) {
            subject = list.get(0);
        }
        if (subject instanceof Map<?, ?> s
                && s.get("achievement") instanceof Map<?, ?> achievement
                && achievement.get("creator") instanceof Map<?, ?> creator
                && creator.get("name") instanceof String name
                && !name.isBlank()) {
            return name;
        }
        return null;
    }

    private static void row(StringBuilder out, String term, String value) {
        if (value != null && !value.isBlank()) {
            out.append("<dt>")
                    .append(escape(term))
                    .append("</dt><dd>")
                    .append(escape(value))
                    .append("</dd>\n");
        }
    }

    private static String form(String text, boolean first) {
        return "<form id=\"verify-form\" class=\"card\" method=\"post\" action=\"/verify\""
                + " enctype=\"multipart/form-data\">\n"
                + "<label for=\"credential\">Paste the credential</label>\n"
                + "<textarea id=\"credential\" name=\"credential\" rows=\"6\" spellcheck=\"false\""
                + " autocomplete=\"off\" placeholder=\"eyJ... or {&quot;@context&quot;: ...}\">" + escape(text)
                + "</textarea>\n"
                + "<p class=\"hint\">A signed credential (starts with <code>eyJ</code>) or its JSON.</p>\n"
                + "<label for=\"file\">" + (first ? "Or upload it" : "Or upload a file") + "</label>\n"
                + "<input id=\"file\" name=\"file\" type=\"file\""
                + " accept=\".jwt,.json,.png,.svg,application/json,image/png,image/svg+xml\">\n"
                + "<p class=\"hint\">A .jwt or .json file, or a badge image (.png or .svg) with the credential baked"
                + " in. At most 1 MiB.</p>\n"
                + "<button type=\"submit\">Check</button>\n</form>\n";
    }

    private static String page(String title, String heading, String body) {
        return shell(title, "<h1>" + escape(heading) + "</h1>\n" + body);
    }

    private static String shell(String title, String main) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + "<header><p class=\"brand\">Credfolio</p></header>\n"
                + "<main>\n" + main + "</main>\n"
                + "<footer><p>Credfolio checks each credential against its issuer's published keys and status lists"
                + " when you submit it. Nothing you submit is stored.</p></footer>\n</body>\n</html>\n";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
