package org.credfolio.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 reader, enough for the shipped seed files: quoted fields may hold commas, line
 * breaks and doubled quotes; a leading byte order mark, CR LF line ends and blank lines are
 * tolerated. Written here rather than adding a CSV library for a handful of static files.
 */
final class Csv {
    private static final char BOM = '\uFEFF';

    private final String text;
    private final List<List<String>> rows = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private List<String> row = new ArrayList<>();
    private int pos;

    private Csv(String text) {
        this.text = text;
    }

    /** All rows, each a list of fields. */
    static List<List<String>> parse(String text) {
        Csv csv = new Csv(text);
        csv.readAll();
        return csv.rows;
    }

    /** Rows after the header, each keyed by header name; a missing trailing field reads as "". */
    static List<Map<String, String>> records(String text) {
        return keyed(parse(text));
    }

    /** Tab-separated text without quoting, as O*NET ships it: quotes there are plain characters. */
    static List<Map<String, String>> tabRecords(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : stripBom(text).split("\r?\n")) {
            if (!line.isBlank()) {
                rows.add(List.of(line.split("\t", -1)));
            }
        }
        return keyed(rows);
    }

    private static List<Map<String, String>> keyed(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>(rows.size() - 1);
        for (List<String> fields : rows.subList(1, rows.size())) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i).strip(), i < fields.size() ? fields.get(i) : "");
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
            } else if (c != '\r') {
                field.append(c);
            }
        }
        endRow();
    }

    private void readQuoted() {
        while (pos < text.length()) {
            char c = text.charAt(pos++);
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
            rows.add(row);
        }
        row = new ArrayList<>();
    }
}
