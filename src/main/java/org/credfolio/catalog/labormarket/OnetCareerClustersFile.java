package org.credfolio.catalog.labormarket;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credfolio.catalog.labormarket.FileProblem.ProblemCode;
import org.credfolio.catalog.labormarket.OccupationFigures.CareerClusters;

/**
 * O*NET's career clusters file (CSV). An occupation may sit in several clusters and pathways, and
 * one SOC's specialties repeat clusters, so clusters are gathered per SOC, distinct, in file order;
 * only a row repeating the same code and cluster is worth a warning.
 */
public final class OnetCareerClustersFile extends FileReader<CareerClusters> {
    static final Column CLUSTER = Column.named("Career Cluster");
    static final Column CODE = Column.named("Code");

    private final OnetCodes<CareerClusters> codes;
    private final Map<String, Set<String>> clustersBySoc = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();

    private OnetCareerClustersFile(Set<String> knownSocCodes) {
        this.codes = new OnetCodes<>(knownSocCodes);
    }

    /** Rows whose SOC is not among {@code knownSocCodes} are skipped with a warning. */
    public static ParsedFile<CareerClusters> read(String content, Set<String> knownSocCodes) {
        return new OnetCareerClustersFile(knownSocCodes).read(LaborMarketFile.ONET_CAREER_CLUSTERS, Csv.rows(content));
    }

    @Override
    List<Column> columns() {
        return List.of(CLUSTER, CODE);
    }

    @Override
    void readRow(Cells cells) {
        String cluster = cells.required(CLUSTER);
        String code = codes.knownCode(cells, CODE);
        if (code == null || cells.failed()) {
            return;
        }
        if (!seen.add(code + "\n" + cluster)) {
            cells.warning(CODE, ProblemCode.DUPLICATE_CODE, code + " is listed in " + cluster + " already.");
        }
        clustersBySoc
                .computeIfAbsent(OnetCodes.socOf(code), soc -> new LinkedHashSet<>())
                .add(cluster);
    }

    @Override
    Map<String, CareerClusters> figures() {
        Map<String, CareerClusters> figures = new HashMap<>();
        clustersBySoc.forEach((soc, names) -> figures.put(soc, new CareerClusters(soc, List.copyOf(names))));
        return figures;
    }
}
