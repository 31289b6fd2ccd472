package org.credfolio.benchmark;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.integrity.EddsaRdfc2022;
import org.credfolio.trust.keys.IssuerKeys;
import org.credfolio.trust.verification.CredentialVerification;
import org.credfolio.trust.verification.CredentialVerifier;
import org.credfolio.trust.verification.VerificationCheck;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Data Integrity ({@code eddsa-rdfc-2022}: RDFC-1.0 canonicalization and Ed25519) beside VC-JWT
 * (the district's JOSE key, ES256 by default) on the same Open Badges 3.0 credential, in one JVM
 * and one thread, by direct service calls: issuances per second ({@link IssuerKeys#sign} against
 * {@link IssuerKeys#secure}), verifications per second of credentials never verified before (each
 * one minted with its own id before the timed slice, so the signature cache misses) and of one
 * credential verified again and again (cache hits), both through {@link
 * CredentialVerifier#verifyCredential}; and what canonicalization costs per credential: {@code
 * secure} less the Ed25519 signature alone, and {@link EddsaRdfc2022#sign} with a signer that does
 * nothing. The credential is the one the application issues: an earned credential is recorded
 * through GraphQL, and its {@code ldpCredential} less the proof is what Data Integrity secures again;
 * the VC-JWT signs the payload of the issued {@code jwt} less the Data Integrity proof it wraps (the
 * same content with the JWT claims iss, sub, nbf and iat). Without {@code ldpCredential} in the
 * schema, the JWT payload less those claims is secured instead. Every path is warmed up, then
 * measured in rounds that visit the paths in alternating order; the figures are medians over the
 * rounds. Run with {@code ./mvnw -Pbenchmark verify
 * -Dbenchmark.which=integrity}; {@code JAVA_HOME} chooses the JDK.
 */
public final class DataIntegrityBenchmark {
    private static final String DISTRICT = BenchmarkData.DISTRICT;
    private static final int ROUNDS = 5;
    /** Claims of the JWT wrapping (VC-JOSE-COSE) that a JSON-LD credential does not carry. */
    private static final List<String> JWT_CLAIMS = List.of("iss", "sub", "jti", "nbf", "iat", "exp");

    private DataIntegrityBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkLauncher.launch("integrity", args, (settings, app, dataDirectory) -> new Run(settings, app).run());
    }

    /** One measured operation: {@code prepare} builds the inputs of {@code n} runs, untimed. */
    private interface Path {
        default void prepare(int n) {}

        void run(int i) throws Exception;
    }

    private static final class Run {
        private final BenchmarkSettings settings;
        private final ConfigurableApplicationContext app;
        private final IssuerKeys keys;
        private final CredentialVerifier verifier;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI base;
        private final Map<String, Path> paths = new LinkedHashMap<>();
        private final Map<String, Double> estimate = new LinkedHashMap<>();
        private final Map<String, List<Double>> rates = new LinkedHashMap<>();
        private String authorization;
        /** Keeps the JIT from discarding results. */
        private long sink;

        Run(BenchmarkSettings settings, ConfigurableApplicationContext app) {
            this.settings = settings;
            this.app = app;
            this.keys = app.getBean(IssuerKeys.class);
            this.verifier = app.getBean(CredentialVerifier.class);
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            this.base = URI.create("http://127.0.0.1:" + port);
        }

        void run() throws Exception {
            BenchmarkData.Loaded data = new BenchmarkData(app).load(20, 1);
            login(data.username(), data.password());
            Issued issued = record(data.learnerIds().get(0), "bench-credential-01");

            // The application's VC-JWT wraps the secured credential; here the VC-JWT signs the content
            // without the embedded proof, so that each form carries only its own securing.
            Map<String, Object> payload = new LinkedHashMap<>(CredentialForms.payload(issued.jwt()));
            payload.remove("proof");
            Map<String, Object> claims = Collections.unmodifiableMap(payload);
            Map<String, Object> credential = new LinkedHashMap<>(claims);
            JWT_CLAIMS.forEach(credential::remove);
            String diSource = "the VC-JWT payload less " + JWT_CLAIMS + ", secured by IssuerKeys.secure";
            if (issued.ldp() != null) {
                credential = new LinkedHashMap<>(issued.ldp());
                credential.remove("proof");
                diSource = "EarnedCredential.ldpCredential less its proof, secured again by IssuerKeys.secure";
            }
            Map<String, Object> unsecured = Collections.unmodifiableMap(credential);
            String jwt = keys.sign(DISTRICT, "vc+jwt", claims);
            String secured = CredentialForms.json(keys.secure(DISTRICT, unsecured));
            if (issued.ldpJson() != null) {
                expectVerified("ldpCredential as issued", issued.ldpJson());
            }
            expectVerified("VC-JWT as issued", issued.jwt());
            expectVerified("VC-JWT", jwt);
            expectVerified("Data Integrity", secured);
            System.out.println("Credential (Data Integrity form, " + diSource + "):");
            System.out.println(secured);
            System.out.println();

            byte[] hashData = new byte[64];
            ThreadLocalRandom.current().nextBytes(hashData);
            Ed25519Sign rawEd25519 =
                    new Ed25519Sign(Ed25519Sign.KeyPair.newKeyPair().getPrivateKey());
            Map<String, Object> proofOptions = new LinkedHashMap<>();
            proofOptions.put(
                    "created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            proofOptions.put(
                    "verificationMethod",
                    String.valueOf(
                            ((Map<?, ?>) CredentialForms.parseJson(secured).get("proof")).get("verificationMethod")));
            proofOptions.put("proofPurpose", "assertionMethod");

            paths.put(
                    "issue jwt",
                    i -> sink += keys.sign(DISTRICT, "vc+jwt", claims).length());
            paths.put("issue di", i -> sink += keys.secure(DISTRICT, unsecured).size());
            paths.put("verify new jwt", new Minted(i -> mintJwt(claims)));
            paths.put("verify new di", new Minted(i -> mintSecured(unsecured)));
            paths.put("verify repeat jwt", i -> verify(jwt));
            paths.put("verify repeat di", i -> verify(secured));
            paths.put("ed25519 sign", i -> sink += rawEd25519.sign(hashData)[0]);
            paths.put(
                    "rdfc no-op signer",
                    i -> sink += EddsaRdfc2022.sign(unsecured, proofOptions, bytes -> new byte[64])
                            .size());

            long warmupPerPath = Math.max(5, settings.warmup().toSeconds() / paths.size());
            double slice = Math.max(1.0, (double) settings.measure().toSeconds() / ROUNDS);
            System.out.printf(
                    Locale.ROOT,
                    "Warming up %d s per path, then %d rounds of %.0f s per path%n",
                    warmupPerPath,
                    ROUNDS,
                    slice);
            for (String name : paths.keySet()) {
                warmUp(name, warmupPerPath);
            }
            List<String> order = new ArrayList<>(paths.keySet());
            for (int round = 0; round < ROUNDS; round++) {
                List<String> sequence = new ArrayList<>(order);
                if (round % 2 == 1) {
                    Collections.reverse(sequence);
                }
                for (String name : sequence) {
                    double rate = slice(name, slice, true);
                    rates.computeIfAbsent(name, k -> new ArrayList<>()).add(rate);
                    System.out.printf(Locale.ROOT, "  round %d %-18s %10.1f/s%n", round + 1, name, rate);
                }
            }
            report(jwt, secured, diSource);
            if (sink == 42) {
                System.out.println();
            }
        }

        private void warmUp(String name, long seconds) throws Exception {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                double rate = slice(name, 1.0, false);
                System.out.printf(Locale.ROOT, "  warm    %-18s %10.1f/s%n", name, rate);
            }
        }

        /** Runs about {@code seconds} worth of the path (by the last rate seen); returns runs per second. */
        private double slice(String name, double seconds, boolean measured) throws Exception {
            Path path = paths.get(name);
            int n = (int) Math.max(5, Math.min(2_000_000, estimate.getOrDefault(name, 20.0) * seconds));
            path.prepare(n);
            if (measured) {
                System.gc();
            }
            long begin = System.nanoTime();
            for (int i = 0; i < n; i++) {
                path.run(i);
            }
            double rate = n / ((System.nanoTime() - begin) / 1e9);
            estimate.put(name, rate);
            return rate;
        }

        /** A path over credentials never verified before, minted (in parallel) before each slice. */
        private final class Minted implements Path {
            private final java.util.function.IntFunction<String> mint;
            private List<String> inputs = List.of();

            Minted(java.util.function.IntFunction<String> mint) {
                this.mint = mint;
            }

            @Override
            public void prepare(int n) {
                inputs = IntStream.range(0, n).parallel().mapToObj(mint).toList();
            }

            @Override
            public void run(int i) {
                verify(inputs.get(i));
            }
        }

        private String mintJwt(Map<String, Object> claims) {
            Map<String, Object> fresh = new LinkedHashMap<>(claims);
            String id = "urn:uuid:" + UUID.randomUUID();
            fresh.put("id", id);
            if (fresh.containsKey("jti")) {
                fresh.put("jti", id);
            }
            return keys.sign(DISTRICT, "vc+jwt", fresh);
        }

        private String mintSecured(Map<String, Object> credential) {
            Map<String, Object> fresh = new LinkedHashMap<>(credential);
            fresh.put("id", "urn:uuid:" + UUID.randomUUID());
            return CredentialForms.json(keys.secure(DISTRICT, fresh));
        }

        private void verify(String input) {
            CredentialVerification result = verifier.verifyCredential(input);
            if (!result.verified()) {
                throw new IllegalStateException("not verified: " + failed(result));
            }
            sink += result.checks().size();
        }

        private void expectVerified(String label, String input) {
            CredentialVerification result = verifier.verifyCredential(input);
            if (!result.verified()) {
                throw new IllegalStateException(label + " did not verify: " + failed(result));
            }
        }

        private static List<String> failed(CredentialVerification result) {
            return result.checks().stream()
                    .filter(c -> !c.passed())
                    .map(VerificationCheck::reason)
                    .toList();
        }

        private double median(String name) {
            double[] sorted = rates.get(name).stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        private double spread(String name) {
            List<Double> r = rates.get(name);
            double min = Collections.min(r);
            double max = Collections.max(r);
            return (max - min) / median(name) * 100;
        }

        private void report(String jwt, String secured, String diSource) {
            String alg = String.valueOf(parseHeader(jwt).getOrDefault("alg", "?"));
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "Data Integrity (eddsa-rdfc-2022) beside VC-JWT (%s), one thread, median of %d rounds%n",
                    alg,
                    ROUNDS);
            System.out.printf(
                    Locale.ROOT,
                    "%-30s %10s %10s %8s %9s %9s %8s%n",
                    "operation",
                    "VC-JWT/s",
                    "DI/s",
                    "DI/JWT",
                    "JWT ms",
                    "DI ms",
                    "spread");
            row("issuance (sign / secure)", "issue jwt", "issue di");
            row("verification, never seen", "verify new jwt", "verify new di");
            row("verification, repeated", "verify repeat jwt", "verify repeat di");
            double secureMs = 1000 / median("issue di");
            double signMs = 1000 / median("ed25519 sign");
            double noOpMs = 1000 / median("rdfc no-op signer");
            System.out.println();
            System.out.println("Canonicalization per credential (ms):");
            System.out.printf(Locale.ROOT, "  %-46s %8.3f%n", "IssuerKeys.secure, full (a)", secureMs);
            System.out.printf(
                    Locale.ROOT, "  %-46s %8.3f%n", "Ed25519 sign of the 64-byte hash data alone (b)", signMs);
            System.out.printf(
                    Locale.ROOT,
                    "  %-46s %8.3f  (%.0f%% of secure)%n",
                    "canonicalization ~ (a) - (b)",
                    secureMs - signMs,
                    (secureMs - signMs) / secureMs * 100);
            System.out.printf(
                    Locale.ROOT,
                    "  %-46s %8.3f  (both RDFC-1.0 passes and SHA-256, measured)%n",
                    "EddsaRdfc2022.sign with a no-op signer",
                    noOpMs);
            double repeat = median("verify repeat di") / median("verify repeat jwt");
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "goal: DI repeated verification at least as fast as VC-JWT repeated: %.2fx, %s%n",
                    repeat,
                    repeat >= 1.0 ? "MET" : "NOT MET");
            System.out.println();
            System.out.printf("credential:       Open Badges 3.0 OpenBadgeCredential; DI form is %s%n", diSource);
            System.out.printf(
                    "sizes:            VC-JWT %,d chars, Data Integrity JSON %,d chars%n",
                    jwt.length(), secured.length());
            System.out.printf(
                    "java.version:     %s (%s)%n",
                    System.getProperty("java.version"), System.getProperty("java.vm.name"));
            System.out.printf("processors:       %d%n", Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "method:           direct service calls in one thread; %d rounds per path in alternating order;"
                            + " spread = (max-min)/median over the rounds%n",
                    ROUNDS);
        }

        private void row(String label, String jwtPath, String diPath) {
            double jwtRate = median(jwtPath);
            double diRate = median(diPath);
            System.out.printf(
                    Locale.ROOT,
                    "%-30s %10.1f %10.1f %7.2fx %9.3f %9.3f %3.0f/%2.0f%%%n",
                    label,
                    jwtRate,
                    diRate,
                    diRate / jwtRate,
                    1000 / jwtRate,
                    1000 / diRate,
                    spread(jwtPath),
                    spread(diPath));
        }

        private static Map<String, Object> parseHeader(String jwt) {
            try {
                return JSONObjectUtils.parse(
                        new com.nimbusds.jose.util.Base64URL(jwt.substring(0, jwt.indexOf('.'))).decodeToString());
            } catch (java.text.ParseException e) {
                return Map.of();
            }
        }

        private record Issued(String jwt, Map<String, Object> ldp, String ldpJson) {}

        /**
         * Records an earned credential through GraphQL as a registrar does, and reads the credential
         * the application issued for it: the VC-JWT, and the Data Integrity form when the schema has
         * {@code ldpCredential}.
         */
        private Issued record(String learnerId, String credentialId) throws Exception {
            String earnedOn = LocalDate.now().minusDays(30).toString();
            Map<String, Object> response;
            try {
                response = recordWith(learnerId, credentialId, earnedOn, "id jwt ldpCredential");
            } catch (FieldUndefined e) {
                response = recordWith(learnerId, credentialId, earnedOn, "id jwt");
            }
            Object ldp = response.get("ldpCredential");
            Map<String, Object> ldpMap = null;
            String ldpJson = null;
            if (ldp instanceof String text && !text.isBlank()) {
                ldpJson = text;
                ldpMap = CredentialForms.parseJson(text);
            } else if (ldp instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                ldpMap = typed;
                ldpJson = CredentialForms.json(typed);
            }
            return new Issued((String) response.get("jwt"), ldpMap, ldpJson);
        }

        private static final class FieldUndefined extends Exception {
            FieldUndefined(String message) {
                super(message);
            }
        }

        private Map<String, Object> recordWith(String learnerId, String credentialId, String earnedOn, String fields)
                throws Exception {
            Map<String, Object> input =
                    Map.of("learnerId", learnerId, "credentialId", credentialId, "earnedOn", earnedOn);
            Map<String, Object> request = Map.of(
                    "query",
                    "mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { " + fields + " } }",
                    "variables",
                    Map.of("i", input));
            String body = post("/graphql", JSONObjectUtils.toJSONString(request));
            Map<String, Object> parsed = JSONObjectUtils.parse(body);
            if (parsed.get("errors") != null) {
                if (body.contains("ldpCredential") && fields.contains("ldpCredential")) {
                    throw new FieldUndefined(body);
                }
                throw new IllegalStateException("recordEarnedCredential failed: " + body);
            }
            Map<?, ?> result = (Map<?, ?>) ((Map<?, ?>) parsed.get("data")).get("recordEarnedCredential");
            Map<String, Object> fieldsRead = new LinkedHashMap<>();
            result.forEach((k, v) -> fieldsRead.put(String.valueOf(k), v));
            if (!(fieldsRead.get("jwt") instanceof String)) {
                throw new IllegalStateException("The earned credential has no jwt: " + body);
            }
            return fieldsRead;
        }

        private String post(String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        private void login(String username, String password) throws Exception {
            String body = post(
                    "/auth/token", JSONObjectUtils.toJSONString(Map.of("username", username, "password", password)));
            Object token = JSONObjectUtils.parse(body).get("access_token");
            if (!(token instanceof String)) {
                throw new IllegalStateException("Login failed: " + body);
            }
            authorization = "Bearer " + token;
        }
    }
}
