package org.credfolio.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Small-cell suppression with complementary suppression, for the groups of one dimension whose
 * learners add up to a published total.
 *
 * <p>Primary: a group with fewer learners than the minimum is hidden. Complementary: the hidden
 * groups are then worked out together as "total minus what is shown", so more groups are hidden,
 * smallest first, until the hidden groups together hold at least the minimum too: a lone hidden
 * group would otherwise be the difference, and two tiny ones would be a tiny total.
 */
final class Suppression {
    private Suppression() {}

    /** A group's size, by its name. */
    record Cell(String group, long learners) {}

    /** Names of the groups to hide. */
    static Set<String> hidden(List<Cell> cells, long total, int minimum) {
        Set<String> hidden = new HashSet<>();
        if (total < minimum) {
            cells.forEach(c -> hidden.add(c.group()));
            return hidden;
        }
        cells.stream().filter(c -> c.learners() < minimum).forEach(c -> hidden.add(c.group()));
        if (hidden.isEmpty()) {
            return hidden;
        }
        List<Cell> shownSmallestFirst = new ArrayList<>(cells.stream()
                .filter(c -> !hidden.contains(c.group()))
                .sorted(Comparator.comparingLong(Cell::learners).thenComparing(Cell::group))
                .toList());
        long hiddenLearners = cells.stream()
                .filter(c -> hidden.contains(c.group()))
                .mapToLong(Cell::learners)
                .sum();
        while (!shownSmallestFirst.isEmpty() && (hidden.size() < 2 || hiddenLearners < minimum)) {
            Cell next = shownSmallestFirst.remove(0);
            hidden.add(next.group());
            hiddenLearners += next.learners();
        }
        return hidden;
    }
}
