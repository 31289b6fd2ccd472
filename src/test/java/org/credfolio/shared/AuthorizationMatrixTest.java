package org.credfolio.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.credfolio.shared.security.Role;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.credfolio.trust.keys.IssuerKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every Query and Mutation field of the loaded schema, called by every role and anonymously. A new
 * field fails this test until someone decides who may call it.
 */
class AuthorizationMatrixTest extends IntegrationTest {
    private static final Set<Role> ALL_ROLES = EnumSet.allOf(Role.class);
    private static final Set<Role> STAFF = EnumSet.of(Role.EDUCATOR, Role.REGISTRAR, Role.DISTRICT_ADMIN);
    private static final Set<Role> MANAGERS = EnumSet.of(Role.REGISTRAR, Role.DISTRICT_ADMIN);
    private static final Set<Role> ADMINS = EnumSet.of(Role.PLATFORM_ADMIN, Role.DISTRICT_ADMIN);

    /** A call and who may make it; {@code anonymous} says whether no token is enough. */
    record Rule(String document, Supplier<Map<String, Object>> variables, Set<Role> allowed, boolean anonymous) {}

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    IssuerKeys issuerKeys;

    private final AtomicInteger serial = new AtomicInteger();
    private Tenants.World world;
    private String awardId;
    private String shareId;
    private String importJobId;

    @BeforeEach
    void setUp() {
        world = tenants.create();
        awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(1));
        // Made before the matrix runs: the matrix may revoke the award before it reaches the shares.
        shareId = as(world.learner())
                .document("mutation($i: CreateShareInput!) { createShare(input: $i) { share { id } } }")
                .variable("i", shareInput())
                .execute()
                .path("createShare.share.id")
                .entity(String.class)
                .get();
        importJobId = tenants.importJob(world.districtA(), world.registrarA());
    }

    @Test
    void everyOperationHasARuleAndEveryRoleGetsWhatTheRuleSays() {
        Map<String, Rule> rules = rules();
        Set<String> schemaFields = new TreeSet<>();
        var schema = graphQlSource.schema();
        schema.getQueryType().getFieldDefinitions().forEach(f -> schemaFields.add("Query." + f.getName()));
        schema.getMutationType().getFieldDefinitions().forEach(f -> schemaFields.add("Mutation." + f.getName()));
        assertThat(new TreeSet<>(rules.keySet()))
                .as("operations with an authorization rule")
                .isEqualTo(schemaFields);

        Map<Role, HttpGraphQlTester> callers = new HashMap<>();
        for (Tenants.User user : users()) {
            callers.put(user.role(), as(user));
        }
        rules.forEach((operation, rule) -> {
            assertOutcome(operation, "anonymous", anonymous(), rule, rule.anonymous(), "UNAUTHORIZED");
            for (Role role : Role.values()) {
                assertOutcome(
                        operation,
                        role.name(),
                        callers.get(role),
                        rule,
                        rule.allowed().contains(role),
                        "FORBIDDEN");
            }
        });
    }

    private void assertOutcome(
            String operation, String caller, HttpGraphQlTester tester, Rule rule, boolean allowed, String refusal) {
        List<ResponseError> errors = tester.document(rule.document())
                .variables(rule.variables().get())
                .execute()
                .returnResponse()
                .getErrors();
        Set<Object> classes = errors.stream()
                .map(e -> e.getExtensions().get("classification"))
                .collect(Collectors.toSet());
        if (allowed) {
            assertThat(classes)
                    .as(operation + " by " + caller + ": " + errors)
                    .doesNotContain("UNAUTHORIZED", "FORBIDDEN", "INTERNAL_ERROR");
        } else {
            assertThat(classes)
                    .as(operation + " by " + caller + " must be refused: " + errors)
                    .contains(refusal);
        }
    }

    private List<Tenants.User> users() {
        return List.of(
                world.learner(),
                world.educatorA(),
                world.registrarA(),
                world.districtAdminA(),
                world.collegeUser(),
                world.employerUser(),
                world.platformAdmin());
    }

    private Map<String, Rule> rules() {
        Map<String, Rule> r = new HashMap<>();
        r.put(
                "Query.organization",
                rule(
                        "query($id: ID!) { organization(id: $id) { name } }",
                        () -> Map.of("id", world.schoolA().id()),
                        ALL_ROLES,
                        true));
        r.put(
                "Query.organizations",
                rule("{ organizations(first: 5) { edges { node { name } } } }", Map::of, ALL_ROLES, true));
        r.put("Query.myAccount", rule("{ myAccount { username } }", Map::of, ALL_ROLES, false));
        r.put(
                "Query.accounts",
                rule(
                        "query($o: ID!) { accounts(organizationId: $o, first: 10) { edges { node { username } } } }",
                        () -> Map.of("o", world.districtA().id()),
                        ADMINS,
                        false));
        r.put(
                "Query.credential",
                rule(
                        "query($id: ID!) { credential(id: $id) { name } }",
                        () -> Map.of("id", world.welding().id()),
                        ALL_ROLES,
                        true));
        r.put(
                "Query.credentials",
                rule("{ credentials(first: 5) { edges { node { name } } } }", Map::of, ALL_ROLES, true));
        r.put(
                "Query.verifyCredential",
                rule("{ verifyCredential(credential: \"a.b.c\") { verified } }", Map::of, ALL_ROLES, true));
        r.put(
                "Query.evaluateAdvancedStanding",
                rule(
                        "query($i: ID!) { evaluateAdvancedStanding(presentation: \"a.b.c\", institutionId: $i) {"
                                + " presentationVerified } }",
                        () -> Map.of("i", world.college().id()),
                        ALL_ROLES,
                        true));
        r.put(
                "Query.myAdvancedStanding",
                rule(
                        "{ myAdvancedStanding(first: 5) { edges { node { id } } } }",
                        Map::of,
                        EnumSet.of(Role.LEARNER),
                        false));
        r.put(
                "Query.advancedStandingDecisions",
                rule(
                        "{ advancedStandingDecisions(first: 5) { edges { node { id } } } }",
                        Map::of,
                        EnumSet.of(Role.COLLEGE),
                        false));
        r.put(
                "Mutation.recordAdvancedStanding",
                rule(
                        "mutation { recordAdvancedStanding(presentation: \"a.b.c\") { id } }",
                        Map::of,
                        EnumSet.of(Role.COLLEGE),
                        false));
        r.put(
                "Mutation.setApplicantId",
                rule(
                        "mutation { setApplicantId(decisionId: \"decision-none\", applicantId: \"A-1\") { id } }",
                        Map::of,
                        EnumSet.of(Role.COLLEGE),
                        false));
        r.put(
                "Query.myIdentityDisclosures",
                rule(
                        "{ myIdentityDisclosures(first: 5) { edges { node { id } } } }",
                        Map::of,
                        EnumSet.of(Role.LEARNER),
                        false));
        r.put(
                "Mutation.discloseIdentity",
                rule(
                        "mutation($i: DiscloseIdentityInput!) { discloseIdentity(input: $i) { id } }",
                        () -> Map.of(
                                "i", Map.of("audienceId", world.college().id(), "fields", List.of("DISPLAY_NAME"))),
                        EnumSet.of(Role.LEARNER),
                        false));
        r.put(
                "Mutation.stopIdentityDisclosure",
                rule(
                        "mutation { stopIdentityDisclosure(id: \"disclosure-none\") { id } }",
                        Map::of,
                        EnumSet.of(Role.LEARNER),
                        false));
        r.put(
                "Mutation.recordDateOfBirth",
                rule(
                        "mutation($l: ID!) { recordDateOfBirth(learnerId: $l, dateOfBirth: \"2000-01-01\") { id } }",
                        () -> Map.of("l", world.learnerA().id()),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.recordIdentityGuardianConsent",
                rule(
                        "mutation($l: ID!) { recordIdentityGuardianConsent(learnerId: $l, guardianName: \"A Guardian\") { id } }",
                        () -> Map.of("l", world.learnerA().id()),
                        MANAGERS,
                        false));
        r.put(
                "Query.creditRules",
                rule("{ creditRules(first: 5) { edges { node { courseCode } } } }", Map::of, ALL_ROLES, true));
        r.put(
                "Mutation.createCreditRule",
                rule(
                        "mutation($i: CreditRuleInput!) { createCreditRule(input: $i) { id } }",
                        () -> Map.of("i", creditRuleInput()),
                        EnumSet.of(Role.COLLEGE),
                        false));
        r.put(
                "Mutation.reviseCreditRule",
                rule(
                        "mutation($i: CreditRuleInput!) { reviseCreditRule(ruleId: \"rule-none\", input: $i) { id } }",
                        () -> Map.of("i", creditRuleInput()),
                        EnumSet.of(Role.COLLEGE),
                        false));
        r.put(
                "Query.verifyPresentation",
                rule("{ verifyPresentation(presentation: \"a.b.c\") { verified } }", Map::of, ALL_ROLES, true));
        r.put(
                "Mutation.createChallenge",
                rule("mutation { createChallenge(domain: \"example.org\") { challenge } }", Map::of, ALL_ROLES, true));
        r.put(
                "Query.credentialAudit",
                rule(
                        "query($d: ID!) { credentialAudit(districtId: $d) { learners } }",
                        () -> Map.of("d", world.districtA().id()),
                        EnumSet.of(Role.DISTRICT_ADMIN),
                        false));
        r.put(
                "Query.supplyDemand",
                rule(
                        "query($d: ID!) { supplyDemand(districtId: $d) { awards } }",
                        () -> Map.of("d", world.districtA().id()),
                        EnumSet.of(Role.DISTRICT_ADMIN),
                        false));
        r.put(
                "Query.equity",
                rule(
                        "query($d: ID!) { equity(districtId: $d) { minCellSize } }",
                        () -> Map.of("d", world.districtA().id()),
                        EnumSet.of(Role.DISTRICT_ADMIN),
                        false));
        r.put(
                "Query.funding",
                rule(
                        "query($d: ID!) { funding(districtId: $d) { exams } }",
                        () -> Map.of("d", world.districtA().id()),
                        EnumSet.of(Role.DISTRICT_ADMIN),
                        false));
        r.put(
                "Query.valueThresholds",
                rule("{ valueThresholds(region: \"TX\") { livingWage } }", Map::of, ALL_ROLES, true));
        r.put(
                "Mutation.reviewCredential",
                rule(
                        "mutation($i: ReviewInput!) { reviewCredential(input: $i) { id } }",
                        () -> Map.of(
                                "i",
                                Map.of(
                                        "credentialId",
                                        world.welding().id(),
                                        "scores",
                                        Map.of(
                                                "laborMarketValue", 4,
                                                "transferability", 4,
                                                "stackability", 4,
                                                "highWageAlignment", 4,
                                                "equitableAccess", 4))),
                        EnumSet.of(Role.EMPLOYER, Role.COLLEGE),
                        false));
        r.put(
                "Mutation.endorseCredential",
                rule(
                        "mutation($c: ID!) { endorseCredential(credentialId: $c) { region } }",
                        () -> Map.of("c", world.welding().id()),
                        EnumSet.of(Role.EMPLOYER),
                        false));
        r.put(
                "Mutation.withdrawEndorsement",
                rule(
                        "mutation($c: ID!) { withdrawEndorsement(credentialId: $c) }",
                        () -> Map.of("c", world.welding().id()),
                        EnumSet.of(Role.EMPLOYER),
                        false));
        r.put("Query.occupation", rule("{ occupation(socCode: \"51-4121\") { title } }", Map::of, ALL_ROLES, true));
        r.put(
                "Query.laborMarketReleases",
                rule("{ laborMarketReleases { file loadedAt sha256 } }", Map::of, ALL_ROLES, true));
        // An empty file: refused with a report, so the allowed call changes nothing.
        r.put(
                "Mutation.loadLaborMarketFile",
                rule(
                        "mutation { loadLaborMarketFile(file: OEWS_NATIONAL, content: \"\") { applied problemCount } }",
                        Map::of,
                        EnumSet.of(Role.PLATFORM_ADMIN),
                        false));
        r.put(
                "Mutation.loadRegionalLaborMarketFile",
                rule(
                        "mutation { loadRegionalLaborMarketFile(file: OEWS_STATE, content: \"\") { applied errorCount } }",
                        Map::of,
                        EnumSet.of(Role.PLATFORM_ADMIN),
                        false));
        r.put("Query.me", rule("{ me { displayName } }", Map::of, EnumSet.of(Role.LEARNER), false));
        r.put(
                "Query.learner",
                rule(
                        "query($id: ID!) { learner(id: $id) { displayName } }",
                        () -> Map.of("id", world.learnerA().id()),
                        with(STAFF, Role.LEARNER),
                        false));
        r.put(
                "Query.learners",
                rule("{ learners(first: 5) { edges { node { displayName } } } }", Map::of, STAFF, false));
        r.put(
                "Mutation.createOrganization",
                rule(
                        "mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }",
                        () -> Map.of(
                                "i",
                                Map.of(
                                        "type",
                                        "SCHOOL",
                                        "name",
                                        "New School " + serial.incrementAndGet(),
                                        "districtId",
                                        world.districtA().id())),
                        ADMINS,
                        false));
        r.put(
                "Mutation.createClaimCodes",
                rule(
                        "mutation($i: ClaimCodesInput!) { createClaimCodes(input: $i) { code } }",
                        () -> Map.of(
                                "i",
                                Map.of("learnerIds", List.of(world.learnerA().id()))),
                        EnumSet.of(Role.REGISTRAR, Role.DISTRICT_ADMIN),
                        false));
        r.put(
                "Mutation.changePassword",
                rule(
                        "mutation { changePassword(currentPassword: \"not-the-password\", newPassword: \"never-set-password\") }",
                        Map::of,
                        EnumSet.allOf(Role.class),
                        false));
        for (String lifecycle : List.of("disableAccount", "enableAccount")) {
            r.put(
                    "Mutation." + lifecycle,
                    rule(
                            "mutation($id: ID!) { " + lifecycle + "(id: $id) { id } }",
                            () -> Map.of("id", freshEducatorAccount()),
                            ADMINS,
                            false));
        }
        r.put(
                "Query.celebrations",
                rule(
                        "query($d: ID!) { celebrations(districtId: $d) { id } }",
                        () -> Map.of("d", world.districtA().id()),
                        EnumSet.of(Role.DISTRICT_ADMIN),
                        false));
        r.put("Query.myCelebrationConsent", rule("{ myCelebrationConsent }", Map::of, EnumSet.of(Role.LEARNER), false));
        r.put(
                "Query.celebrationConsent",
                rule(
                        "query($l: ID!) { celebrationConsent(learnerId: $l) { guardianName } }",
                        () -> Map.of("l", world.learnerA().id()),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.publishCelebration",
                rule(
                        "mutation($i: PublishCelebrationInput!) { publishCelebration(input: $i) { id } }",
                        () -> Map.of(
                                "i",
                                Map.of(
                                        "title",
                                        "Matrix celebration",
                                        "schoolId",
                                        world.schoolA().id(),
                                        "earnedFrom",
                                        LocalDate.now().minusYears(1).toString(),
                                        "earnedTo",
                                        LocalDate.now().toString())),
                        EnumSet.of(Role.DISTRICT_ADMIN),
                        false));
        r.put(
                "Mutation.withdrawCelebration",
                rule(
                        "mutation { withdrawCelebration(id: \"celebration-0000000000000000\") }",
                        Map::of,
                        EnumSet.of(Role.DISTRICT_ADMIN),
                        false));
        r.put(
                "Mutation.setCelebrationConsent",
                rule("mutation { setCelebrationConsent(consent: true) }", Map::of, EnumSet.of(Role.LEARNER), false));
        r.put(
                "Mutation.recordGuardianConsent",
                rule(
                        "mutation($l: ID!) { recordGuardianConsent(learnerId: $l, granted: true,"
                                + " guardianName: \"Matrix Guardian\") { mayBeNamed } }",
                        () -> Map.of("l", world.learnerA().id()),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.recordLearnerIsAdult",
                rule(
                        "mutation($l: ID!) { recordLearnerIsAdult(learnerId: $l, adult: false) { adult } }",
                        () -> Map.of("l", world.learnerA().id()),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.createWalletOffer",
                rule(
                        "mutation($c: ID!) { createWalletOffer(credentialId: $c) { vcapiUrl } }",
                        () -> Map.of("c", awardId),
                        EnumSet.of(Role.LEARNER),
                        false));
        r.put(
                "Mutation.resetPassword",
                rule(
                        "mutation($id: ID!) { resetPassword(id: $id) { code } }",
                        () -> Map.of("id", freshEducatorAccount()),
                        ADMINS,
                        false));
        r.put(
                "Query.importJobs",
                rule(
                        "query($d: ID!) { importJobs(districtId: $d) { edges { node { id state } } } }",
                        () -> Map.of("d", world.districtA().id()),
                        MANAGERS,
                        false));
        r.put(
                "Query.importJob",
                rule(
                        "query($id: ID!) { importJob(id: $id) { id state progress } }",
                        () -> Map.of("id", importJobId),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.changeAccountRole",
                rule(
                        "mutation($id: ID!) { changeAccountRole(id: $id, role: REGISTRAR) { id } }",
                        () -> Map.of("id", freshEducatorAccount()),
                        ADMINS,
                        false));
        r.put(
                "Mutation.createAccount",
                rule(
                        "mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }",
                        () -> Map.of("i", educatorAccountInput("new")),
                        ADMINS,
                        false));
        r.put(
                "Mutation.createCredential",
                rule(
                        "mutation($i: CredentialInput!) { createCredential(input: $i) { id } }",
                        () -> Map.of(
                                "i",
                                Map.of(
                                        "name",
                                        "Local badge " + serial.incrementAndGet(),
                                        "type",
                                        "BADGE",
                                        "portability",
                                        "LOCAL")),
                        ADMINS,
                        false));
        r.put(
                "Mutation.updateCredential",
                rule(
                        "mutation($id: ID!, $i: CredentialInput!) { updateCredential(id: $id, input: $i) { id } }",
                        () -> Map.of(
                                "id",
                                world.aPlus().id(),
                                "i",
                                Map.of(
                                        "name",
                                        world.aPlus().name(),
                                        "type",
                                        "CERTIFICATION",
                                        "portability",
                                        "NATIONAL",
                                        "renewalMonths",
                                        36)),
                        EnumSet.of(Role.PLATFORM_ADMIN),
                        false));
        r.put(
                "Mutation.createLearner",
                rule(
                        "mutation($i: LearnerInput!) { createLearner(input: $i) { id } }",
                        () -> Map.of("i", learnerInput()),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.updateLearner",
                rule(
                        "mutation($id: ID!, $i: LearnerInput!) { updateLearner(id: $id, input: $i) { id } }",
                        () -> Map.of("id", world.learnerA().id(), "i", learnerInput()),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.setLearnerDemographics",
                rule(
                        "mutation($id: ID!) { setLearnerDemographics(id: $id, input: {disability: false}) { id } }",
                        () -> Map.of("id", world.learnerA().id()),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.createLearnerAccount",
                rule(
                        "mutation($i: CreateLearnerAccountInput!) { createLearnerAccount(input: $i) { id } }",
                        () -> Map.of(
                                "i",
                                Map.of(
                                        "learnerId",
                                        world.learnerA().id(),
                                        "username",
                                        "learner" + serial.incrementAndGet() + "-"
                                                + world.schoolA().id() + "@test.credfolio.org",
                                        "password",
                                        "a-long-password-1")),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.recordEarnedCredential",
                rule(
                        "mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id } }",
                        () -> Map.of(
                                "i",
                                Map.of(
                                        "learnerId",
                                        world.learnerA().id(),
                                        "credentialId",
                                        world.aPlus().id(),
                                        "earnedOn",
                                        LocalDate.now()
                                                .minusDays(serial.incrementAndGet())
                                                .toString())),
                        EnumSet.of(Role.REGISTRAR),
                        false));
        r.put(
                "Mutation.rotateIssuerKey",
                rule(
                        "mutation($o: ID!) { rotateIssuerKey(organizationId: $o) { kid } }",
                        () -> Map.of("o", world.districtA().id()),
                        ADMINS,
                        false));
        r.put(
                "Mutation.markIssuerKeyCompromised",
                rule(
                        "mutation($k: ID!) { markIssuerKeyCompromised(kid: $k, reason: \"matrix test\") { kid } }",
                        () -> Map.of("k", activeKid(world.districtA().id())),
                        ADMINS,
                        false));
        for (String op : List.of("suspendEarnedCredential", "reinstateEarnedCredential", "revokeEarnedCredential")) {
            r.put(
                    "Mutation." + op,
                    rule(
                            "mutation($i: StatusChangeInput!) { " + op + "(input: $i) { id } }",
                            () -> Map.of("i", Map.of("id", awardId, "reason", "matrix test")),
                            EnumSet.of(Role.REGISTRAR),
                            false));
        }
        r.put(
                "Query.myShares",
                rule("{ myShares(first: 5) { edges { node { id } } } }", Map::of, EnumSet.of(Role.LEARNER), false));
        r.put(
                "Mutation.createShare",
                rule(
                        "mutation($i: CreateShareInput!) { createShare(input: $i) { token } }",
                        () -> Map.of("i", shareInput()),
                        EnumSet.of(Role.LEARNER),
                        false));
        r.put(
                "Query.myCredentialPages",
                rule("{ myCredentialPages { url } }", Map::of, EnumSet.of(Role.LEARNER), false));
        r.put(
                "Mutation.publishCredentialPage",
                rule(
                        "mutation($id: ID!) { publishCredentialPage(credentialId: $id) { url linkedInUrl } }",
                        () -> Map.of("id", awardId),
                        EnumSet.of(Role.LEARNER),
                        false));
        r.put(
                "Mutation.withdrawCredentialPage",
                rule(
                        "mutation($id: ID!) { withdrawCredentialPage(credentialId: $id) { url } }",
                        () -> Map.of("id", awardId),
                        EnumSet.of(Role.LEARNER),
                        false));
        r.put(
                "Mutation.revokeShare",
                rule(
                        "mutation($id: ID!) { revokeShare(id: $id) { id } }",
                        () -> Map.of("id", shareId),
                        EnumSet.of(Role.LEARNER),
                        false));
        r.put(
                "Query.programsOfStudy",
                rule("{ programsOfStudy(first: 5) { edges { node { name } } } }", Map::of, ALL_ROLES, true));
        r.put(
                "Query.programOfStudy",
                rule("{ programOfStudy(id: \"program-none\") { name } }", Map::of, ALL_ROLES, true));
        r.put(
                "Query.myProgramsOfStudy",
                rule("{ myProgramsOfStudy { id } }", Map::of, EnumSet.of(Role.LEARNER), false));
        r.put(
                "Query.comprehensiveLearnerRecord",
                rule(
                        "query($l: ID) { comprehensiveLearnerRecord(learnerId: $l) { credentialCount } }",
                        () -> Map.of("l", world.learnerA().id()),
                        EnumSet.of(Role.LEARNER, Role.REGISTRAR, Role.DISTRICT_ADMIN),
                        false));
        r.put(
                "Mutation.createProgramOfStudy",
                rule(
                        "mutation($i: ProgramOfStudyInput!) { createProgramOfStudy(input: $i) { id } }",
                        () -> Map.of("i", programInput()),
                        EnumSet.of(Role.DISTRICT_ADMIN),
                        false));
        r.put(
                "Mutation.updateProgramOfStudy",
                rule(
                        "mutation($i: ProgramOfStudyInput!) { updateProgramOfStudy(id: \"program-none\", input: $i) { id } }",
                        () -> Map.of("i", programInput()),
                        EnumSet.of(Role.DISTRICT_ADMIN),
                        false));
        r.put(
                "Mutation.enrollInProgramOfStudy",
                rule(
                        "mutation($l: ID!) { enrollInProgramOfStudy(learnerId: $l, programId: \"program-none\") { id } }",
                        () -> Map.of("l", world.learnerA().id()),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.removeCourseCompletion",
                rule(
                        "mutation($l: ID!) { removeCourseCompletion(learnerId: $l, programId: \"program-none\","
                                + " courseCode: \"WLD 100\") { id } }",
                        () -> Map.of("l", world.learnerA().id()),
                        MANAGERS,
                        false));
        r.put(
                "Mutation.recordCourseCompletion",
                rule(
                        "mutation($i: CourseCompletionInput!) { recordCourseCompletion(input: $i) { id } }",
                        () -> Map.of(
                                "i",
                                Map.of(
                                        "learnerId",
                                        world.learnerA().id(),
                                        "programId",
                                        "program-none",
                                        "courseCode",
                                        "WLD 100",
                                        "completedOn",
                                        LocalDate.now().toString())),
                        MANAGERS,
                        false));
        return r;
    }

    /** The organization's signing key now: each allowed call compromises it and a fresh one follows. */
    private String activeKid(String organizationId) {
        try {
            return JWSObject.parse(issuerKeys.sign(organizationId, "JWT", Map.of()))
                    .getHeader()
                    .getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> shareInput() {
        return Map.of("earnedCredentialIds", List.of(awardId), "audience", "Matrix test");
    }

    private Map<String, Object> programInput() {
        return Map.of(
                "name",
                "Welding " + serial.incrementAndGet(),
                "courses",
                List.of(
                        Map.of("code", "WLD 100", "title", "Introduction to Welding", "credits", 1, "gradeLevel", 10),
                        Map.of("code", "WLD 200", "title", "Welding I", "credits", 2, "gradeLevel", 11)));
    }

    private Map<String, Object> creditRuleInput() {
        return Map.of(
                "credentialId", world.welding().id(),
                "courseCode", "WLDG 1428",
                "courseTitle", "Welding I",
                "credits", "3",
                "creditUnit", "SEMESTER_HOURS",
                "level", "LOWER_DIVISION",
                "authority", "ACE",
                "effectiveFrom", "2026-01-01");
    }

    private Map<String, Object> learnerInput() {
        return Map.of(
                "schoolId",
                world.schoolA().id(),
                "studentId",
                "M-" + serial.incrementAndGet(),
                "givenName",
                "Mia",
                "familyName",
                "Matrix",
                "graduationYear",
                2027);
    }

    /** An account of district A to disable or re-role, so the matrix never ends its own callers' tokens. */
    private String freshEducatorAccount() {
        return as(world.platformAdmin())
                .document("mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }")
                .variable("i", educatorAccountInput("target"))
                .execute()
                .path("createAccount.id")
                .entity(String.class)
                .get();
    }

    /** A new educator of school A, under a username not used before. */
    private Map<String, Object> educatorAccountInput(String prefix) {
        return Map.of(
                "username",
                prefix + serial.incrementAndGet() + "-" + world.schoolA().id() + "@test.credfolio.org",
                "password",
                "a-long-password-1",
                "role",
                "EDUCATOR",
                "organizationId",
                world.schoolA().id());
    }

    private static Rule rule(
            String document, Supplier<Map<String, Object>> variables, Set<Role> allowed, boolean anonymous) {
        return new Rule(document, variables, allowed, anonymous);
    }

    private static Set<Role> with(Set<Role> roles, Role extra) {
        Set<Role> all = EnumSet.copyOf(roles);
        all.add(extra);
        return all;
    }
}
