package org.credfolio.demo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Occupation facts from O*NET, folded from O*NET-SOC codes (49-3023.01) to SOC codes (49-3023):
 * the ".00" row is the SOC occupation itself, so its value wins over specialties.
 */
final class OnetSeed {
    static final String OCCUPATIONS_FILE = "onet/occupation_data.txt";
    static final String JOB_ZONES_FILE = "onet/job_zones.txt";
    static final String CLUSTERS_FILE = "onet/career_clusters.csv";

    private static final String CODE = "O*NET-SOC Code";

    private OnetSeed() {}

    record Facts(
            Map<String, String> titles,
            Map<String, String> descriptions,
            Map<String, Integer> jobZones,
            Map<String, List<String>> careerClusters) {}

    static Facts facts(
            List<Map<String, String>> occupationRows,
            List<Map<String, String>> jobZoneRows,
            List<Map<String, String>> clusterRows) {
        return new Facts(
                bySoc(occupationRows, "Title"),
                bySoc(occupationRows, "Description"),
                integers(bySoc(jobZoneRows, "Job Zone")),
                clusters(clusterRows));
    }

    static String socOf(String onetSocCode) {
        String code = onetSocCode.strip();
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    /** The ".00" row's value, else the first row's. */
    private static Map<String, String> bySoc(List<Map<String, String>> rows, String column) {
        Map<String, String> values = new HashMap<>();
        for (Map<String, String> row : rows) {
            String code = row.get(CODE).strip();
            String value = row.get(column).strip();
            if (code.endsWith(".00")) {
                values.put(socOf(code), value);
            } else {
                values.putIfAbsent(socOf(code), value);
            }
        }
        return values;
    }

    private static Map<String, Integer> integers(Map<String, String> values) {
        Map<String, Integer> integers = new HashMap<>();
        values.forEach((soc, value) -> integers.put(soc, Integer.valueOf(value)));
        return integers;
    }

    /** Distinct cluster names per SOC, in file order; one SOC's specialties repeat clusters. */
    private static Map<String, List<String>> clusters(List<Map<String, String>> rows) {
        Map<String, Set<String>> clusters = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            clusters.computeIfAbsent(socOf(row.get("Code")), soc -> new LinkedHashSet<>())
                    .add(row.get("Career Cluster").strip());
        }
        Map<String, List<String>> lists = new HashMap<>();
        clusters.forEach((soc, names) -> lists.put(soc, List.copyOf(names)));
        return lists;
    }
}
