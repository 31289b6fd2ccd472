package org.credfolio.catalog.labormarket;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;

/**
 * Reads the cells of one row, reporting every cell that is not what the file's format promises.
 * A reader keeps the row only when {@link #failed()} stays false.
 */
final class Cells {
    private static final Pattern SOC = Pattern.compile("\\d{2}-\\d{4}");
    private static final Pattern ONET_SOC = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Table table;
    private final Csv.Row row;
    private final FileProblems problems;
    private boolean failed;

    Cells(Table table, Csv.Row row, FileProblems problems) {
        this.table = table;
        this.row = row;
        this.problems = problems;
    }

    String text(Column column) {
        return table.cell(row, column);
    }

    /** The cell, or null after an error when it is blank. */
    String required(Column column) {
        String value = text(column);
        if (value.isEmpty()) {
            error(column, ProblemCode.MISSING_VALUE, table.header(column) + " is empty.");
            return null;
        }
        return value;
    }

    /** A SOC 2018 code such as 49-3023, or null after an error. */
    String socCode(Column column) {
        return code(column, SOC, "a SOC code such as 49-3023");
    }

    /** An O*NET-SOC code such as 49-3023.01, or null after an error. */
    String onetSocCode(Column column) {
        return code(column, ONET_SOC, "an O*NET-SOC code such as 49-3023.01");
    }

    /**
     * A number, thousands separators allowed; null when the file says it is not published. Reports
     * BAD_NUMBER for anything else that is not a number and OUT_OF_RANGE outside min..max (null: no
     * bound).
     */
    BigDecimal number(Column column, Set<String> notPublished, BigDecimal min, BigDecimal max) {
        String value = text(column);
        if (notPublished.contains(value)) {
            return null;
        }
        String digits = value.replace(",", "");
        if (!NUMBER.matcher(digits).matches()) {
            error(column, ProblemCode.BAD_NUMBER, table.header(column) + " is not a number.");
            return null;
        }
        BigDecimal number = new BigDecimal(digits);
        if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
            error(column, ProblemCode.OUT_OF_RANGE, table.header(column) + " must be " + range(min, max) + ".");
            return null;
        }
        return number;
    }

    /** A whole number from min to max, required; null after an error. */
    Integer wholeNumber(Column column, int min, int max) {
        if (required(column) == null) {
            return null;
        }
        BigDecimal number = number(column, Set.of(), null, null);
        if (number == null) {
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            error(column, ProblemCode.BAD_NUMBER, table.header(column) + " must be a whole number.");
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(column, ProblemCode.OUT_OF_RANGE, table.header(column) + " must be " + min + " to " + max + ".");
            return null;
        }
        return number.intValueExact();
    }

    void error(Column column, ProblemCode code, String message) {
        failed = true;
        problems.error(row.line(), table.header(column), text(column), code, message);
    }

    void warning(Column column, ProblemCode code, String message) {
        problems.warning(row.line(), table.header(column), text(column), code, message);
    }

    /** Whether any cell of this row had an error. */
    boolean failed() {
        return failed;
    }

    private String code(Column column, Pattern format, String expected) {
        String value = text(column);
        if (!format.matcher(value).matches()) {
            error(column, ProblemCode.BAD_CODE, table.header(column) + " must be " + expected + ".");
            return null;
        }
        return value;
    }

    private static String range(BigDecimal min, BigDecimal max) {
        if (min == null) {
            return "at most " + max.toPlainString();
        }
        return max == null
                ? "at least " + min.toPlainString()
                : "from " + min.toPlainString() + " to " + max.toPlainString();
    }
}
