package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.credfolio.shared.security.Role;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Learners share their own credentials, and only theirs; every refusal has its own code. */
class SharesTest extends SharingTestBase {

    @Test
    void learnerSharesOwnCredentialAndTheTokenIsGivenOutOnceNeverStored() throws Exception {
        Map<String, Object> created = createShare(world.learner(), input(List.of(awardId)))
                .errors()
                .verify()
                .path("createShare")
                .entity(Map.class)
                .get();
        String token = (String) created.get("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat((String) created.get("url")).endsWith("/shares/" + token);
        Map<?, ?> share = (Map<?, ?>) created.get("share");
        assertThat(share.get("active")).isEqualTo(true);
        assertThat(share.get("showName")).isEqualTo(true);
        assertThat(share.get("viewCount")).isEqualTo(0);
        assertThat(share.get("revokedAt")).isNull();
        assertThat(Instant.parse((String) share.get("expiresAt")))
                .isCloseTo(Instant.now().plus(30, ChronoUnit.DAYS), within(60, ChronoUnit.SECONDS));
        assertThat(share.get("credentials").toString())
                .contains(awardId, world.welding().name());

        Document stored = mongo.getCollection("shares")
                .find(new Document("_id", share.get("id")))
                .first();
        assertThat(stored.toJson()).doesNotContain(token);
        assertThat(stored.getString("tokenHash")).isEqualTo(sha256Hex(token));
        assertThat(mongo.getCollection("audit_log")
                        .find(new Document("subjectId", share.get("id")).append("action", "share.created"))
                        .first())
                .isNotNull();
    }

    @Test
    void anotherLearnersCredentialCannotBeShared() {
        Tenants.User learnerB = accountFor(world.registrarB(), world.learnerB().id());
        assertCode(createShare(learnerB, input(List.of(awardId))), "NOT_FOUND", "EARNED_CREDENTIAL_NOT_FOUND");
        assertCode(
                createShare(
                        world.learner(), input(List.of(awardId, world.learnerB().id() + ".0000000000000000"))),
                "NOT_FOUND",
                "EARNED_CREDENTIAL_NOT_FOUND");
    }

    @Test
    void onlyLearnersShare() {
        assertCode(createShare(world.registrarA(), input(List.of(awardId))), "FORBIDDEN", "ACCESS_DENIED");
        assertCode(
                anonymous()
                        .document(CREATE)
                        .variable("i", input(List.of(awardId)))
                        .execute(),
                "UNAUTHORIZED",
                "AUTHENTICATION_REQUIRED");
    }

    @Test
    void revokedCredentialCannotBeShared() {
        changeStatus("revokeEarnedCredential", awardId);
        assertCode(createShare(world.learner(), input(List.of(awardId))), "BAD_REQUEST", "EARNED_CREDENTIAL_REVOKED");
    }

    @Test
    void badInputIsRefusedWithASpecificCode() {
        assertCode(createShare(world.learner(), input(List.of())), "BAD_REQUEST", "NO_CREDENTIALS_CHOSEN");
        List<String> tooMany = IntStream.range(0, 51)
                .mapToObj(i -> world.learnerA().id() + "." + i)
                .toList();
        assertCode(createShare(world.learner(), input(tooMany)), "BAD_REQUEST", "TOO_MANY_CREDENTIALS");

        Map<String, Object> longAudience = input(List.of(awardId));
        longAudience.put("audience", "a".repeat(121));
        assertCode(createShare(world.learner(), longAudience), "BAD_REQUEST", "LENGTH_OUT_OF_RANGE");
        Map<String, Object> blankAudience = input(List.of(awardId));
        blankAudience.put("audience", "  ");
        assertCode(createShare(world.learner(), blankAudience), "BAD_REQUEST", "REQUIRED");

        Map<String, Object> past = input(List.of(awardId));
        past.put("expiresAt", Instant.now().minusSeconds(60).toString());
        assertCode(createShare(world.learner(), past), "BAD_REQUEST", "EXPIRY_NOT_IN_FUTURE");
        Map<String, Object> tooFar = input(List.of(awardId));
        tooFar.put("expiresAt", Instant.now().plus(366, ChronoUnit.DAYS).toString());
        assertCode(createShare(world.learner(), tooFar), "BAD_REQUEST", "EXPIRY_TOO_FAR");
    }

    @Test
    void chosenExpiryAndHiddenNameAreKept() {
        Map<String, Object> in = input(List.of(awardId, awardId));
        Instant expiry =
                Instant.now().plus(365, ChronoUnit.DAYS).minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        in.put("expiresAt", expiry.toString());
        in.put("showName", false);
        Map<?, ?> share = createShare(world.learner(), in)
                .errors()
                .verify()
                .path("createShare.share")
                .entity(Map.class)
                .get();
        assertThat(Instant.parse((String) share.get("expiresAt"))).isEqualTo(expiry);
        assertThat(share.get("showName")).isEqualTo(false);
        assertThat((List<?>) share.get("credentials")).hasSize(1);
    }

    @Test
    void learnerRevokesOwnShareOnceAndNoOneElseCan() {
        String id = shareId();
        Tenants.User learnerB = accountFor(world.registrarB(), world.learnerB().id());
        assertCode(revoke(learnerB, id), "NOT_FOUND", "SHARE_NOT_FOUND");
        assertCode(revoke(world.registrarA(), id), "FORBIDDEN", "ACCESS_DENIED");

        Map<?, ?> revoked = revoke(world.learner(), id)
                .errors()
                .verify()
                .path("revokeShare")
                .entity(Map.class)
                .get();
        assertThat(revoked.get("active")).isEqualTo(false);
        assertThat(revoked.get("revokedAt")).isNotNull();
        assertCode(revoke(world.learner(), id), "CONFLICT", "SHARE_ALREADY_REVOKED");
        assertThat(mongo.getCollection("audit_log")
                        .find(new Document("subjectId", id).append("action", "share.revoked"))
                        .first())
                .isNotNull();
    }

    @Test
    void activeSharesAreLimited() {
        insertFillers(ShareManagement.MAX_ACTIVE_SHARES);
        assertCode(createShare(world.learner(), input(List.of(awardId))), "CONFLICT", "TOO_MANY_ACTIVE_SHARES");
    }

    @Test
    void concurrentCreatesNeverPassTheLimit() throws Exception {
        insertFillers(ShareManagement.MAX_ACTIVE_SHARES - 5);
        GraphQlTester learner = as(world.learner());
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Callable<Boolean>> creates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            creates.add(() -> {
                var errors = new ArrayList<ResponseError>();
                learner.document(CREATE)
                        .variable("i", input(List.of(awardId)))
                        .execute()
                        .errors()
                        .satisfy(errors::addAll);
                errors.forEach(e -> assertThat(e.getExtensions()).containsEntry("code", "TOO_MANY_ACTIVE_SHARES"));
                return errors.isEmpty();
            });
        }
        long created = 0;
        try {
            for (Future<Boolean> f : pool.invokeAll(creates)) {
                created += f.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(created).isEqualTo(5);
        assertThat(mongo.count(
                        Query.query(
                                Criteria.where("learnerId").is(world.learnerA().id())),
                        Share.class))
                .isEqualTo(ShareManagement.MAX_ACTIVE_SHARES);
    }

    private void insertFillers(int count) {
        Instant now = Instant.now();
        List<Share> existing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            existing.add(new Share(
                    UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(),
                    world.learnerA().id(),
                    "Filler " + i,
                    List.of(awardId),
                    false,
                    null,
                    now,
                    now.plus(1, ChronoUnit.DAYS),
                    null,
                    0,
                    null));
        }
        mongo.insertAll(existing);
    }

    @Test
    void mySharesReadsTheSameWhateverTheNumberOfShares() {
        String second = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.aPlus().id(),
                LocalDate.now().minusDays(3));
        share(List.of(awardId));
        long oneShare = readsForMyShares(1);
        share(List.of(awardId, second));
        share(List.of(second));
        long threeShares = readsForMyShares(3);
        assertThat(threeShares).isEqualTo(oneShare);
    }

    private long readsForMyShares(int expected) {
        var learner = as(world.learner());
        mongoCommands.reset();
        List<?> edges = learner.document(
                        "{ myShares(first: 10) { edges { node { viewCount credentials { credential { name } } } } } }")
                .execute()
                .errors()
                .verify()
                .path("myShares.edges")
                .entityList(Object.class)
                .get();
        assertThat(edges).hasSize(expected);
        // The account's standing and the learner's awards are remembered for a second, so whether
        // they are read again depends on how long the shares took to make; it is not what this counts.
        return mongoCommands.readsExcept("accounts", "awards");
    }

    private String shareId() {
        return createShare(world.learner(), input(List.of(awardId)))
                .errors()
                .verify()
                .path("createShare.share.id")
                .entity(String.class)
                .get();
    }

    private GraphQlTester.Response revoke(Tenants.User user, String id) {
        return as(user).document("mutation($id: ID!) { revokeShare(id: $id) { id active revokedAt } }")
                .variable("id", id)
                .execute();
    }

    /** A login for a learner, made by a registrar of the learner's district through the API. */
    private Tenants.User accountFor(Tenants.User registrar, String learnerId) {
        String username = "learner-" + UUID.randomUUID() + "@test.credfolio.org";
        String password = "pw-" + UUID.randomUUID();
        as(registrar)
                .document("mutation($i: CreateLearnerAccountInput!) { createLearnerAccount(input: $i) { id } }")
                .variable("i", Map.of("learnerId", learnerId, "username", username, "password", password))
                .execute()
                .errors()
                .verify();
        return new Tenants.User(username, password, Role.LEARNER, null);
    }

    private static void assertCode(GraphQlTester.Response response, String classification, String code) {
        response.errors().satisfy(errors -> {
            assertThat(errors).as(errors.toString()).isNotEmpty();
            ResponseError error = errors.get(0);
            assertThat(error.getExtensions().get("classification"))
                    .as(errors.toString())
                    .isEqualTo(classification);
            assertThat(error.getExtensions().get("code")).as(errors.toString()).isEqualTo(code);
        });
    }

    private static String sha256Hex(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
