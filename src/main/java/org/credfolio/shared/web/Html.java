package org.credfolio.shared.web;

/** Escaping for text placed in HTML and SVG: report pages, claim-code sheets. */
public final class Html {
    private Html() {}

    public static String escape(Object value) {
        String text = value == null ? "" : value.toString();
        if (!needsEscaping(text)) {
            // The common case (a signed credential of kilobytes, a date, a name): no copy at all.
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '<', '>', '&', '"', '\'' -> {
                    return true;
                }
                default -> {}
            }
        }
        return false;
    }
}
