package org.credfolio.celebrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.credfolio.shared.web.Html;

/**
 * The page shell of public celebration pages: one inline style sheet allowed by its hash (so the
 * Content-Security-Policy allows no script and no other resource), laid out for phones and
 * desktops, and for print at a board meeting.
 */
final class CelebrationHtml {
    static final String STYLE =
            """
            *{box-sizing:border-box}
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;\
            line-height:1.5;color:#1a1a1a;background:#f6f7f9}
            header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
            header{padding-bottom:0}
            .brand{margin:0;font-weight:600;color:#3d4451}
            h1{font-size:1.8rem;line-height:1.25;margin:.25rem 0 .5rem;overflow-wrap:anywhere}
            h2{font-size:1.25rem;line-height:1.3;margin:0 0 .5rem}
            .lede{margin:0 0 1rem;color:#3d4451;overflow-wrap:anywhere}
            section{background:#fff;border:1px solid #d0d5dd;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
            .totals{display:flex;flex-wrap:wrap;gap:1rem}
            .total{flex:1 1 12rem;min-width:0}
            .total .n{display:block;font-size:2rem;font-weight:700;line-height:1.1;color:#0a5c2b}
            table{border-collapse:collapse;width:100%;table-layout:fixed}
            th,td{border-bottom:1px solid #e1e4e8;padding:.35rem .5rem;text-align:left;vertical-align:top;\
            overflow-wrap:anywhere}
            th.n,td.n{text-align:right;width:8.5rem}
            ul.names{list-style:none;margin:0;padding:0;columns:14rem;column-gap:1.5rem}
            ul.names li{break-inside:avoid;overflow-wrap:anywhere;padding:.1rem 0}
            .note{color:#4b5260;font-size:.9rem}
            footer{color:#4b5260;font-size:.875rem}
            @media (max-width:30rem){h1{font-size:1.5rem}th.n,td.n{width:6.5rem}}
            @media print{body{background:#fff;font-size:11pt}header,main,footer{max-width:none;padding:0}\
            section{border:0;padding:0;margin:0 0 1rem;break-inside:auto}ul.names{columns:3}\
            .total .n{color:#000}h2{break-after:avoid}}
            """;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private CelebrationHtml() {}

    /** A whole document: one h1 inside main, the body given as already escaped markup. */
    static String page(String heading, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + Html.escape(heading) + "</title>\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + "<header><p class=\"brand\">Credfolio</p></header>\n"
                + "<main>\n<h1>" + Html.escape(heading) + "</h1>\n" + body + "</main>\n"
                + "<footer><p>Learners are named here only with their own consent and, unless their district"
                + " recorded them as 18 or older, a guardian's. This page is computed from the district's"
                + " records each time it is opened.</p></footer>\n</body>\n</html>\n";
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
