package org.credfolio.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Dates as the page shows them ("March 2, 2026"), in UTC: credentials state their validity as UTC
 * instants at the start of the day earned.
 */
final class Dates {
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private Dates() {}

    static String readable(LocalDate date) {
        return date == null ? "" : READABLE.format(date);
    }

    static String readable(Instant instant) {
        return instant == null ? "" : readable(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** An ISO 8601 instant or date from a credential; shown as it is when it is neither. */
    static String readable(String iso) {
        LocalDate date = parse(iso);
        return date == null ? (iso == null ? "" : iso) : readable(date);
    }

    /** A {@code <time>} element for an ISO instant or date, escaped. */
    static String time(String iso) {
        LocalDate date = parse(iso);
        return date == null
                ? Html.escape(iso)
                : "<time datetime=\"" + date + "\">" + Html.escape(readable(date)) + "</time>";
    }

    static LocalDate parse(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.ofInstant(Instant.parse(iso), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(iso);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
