package org.credfolio.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credfolio.organization.Account;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.security.Role;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Employers, workforce boards and colleges review credentials; employers endorse the ones they hire for. */
class ValidationReviewsTest extends IntegrationTest {
    private static final String REVIEW = "mutation($i: ReviewInput!) { reviewCredential(input: $i) {"
            + " id region reviewerType scores { average } reviewer { id } } }";
    private static final String ENDORSE = "mutation($c: ID!, $r: String) { endorseCredential(credentialId: $c,"
            + " region: $r, statement: \"We hire for it\") { region employer { id } } }";
    private static final String VALUE = "query($id: ID!) { credential(id: $id) { tx: value(region: \"TX\") { tier"
            + " inDemand endorsementCount reasons { rule passed } } us: value { tier }"
            + " validationReviews(region: \"TX\") { comment } } }";

    @Autowired
    MongoOperations mongo;

    @Autowired
    PasswordEncoder passwords;

    private Tenants.World world;
    private CredentialDefinition animation;

    @BeforeEach
    void world() {
        world = tenants.create();
        // Special effects artists and animators: well paid, but about 5,000 openings a year nationally.
        // Job zone 3 and no BLS entry education: counted as open to high-school graduates, so that
        // its value turns on demand, which endorsements can show.
        mongo.save(new Occupation(
                "27-1014",
                "Special Effects Artists and Animators",
                null,
                99800,
                60000,
                5000,
                1.6,
                3,
                null,
                null,
                List.of()));
        animation = mongo.insert(new CredentialDefinition(
                UUID.randomUUID().toString(),
                "Animation certificate " + UUID.randomUUID(),
                CredentialType.CERTIFICATION,
                null,
                null,
                List.of("27-1014"),
                null,
                Portability.NATIONAL,
                List.of(),
                null,
                null,
                List.of(),
                null,
                Instant.now()));
    }

    private Map<String, Object> review(String region, int laborMarketValue) {
        return Map.of(
                "credentialId",
                animation.id(),
                "region",
                region,
                "scores",
                Map.of(
                        "laborMarketValue", laborMarketValue,
                        "transferability", 4,
                        "stackability", 3,
                        "highWageAlignment", 5,
                        "equitableAccess", 2),
                "comment",
                "Studios nearby hire a few a year.");
    }

    @Test
    void employersAndCollegesReviewForTheirOwnStateAndTheLatestShowsFirst() {
        as(world.employerUser())
                .document(REVIEW)
                .variable("i", review("tx", 4))
                .execute()
                .path("reviewCredential.region")
                .entity(String.class)
                .isEqualTo("TX")
                .path("reviewCredential.reviewerType")
                .entity(String.class)
                .isEqualTo("EMPLOYER")
                .path("reviewCredential.scores.average")
                .entity(Double.class)
                .isEqualTo(3.6)
                .path("reviewCredential.reviewer.id")
                .entity(String.class)
                .isEqualTo(world.employer().id());
        as(world.collegeUser())
                .document(REVIEW)
                .variable("i", review("US", 2))
                .execute()
                .path("reviewCredential.reviewerType")
                .entity(String.class)
                .isEqualTo("COLLEGE");

        refusal(as(world.employerUser()).document(REVIEW).variable("i", review("CA", 4)), "FORBIDDEN");
        refusal(as(world.registrarA()).document(REVIEW).variable("i", review("TX", 4)), "FORBIDDEN");
        refusal(as(world.districtAdminA()).document(REVIEW).variable("i", review("TX", 4)), "FORBIDDEN");
        refusal(anonymous().document(REVIEW).variable("i", review("TX", 4)), "UNAUTHORIZED");
        refusal(as(world.employerUser()).document(REVIEW).variable("i", review("TX", 6)), "BAD_REQUEST");

        anonymous()
                .document(VALUE)
                .variable("id", animation.id())
                .execute()
                .path("credential.validationReviews[*].comment")
                .entityList(String.class)
                .hasSize(1)
                .path("credential.tx.reasons[?(@.rule == 'VALIDATION_REVIEW')].passed")
                .entityList(Boolean.class)
                .containsExactly(true);
    }

    @Test
    void threeEmployersEndorsingInTheirStateMakeLocalDemand() {
        anonymous()
                .document(VALUE)
                .variable("id", animation.id())
                .execute()
                .path("credential.tx.tier")
                .entity(String.class)
                .isEqualTo("LIMITED_DEMAND");
        as(world.employerUser())
                .document(ENDORSE)
                .variable("c", animation.id())
                .variable("r", "TX")
                .execute()
                .path("endorseCredential.employer.id")
                .entity(String.class)
                .isEqualTo(world.employer().id());
        // Endorsing again changes nothing but the statement.
        as(world.employerUser())
                .document(ENDORSE)
                .variable("c", animation.id())
                .variable("r", "TX")
                .execute();
        as(tenants.create().employerUser())
                .document(ENDORSE)
                .variable("c", animation.id())
                .variable("r", "TX")
                .execute();
        anonymous()
                .document(VALUE)
                .variable("id", animation.id())
                .execute()
                .path("credential.tx.endorsementCount")
                .entity(Integer.class)
                .isEqualTo(2)
                .path("credential.tx.tier")
                .entity(String.class)
                .isEqualTo("LIMITED_DEMAND");

        Tenants.User third = tenants.create().employerUser();
        as(third)
                .document(ENDORSE)
                .variable("c", animation.id())
                .variable("r", "TX")
                .execute();
        var after = anonymous().document(VALUE).variable("id", animation.id()).execute();
        after.path("credential.tx.tier").entity(String.class).isEqualTo("HIGH_VALUE");
        after.path("credential.tx.reasons[?(@.rule == 'LOCAL_DEMAND')].passed")
                .entityList(Boolean.class)
                .containsExactly(true);
        after.path("credential.us.tier").entity(String.class).isEqualTo("LIMITED_DEMAND");

        as(third)
                .document("mutation($c: ID!) { withdrawEndorsement(credentialId: $c, region: \"TX\") }")
                .variable("c", animation.id())
                .execute()
                .path("withdrawEndorsement")
                .entity(Boolean.class)
                .isEqualTo(true);
        anonymous()
                .document(VALUE)
                .variable("id", animation.id())
                .execute()
                .path("credential.tx.tier")
                .entity(String.class)
                .isEqualTo("LIMITED_DEMAND");
    }

    @Test
    void workforceBoardsReviewButOnlyEmployersEndorse() {
        Organization board = mongo.insert(new Organization(
                UUID.randomUUID().toString(),
                OrganizationType.WORKFORCE_BOARD,
                "Board " + UUID.randomUUID(),
                null,
                "TX",
                null,
                null,
                Instant.now()));
        String password = "pw-" + UUID.randomUUID();
        String username = "board-" + UUID.randomUUID() + "@test.credfolio.org";
        mongo.insert(new Account(
                UUID.randomUUID().toString(),
                username,
                passwords.encode(password),
                Role.EMPLOYER,
                board.id(),
                null,
                Instant.now()));
        Tenants.User boardUser = new Tenants.User(username, password, Role.EMPLOYER, board.id());

        as(boardUser)
                .document(REVIEW)
                .variable("i", review("TX", 5))
                .execute()
                .path("reviewCredential.reviewerType")
                .entity(String.class)
                .isEqualTo("WORKFORCE_BOARD");
        refusal(as(boardUser).document(ENDORSE).variable("c", animation.id()).variable("r", "TX"), "FORBIDDEN");
        refusal(
                as(world.collegeUser())
                        .document(ENDORSE)
                        .variable("c", animation.id())
                        .variable("r", "TX"),
                "FORBIDDEN");
        refusal(
                as(world.employerUser())
                        .document(ENDORSE)
                        .variable("c", "no-such-credential")
                        .variable("r", "TX"),
                "NOT_FOUND");
    }

    private static void refusal(GraphQlTester.Request<?> request, String classification) {
        request.execute()
                .errors()
                .expect(e -> classification.equals(e.getExtensions().get("classification")))
                .verify();
    }
}
