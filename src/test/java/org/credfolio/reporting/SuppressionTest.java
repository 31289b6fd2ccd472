package org.credfolio.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.credfolio.reporting.Suppression.Cell;
import org.junit.jupiter.api.Test;

/**
 * No hidden group may be recoverable: never exactly one hidden group (it would be the total minus
 * the rest), and the hidden groups together never hold fewer learners than the minimum.
 */
class SuppressionTest {
    @Test
    void aLoneSmallGroupIsHiddenWithTheNextSmallest() {
        List<Cell> cells = List.of(new Cell("A", 120), new Cell("B", 40), new Cell("C", 4));
        assertThat(Suppression.hidden(cells, 164, 10)).containsExactlyInAnyOrder("C", "B");
    }

    @Test
    void twoTinyGroupsAreNotEnoughTogether() {
        List<Cell> cells = List.of(new Cell("A", 200), new Cell("B", 30), new Cell("C", 3), new Cell("D", 2));
        Set<String> hidden = Suppression.hidden(cells, 235, 10);
        assertThat(hidden).containsExactlyInAnyOrder("B", "C", "D");
    }

    @Test
    void nothingIsHiddenWhenEveryGroupIsLargeEnough() {
        assertThat(Suppression.hidden(List.of(new Cell("A", 10), new Cell("B", 11)), 21, 10))
                .isEmpty();
    }

    @Test
    void aDistrictSmallerThanTheMinimumShowsNoGroup() {
        assertThat(Suppression.hidden(List.of(new Cell("A", 5), new Cell("B", 3)), 8, 10))
                .containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void exhaustiveSmallCasesNeverLeaveOneHiddenGroupOrATinyHiddenTotal() {
        for (int a = 0; a < 25; a++) {
            for (int b = 0; b < 25; b++) {
                for (int c = 1; c < 25; c++) {
                    List<Cell> cells = List.of(new Cell("a", a), new Cell("b", b), new Cell("c", c));
                    long total = a + b + c;
                    Set<String> hidden = Suppression.hidden(cells, total, 10);
                    long hiddenLearners = cells.stream()
                            .filter(x -> hidden.contains(x.group()))
                            .mapToLong(Cell::learners)
                            .sum();
                    cells.stream().filter(x -> x.learners() < 10).forEach(x -> assertThat(hidden)
                            .contains(x.group()));
                    if (!hidden.isEmpty() && total >= 10) {
                        assertThat(hidden).as(cells.toString()).hasSizeGreaterThanOrEqualTo(2);
                        assertThat(hiddenLearners).as(cells.toString()).isGreaterThanOrEqualTo(10);
                    }
                }
            }
        }
    }
}
