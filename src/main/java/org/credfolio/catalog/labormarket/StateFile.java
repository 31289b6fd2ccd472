package org.credfolio.catalog.labormarket;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;

/**
 * The two state files a region is judged by, one row per state and SOC code:
 *
 * <ul>
 *   <li>{@link Kind#OEWS_STATE}: BLS OEWS state estimates, cross-industry ({@code state_M2024_dl.xlsx}
 *       as CSV with the columns {@code state, soc_code, occupation_title, employment, a_pct10,
 *       a_pct25, a_median, o_group}): employment and the 10th percentile, 25th percentile and median
 *       annual wage. Blank wage cells are BLS markers (not released, hourly only, top-coded).
 *   <li>{@link Kind#STATE_PROJECTIONS}: long-term occupational projections by state (Projections
 *       Central, columns {@code state, soc_code, title, base_employment, projected_employment,
 *       percent_change, annual_openings, soc_level}).
 * </ul>
 *
 * Only detailed occupations and the all-occupations total ({@code 00-0000}) are kept; the total is
 * what regional thresholds are relative to.
 */
public final class StateFile {
    /** Which state file. */
    public enum Kind {
        OEWS_STATE,
        STATE_PROJECTIONS
    }

    /** One state's figures for one occupation from one file; fields the file does not carry are null. */
    public record Row(
            String title,
            Integer employment,
            Integer wageP10,
            Integer entryWage,
            Integer medianWage,
            Integer baseEmployment,
            Integer projectedEmployment,
            Double growthPercent,
            Integer annualOpenings) {}

    /**
     * A state file read and checked: figures by state, then SOC code (the total as {@code 00-0000}).
     *
     * @param dataRows rows after the header
     */
    public record Parsed(Kind kind, int dataRows, Map<String, Map<String, Row>> states, FileProblems problems) {}

    public static final String TOTAL = "00-0000";

    static final Column STATE = Column.named("state");
    static final Column CODE = Column.named("soc_code");
    static final Column OEWS_TITLE = Column.named("occupation_title");
    static final Column EMPLOYMENT = Column.named("employment");
    static final Column P10 = Column.named("a_pct10");
    static final Column P25 = Column.named("a_pct25");
    static final Column MEDIAN = Column.named("a_median");
    static final Column GROUP = Column.named("o_group");
    static final Column PROJECTION_TITLE = Column.named("title");
    static final Column BASE = Column.named("base_employment");
    static final Column PROJECTED = Column.named("projected_employment");
    static final Column CHANGE = Column.named("percent_change");
    static final Column OPENINGS = Column.named("annual_openings");
    static final Column LEVEL = Column.named("soc_level");

    /** Blank cells and the BLS markers a raw export may still carry. */
    private static final Set<String> NOT_PUBLISHED = Set.of("", "*", "**", "#", "N/A");

    private static final BigDecimal MOST_PEOPLE = BigDecimal.valueOf(200_000_000);
    private static final BigDecimal HIGHEST_WAGE = BigDecimal.valueOf(10_000_000);

    private final Kind kind;
    private final FileProblems problems = new FileProblems();
    private final Map<String, Map<String, Row>> states = new TreeMap<>();
    private final Set<String> seen = new HashSet<>();

    private StateFile(Kind kind) {
        this.kind = kind;
    }

    public static Parsed read(Kind kind, String content) {
        StateFile reader = new StateFile(kind);
        List<Csv.Row> rows = Csv.rows(content);
        List<Column> columns = kind == Kind.OEWS_STATE
                ? List.of(STATE, CODE, OEWS_TITLE, EMPLOYMENT, P10, P25, MEDIAN, GROUP)
                : List.of(STATE, CODE, PROJECTION_TITLE, BASE, PROJECTED, CHANGE, OPENINGS, LEVEL);
        Table.open(rows, columns, reader.problems).ifPresent(table -> table.dataRows()
                .forEach(row -> reader.readRow(new Cells(table, row, reader.problems))));
        return new Parsed(kind, Math.max(rows.size() - 1, 0), reader.states, reader.problems);
    }

    private void readRow(Cells cells) {
        String level = cells.text(kind == Kind.OEWS_STATE ? GROUP : LEVEL);
        String code = cells.socCode(CODE);
        if (!level.equals("detailed") && !level.equals("total")) {
            return;
        }
        String state = cells.required(STATE);
        if (state != null && !state.matches("[A-Z]{2}")) {
            cells.error(STATE, ProblemCode.BAD_CODE, "state must be a two-letter USPS code such as TX.");
        }
        if (level.equals("total") && code != null && !code.equals(TOTAL)) {
            cells.error(CODE, ProblemCode.BAD_CODE, "The all-occupations total must have the code " + TOTAL + ".");
        }
        Row row = kind == Kind.OEWS_STATE ? wages(cells) : projection(cells);
        if (code != null && state != null && !seen.add(state + ":" + code)) {
            cells.error(CODE, ProblemCode.DUPLICATE_CODE, "A row for " + state + " " + code + " came earlier.");
        }
        if (!cells.failed()) {
            states.computeIfAbsent(state.toUpperCase(Locale.ROOT), s -> new TreeMap<>())
                    .put(code, row);
        }
    }

    private static Row wages(Cells cells) {
        return new Row(
                cells.required(OEWS_TITLE),
                whole(cells.number(EMPLOYMENT, NOT_PUBLISHED, BigDecimal.ZERO, MOST_PEOPLE)),
                whole(cells.number(P10, NOT_PUBLISHED, BigDecimal.ZERO, HIGHEST_WAGE)),
                whole(cells.number(P25, NOT_PUBLISHED, BigDecimal.ZERO, HIGHEST_WAGE)),
                whole(cells.number(MEDIAN, NOT_PUBLISHED, BigDecimal.ZERO, HIGHEST_WAGE)),
                null,
                null,
                null,
                null);
    }

    private static Row projection(Cells cells) {
        BigDecimal change = cells.number(CHANGE, NOT_PUBLISHED, BigDecimal.valueOf(-100), null);
        return new Row(
                cells.required(PROJECTION_TITLE),
                null,
                null,
                null,
                null,
                whole(cells.number(BASE, NOT_PUBLISHED, BigDecimal.ZERO, MOST_PEOPLE)),
                whole(cells.number(PROJECTED, NOT_PUBLISHED, BigDecimal.ZERO, MOST_PEOPLE)),
                change == null ? null : change.doubleValue(),
                whole(cells.number(OPENINGS, NOT_PUBLISHED, BigDecimal.ZERO, MOST_PEOPLE)));
    }

    private static Integer whole(BigDecimal number) {
        return number == null ? null : number.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
