package org.credfolio.catalog.labormarket;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;
import org.credfolio.catalog.labormarket.OccupationFigures.Wage;

/**
 * The BLS OEWS national file (first sheet of national_M2024_dl.xlsx or a later one saved as CSV): the title,
 * median and (when the file has {@code A_PCT25}) 25th percentile annual wage of every detailed occupation. Major, minor and broad groups are checked but
 * not kept: they would double count.
 */
public final class OewsNationalFile extends FileReader<Wage> {
    /** OEWS prints '#' where a wage is at or above this top-coding threshold (May 2024 release). */
    public static final int TOP_CODED_ANNUAL_WAGE = 239_200;

    static final Column CODE = Column.named("OCC_CODE");
    static final Column TITLE = Column.named("OCC_TITLE");
    static final Column GROUP = Column.named("O_GROUP");
    static final Column MEDIAN = Column.named("A_MEDIAN");
    static final Column ENTRY = Column.optional("A_PCT25");

    private static final Set<String> GROUPS = Set.of("total", "major", "minor", "broad", "detailed");
    /** '*' wage not available, '**' employment not available; blank cells say the same. */
    private static final Set<String> NOT_PUBLISHED = Set.of("", "*", "**");
    /** Far above any median: a larger figure is a shifted column, not a wage. */
    private static final BigDecimal HIGHEST_WAGE = BigDecimal.valueOf(10_000_000);

    private final Map<String, Wage> wages = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();

    private OewsNationalFile() {}

    public static ParsedFile<Wage> read(String content) {
        return new OewsNationalFile().read(LaborMarketFile.OEWS_NATIONAL, Csv.rows(content));
    }

    /** '#' is top-coded (kept as the threshold, a lower bound); '*' and blanks are not published. */
    static Integer annualWage(Cells cells) {
        return annualWage(cells, MEDIAN);
    }

    static Integer annualWage(Cells cells, Column column) {
        if (cells.text(column).equals("#")) {
            return TOP_CODED_ANNUAL_WAGE;
        }
        BigDecimal wage = cells.number(column, NOT_PUBLISHED, BigDecimal.ZERO, HIGHEST_WAGE);
        return wage == null ? null : wage.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    @Override
    List<Column> columns() {
        return List.of(CODE, TITLE, GROUP, MEDIAN, ENTRY);
    }

    @Override
    void readRow(Cells cells) {
        String code = cells.socCode(CODE);
        String group = cells.text(GROUP);
        if (!GROUPS.contains(group)) {
            cells.error(GROUP, ProblemCode.UNKNOWN_GROUP, "O_GROUP must be total, major, minor, broad or detailed.");
        }
        if (!group.equals("detailed")) {
            return;
        }
        String title = cells.required(TITLE);
        Integer wage = annualWage(cells);
        Integer entry = annualWage(cells, ENTRY);
        if (code != null && !seen.add(code)) {
            cells.error(CODE, ProblemCode.DUPLICATE_CODE, "A detailed occupation " + code + " came earlier.");
        }
        if (!cells.failed()) {
            wages.put(code, new Wage(code, title, wage, entry));
        }
    }

    @Override
    Map<String, Wage> figures() {
        return wages;
    }
}
