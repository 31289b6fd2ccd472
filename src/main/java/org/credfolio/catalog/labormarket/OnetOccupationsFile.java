package org.credfolio.catalog.labormarket;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;
import org.credfolio.catalog.labormarket.OccupationFigures.OnetOccupation;

/** O*NET's Occupation Data.txt (tab-separated): titles and descriptions. */
public final class OnetOccupationsFile extends FileReader<OnetOccupation> {
    static final Column CODE = Column.named("O*NET-SOC Code");
    static final Column TITLE = Column.named("Title");
    static final Column DESCRIPTION = Column.named("Description");

    private final OnetCodes<OnetOccupation> codes;
    private final Set<String> seen = new HashSet<>();

    private OnetOccupationsFile(Set<String> knownSocCodes) {
        this.codes = new OnetCodes<>(knownSocCodes);
    }

    /** Rows whose SOC is not among {@code knownSocCodes} are skipped with a warning. */
    public static ParsedFile<OnetOccupation> read(String content, Set<String> knownSocCodes) {
        return new OnetOccupationsFile(knownSocCodes).read(LaborMarketFile.ONET_OCCUPATIONS, Csv.tabRows(content));
    }

    @Override
    List<Column> columns() {
        return List.of(CODE, TITLE, DESCRIPTION);
    }

    @Override
    void readRow(Cells cells) {
        String title = cells.required(TITLE);
        String description = cells.text(DESCRIPTION);
        if (!cells.text(CODE).isEmpty() && !seen.add(cells.text(CODE))) {
            cells.error(CODE, ProblemCode.DUPLICATE_CODE, "O*NET-SOC code " + cells.text(CODE) + " came earlier.");
        }
        String code = codes.knownCode(cells, CODE);
        if (code != null && !cells.failed()) {
            String soc = OnetCodes.socOf(code);
            codes.offer(code, new OnetOccupation(soc, title, description.isEmpty() ? null : description));
        }
    }

    @Override
    Map<String, OnetOccupation> figures() {
        return codes.bySoc();
    }
}
