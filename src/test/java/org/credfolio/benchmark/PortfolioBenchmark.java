package org.credfolio.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Portfolio read benchmark: the whole HTTP + GraphQL + security path against a direct read of the
 * same portfolios from the store, in one JVM run. Not a test; run it with
 * {@code ./mvnw -Pbenchmark verify} (see the profile in pom.xml for the settings it passes through).
 */
public final class PortfolioBenchmark {
    private static final Duration SLICE = Duration.ofSeconds(10);

    private PortfolioBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkLauncher.launch("portfolio", args, PortfolioBenchmark::run);
    }

    private static void run(BenchmarkSettings settings, ConfigurableApplicationContext app, Path dataDirectory)
            throws Exception {
        System.out.printf(
                "Loading %,d learners with %d earned credentials each...%n",
                settings.learners(), settings.credentialsPerLearner());
        BenchmarkData.Loaded data = new BenchmarkData(app).load(settings.learners(), settings.credentialsPerLearner());
        System.out.printf(
                "Loaded %,d learners and %,d earned credentials in %.1f s%n",
                data.learnerIds().size(), data.awards(), data.took().toMillis() / 1000.0);

        int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
        HttpPortfolioReader http = new HttpPortfolioReader(port, settings.credentialsPerLearner());
        http.login(data.username(), data.password());
        DirectPortfolioReader direct =
                new DirectPortfolioReader(app.getBean(MongoOperations.class), settings.credentialsPerLearner());
        LoadDriver driver = new LoadDriver(settings.threads(), data.learnerIds());

        // Both paths in alternating slices, so that what they share (driver, mapping, store) warms for both.
        // The JIT needs minutes on a small machine: the slices are printed to show whether it settled.
        System.out.printf(
                "Warming up: %d s per path in %d s slices, alternating, at concurrency %d%n",
                settings.warmup().toSeconds(), SLICE.toSeconds(), settings.threads());
        for (long done = 0; done < settings.warmup().toSeconds(); done += SLICE.toSeconds()) {
            Duration slice = Duration.ofSeconds(
                    Math.min(SLICE.toSeconds(), settings.warmup().toSeconds() - done));
            for (ReadPath path : ReadPath.values()) {
                BenchmarkReport.progress(
                        "warm-up " + path.label, check(path, driver.run(path.of(http, direct), slice)));
            }
        }

        // Measured in slices ordered A B B A, so that drift during the run (JIT, GC, caches) hits both alike.
        int slices = Math.max(2, (int) (settings.measure().toSeconds() / 5) / 2 * 2);
        Duration slice = settings.measure().dividedBy(slices);
        System.out.printf(
                "Measuring: %d s per path in %d slices of %d ms, ordered http-direct-direct-http%n",
                settings.measure().toSeconds(), slices, slice.toMillis());
        LoadDriver.Result[] results = new LoadDriver.Result[2];
        for (int i = 0; i < 2 * slices; i++) {
            ReadPath path = ReadPath.values()[(i + 1) / 2 % 2];
            LoadDriver.Result result = check(path, driver.run(path.of(http, direct), slice));
            BenchmarkReport.progress("measure " + path.label, result);
            results[path.ordinal()] = results[path.ordinal()] == null ? result : results[path.ordinal()].merge(result);
        }
        BenchmarkReport.print(settings, dataDirectory, results[0], results[1]);
    }

    private enum ReadPath {
        HTTP("http"),
        DIRECT("direct");

        final String label;

        ReadPath(String label) {
            this.label = label;
        }

        PortfolioRead of(PortfolioRead http, PortfolioRead direct) {
            return this == HTTP ? http : direct;
        }
    }

    private static LoadDriver.Result check(ReadPath phase, LoadDriver.Result result) {
        if (result.failures() > 0) {
            throw new IllegalStateException(
                    phase.label + ": " + result.failures() + " failed reads; first: " + result.firstFailure());
        }
        if (result.requests() == 0) {
            throw new IllegalStateException(phase.label + ": no read completed");
        }
        return result;
    }
}
