package org.credfolio.shared.csv;

import java.util.List;

/** RFC 4180 CSV, with cells that a spreadsheet would run as a formula defused. */
public final class Csv {
    private final StringBuilder out = new StringBuilder();

    public Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    public Csv rows(List<Object[]> rows) {
        rows.forEach(this::row);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String cell(Object value) {
        String text = SpreadsheetSafe.cell(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
