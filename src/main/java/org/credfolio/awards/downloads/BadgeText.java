package org.credfolio.awards.downloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text as a badge or certificate shows it: wrapped into lines, escaped for XML, safe in file names. */
final class BadgeText {
    private BadgeText() {}

    /**
     * Escapes text for XML character data and attribute values, and drops what XML 1.0 cannot
     * carry at all (control characters, lone surrogates, U+FFFE and U+FFFF).
     */
    static String xml(String value) {
        String text = value == null ? "" : value;
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(' ');
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * Greedy word wrap to at most {@code maxLines} lines of about {@code width} characters; a word
     * longer than a line is cut, and text that does not fit ends with an ellipsis.
     */
    static List<String> wrap(String value, int width, int maxLines) {
        String text = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.codePointCount(0, word.length()) > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                int cut = word.offsetByCodePoints(0, width);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            int length = line.codePointCount(0, line.length());
            if (line.length() > 0 && length + 1 + word.codePointCount(0, word.length()) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        int keep = Math.min(
                last.length(),
                Math.max(0, last.offsetByCodePoints(0, Math.min(last.codePointCount(0, last.length()), width - 1))));
        kept.set(maxLines - 1, last.substring(0, keep).stripTrailing() + "\u2026");
        return kept;
    }

    /** A file name made of ASCII letters, digits and dashes only: safe in any Content-Disposition. */
    static String fileName(String credentialName, String awardId, String extension) {
        String base = credentialName == null
                ? ""
                : java.text.Normalizer.normalize(credentialName, java.text.Normalizer.Form.NFKD);
        base = base.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-+|-+$)", "").toLowerCase(Locale.ROOT);
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        String serial = awardId == null
                ? ""
                : awardId.substring(awardId.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9]", "");
        String name = (base.isEmpty() ? "credential" : base) + (serial.isEmpty() ? "" : "-" + serial);
        return name + "." + extension;
    }
}
