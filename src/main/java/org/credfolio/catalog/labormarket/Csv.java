package org.credfolio.catalog.labormarket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 reader, enough for the public data files: quoted fields may hold commas, line
 * breaks and doubled quotes; a leading byte order mark, CR LF line ends and blank lines are
 * tolerated. Written here rather than adding a CSV library for a handful of files. Each row keeps
 * the line it starts on, so a problem can be reported where an editor shows it.
 */
public final class Csv {
    private static final char BOM = '\uFEFF';

    /** One row and the 1-based line it starts on (a quoted field may run over several lines). */
    public record Row(int line, List<String> fields) {}

    private final String text;
    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private List<String> row = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int rowLine = 1;

    private Csv(String text) {
        this.text = text;
    }

    /** All non-blank rows of comma-separated text, with their line numbers. */
    public static List<Row> rows(String text) {
        Csv csv = new Csv(text);
        csv.readAll();
        return csv.rows;
    }

    /** Tab-separated text without quoting, as O*NET ships it: quotes there are plain characters. */
    public static List<Row> tabRows(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = stripBom(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String content = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (!content.isBlank()) {
                rows.add(new Row(i + 1, List.of(content.split("\t", -1))));
            }
        }
        return rows;
    }

    /** All rows, each a list of fields. */
    public static List<List<String>> parse(String text) {
        return rows(text).stream().map(Row::fields).toList();
    }

    /** Rows after the header, each keyed by header name; a missing trailing field reads as "". */
    public static List<Map<String, String>> records(String text) {
        return keyed(rows(text));
    }

    /** {@link #tabRows} keyed by header name. */
    public static List<Map<String, String>> tabRecords(String text) {
        return keyed(tabRows(text));
    }

    private static List<Map<String, String>> keyed(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).fields();
        List<Map<String, String>> records = new ArrayList<>(rows.size() - 1);
        for (Row fields : rows.subList(1, rows.size())) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(
                        header.get(i).strip(),
                        i < fields.fields().size() ? fields.fields().get(i) : "");
            }
            records.add(record);
        }
        return records;
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private void readAll() {
        pos = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                readQuoted();
            } else if (c == ',') {
                endField();
            } else if (c == '\n') {
                endRow();
                line++;
                rowLine = line;
            } else if (c != '\r') {
                field.append(c);
            }
        }
        endRow();
    }

    private void readQuoted() {
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\n') {
                line++;
            }
            if (c != '"') {
                field.append(c);
            } else if (pos < text.length() && text.charAt(pos) == '"') {
                field.append('"');
                pos++;
            } else {
                return;
            }
        }
    }

    private void endField() {
        row.add(field.toString());
        field.setLength(0);
    }

    private void endRow() {
        endField();
        boolean blank = row.size() == 1 && row.get(0).isEmpty();
        if (!blank) {
            rows.add(new Row(rowLine, row));
        }
        row = new ArrayList<>();
    }
}
