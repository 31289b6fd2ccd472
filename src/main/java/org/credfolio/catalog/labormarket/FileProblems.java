package org.credfolio.catalog.labormarket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;
import org.credfolio.catalog.labormarket.FileProblem.Severity;

/**
 * The problems found in one file. All are counted; only the first {@value #LISTED_AT_MOST} are kept,
 * errors before warnings, so a file with hundreds of harmless warnings still shows its errors.
 */
public final class FileProblems {
    public static final int LISTED_AT_MOST = 200;
    static final int VALUE_SHOWN_AT_MOST = 80;

    private final List<FileProblem> errors = new ArrayList<>();
    private final List<FileProblem> warnings = new ArrayList<>();
    private int errorCount;
    private int warningCount;

    void error(int line, String column, String value, ProblemCode code, String message) {
        errorCount++;
        keep(errors, new FileProblem(line, column, shortened(value), code, message, Severity.ERROR));
    }

    void warning(int line, String column, String value, ProblemCode code, String message) {
        warningCount++;
        keep(warnings, new FileProblem(line, column, shortened(value), code, message, Severity.WARNING));
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    public int errorCount() {
        return errorCount;
    }

    /** Every problem found, listed or not. */
    public int count() {
        return errorCount + warningCount;
    }

    /** The kept problems in line order: every error up to the limit, then warnings to fill it. */
    public List<FileProblem> listed() {
        List<FileProblem> listed = new ArrayList<>(errors);
        warnings.stream().limit(LISTED_AT_MOST - errors.size()).forEach(listed::add);
        listed.sort(Comparator.comparingInt(FileProblem::line));
        return listed;
    }

    private static void keep(List<FileProblem> list, FileProblem problem) {
        if (list.size() < LISTED_AT_MOST) {
            list.add(problem);
        }
    }

    private static String shortened(String value) {
        return value == null || value.length() <= VALUE_SHOWN_AT_MOST
                ? value
                : value.substring(0, VALUE_SHOWN_AT_MOST - 1) + "…";
    }
}
