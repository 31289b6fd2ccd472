package org.credfolio.catalog.labormarket;

import java.util.regex.Pattern;

/**
 * A column a file must have. Most are matched by their exact header; the Projections headers name
 * the release's decade ("Employment Percent Change, 2024-2034"), so those match any years.
 *
 * @param name how problems name the column when it is missing
 */
record Column(String name, Pattern header, boolean optional) {
    static Column named(String name) {
        return new Column(name, Pattern.compile(Pattern.quote(name)), false);
    }

    /** A column older or trimmed files may lack: its cells then read as blank. */
    static Column optional(String name) {
        return new Column(name, Pattern.compile(Pattern.quote(name)), true);
    }

    /** {@code YYYY} in the name stands for any four-digit year. */
    static Column withYears(String name) {
        String[] parts = name.split("YYYY", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : "\\d{4}").append(Pattern.quote(parts[i]));
        }
        return new Column(name, Pattern.compile(regex.toString()), false);
    }

    boolean matches(String header) {
        return this.header.matcher(header.strip()).matches();
    }
}
