package org.credfolio.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prints the HTTP benchmark: a line per wrk run as it ends, then the table of medians over the
 * rounds, with the load average during each row, and the ratios against the targets.
 */
final class HttpReport {
    /** The portfolio (and the share page, which reads the same data) against the floor. */
    static final double GOAL_PORTFOLIO_OF_FLOOR = 0.3;
    /** The portfolio's p99 against its p50. */
    static final double GOAL_PORTFOLIO_P99_OVER_P50 = 3.0;
    /** Verification against Node's jose verifying every time, on the same tokens. */
    static final double GOAL_VERIFY_OF_NODE = 1.0;

    private final List<HttpRows.Row> rows;
    private final Map<String, List<WrkRun.Result>> rounds = new LinkedHashMap<>();

    HttpReport(List<HttpRows.Row> rows) {
        this.rows = new ArrayList<>();
        add(rows);
    }

    /** Rows of a later phase, reported after the earlier ones. */
    void add(List<HttpRows.Row> more) {
        for (HttpRows.Row row : more) {
            rows.add(row);
            rounds.put(row.key(), new ArrayList<>());
        }
    }

    void progress(String phase, HttpRows.Row row, WrkRun.Result result) {
        System.out.printf(
                Locale.ROOT,
                "  %-8s %-48s %-18s %9.0f/s  p50 %7.2f ms  p99 %7.2f ms  load %.2f%n",
                phase,
                row.label(),
                "(" + row.key() + ")",
                result.perSecond(),
                result.p50Millis(),
                result.p99Millis(),
                result.load());
    }

    void measured(HttpRows.Row row, WrkRun.Result result) {
        rounds.get(row.key()).add(result);
    }

    void table() {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-52s %9s %8s %8s %8s  %s%n",
                "row (median of rounds)",
                "req/s",
                "p50 ms",
                "p99 ms",
                "p99/p50",
                "load (1 min) during the rounds");
        for (HttpRows.Row row : rows) {
            List<WrkRun.Result> results = rounds.get(row.key());
            double p50 = median(results, WrkRun.Result::p50Millis);
            double p99 = median(results, WrkRun.Result::p99Millis);
            System.out.printf(
                    Locale.ROOT,
                    "%-52s %9.0f %8.2f %8.2f %8.1f  %s%n",
                    (row.node() ? "  beside: " : "") + row.label(),
                    perSecond(row.key()),
                    p50,
                    p99,
                    p99 / p50,
                    loads(results));
        }
    }

    /** The ratios and goals whose rows ran (all of them unless {@code http.rows} chose some). */
    void ratios() {
        System.out.println();
        if (ran("floor", "portfolio")) {
            goal("portfolio / floor", perSecond("portfolio") / perSecond("floor"), GOAL_PORTFOLIO_OF_FLOOR, true);
        }
        if (ran("floor", "share")) {
            goal("share page / floor", perSecond("share") / perSecond("floor"), GOAL_PORTFOLIO_OF_FLOOR, true);
        }
        if (ran("portfolio")) {
            goal(
                    "portfolio p99 / p50",
                    median(rounds.get("portfolio"), WrkRun.Result::p99Millis)
                            / median(rounds.get("portfolio"), WrkRun.Result::p50Millis),
                    GOAL_PORTFOLIO_P99_OVER_P50,
                    false);
        }
        if (ran("verify-new", "node-jose-new")) {
            goal(
                    "verify never-seen / Node jose",
                    perSecond("verify-new") / perSecond("node-jose-new"),
                    GOAL_VERIFY_OF_NODE,
                    true);
        }
        if (ran("verify-cycling", "node-jose-cycling")) {
            goal(
                    "verify 1,000 cycling / Node jose",
                    perSecond("verify-cycling") / perSecond("node-jose-cycling"),
                    GOAL_VERIFY_OF_NODE,
                    true);
        }
        if (ran("verify-new", "floor", "node-jose-new", "node-plain")) {
            // Where the never-seen gap is: what verifying adds to a request beyond each server's own
            // floor (ours POST /challenges, Node's plain http), in time per request at full load.
            double ours = beyond("verify-new", "floor");
            double node = beyond("node-jose-new", "node-plain");
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %6.2fx  (%.0f against %.0f µs a request)%n",
                    "never-seen beyond floor / Node's",
                    ours / node,
                    ours * 1e6,
                    node * 1e6);
        }
        ratioIfRan("portfolio, caches off / its floor", "portfolio-cold", "floor-cold");
        ratioIfRan("share page, caches off / its floor", "share-cold", "floor-cold");
        ratioIfRan("floor / Node http, a tiny JSON", "floor", "node-plain");
        ratioIfRan("floor / Node http, the same HMAC", "floor", "node-hmac");
        ratioIfRan("verify never-seen / floor", "verify-new", "floor");
        ratioIfRan("verify 1,000 cycling / floor", "verify-cycling", "floor");
        ratioIfRan("Data Integrity / VC-JWT, cycling", "verify-integrity", "verify-cycling");
        ratioIfRan("recordEarnedCredential / floor", "issue", "floor");
    }

    private boolean ran(String... keys) {
        return Arrays.stream(keys)
                .allMatch(key -> rounds.containsKey(key) && !rounds.get(key).isEmpty());
    }

    private void ratioIfRan(String label, String over, String under) {
        if (ran(over, under)) {
            System.out.printf(Locale.ROOT, "%-36s %6.2fx%n", label, perSecond(over) / perSecond(under));
        }
    }

    /** Seconds a request of {@code over} takes beyond one of {@code under}, from their rates. */
    private double beyond(String over, String under) {
        return 1 / perSecond(over) - 1 / perSecond(under);
    }

    private double perSecond(String key) {
        return median(rounds.get(key), WrkRun.Result::perSecond);
    }

    private static void goal(String label, double value, double goal, boolean atLeast) {
        boolean met = atLeast ? value >= goal : value < goal;
        System.out.printf(
                Locale.ROOT,
                "%-36s %6.2fx  goal %s %.1fx: %s%n",
                label,
                value,
                atLeast ? ">=" : "<",
                goal,
                met ? "MET" : "NOT MET");
    }

    private static double median(List<WrkRun.Result> results, ToDoubleFunction<WrkRun.Result> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String loads(List<WrkRun.Result> results) {
        double[] loads = results.stream().mapToDouble(WrkRun.Result::load).toArray();
        double min = Arrays.stream(loads).min().orElse(Double.NaN);
        double max = Arrays.stream(loads).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%.2f-%.2f", min, max);
    }
}
