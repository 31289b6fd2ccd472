package org.credfolio.imports.oneroster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credfolio.imports.CsvFiles;
import org.credfolio.imports.ImportProblem;
import org.credfolio.imports.ImportRefused;

/**
 * {@code manifest.csv}: header {@code propertyName,value}, one row per property, such as
 * {@code manifest.version,1.0}, {@code oneroster.version,1.2} and {@code file.users,bulk} (each
 * file {@code bulk}, {@code delta} or {@code absent}).
 */
final class Manifest {
    /** How a file of the export is delivered. */
    enum Mode {
        /** The complete set: what is missing from it has left. */
        BULK,
        /** Changes only. */
        DELTA,
        /** Not in the export. */
        ABSENT
    }

    private final Map<String, String> properties;

    private Manifest(Map<String, String> properties) {
        this.properties = properties;
    }

    static Manifest read(RosterZip zip, long maxRows) {
        if (!zip.has(RosterZip.MANIFEST)) {
            throw new ImportRefused(
                    RosterZip.MANIFEST,
                    "MISSING_MANIFEST",
                    "The zip has no manifest.csv at its root; a OneRoster CSV export always has one.");
        }
        List<String> header = CsvFiles.header(zip.open(RosterZip.MANIFEST), RosterZip.MANIFEST);
        Columns.require(RosterZip.MANIFEST, header, List.of("propertyName", "value"));
        Map<String, String> properties = new HashMap<>();
        CsvFiles.read(zip.open(RosterZip.MANIFEST), RosterZip.MANIFEST, Math.min(maxRows, 1000), row -> {
            String name = row.get("propertyName");
            if (name != null) {
                properties.put(name, row.get("value") == null ? "" : row.get("value"));
            }
        });
        Manifest manifest = new Manifest(properties);
        manifest.checkModes();
        return manifest;
    }

    /** The file's mode; a file the manifest does not list is absent. */
    Mode mode(String file) {
        String value = properties.get("file." + stem(file));
        if (value == null || value.isBlank()) {
            return Mode.ABSENT;
        }
        return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    boolean present(String file) {
        return mode(file) != Mode.ABSENT;
    }

    /** Every file the manifest declares bulk or delta must be in the zip, and users.csv must be declared. */
    void requireFiles(RosterZip zip) {
        List<ImportProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> p : properties.entrySet()) {
            if (p.getKey().startsWith("file.")
                    && !"absent".equalsIgnoreCase(p.getValue().strip())) {
                String file = p.getKey().substring("file.".length()) + ".csv";
                if (!zip.hasAtRoot(file)) {
                    problems.add(ImportProblem.ofFile(
                            file,
                            "MISSING_FILE",
                            "manifest.csv declares " + file + " as "
                                    + p.getValue().strip() + ", but the zip has no " + file + " at its root."));
                }
            }
        }
        if (!present(RosterZip.USERS)) {
            problems.add(ImportProblem.ofFile(
                    RosterZip.USERS,
                    "MISSING_FILE",
                    "manifest.csv declares users.csv absent (or does not list it as file.users); learners are"
                            + " rostered from users.csv, so it must be bulk or delta."));
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(
                    "MISSING_FILE",
                    problems.stream()
                            .map(ImportProblem::message)
                            .reduce((a, b) -> a + " " + b)
                            .orElseThrow(),
                    problems);
        }
    }

    private void checkModes() {
        for (Map.Entry<String, String> p : properties.entrySet()) {
            if (p.getKey().startsWith("file.")) {
                String value = p.getValue().strip().toLowerCase(Locale.ROOT);
                if (!value.equals("bulk") && !value.equals("delta") && !value.equals("absent")) {
                    throw new ImportRefused(
                            RosterZip.MANIFEST,
                            "BAD_MANIFEST",
                            "manifest.csv gives " + p.getKey() + " the value '" + p.getValue()
                                    + "'; it must be bulk, delta or absent.");
                }
            }
        }
    }

    private static String stem(String file) {
        return file.substring(0, file.length() - ".csv".length());
    }
}
