package org.credfolio.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credfolio.organization.Organization;
import org.credfolio.reporting.DistrictAggregations.GroupCount;

/** Turns group counts into the published equity table: rates, gaps, and suppressed cells. */
final class EquityTable {
    private static final String ALL = "all";

    private EquityTable() {}

    static EquityReport of(Organization district, List<GroupCount> counts, int minimum) {
        GroupCount all = counts.stream()
                .filter(c -> c.dimension().equals(ALL))
                .findFirst()
                .orElse(new GroupCount(ALL, "ALL", 0, 0, 0));
        boolean districtTooSmall = all.learners() < minimum;
        EquityReport.Group overall = districtTooSmall ? hiddenGroup("ALL") : group(all, all);

        Map<String, List<GroupCount>> byDimension = new LinkedHashMap<>();
        DistrictAggregations.DIMENSIONS.keySet().stream()
                .filter(d -> !d.equals(ALL))
                .sorted()
                .forEach(d -> byDimension.put(d, new ArrayList<>()));
        counts.stream()
                .filter(c -> byDimension.containsKey(c.dimension()))
                .forEach(c -> byDimension.get(c.dimension()).add(c));

        List<EquityReport.Dimension> dimensions = new ArrayList<>();
        byDimension.forEach((dimension, groups) -> {
            Set<String> hidden = Suppression.hidden(
                    groups.stream()
                            .map(g -> new Suppression.Cell(g.group(), g.learners()))
                            .toList(),
                    all.learners(),
                    minimum);
            List<EquityReport.Group> published = groups.stream()
                    .sorted(Comparator.comparing(GroupCount::group))
                    .map(g -> hidden.contains(g.group()) ? hiddenGroup(g.group()) : group(g, all))
                    .toList();
            dimensions.add(new EquityReport.Dimension(dimension, published));
        });
        return new EquityReport(district.id(), district.name(), Instant.now(), minimum, overall, dimensions);
    }

    private static EquityReport.Group group(GroupCount g, GroupCount all) {
        double attainment = rate(g.attained(), g.learners());
        double highValue = rate(g.highValue(), g.learners());
        return new EquityReport.Group(
                g.group(),
                false,
                g.learners(),
                g.attained(),
                attainment,
                round(attainment - rate(all.attained(), all.learners())),
                g.highValue(),
                highValue,
                round(highValue - rate(all.highValue(), all.learners())));
    }

    private static EquityReport.Group hiddenGroup(String name) {
        return new EquityReport.Group(name, true, null, null, null, null, null, null, null);
    }

    /** Percent, one decimal. */
    private static double rate(long part, long whole) {
        return DistrictReports.share(part, whole);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
