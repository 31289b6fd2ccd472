package org.credfolio.imports.attainments;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.credfolio.imports.ImportRefused;

/**
 * The attainment template's columns and where each is found in an uploaded file: under its own
 * name, or under the name a {@code mapping} gives it (so that a testing vendor's results report can
 * be uploaded as it is). The template header is
 * {@code student_id,credential,earned_on,expires_on,result,evidence_url,fee_payer,fee_amount}; a
 * file may name learners by {@code sourced_id} (their OneRoster sourcedId) instead of student id.
 */
final class AttainmentColumns {
    static final String STUDENT_ID = "student_id";
    static final String SOURCED_ID = "sourced_id";
    static final String CREDENTIAL = "credential";
    static final String EARNED_ON = "earned_on";
    static final String EXPIRES_ON = "expires_on";
    static final String RESULT = "result";
    static final String EVIDENCE_URL = "evidence_url";
    static final String FEE_PAYER = "fee_payer";
    static final String FEE_AMOUNT = "fee_amount";
    /** Not a column: the mapping's pattern for dates, such as {@code MM/dd/yyyy}. */
    static final String DATE_FORMAT = "date_format";

    static final List<String> TEMPLATE =
            List.of(STUDENT_ID, CREDENTIAL, EARNED_ON, EXPIRES_ON, RESULT, EVIDENCE_URL, FEE_PAYER, FEE_AMOUNT);
    private static final Set<String> KNOWN = Set.of(
            STUDENT_ID, SOURCED_ID, CREDENTIAL, EARNED_ON, EXPIRES_ON, RESULT, EVIDENCE_URL, FEE_PAYER, FEE_AMOUNT);

    private final Map<String, String> fileColumn;
    private final DateTimeFormatter dates;

    private AttainmentColumns(Map<String, String> fileColumn, DateTimeFormatter dates) {
        this.fileColumn = fileColumn;
        this.dates = dates;
    }

    /** The file's name for a template column; null when the file does not have it. */
    String column(String template) {
        return fileColumn.get(template);
    }

    DateTimeFormatter dates() {
        return dates;
    }

    /**
     * Finds every template column in the header, refusing the file when the mapping is wrong or a
     * required column is missing. Header names match without regard to case or surrounding spaces.
     */
    static AttainmentColumns resolve(List<String> header, Map<String, String> mapping, String file) {
        List<String> problems = new ArrayList<>();
        for (String key : mapping.keySet()) {
            if (!KNOWN.contains(key) && !DATE_FORMAT.equals(key)) {
                problems.add("the mapping names '" + key + "', which is not a template column ("
                        + String.join(", ", TEMPLATE) + ", sourced_id, or date_format)");
            }
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (String template : KNOWN) {
            String wanted = mapping.getOrDefault(template, template);
            String actual = find(header, wanted);
            if (actual != null) {
                found.put(template, actual);
            } else if (mapping.containsKey(template)) {
                problems.add("the mapping says " + template + " is the column '" + wanted
                        + "', which the file does not have");
            }
        }
        List<String> missing = new ArrayList<>();
        if (!found.containsKey(STUDENT_ID) && !found.containsKey(SOURCED_ID)) {
            missing.add(STUDENT_ID + " (or " + SOURCED_ID + ")");
        }
        for (String required : List.of(CREDENTIAL, EARNED_ON)) {
            if (!found.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("required columns missing: " + String.join(", ", missing) + "; the file's columns are "
                    + new TreeSet<>(header) + " (map yours with the mapping parameter)");
        }
        DateTimeFormatter dates = dates(mapping.get(DATE_FORMAT), problems);
        if (!problems.isEmpty()) {
            throw new ImportRefused(
                    mapping.isEmpty() ? "MISSING_COLUMNS" : "BAD_MAPPING",
                    file + ": " + String.join("; ", problems) + ".",
                    problems.stream()
                            .map(p -> org.credfolio.imports.ImportProblem.ofFile(
                                    file, mapping.isEmpty() ? "MISSING_COLUMNS" : "BAD_MAPPING", p))
                            .toList());
        }
        return new AttainmentColumns(found, dates);
    }

    private static String find(List<String> header, String wanted) {
        for (String name : header) {
            if (name != null && name.strip().equalsIgnoreCase(wanted.strip())) {
                return name;
            }
        }
        return null;
    }

    private static DateTimeFormatter dates(String pattern, List<String> problems) {
        if (pattern == null) {
            return DateTimeFormatter.ISO_LOCAL_DATE;
        }
        // Days, months and years only: a pattern is a small, safe language of its own.
        if (!pattern.matches("[yMd/.\\- ]{6,12}")
                || !pattern.contains("y")
                || !pattern.contains("M")
                || !pattern.contains("d")) {
            problems.add("date_format must be a date pattern of y, M and d, such as MM/dd/yyyy or dd.MM.yyyy");
            return DateTimeFormatter.ISO_LOCAL_DATE;
        }
        return DateTimeFormatter.ofPattern(pattern.replace("y", "u"), Locale.ROOT)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }
}
