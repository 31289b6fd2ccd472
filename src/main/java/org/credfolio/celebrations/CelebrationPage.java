package org.credfolio.celebrations;

import static org.credfolio.shared.web.Html.escape;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.credfolio.celebrations.CelebrationTally.Row;
import org.credfolio.celebrations.CelebrationTally.Tally;
import org.credfolio.celebrations.CelebrationTally.Withheld;

/** The public pages under /celebrations/{id}: the celebration, and plain pages for withdrawn, unknown and failed. */
final class CelebrationPage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("MMMM d, yyyy HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private CelebrationPage() {}

    static String shown(Tally t, Instant now) {
        Celebration c = t.celebration();
        StringBuilder body = new StringBuilder("<p class=\"lede\">").append(escape(t.districtName()));
        if (t.schoolName() != null) {
            body.append(" &middot; ").append(escape(t.schoolName()));
        }
        if (c.graduationYear() != null) {
            body.append(" &middot; Class of ").append(c.graduationYear());
        }
        body.append("<br>Credentials earned from ")
                .append(day(c.earnedFrom()))
                .append(" to ")
                .append(day(c.earnedTo()))
                .append("</p>\n");

        body.append("<section class=\"totals\" aria-label=\"Totals\">\n")
                .append(total(t.credentials(), "industry-recognized credentials earned", t.minCellSize()))
                .append(total(t.earners(), "learners earned at least one", t.minCellSize()))
                .append("</section>\n");

        body.append("<section aria-labelledby=\"earned\">\n<h2 id=\"earned\">Credentials earned</h2>\n");
        if (t.rows().isEmpty()) {
            body.append("<p>No credential earned in these dates is on record yet.</p>\n");
        } else {
            body.append("<table>\n<thead><tr><th scope=\"col\">Credential</th><th scope=\"col\" class=\"n\">Earned</th>"
                    + "</tr></thead>\n<tbody>\n");
            boolean anyWithheld = false;
            for (Row row : t.rows()) {
                anyWithheld |= row.withheld() != Withheld.NO;
                body.append("<tr><td>")
                        .append(escape(row.name()))
                        .append("</td><td class=\"n\">")
                        .append(count(row, t.minCellSize()))
                        .append("</td></tr>\n");
            }
            body.append("</tbody>\n</table>\n");
            if (anyWithheld) {
                body.append("<p class=\"note\">Counts under ")
                        .append(t.minCellSize())
                        .append(" are not shown (in a small school they could point at a learner), and where"
                                + " needed another count is withheld too, so that none can be worked out from"
                                + " the total.</p>\n");
            }
        }
        body.append("</section>\n");

        body.append("<section aria-labelledby=\"named\">\n<h2 id=\"named\">Congratulations</h2>\n");
        if (t.named().isEmpty()) {
            body.append("<p>No learner has chosen to be named on this page yet.</p>\n");
        } else {
            body.append("<ul class=\"names\">\n");
            for (String name : t.named()) {
                body.append("<li>").append(escape(name)).append("</li>\n");
            }
            body.append("</ul>\n");
            if (t.nameable() > t.named().size()) {
                body.append("<p class=\"note\">This page lists the first ")
                        .append(String.format(Locale.US, "%,d", t.named().size()))
                        .append(" names in alphabetical order by family name; ")
                        .append(String.format(
                                Locale.US, "%,d", t.nameable() - t.named().size()))
                        .append(" more learners chose to be named.</p>\n");
            }
        }
        body.append("<p class=\"note\">Only learners who earned a credential in these dates and chose to be named"
                + " appear here; everyone who earned one is counted above.</p>\n");
        body.append("</section>\n");
        body.append("<p class=\"note\">As of ").append(STAMP.format(now)).append(".</p>\n");
        return CelebrationHtml.page(c.title(), body.toString());
    }

    private static String total(long value, String label, int min) {
        return "<p class=\"total\"><span class=\"n\">"
                + (value < min ? "Fewer than " + min : String.format(Locale.US, "%,d", value)) + "</span>"
                + escape(label) + "</p>\n";
    }

    private static String count(Row row, int min) {
        if (row.withheld() == Withheld.SMALL) {
            return "fewer than " + min;
        }
        if (row.withheld() == Withheld.COMPLEMENTARY) {
            return "withheld";
        }
        return String.format(Locale.US, "%,d", row.count());
    }

    private static String day(LocalDate date) {
        return escape(DAY.format(date));
    }

    static String gone() {
        return CelebrationHtml.page(
                "This celebration was withdrawn",
                "<p>The district has withdrawn this celebration page. Ask the district for its current"
                        + " celebrations.</p>\n");
    }

    static String missing() {
        return CelebrationHtml.page(
                "Celebration not found",
                "<p>There is no celebration page at this address. Check that the whole link was copied.</p>\n");
    }

    static String failed(String incident) {
        return CelebrationHtml.page(
                "Something went wrong",
                "<p>This page could not be shown just now. Please try again in a moment. (Incident " + escape(incident)
                        + ".)</p>\n");
    }
}
