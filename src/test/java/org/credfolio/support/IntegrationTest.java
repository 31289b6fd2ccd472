package org.credfolio.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Base of every test that runs the whole application over real HTTP. The same tests run on a real
 * MongoDB (Testcontainers, where Docker exists) and on the embedded store (everywhere else).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "credfolio.store.in-memory=true",
            "credfolio.demo.enabled=false",
            "credfolio.catalog.seed=false",
            "credfolio.security.login-key-file=target/test-data/login-token-key.pem",
            "credfolio.trust.key-encryption-key-file=target/test-data/key-encryption-key",
            "credfolio.imports.directory=target/test-data/imports-${random.uuid}"
        })
@Import(IntegrationTest.MongoCommandCounting.class)
public abstract class IntegrationTest {
    private static final MongoDBContainer MONGO = TestStores.mongoDbOrNull();

    @LocalServerPort
    protected int port;

    @Autowired
    protected CommandCounter mongoCommands;

    @Autowired
    protected Tenants tenants;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        if (MONGO != null) {
            registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("credfolio"));
        }
    }

    @BeforeEach
    void resetCounters() {
        mongoCommands.reset();
    }

    /**
     * The fewest store commands {@code read} sends in three tries. The read caches live for a
     * second, so a stalled machine may see one expire; a cache that never holds still fails.
     */
    protected int fewestCommands(Runnable read) {
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            mongoCommands.reset();
            read.run();
            fewest = Math.min(fewest, mongoCommands.all().size());
        }
        return fewest;
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    protected HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .build());
    }

    protected HttpGraphQlTester as(Tenants.User user) {
        return anonymous()
                .mutate()
                .header("Authorization", "Bearer " + login(user))
                .build();
    }

    /** Records an earned credential through the API, as the given registrar; returns its id. */
    protected String recordCredential(
            Tenants.User registrar, String learnerId, String credentialId, LocalDate earnedOn) {
        return recordCredential(registrar, learnerId, credentialId, earnedOn, Map.of("result", "Pass"));
    }

    /**
     * Records an earned credential with more input fields (such as {@code examFee}) beside the
     * learner, credential and date.
     */
    protected String recordCredential(
            Tenants.User registrar,
            String learnerId,
            String credentialId,
            LocalDate earnedOn,
            Map<String, Object> moreInput) {
        Map<String, Object> input = new java.util.HashMap<>(moreInput);
        input.put("learnerId", learnerId);
        input.put("credentialId", credentialId);
        input.put("earnedOn", earnedOn.toString());
        return as(registrar)
                .document("mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id } }")
                .variable("i", input)
                .execute()
                .path("recordEarnedCredential.id")
                .entity(String.class)
                .get();
    }

    /**
     * Creates a credit rule through the API, as the given college user: 3 semester hours of
     * lower-division credit for the course, effective since 2024, unless overridden.
     */
    protected void createCreditRule(
            Tenants.User college, String credentialId, String courseCode, Map<String, Object> overrides) {
        Map<String, Object> input = new java.util.HashMap<>();
        input.put("credentialId", credentialId);
        input.put("courseCode", courseCode);
        input.put("courseTitle", "Course " + courseCode);
        input.put("credits", "3");
        input.put("creditUnit", "SEMESTER_HOURS");
        input.put("level", "LOWER_DIVISION");
        input.put("authority", "LOCAL_FACULTY");
        input.put("effectiveFrom", "2024-01-01");
        input.putAll(overrides);
        as(college)
                .document("mutation($i: CreditRuleInput!) { createCreditRule(input: $i) { id } }")
                .variable("i", input)
                .execute()
                .errors()
                .verify();
    }

    /** Creates a staff account through the API, as the given admin; returns its id. */
    protected String createAccount(
            Tenants.User admin, String username, String password, String role, String organizationId) {
        return as(admin)
                .document("mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }")
                .variable(
                        "i",
                        Map.of(
                                "username",
                                username,
                                "password",
                                password,
                                "role",
                                role,
                                "organizationId",
                                organizationId))
                .execute()
                .path("createAccount.id")
                .entity(String.class)
                .get();
    }

    /** Redeems a claim code at {@code POST /auth/claim}, expecting the status; returns the body. */
    protected Map<?, ?> claim(String code, String username, String password, int status) {
        return http().post()
                .uri("/auth/claim")
                .bodyValue(Map.of("code", code, "username", username, "password", password))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /** The status {@code POST /auth/token} answers these credentials with. */
    protected int loginStatus(String username, String password) {
        return http().post()
                .uri("/auth/token")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    /** Logs in through the real token endpoint. */
    protected String login(Tenants.User user) {
        return login(user.username(), user.password());
    }

    /** Logs in through the real token endpoint with these credentials, which must be right. */
    protected String login(String username, String password) {
        Map<?, ?> body = http().post()
                .uri("/auth/token")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) body.get("access_token");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MongoCommandCounting {
        @Bean
        CommandCounter commandCounter() {
            return new CommandCounter();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countCommands(CommandCounter counter) {
            return settings -> settings.addCommandListener(counter).addCommandListener(QueryShapes.ALL);
        }

        @Bean
        Tenants tenants(
                org.springframework.data.mongodb.core.MongoOperations mongo,
                org.springframework.security.crypto.password.PasswordEncoder passwords) {
            return new Tenants(mongo, passwords);
        }
    }

    /** Enrolls the world's learner A in a two-course program and completes the first course, for the CLR. */
    protected void completeACourse(Tenants.World world) {
        String programId = as(world.districtAdminA())
                .document("mutation($i: ProgramOfStudyInput!) { createProgramOfStudy(input: $i) { id } }")
                .variable(
                        "i",
                        Map.of(
                                "stateCode",
                                "060",
                                "name",
                                "Welding",
                                "courses",
                                List.of(
                                        Map.of(
                                                "code",
                                                "WLD 200",
                                                "title",
                                                "Welding I",
                                                "credits",
                                                "2",
                                                "gradeLevel",
                                                10),
                                        Map.of(
                                                "code",
                                                "WLD 300",
                                                "title",
                                                "Welding II",
                                                "credits",
                                                "2",
                                                "gradeLevel",
                                                11))))
                .execute()
                .path("createProgramOfStudy.id")
                .entity(String.class)
                .get();
        as(world.registrarA())
                .document("mutation($l: ID!, $p: ID!) { enrollInProgramOfStudy(learnerId: $l, programId: $p) { id } }")
                .variable("l", world.learnerA().id())
                .variable("p", programId)
                .execute()
                .errors()
                .verify();
        as(world.registrarA())
                .document("mutation($i: CourseCompletionInput!) { recordCourseCompletion(input: $i) { id } }")
                .variable(
                        "i",
                        Map.of(
                                "learnerId",
                                world.learnerA().id(),
                                "programId",
                                programId,
                                "courseCode",
                                "WLD 200",
                                "completedOn",
                                LocalDate.now().minusMonths(1).toString(),
                                "grade",
                                "B"))
                .execute()
                .errors()
                .verify();
    }
}
