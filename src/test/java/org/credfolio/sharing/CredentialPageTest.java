package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.security.Role;
import org.credfolio.shared.security.SecretTokens;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * A learner's permanent public credential page at /c/{publicId}: published and withdrawn by the
 * learner only, verified on each view, saying who certified and who issued the credential, with both
 * signed forms to download while the issuer asserts it, and a LinkedIn add-certification link.
 */
class CredentialPageTest extends SharingTestBase {
    static final String PUBLISH = "mutation($id: ID!) { publishCredentialPage(credentialId: $id) {"
            + " credentialId url linkedInUrl publishedAt withdrawnAt published } }";
    static final String WITHDRAW = "mutation($id: ID!) { withdrawCredentialPage(credentialId: $id) {"
            + " credentialId url withdrawnAt published } }";

    static final LocalDate EARNED = LocalDate.now().minusDays(10);

    Organization body;
    CredentialDefinition certified;
    String certifiedAward;

    @BeforeEach
    void certifiedCredential() {
        body = mongo.insert(new Organization(
                UUID.randomUUID().toString(),
                OrganizationType.CERTIFYING_BODY,
                "American Welding Society " + UUID.randomUUID().toString().substring(0, 6),
                null,
                null,
                "https://www.aws.org",
                null,
                Instant.now()));
        certified =
                catalogEntry("Certified Welder " + UUID.randomUUID().toString().substring(0, 6), body.id());
        certifiedAward = recordCredential(world.registrarA(), world.learnerA().id(), certified.id(), EARNED);
    }

    @Test
    void publishedPageShowsTheLearnerTheCredentialItsCertifierAndIssuerAndThatItIsValid() {
        Map<String, Object> page = publish(world.learner(), certifiedAward);
        String url = (String) page.get("url");
        assertThat(page.get("credentialId")).isEqualTo(certifiedAward);
        assertThat(page.get("published")).isEqualTo(true);
        assertThat(url).matches("https?://.+/c/[A-Za-z0-9_-]{43}");

        EntityExchangeResult<String> result = open(url);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        String html = result.getResponseBody();
        assertThat(html)
                .contains("<html lang=\"en\">", "name=\"viewport\"", certified.name(), "Ana A.")
                .contains("Certified by " + body.name() + " &middot; recorded and issued by "
                        + world.districtA().name())
                .contains("Valid: checked just now")
                .contains("/credential.jwt", "/credential.json")
                .doesNotContain("Alvarez", world.learnerA().studentId(), "<script");
        assertThat(html.split("<h1", -1)).hasSize(2);
        assertSafeHeaders(result);

        // Both signed forms download, and are the credential the page verified.
        String path = URI.create(url).getPath();
        EntityExchangeResult<String> jwt = get(path + "/credential.jwt");
        assertThat(jwt.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(jwt.getResponseHeaders().getContentType().toString()).isEqualTo("application/vc+jwt");
        assertThat(jwt.getResponseBody().split("\\.")).hasSize(3);
        EntityExchangeResult<String> json = get(path + "/credential.json");
        assertThat(json.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(json.getResponseBody()).contains("\"eddsa-rdfc-2022\"", "\"creator\"", body.name());
    }

    @Test
    void publishingTwiceGivesTheSamePageAndMyCredentialPagesListsIt() {
        String first = (String) publish(world.learner(), certifiedAward).get("url");
        String second = (String) publish(world.learner(), certifiedAward).get("url");
        assertThat(second).isEqualTo(first);
        assertThat(mongo.count(Query.query(Criteria.where("awardId").is(certifiedAward)), CredentialPage.class))
                .isEqualTo(1);
        List<String> mine = as(world.learner())
                .document("{ myCredentialPages { url credentialId } }")
                .execute()
                .errors()
                .verify()
                .path("myCredentialPages[*].url")
                .entityList(String.class)
                .get();
        assertThat(mine).containsExactly(first);
    }

    @Test
    void linkedInUrlFillsInTheCertificationForm() {
        Map<String, Object> page = publish(world.learner(), certifiedAward);
        URI linkedIn = URI.create((String) page.get("linkedInUrl"));
        assertThat(linkedIn.getScheme() + "://" + linkedIn.getHost() + linkedIn.getPath())
                .isEqualTo("https://www.linkedin.com/profile/add");
        Map<String, String> q = Arrays.stream(linkedIn.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(q)
                .containsEntry("startTask", "CERTIFICATION_NAME")
                .containsEntry("name", certified.name())
                .containsEntry("organizationName", body.name())
                .containsEntry("issueYear", String.valueOf(EARNED.getYear()))
                .containsEntry("issueMonth", String.valueOf(EARNED.getMonthValue()))
                .containsEntry(
                        "expirationYear", String.valueOf(EARNED.plusMonths(6).getYear()))
                .containsEntry(
                        "expirationMonth", String.valueOf(EARNED.plusMonths(6).getMonthValue()))
                .containsEntry("certUrl", (String) page.get("url"));
        assertThat(q.get("certId")).startsWith("urn:uuid:");
        // Spaces travel as %20, never as a literal '+'.
        assertThat(linkedIn.getRawQuery()).doesNotContain("+").contains("%20");
    }

    @Test
    void revokedCredentialsPageSaysRevokedAndOffersNothingToDownload() {
        String url = (String) publish(world.learner(), certifiedAward).get("url");
        changeStatus("revokeEarnedCredential", certifiedAward);
        EntityExchangeResult<String> result = open(url);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(result.getResponseBody())
                .contains("Revoked by the issuer", certified.name())
                .doesNotContain("Valid:", "/credential.jwt", "/credential.json");
        String path = URI.create(url).getPath();
        assertThat(get(path + "/credential.jwt").getStatus()).isEqualTo(HttpStatus.GONE);
        assertThat(get(path + "/credential.json").getStatus()).isEqualTo(HttpStatus.GONE);
    }

    @Test
    void suspendedCredentialsPageSaysSuspended() {
        String url = (String) publish(world.learner(), certifiedAward).get("url");
        changeStatus("suspendEarnedCredential", certifiedAward);
        assertThat(open(url).getResponseBody())
                .contains("Suspended by the issuer")
                .doesNotContain("Valid:");
    }

    @Test
    void withdrawnPageIsGoneAndItsDownloadsToo() {
        String url = (String) publish(world.learner(), certifiedAward).get("url");
        Map<String, Object> withdrawn = as(world.learner())
                .document(WITHDRAW)
                .variable("id", certifiedAward)
                .execute()
                .errors()
                .verify()
                .path("withdrawCredentialPage")
                .entity(Map.class)
                .get();
        assertThat(withdrawn.get("published")).isEqualTo(false);
        assertThat(withdrawn.get("withdrawnAt")).isNotNull();

        EntityExchangeResult<String> result = open(url);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.GONE);
        assertThat(result.getResponseBody()).contains("withdrawn").doesNotContain(certified.name());
        assertSafeHeaders(result);
        assertThat(get(URI.create(url).getPath() + "/credential.jwt").getStatus())
                .isEqualTo(HttpStatus.GONE);

        // Withdrawing again is refused; publishing again brings the page back at the same address.
        as(world.learner())
                .document(WITHDRAW)
                .variable("id", certifiedAward)
                .execute()
                .errors()
                .expect(e -> "CREDENTIAL_PAGE_ALREADY_WITHDRAWN"
                        .equals(e.getExtensions().get("code")))
                .verify();
        assertThat(publish(world.learner(), certifiedAward).get("url")).isEqualTo(url);
        assertThat(open(url).getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void unknownAndMalformedAddressesAreNotFound() {
        assertThat(get("/c/" + SecretTokens.newToken()).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        mongoCommands.reset();
        EntityExchangeResult<String> malformed = get("/c/not-a-page");
        assertThat(malformed.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(mongoCommands.all()).doesNotContain("find");
        assertThat(get("/c/" + SecretTokens.newToken() + "/credential.jwt").getStatus())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyTheLearnerThemselfMayPublishOrWithdraw() {
        String othersAward = recordCredential(
                world.registrarB(),
                world.learnerB().id(),
                certified.id(),
                LocalDate.now().minusDays(3));
        publishResponse(world.learner(), othersAward)
                .errors()
                .expect(e ->
                        "EARNED_CREDENTIAL_NOT_FOUND".equals(e.getExtensions().get("code")))
                .verify();
        assertThat(mongo.count(Query.query(Criteria.where("awardId").is(othersAward)), CredentialPage.class))
                .isZero();

        for (Tenants.User staff : List.of(world.registrarA(), world.districtAdminA(), world.platformAdmin())) {
            publishResponse(staff, certifiedAward)
                    .errors()
                    .expect(e ->
                            "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification"))))
                    .verify();
        }
        Tenants.User learnerB = accountFor(world.registrarB(), world.learnerB().id());
        publishResponse(learnerB, certifiedAward)
                .errors()
                .expect(e ->
                        "EARNED_CREDENTIAL_NOT_FOUND".equals(e.getExtensions().get("code")))
                .verify();
        publish(world.learner(), certifiedAward);
        as(learnerB)
                .document(WITHDRAW)
                .variable("id", certifiedAward)
                .execute()
                .errors()
                .expect(e ->
                        "CREDENTIAL_PAGE_NOT_FOUND".equals(e.getExtensions().get("code")))
                .verify();
        as(world.registrarA())
                .document(WITHDRAW)
                .variable("id", certifiedAward)
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(String.valueOf(e.getExtensions().get("classification"))))
                .verify();
    }

    @Test
    void aRevokedCredentialCannotBePublished() {
        changeStatus("revokeEarnedCredential", certifiedAward);
        publishResponse(world.learner(), certifiedAward)
                .errors()
                .expect(e ->
                        "EARNED_CREDENTIAL_REVOKED".equals(e.getExtensions().get("code")))
                .verify();
    }

    @Test
    void hostileCredentialAndLearnerNamesAreEscaped() {
        CredentialDefinition hostile = catalogEntry("<script>alert('c')</script> Welding", body.id());
        String award = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                hostile.id(),
                LocalDate.now().minusDays(2));
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(world.learnerA().id())),
                new Update().set("givenName", "<script>alert('l')</script>"),
                Learner.class);
        String url = (String) publish(world.learner(), award).get("url");
        String html = open(url).getResponseBody();
        assertThat(html)
                .doesNotContain("<script")
                .contains("&lt;script&gt;alert(&#39;c&#39;)&lt;/script&gt; Welding")
                .contains("&lt;script&gt;alert(&#39;l&#39;)&lt;/script&gt; A.");
    }

    @Test
    void sharePageNamesTheCertifyingBodyAndTheIssuer() {
        String html = page(share(List.of(certifiedAward))).getResponseBody();
        assertThat(html)
                .contains("Certified by " + body.name() + " &middot; recorded and issued by "
                        + world.districtA().name());
        // Without a certifying body in the catalog, only the issuer.
        String plain = page(share(List.of(awardId))).getResponseBody();
        assertThat(plain).contains("Issued by " + world.districtA().name()).doesNotContain("Certified by");
    }

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

    GraphQlTester.Response publishResponse(Tenants.User user, String award) {
        return as(user).document(PUBLISH).variable("id", award).execute();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> publish(Tenants.User user, String award) {
        return publishResponse(user, award)
                .errors()
                .verify()
                .path("publishCredentialPage")
                .entity(Map.class)
                .get();
    }

    EntityExchangeResult<String> open(String url) {
        return get(URI.create(url).getPath());
    }

    EntityExchangeResult<String> get(String path) {
        return http().get().uri(path).exchange().expectBody(String.class).returnResult();
    }

    private void assertSafeHeaders(EntityExchangeResult<String> result) {
        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getContentType().toString()).startsWith("text/html");
        assertThat(headers.getFirst("Cache-Control")).contains("no-store");
        assertThat(headers.getFirst("X-Robots-Tag")).contains("noindex");
        String csp = headers.getFirst("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'").doesNotContain("unsafe-inline", "script-src");
    }
}
