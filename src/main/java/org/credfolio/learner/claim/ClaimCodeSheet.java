package org.credfolio.learner.claim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.credfolio.shared.web.Html;

/**
 * Claim codes as a printable page: one card per learner with their name, student id, code, expiry
 * and what to do with it, three cards to a printed page, cut apart and handed out. Static HTML
 * without script; everything that comes from data is escaped.
 */
final class ClaimCodeSheet {
    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;"
            + "color:#111;margin:1.5rem;line-height:1.4}"
            + "h1{font-size:1.4rem}"
            + ".card{border:1px dashed #555;border-radius:6px;padding:.9rem 1.2rem;margin:0 0 1.2rem;"
            + "break-inside:avoid;page-break-inside:avoid}"
            + ".card h2{font-size:1.2rem;margin:0 0 .2rem}"
            + ".meta{margin:0;color:#333}"
            + ".code{font-family:ui-monospace,Consolas,'Courier New',monospace;font-size:1.7rem;"
            + "font-weight:700;letter-spacing:.08em;margin:.5rem 0}"
            + ".card ol{margin:.4rem 0 0;padding-left:1.3rem}"
            + "@media print{body{margin:0}.screen{display:none}"
            + ".card{border-color:#000;margin:0 0 1cm}"
            + ".card:nth-child(3n){break-after:page;page-break-after:always}"
            + ".card:last-child{break-after:auto;page-break-after:auto}"
            + "@page{margin:1.5cm}}";

    private ClaimCodeSheet() {}

    /**
     * @param site where learners claim their login (this service's address)
     */
    static String render(List<IssuedClaimCode> codes, String site) {
        StringBuilder html = new StringBuilder(2_000 + codes.size() * 1_200);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">")
                .append("<title>Credfolio claim codes</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        html.append("<header class=\"screen\"><h1>Credfolio claim codes</h1><p>")
                .append(codes.size())
                .append(codes.size() == 1 ? " code" : " codes")
                .append(". Print this page, cut the cards apart and give each learner their own. The codes are"
                        + " shown only now: they are stored only in a form that cannot be read back. Each works"
                        + " once; anyone holding one can claim that learner's login, so keep the sheets safe"
                        + " and shred what is left over.</p></header>");
        if (codes.isEmpty()) {
            html.append("<p>No learners matched, so no codes were created.</p>");
        }
        html.append("<main>");
        for (IssuedClaimCode code : codes) {
            html.append("<section class=\"card\"><h2>")
                    .append(escape(code.displayName()))
                    .append("</h2><p class=\"meta\">Student ID: ")
                    .append(escape(code.studentId()))
                    .append("</p><p class=\"code\">")
                    .append(escape(code.code()))
                    .append("</p><p class=\"meta\">Works once, until ")
                    .append(escape(expiry(code.expiresAt())))
                    .append(".</p><ol><li>Go to <strong>")
                    .append(escape(site))
                    .append("</strong> (or the Credfolio app your school uses) and choose to claim your login.</li>")
                    .append("<li>Enter this code, your email address as your username, and a password of your own"
                            + " (12 to 128 characters).</li>")
                    .append("<li>The code then stops working: sign in with your username and password from now"
                            + " on. Keep this card private until you have used it.</li></ol></section>");
        }
        html.append("</main></body></html>\n");
        return html.toString();
    }

    static String expiry(Instant expiresAt) {
        return EXPIRY.format(expiresAt);
    }

    static String escape(String value) {
        return Html.escape(value);
    }
}
