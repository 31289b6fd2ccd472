package org.credfolio.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.credfolio.CredfolioApplication;
import org.credfolio.shared.store.EmbeddedStoreProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every benchmark does around its measurements: runs only when {@code benchmark.which}
 * selects it, starts the application on a fresh data directory, and always stops it and removes the
 * directory; the exit code says whether the benchmark finished.
 */
final class BenchmarkLauncher {
    interface Body {
        void run(BenchmarkSettings settings, ConfigurableApplicationContext app, Path dataDirectory) throws Exception;
    }

    private BenchmarkLauncher() {}

    static void launch(String name, String[] args, Body body) throws IOException {
        if (!BenchmarkSettings.selected(name)) {
            return;
        }
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Path dataDirectory = Files.createTempDirectory("credfolio-benchmark-");
        int exitCode = 1;
        ConfigurableApplicationContext app = null;
        try {
            app = start(settings, dataDirectory, args);
            body.run(settings, app, dataDirectory);
            exitCode = 0;
        } catch (Exception e) {
            System.err.println("Benchmark aborted: " + e);
            e.printStackTrace();
        } finally {
            if (app != null) {
                app.close();
            }
            deleteRecursively(dataDirectory);
        }
        System.exit(exitCode);
    }

    /**
     * Starts the application as a user would, on a fresh data directory. The settings are passed as
     * command-line arguments, which take precedence over application.yaml; the benchmark's own
     * arguments ({@code --name=value}) follow them, to try a setting of the application.
     */
    private static ConfigurableApplicationContext start(
            BenchmarkSettings settings, Path dataDirectory, String[] extraArgs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("credfolio.demo.enabled", "false");
        properties.put("credfolio.catalog.seed", "false"); // the benchmark writes its own catalog
        properties.put("credfolio.store.in-memory", String.valueOf(settings.inMemory()));
        properties.put("credfolio.store.data-directory", dataDirectory.toString());
        properties.put(
                "credfolio.security.login-key-file",
                dataDirectory.resolve("login-token-key.pem").toString());
        properties.put("logging.level.root", "warn");
        properties.put("spring.main.banner-mode", "off");
        String[] args = Stream.concat(
                        properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                        Arrays.stream(extraArgs))
                .toArray(String[]::new);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CredfolioApplication.class).run(args);
        EmbeddedStoreProperties store = app.getBean(EmbeddedStoreProperties.class);
        if (store.inMemory() != settings.inMemory() || !store.dataDirectory().equals(dataDirectory)) {
            app.close();
            throw new IllegalStateException("The application did not take the benchmark's store settings: " + store);
        }
        return app;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
