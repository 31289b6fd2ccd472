package org.credfolio.catalog.labormarket;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;
import org.credfolio.catalog.labormarket.OccupationFigures.Projection;

/**
 * The BLS Employment Projections occupation table saved as CSV: openings, growth and typical
 * education per occupation. Headers name the decade, so a later release reads the same.
 */
public final class EmploymentProjectionsFile extends FileReader<Projection> {
    static final Column TITLE = Column.named("Occupation Title");
    static final Column CODE = Column.named("Occupation Code");
    static final Column GROWTH = Column.withYears("Employment Percent Change, YYYY-YYYY");
    static final Column OPENINGS = Column.withYears("Occupational Openings, YYYY-YYYY Annual Average");
    static final Column EDUCATION = Column.named("Typical Entry-Level Education");
    static final Column EXPERIENCE = Column.optional("Work Experience in a Related Occupation");

    private static final Set<String> NOT_PUBLISHED = Set.of("", "N/A", "*", "—");
    /** Openings are in thousands; more than the whole US labor force is a unit mistake. */
    private static final BigDecimal MOST_OPENINGS = BigDecimal.valueOf(200_000);
    /** Employment cannot shrink by more than all of it. */
    private static final BigDecimal LEAST_GROWTH = BigDecimal.valueOf(-100);

    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();

    private EmploymentProjectionsFile() {}

    public static ParsedFile<Projection> read(String content) {
        return new EmploymentProjectionsFile().read(LaborMarketFile.EMPLOYMENT_PROJECTIONS, Csv.rows(content));
    }

    /** Projections titles carry alternate titles after '*' markers; the first part is the title. */
    public static String title(String cell) {
        int star = cell.indexOf('*');
        return (star < 0 ? cell : cell.substring(0, star)).strip();
    }

    /** Thousands to people, in exact decimal arithmetic: 189.1 must not become 189099. */
    static Integer people(BigDecimal thousands) {
        return thousands == null
                ? null
                : thousands.movePointRight(3).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    @Override
    List<Column> columns() {
        return List.of(TITLE, CODE, GROWTH, OPENINGS, EDUCATION, EXPERIENCE);
    }

    @Override
    void readRow(Cells cells) {
        String code = cells.socCode(CODE);
        String title = cells.required(TITLE);
        BigDecimal openings = cells.number(OPENINGS, NOT_PUBLISHED, BigDecimal.ZERO, MOST_OPENINGS);
        BigDecimal growth = cells.number(GROWTH, NOT_PUBLISHED, LEAST_GROWTH, null);
        String education = cells.text(EDUCATION);
        String experience = cells.text(EXPERIENCE);
        if (code != null && !seen.add(code)) {
            cells.error(CODE, ProblemCode.DUPLICATE_CODE, "Occupation " + code + " came earlier.");
        }
        if (!cells.failed()) {
            projections.put(
                    code,
                    new Projection(
                            code,
                            title(title),
                            people(openings),
                            growth == null ? null : growth.doubleValue(),
                            education.isEmpty() ? null : education,
                            experience.isEmpty() ? null : experience));
        }
    }

    @Override
    Map<String, Projection> figures() {
        return projections;
    }
}
