package org.credfolio.catalog.labormarket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;

/**
 * A file's data rows with the positions of the columns a reader needs. Opening it refuses what
 * cannot be read at all: no content, a header without data rows, a needed column missing.
 */
final class Table {
    private final Map<Column, Integer> positions;
    private final Map<Column, String> headers;
    private final List<Csv.Row> rows;

    private Table(Map<Column, Integer> positions, Map<Column, String> headers, List<Csv.Row> rows) {
        this.positions = positions;
        this.headers = headers;
        this.rows = rows;
    }

    /** The table, or empty after reporting why the file cannot be read row by row. */
    static Optional<Table> open(List<Csv.Row> rows, List<Column> needed, FileProblems problems) {
        if (rows.isEmpty()) {
            problems.error(1, null, null, ProblemCode.EMPTY_FILE, "The file is empty.");
            return Optional.empty();
        }
        List<String> header = rows.get(0).fields();
        Map<Column, Integer> positions = new HashMap<>();
        Map<Column, String> headers = new HashMap<>();
        for (Column column : needed) {
            int position = position(header, column);
            if (position < 0 && column.optional()) {
                continue;
            }
            if (position < 0) {
                problems.error(
                        rows.get(0).line(),
                        column.name(),
                        null,
                        ProblemCode.MISSING_COLUMN,
                        "The header has no column " + column.name() + ".");
            } else {
                positions.put(column, position);
                headers.put(column, header.get(position).strip());
            }
        }
        if (rows.size() == 1) {
            problems.error(1, null, null, ProblemCode.NO_DATA_ROWS, "The file has a header but no data rows.");
        }
        return problems.hasErrors() ? Optional.empty() : Optional.of(new Table(positions, headers, rows));
    }

    private static int position(List<String> header, Column column) {
        for (int i = 0; i < header.size(); i++) {
            if (column.matches(header.get(i))) {
                return i;
            }
        }
        return -1;
    }

    List<Csv.Row> dataRows() {
        return rows.subList(1, rows.size());
    }

    /** The header as the file spells it, for problem reports. */
    String header(Column column) {
        return headers.getOrDefault(column, column.name());
    }

    /** The cell, stripped; "" when the row is shorter than the header. */
    String cell(Csv.Row row, Column column) {
        Integer position = positions.get(column);
        return position != null && position < row.fields().size()
                ? row.fields().get(position).strip()
                : "";
    }
}
