package org.credfolio.catalog.labormarket;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;
import org.credfolio.catalog.labormarket.OccupationFigures.JobZone;

/** O*NET's Job Zones.txt (tab-separated): a job zone from 1 to 5 per occupation. */
public final class OnetJobZonesFile extends FileReader<JobZone> {
    static final Column CODE = Column.named("O*NET-SOC Code");
    static final Column ZONE = Column.named("Job Zone");

    private final OnetCodes<JobZone> codes;
    private final Set<String> seen = new HashSet<>();

    private OnetJobZonesFile(Set<String> knownSocCodes) {
        this.codes = new OnetCodes<>(knownSocCodes);
    }

    /** Rows whose SOC is not among {@code knownSocCodes} are skipped with a warning. */
    public static ParsedFile<JobZone> read(String content, Set<String> knownSocCodes) {
        return new OnetJobZonesFile(knownSocCodes).read(LaborMarketFile.ONET_JOB_ZONES, Csv.tabRows(content));
    }

    @Override
    List<Column> columns() {
        return List.of(CODE, ZONE);
    }

    @Override
    void readRow(Cells cells) {
        Integer zone = cells.wholeNumber(ZONE, 1, 5);
        if (!cells.text(CODE).isEmpty() && !seen.add(cells.text(CODE))) {
            cells.error(CODE, ProblemCode.DUPLICATE_CODE, "O*NET-SOC code " + cells.text(CODE) + " came earlier.");
        }
        String code = codes.knownCode(cells, CODE);
        if (code != null && !cells.failed()) {
            codes.offer(code, new JobZone(OnetCodes.socOf(code), zone));
        }
    }

    @Override
    Map<String, JobZone> figures() {
        return codes.bySoc();
    }
}
