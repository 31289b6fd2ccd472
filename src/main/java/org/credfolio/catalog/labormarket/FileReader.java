package org.credfolio.catalog.labormarket;

import java.util.List;
import java.util.Map;

/** Reads one kind of labor-market file row by row; each subclass checks and keeps its rows. */
abstract class FileReader<T extends OccupationFigures> {
    final FileProblems problems = new FileProblems();

    abstract List<Column> columns();

    /** Checks one data row and keeps its figures unless a cell failed. */
    abstract void readRow(Cells cells);

    abstract Map<String, T> figures();

    ParsedFile<T> read(LaborMarketFile file, List<Csv.Row> rows) {
        Table.open(rows, columns(), problems)
                .ifPresent(table -> table.dataRows().forEach(row -> readRow(new Cells(table, row, problems))));
        return new ParsedFile<>(file, Math.max(rows.size() - 1, 0), figures(), problems);
    }
}
