package org.credfolio.imports.oneroster;

import java.util.List;
import org.credfolio.imports.ImportRefused;

/** Required columns of the export's files, named exactly as the OneRoster CSV binding names them. */
final class Columns {
    private Columns() {}

    static void require(String file, List<String> header, List<String> required) {
        List<String> missing =
                required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ImportRefused(
                    file,
                    "MISSING_COLUMNS",
                    file + " lacks the column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                            + "; its header is " + String.join(",", header)
                            + " (OneRoster column names are case-sensitive).");
        }
    }
}
