package org.credfolio.benchmark;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.crosswalks.AdvancedStanding;
import org.credfolio.crosswalks.CourseLevel;
import org.credfolio.crosswalks.CreditAuthority;
import org.credfolio.crosswalks.CreditRule;
import org.credfolio.crosswalks.CreditUnit;
import org.credfolio.trust.OpenBadgeEnvelope;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.keys.IssuerKeys;
import org.credfolio.trust.presentation.Presentations;
import org.credfolio.trust.verification.PresentationVerifier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Advanced standing against verification alone: a presentation of 10 credentials evaluated against a
 * college's 500 rules, beside verifying the same kind of presentation, in one JVM and one thread,
 * each iteration on a freshly signed presentation. Run with
 * {@code ./mvnw -Pbenchmark verify -Dbenchmark.which=standing}.
 */
public final class AdvancedStandingBenchmark {
    private static final int RULES = 500;
    private static final int CREDENTIALS = 10;

    private AdvancedStandingBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkLauncher.launch("standing", args, (settings, app, dataDirectory) -> run(app, settings));
    }

    private static void run(ConfigurableApplicationContext app, BenchmarkSettings settings) {
        MongoOperations mongo = app.getBean(MongoOperations.class);
        IssuerKeys keys = app.getBean(IssuerKeys.class);
        Presentations presentations = app.getBean(Presentations.class);
        PresentationVerifier verifier = app.getBean(PresentationVerifier.class);
        AdvancedStanding standing = app.getBean(AdvancedStanding.class);
        TrustProperties trust = app.getBean(TrustProperties.class);

        List<CredentialDefinition> catalog = BenchmarkCatalog.credentials(Instant.now());
        mongo.insert(catalog, CredentialDefinition.class);
        String college = "bench-college";
        List<CreditRule> rules = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            CredentialDefinition credential = catalog.get(i % catalog.size());
            rules.add(new CreditRule(
                    "bench-rule-" + i + ".v1",
                    "bench-rule-" + i,
                    1,
                    college,
                    credential.id(),
                    "BNCH " + (1000 + i),
                    "Course " + i,
                    new BigDecimal(1 + i % 4),
                    CreditUnit.SEMESTER_HOURS,
                    CourseLevel.LOWER_DIVISION,
                    i % 3 == 0 ? List.of("Program " + (i % 7)) : List.of(),
                    i % 5 == 0 ? new BigDecimal("30") : null,
                    null,
                    i % 4 == 0 ? 60 : null,
                    i % 2 == 0,
                    CreditAuthority.LOCAL_FACULTY,
                    LocalDate.of(2020, 1, 1),
                    null,
                    null,
                    Instant.now(),
                    "bench"));
        }
        mongo.insert(rules, CreditRule.class);

        String learnerId = "bench-learner";
        List<String> jwts = new ArrayList<>();
        for (int i = 0; i < CREDENTIALS; i++) {
            jwts.add(keys.sign("bench-district", "vc+jwt", credential(keys, trust, learnerId, catalog.get(i))));
        }
        long warmupNanos = Math.max(10, settings.warmup().toSeconds() / 3) * 1_000_000_000L;
        long measureNanos = settings.measure().toSeconds() * 1_000_000_000L;
        System.out.printf("Warming up %d s per path...%n", warmupNanos / 1_000_000_000L);
        time(() -> verify(verifier, presentations, learnerId, jwts), warmupNanos);
        time(() -> evaluate(standing, presentations, learnerId, jwts, college), warmupNanos);
        long[] verifyOnly = new long[0];
        long[] evaluation = new long[0];
        for (int round = 0; round < 4; round++) {
            verifyOnly =
                    concat(verifyOnly, time(() -> verify(verifier, presentations, learnerId, jwts), measureNanos / 4));
            evaluation = concat(
                    evaluation,
                    time(() -> evaluate(standing, presentations, learnerId, jwts, college), measureNanos / 4));
        }
        double verifyP50 = p(verifyOnly, 0.5);
        double evaluateP50 = p(evaluation, 0.5);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-26s %8s %9s %9s%n", "path", "runs", "p50 ms", "p99 ms");
        System.out.printf(
                Locale.ROOT,
                "%-26s %8d %9.3f %9.3f%n",
                "verify presentation",
                verifyOnly.length,
                verifyP50,
                p(verifyOnly, 0.99));
        System.out.printf(
                Locale.ROOT,
                "%-26s %8d %9.3f %9.3f%n",
                "evaluate (500 rules)",
                evaluation.length,
                evaluateP50,
                p(evaluation, 0.99));
        double added = evaluateP50 / verifyP50 - 1;
        System.out.printf(
                Locale.ROOT,
                "evaluation adds %.0f%% to verification at p50; goal <= 25%%: %s%n",
                added * 100,
                added <= 0.25 ? "MET" : "NOT MET");
        System.out.printf(
                "java.version: %s; %d credentials, %d rules; one thread, direct service calls%n",
                System.getProperty("java.version"), CREDENTIALS, RULES);
    }

    private static Map<String, Object> credential(
            IssuerKeys keys, TrustProperties trust, String learnerId, CredentialDefinition definition) {
        Map<String, Object> vc = OpenBadgeEnvelope.credential(keys.issuerDid("bench-district"), "Benchmark ISD");
        String id = (String) vc.get("id");
        vc.put("name", definition.name());
        vc.put("validFrom", "2026-01-15T00:00:00Z");
        vc.put(
                "credentialSubject",
                Map.of(
                        "id", trust.learnerDid(learnerId),
                        "type", List.of("AchievementSubject"),
                        "achievement",
                                Map.of(
                                        "id", "urn:credfolio:achievement:" + definition.id(),
                                        "type", List.of("Achievement"),
                                        "name", definition.name(),
                                        "description", definition.name(),
                                        "criteria", Map.of("narrative", "Passed.")),
                        "result", List.of(Map.of("type", List.of("Result"), "value", "85"))));
        vc.put("iss", keys.issuerDid("bench-district"));
        vc.put("sub", trust.learnerDid(learnerId));
        vc.put("jti", id);
        vc.put("nbf", Instant.parse("2026-01-15T00:00:00Z").getEpochSecond());
        return vc;
    }

    private static void verify(
            PresentationVerifier verifier, Presentations presentations, String learnerId, List<String> jwts) {
        String vp = presentations.present(learnerId, jwts, null, null);
        long begin = System.nanoTime();
        if (!verifier.verifyPresentation(vp, null, null).verified()) {
            throw new IllegalStateException("presentation did not verify");
        }
        LAST.set(System.nanoTime() - begin);
    }

    private static void evaluate(
            AdvancedStanding standing,
            Presentations presentations,
            String learnerId,
            List<String> jwts,
            String college) {
        String vp = presentations.present(learnerId, jwts, null, null);
        long begin = System.nanoTime();
        AdvancedStanding.Evaluation result = standing.evaluate(vp, null, null, college, null, LocalDate.now());
        if (!result.presentationVerified() || result.grants().isEmpty()) {
            throw new IllegalStateException("evaluation granted nothing");
        }
        LAST.set(System.nanoTime() - begin);
    }

    private static final ThreadLocal<Long> LAST = new ThreadLocal<>();

    /** Runs the action until the time is up; returns each run's own timed section, in nanoseconds. */
    private static long[] time(Runnable action, long forNanos) {
        long[] samples = new long[1024];
        int n = 0;
        long end = System.nanoTime() + forNanos;
        while (System.nanoTime() < end) {
            action.run();
            if (n == samples.length) {
                samples = Arrays.copyOf(samples, n * 2);
            }
            samples[n++] = LAST.get();
        }
        return Arrays.copyOf(samples, n);
    }

    private static long[] concat(long[] a, long[] b) {
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static double p(long[] samples, double fraction) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)] / 1e6;
    }
}
