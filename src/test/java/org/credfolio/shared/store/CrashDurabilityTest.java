package org.credfolio.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: a mutation that answered success survives a {@code kill -9} a moment later. The
 * application runs in a JVM of its own on the embedded H2 store; each round records a credential and
 * revokes another through the HTTP API, sends SIGKILL as soon as both are confirmed, starts the
 * application again on the same data directory and reads both back. Before writes were committed
 * per command, H2 committed about once a second and this lost most of them.
 *
 * <p>Set {@code -Dcrash.appArgs=--credfolio.store.durable-writes=false} to watch it fail with the
 * old background commit.
 */
class CrashDurabilityTest {
    private static final int ROUNDS = 3;
    private static final String REGISTRAR = "registrar@demo.credfolio.org";
    private static final String CREDENTIALS = "query($id: ID!) { learner(id: $id) { credentials { id status } } }";
    private static final String RECORD =
            "mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id status } }";
    private static final String REVOKE =
            "mutation($i: StatusChangeInput!) { revokeEarnedCredential(input: $i) { id status } }";

    @TempDir
    Path work;

    private record Confirmed(String learnerId, String recorded, String revoked) {}

    @Test
    void confirmedMutationsSurviveKillMinus9() throws Exception {
        Path data = work.resolve("data");
        Path log = work.resolve("app.log");
        String[] appArgs = appArgs();
        List<Confirmed> confirmed = new ArrayList<>();
        long started = System.nanoTime();
        ForkedApp app = ForkedApp.start(data, log, appArgs);
        try {
            assertOwnerOnly(data);
            for (int round = 0; round < ROUNDS; round++) {
                String token = app.login(REGISTRAR);
                Map.Entry<String, String> target = activeCredential(app, token, confirmed);
                String learnerId = target.getKey();
                String toRevoke = target.getValue();

                String recorded = app.graphql(
                                token,
                                RECORD,
                                Map.of(
                                        "i",
                                        Map.of(
                                                "learnerId",
                                                learnerId,
                                                "credentialId",
                                                "tx-ibc-351",
                                                // a date of its own, so the demo data cannot hold it yet
                                                "earnedOn",
                                                LocalDate.now()
                                                        .minusDays(3 + round)
                                                        .toString(),
                                                "result",
                                                "Pass")))
                        .at("/recordEarnedCredential/id")
                        .asText();
                JsonNode revoked = app.graphql(
                                token, REVOKE, Map.of("i", Map.of("id", toRevoke, "reason", "crash test")))
                        .get("revokeEarnedCredential");
                app.kill();
                assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
                confirmed.add(new Confirmed(learnerId, recorded, toRevoke));

                app = ForkedApp.start(data, log, appArgs);
                token = app.login(REGISTRAR);
                for (Confirmed c : confirmed) {
                    Map<String, String> statuses = statuses(app, token, c.learnerId());
                    assertThat(statuses)
                            .as("round %d, after kill -9 and restart: %s%n%s", round + 1, c, app.tail())
                            .containsEntry(c.recorded(), "ACTIVE")
                            .containsEntry(c.revoked(), "REVOKED");
                }
            }
        } finally {
            app.close();
        }
        System.out.printf("CrashDurabilityTest: %d rounds in %.1f s%n", ROUNDS, (System.nanoTime() - started) / 1e9);
    }

    private static String[] appArgs() {
        String args = System.getProperty("crash.appArgs", "").trim();
        return args.isEmpty() ? new String[0] : args.split("\\s+");
    }

    /** A demo learner and one of their active credentials not revoked by an earlier round. */
    private static Map.Entry<String, String> activeCredential(ForkedApp app, String token, List<Confirmed> done)
            throws Exception {
        // Fewer than half the demo learners have a credential; the first few dozen hold enough.
        for (int n = 1; n <= 100; n++) {
            String learnerId = "demo-learner-%03d".formatted(n);
            for (Map.Entry<String, String> c : statuses(app, token, learnerId).entrySet()) {
                if (c.getValue().equals("ACTIVE")
                        && done.stream().noneMatch(d -> d.recorded().equals(c.getKey()))) {
                    return Map.entry(learnerId, c.getKey());
                }
            }
        }
        throw new AssertionError("No demo learner has an active credential to revoke");
    }

    private static Map<String, String> statuses(ForkedApp app, String token, String learnerId) throws Exception {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode c :
                app.graphql(token, CREDENTIALS, Map.of("id", learnerId)).at("/learner/credentials")) {
            statuses.put(c.get("id").asText(), c.get("status").asText());
        }
        return statuses;
    }

    /** Issue 16, item 4: the store's directory and file are the owner's only. */
    private static void assertOwnerOnly(Path data) throws Exception {
        if (!OwnerOnlyFiles.supported(data)) {
            return;
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        assertThat(Files.getPosixFilePermissions(data.resolve("credfolio.mv")))
                .isEqualTo(Set.copyOf(OwnerOnlyFiles.FILE));
    }
}
