package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialType;
import org.credfolio.catalog.Portability;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** A world with one earned credential of learner A, and helpers to share it and open its page. */
abstract class SharingTestBase extends IntegrationTest {
    static final String CREATE = "mutation($i: CreateShareInput!) { createShare(input: $i) {"
            + " token url share { id audience showName expiresAt revokedAt viewCount active"
            + " createdAt credentials { id recordedAt credential { name } } } } }";

    @Autowired
    MongoOperations mongo;

    @Value("${credfolio.awards.read-ttl:1s}")
    Duration storedCredentialsTtl;

    Tenants.World world;
    String awardId;

    @BeforeEach
    void earnOne() {
        world = tenants.create();
        awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(10));
    }

    GraphQlTester.Response createShare(Tenants.User user, Map<String, Object> input) {
        return as(user).document(CREATE).variable("i", input).execute();
    }

    /** Shares the given earned credentials as learner A; returns the token. */
    String share(List<String> awardIds) {
        return createShare(world.learner(), input(awardIds))
                .errors()
                .verify()
                .path("createShare.token")
                .entity(String.class)
                .get();
    }

    static Map<String, Object> input(List<String> awardIds) {
        Map<String, Object> input = new HashMap<>();
        input.put("earnedCredentialIds", awardIds);
        input.put("audience", "Acme Manufacturing hiring");
        return input;
    }

    EntityExchangeResult<String> page(String token) {
        return http().get()
                .uri("/shares/" + token)
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    void changeStatus(String mutation, String id) {
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { " + mutation + "(input: $i) { id } }")
                .variable("i", Map.of("id", id, "reason", "Checked by the certifying body"))
                .execute()
                .errors()
                .verify();
    }

    /** A one-time challenge from this verifier for the domain, as POST /challenges hands it out. */
    protected String challenge(String domain) {
        Map<?, ?> body = http().post()
                .uri("/challenges")
                .bodyValue(Map.of("domain", domain))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) body.get("challenge");
    }

    /** Records learner A's Welding credential, earned {@code days} ago; returns its id. */
    String earnedDaysAgo(int days) {
        return recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(days));
    }

    /** Records learner A's CompTIA A+, earned in 2019 and expired on January 1, 2021; returns its id. */
    String recordExpired() {
        return recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.aPlus().id(),
                LocalDate.parse("2019-01-01"),
                Map.of("expiresOn", "2021-01-01"));
    }

    /** A catalog credential inserted as it is, whatever its name, certified by the given organization (or none). */
    CredentialDefinition catalogEntry(String name, String certifyingBodyId) {
        return mongo.insert(new CredentialDefinition(
                UUID.randomUUID().toString(),
                name,
                CredentialType.CERTIFICATION,
                certifyingBodyId,
                "Structural welding, plate, all positions",
                List.of("51-4121"),
                "Manufacturing",
                Portability.NATIONAL,
                List.of(),
                6,
                new BigDecimal("35.00"),
                List.of(),
                null,
                Instant.now()));
    }

    /**
     * Renames the credential to "Master Welder" in the stored VC-JWT of one of learner A's Welding
     * credentials, without re-signing it, as a forger or a broken store would. Pages remember a
     * stored credential for {@code credfolio.awards.read-ttl} (showing the genuine one meanwhile),
     * so this returns once that has passed: from then on every page shows what the store holds.
     */
    void tamperWithStoredCredential(String award) throws InterruptedException {
        Query issued = Query.query(Criteria.where("_id").is(award));
        String jwt = mongo.findOne(issued, org.bson.Document.class, "issued_credentials")
                .getString("jwt");
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace(world.welding().name(), "Master Welder");
        assertThat(forged).isNotEqualTo(payload);
        mongo.updateFirst(
                issued,
                new Update()
                        .set(
                                "jwt",
                                parts[0] + "."
                                        + Base64.getUrlEncoder()
                                                .withoutPadding()
                                                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
                                        + "." + parts[2]),
                "issued_credentials");
        Thread.sleep(storedCredentialsTtl.toMillis() + 100);
    }
}
