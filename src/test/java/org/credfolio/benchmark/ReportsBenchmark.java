package org.credfolio.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The four district reports over GraphQL on one district of {@code benchmark.learners} learners with
 * three credentials each, beside one raw aggregation over the same awards (count per credential), in
 * one run. Run with {@code ./mvnw -Pbenchmark verify -Dbenchmark.which=reports
 * -Dbenchmark.learners=100000}.
 */
public final class ReportsBenchmark {
    private static final int AWARDS_PER_LEARNER = 3;
    private static final int RUNS = 5;
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[][] REPORTS = {
        {
            "credential audit",
            "{ credentialAudit(districtId: \"bench-district\") { learners rows { earners"
                    + " recommendation value { tier } } } }"
        },
        {
            "supply and demand",
            "{ supplyDemand(districtId: \"bench-district\") { awards inDemandPercent"
                    + " mostEarned { awards } mostInDemand { peakOpenings } undersupplied { earners } } }"
        },
        {
            "equity",
            "{ equity(districtId: \"bench-district\") { overall { learners attained } dimensions {"
                    + " dimension groups { group suppressed learners attained highValue } } } }"
        },
        {
            "funding",
            "{ funding(districtId: \"bench-district\") { exams amount learnersServed sources { payer exams } } }"
        }
    };

    private ReportsBenchmark() {}

    /**
     * A whole district's report on the embedded store takes longer than the default 10 s GraphQL
     * budget once a district nears 100,000 learners, so this run allows two minutes unless its
     * arguments set {@code --credfolio.graphql.timeout} themselves.
     */
    private static final String TIMEOUT = "--credfolio.graphql.timeout=";

    public static void main(String[] args) throws Exception {
        String[] withTimeout = Arrays.stream(args).anyMatch(a -> a.startsWith(TIMEOUT))
                ? args
                : Stream.concat(Stream.of(TIMEOUT + "120s"), Arrays.stream(args))
                        .toArray(String[]::new);
        BenchmarkLauncher.launch("reports", withTimeout, (settings, app, dataDirectory) -> run(app, settings));
    }

    private static void run(ConfigurableApplicationContext app, BenchmarkSettings settings) throws Exception {
        System.out.printf(
                "Loading %,d learners with %d credentials each...%n", settings.learners(), AWARDS_PER_LEARNER);
        BenchmarkData.Loaded loaded = new BenchmarkData(app).load(settings.learners(), AWARDS_PER_LEARNER);
        System.out.printf(
                "Loaded %,d awards in %d s%n", loaded.awards(), loaded.took().toSeconds());
        MongoOperations mongo = app.getBean(MongoOperations.class);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        String token = login(http, port, loaded.password());

        Runnable raw = () -> rawAggregation(mongo);
        double rawMs = median(raw);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-28s %10s %8s %12s %14s%n",
                "query",
                "median ms",
                "x raw",
                "response KB",
                "heap after GC");
        System.out.printf(
                Locale.ROOT, "%-28s %10.0f %8s %12s %14s%n", "raw aggregation", rawMs, "1.00", "-", heapMb() + " MB");
        for (String[] report : REPORTS) {
            int[] size = new int[1];
            double ms =
                    median(() -> size[0] = graphql(http, port, token, report[1]).length());
            System.out.printf(
                    Locale.ROOT,
                    "%-28s %10.0f %8.2f %12.1f %14s%n",
                    report[0],
                    ms,
                    ms / rawMs,
                    size[0] / 1024.0,
                    heapMb() + " MB");
        }
        System.out.printf(
                Locale.ROOT,
                "%nGoal: each report within %.1fx of the raw aggregation.%n",
                BenchmarkSettings.GOAL_P50_RATIO);
    }

    /** What any report must do at least once: read every award of the district and group it. */
    private static void rawAggregation(MongoOperations mongo) {
        List<Document> pipeline = List.of(
                new Document("$match", new Document("districtId", BenchmarkData.DISTRICT)),
                new Document("$unwind", "$credentials"),
                new Document(
                        "$group",
                        new Document("_id", "$credentials.credentialId").append("awards", new Document("$sum", 1))));
        mongo.getCollection("awards").aggregate(pipeline).into(new ArrayList<>());
    }

    /** Two warm-up runs, then the median of five. */
    private static double median(Runnable body) {
        body.run();
        body.run();
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            body.run();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    private static long heapMb() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static String login(HttpClient http, int port, String password) throws Exception {
        String body = "{\"username\":\"" + BenchmarkData.ADMIN_USERNAME + "\",\"password\":\"" + password + "\"}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("Login failed: " + response.statusCode());
        }
        return m.group(1);
    }

    private static String graphql(HttpClient http, int port, String token, String query) {
        try {
            String body = "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}";
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException("Report failed: " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
