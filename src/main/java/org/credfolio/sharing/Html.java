package org.credfolio.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page shell of the public share pages: escaping, one inline style sheet allowed by its hash
 * (so the Content-Security-Policy needs neither {@code unsafe-inline} nor any script), landmarks.
 */
final class Html {
    static final String STYLE =
            """
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;\
            line-height:1.5;color:#1a1a1a;background:#f6f7f9;overflow-wrap:anywhere}
            header,main,footer{max-width:44rem;margin:0 auto;padding:1rem}
            header{padding-bottom:0}
            .brand{margin:0;font-weight:600;color:#3d4451}
            h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 1rem}
            h2{font-size:1.25rem;line-height:1.3;margin:0 0 .5rem;overflow-wrap:anywhere}
            .credential,.about{background:#fff;border:1px solid #d0d5dd;border-radius:.5rem;padding:1rem;\
            margin:0 0 1rem}
            .status{display:inline-block;margin:0 0 .75rem;padding:.2rem .6rem;border-radius:.35rem;\
            border:1px solid currentColor;font-weight:600}
            .status-ok{color:#0a5c2b;background:#e7f5ec}
            .status-warn{color:#6b4100;background:#fff3dc}
            .status-bad{color:#9b1c1c;background:#fdecec}
            dl{margin:0 0 .75rem;display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
            dt{font-weight:600;color:#3d4451}
            dd{margin:0;overflow-wrap:anywhere}
            details{margin:.5rem 0}
            summary{cursor:pointer;color:#0b4fb3;font-weight:600}
            ul.checks{padding-left:1.25rem;margin:.5rem 0}
            pre{white-space:pre-wrap;word-break:break-all;font-size:.8rem;background:#f1f3f5;padding:.5rem;\
            border-radius:.35rem;max-height:12rem;overflow:auto}
            a{color:#0b4fb3}
            footer{color:#4b5260;font-size:.875rem}
            @media (max-width:30rem){dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:.5rem}}
            """;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private Html() {}

    /** A whole document: one h1 inside main, the body given as already escaped markup. */
    static String page(String title, String heading, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + "<header><p class=\"brand\">Credfolio</p></header>\n"
                + "<main>\n<h1>" + escape(heading) + "</h1>\n" + body + "</main>\n"
                + "<footer><p>Credfolio verifies credentials against their issuers' published keys and"
                + " status lists each time this page is opened.</p></footer>\n</body>\n</html>\n";
    }

    static String escape(String text) {
        return org.credfolio.shared.web.Html.escape(text);
    }

    private static String sha256(String css) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
