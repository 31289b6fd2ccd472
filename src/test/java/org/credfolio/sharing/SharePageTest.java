package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.credfolio.shared.security.SecretTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The public page of a share: anyone with the link sees each credential verified now, in words; an
 * expired or revoked link is gone, an unknown one not found, and nothing leaks.
 */
class SharePageTest extends SharingTestBase {
    @Autowired
    private ShareViewCounts viewCounts;

    @Test
    void anyoneWithTheLinkSeesTheCredentialVerifiedAndEachViewCounts() {
        String token = share(List.of(awardId));
        EntityExchangeResult<String> result = page(token);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        String html = result.getResponseBody();
        assertThat(html)
                .contains("<html lang=\"en\">", "<main>", "name=\"viewport\"")
                .contains(world.welding().name(), "Verified", "Acme Manufacturing hiring", "Ana A.")
                .contains(world.districtA().name(), "<details>", "Signed credential (vc+jwt)")
                .doesNotContain("Alvarez", world.learnerA().studentId(), "<script");
        assertThat(html.split("<h1", -1)).hasSize(2);
        assertSafeHeaders(result);

        mongoCommands.reset();
        page(token);
        assertThat(mongoCommands.all()).as("a view writes nothing on its way").isSubsetOf("find");
        assertThat(viewCount()).isEqualTo(2);

        // The share, the learner's awards and the stored signed credentials are remembered for a
        // second (the fewest of three tries); each credential is still verified on every view.
        assertThat(fewestCommands(() -> page(token)))
                .as("store commands of a repeated view")
                .isZero();
        assertThat(viewCount()).isEqualTo(5);

        // Counted in memory until the next flush (every second), then stored.
        viewCounts.flush();
        assertThat(mongo.findById(shareIdOf(token), Share.class).viewCount()).isEqualTo(5);
        assertThat(viewCount()).isEqualTo(5);
    }

    @Test
    void hiddenNameAndHostileAudienceStayHiddenAndEscaped() {
        Map<String, Object> in = input(List.of(awardId));
        in.put("showName", false);
        in.put("audience", "<script>alert('x')</script> & co");
        String token = createShare(world.learner(), in)
                .errors()
                .verify()
                .path("createShare.token")
                .entity(String.class)
                .get();
        String html = page(token).getResponseBody();
        assertThat(html)
                .doesNotContain("Ana", "<script")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
    }

    @Test
    void suspendedExpiredAndRevokedCredentialsSaySoInWords() {
        String suspended = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.aPlus().id(),
                LocalDate.now().minusDays(5));
        String expired = recordExpired();
        String token = share(List.of(awardId, suspended, expired));
        changeStatus("suspendEarnedCredential", suspended);
        changeStatus("revokeEarnedCredential", awardId);

        String html = page(token).getResponseBody();
        assertThat(html)
                .contains("Revoked by the issuer", "Suspended by the issuer", "Expired on January 1, 2021")
                .doesNotContain("Verified");
        // A revoked credential is not offered for download; the others still are.
        assertThat(html.split("Download credential-", -1)).hasSize(3);
    }

    @Test
    void revokedShareIsGone() {
        String token = share(List.of(awardId));
        String id = shareIdOf(token);
        // Opened just before it is withdrawn, so the share is remembered: the withdrawal forgets it.
        assertThat(page(token).getStatus()).isEqualTo(HttpStatus.OK);
        as(world.learner())
                .document("mutation($id: ID!) { revokeShare(id: $id) { id } }")
                .variable("id", id)
                .execute()
                .errors()
                .verify();
        EntityExchangeResult<String> result = page(token);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.GONE);
        assertThat(result.getResponseBody())
                .contains("withdrawn")
                .doesNotContain(world.welding().name());
        assertSafeHeaders(result);
        assertThat(viewCount()).as("only the view before the withdrawal").isEqualTo(1);
    }

    @Test
    void expiredShareIsGone() {
        String token = share(List.of(awardId));
        mongo.updateFirst(
                Query.query(Criteria.where("tokenHash").is(SecretTokens.hash(token))),
                new Update().set("expiresAt", Instant.now().minusSeconds(5)),
                Share.class);
        EntityExchangeResult<String> result = page(token);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.GONE);
        assertThat(result.getResponseBody())
                .contains("This link has expired")
                .doesNotContain(world.welding().name());
    }

    @Test
    void unknownTokensAreNotFoundAndMalformedOnesAreNotEvenLookedUp() {
        EntityExchangeResult<String> unknown = page(SecretTokens.newToken());
        assertThat(unknown.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getResponseBody()).contains("Link not found", "<html lang=\"en\">");
        assertSafeHeaders(unknown);

        for (String malformed : List.of("short", "x".repeat(44), "a".repeat(42) + "!", "A".repeat(42) + "=")) {
            mongoCommands.reset();
            EntityExchangeResult<String> result = page(malformed);
            assertThat(result.getStatus()).as(malformed).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(mongoCommands.all()).as(malformed).doesNotContain("find", "findAndModify");
        }
    }

    private void assertSafeHeaders(EntityExchangeResult<String> result) {
        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getContentType().toString()).startsWith("text/html");
        assertThat(headers.getFirst("Cache-Control")).contains("no-store");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("X-Robots-Tag")).contains("noindex");
        String csp = headers.getFirst("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'").doesNotContain("unsafe-inline", "script-src");
    }

    private String shareIdOf(String token) {
        return mongo.findOne(Query.query(Criteria.where("tokenHash").is(SecretTokens.hash(token))), Share.class)
                .id();
    }

    private long viewCount() {
        return as(world.learner())
                .document("{ myShares(first: 1) { edges { node { viewCount } } } }")
                .execute()
                .path("myShares.edges[0].node.viewCount")
                .entity(Long.class)
                .get();
    }
}
