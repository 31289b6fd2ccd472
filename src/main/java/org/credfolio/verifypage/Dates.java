package org.credfolio.verifypage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Dates as people read them ("3 March 2026", in UTC, as credentials state them); unreadable text as it is. */
final class Dates {
    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dates() {}

    static String readable(String instant) {
        if (instant == null) {
            return "(not stated)";
        }
        try {
            return READABLE.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
