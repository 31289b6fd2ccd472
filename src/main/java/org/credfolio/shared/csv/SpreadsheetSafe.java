package org.credfolio.shared.csv;

/**
 * CSV cells that a spreadsheet opens as text: a value starting with {@code = + - @}, a tab or a
 * carriage return would run as a formula ({@code =HYPERLINK(...)} in a learner's name or a file's
 * cell), so it gets a leading apostrophe. Plain numbers such as {@code -3.5} are left alone.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {}

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            return "'" + text;
        }
        return text;
    }
}
