package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credfolio.support.BrowserSession;
import org.credfolio.support.BrowserSession.Size;
import org.credfolio.support.BrowserSession.View;
import org.credfolio.support.HeadlessChromium;
import org.junit.jupiter.api.Test;

/**
 * The share page as browsers render it: headless Chromium at 390x844 loads the page over HTTP and
 * dumps the DOM it built; the shared DevTools-driven browser shows every credential state and a
 * withdrawn link at phone and desktop size. Skipped when no Chromium is installed.
 */
class SharePageInBrowserTest extends SharingTestBase {
    @Test
    void phoneSizedChromiumRendersTheVerifiedCredentialWithoutPolicyViolations() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        String token = share(List.of(awardId));
        HeadlessChromium.Rendering page = HeadlessChromium.render(
                chromium.get(),
                "http://localhost:" + port + "/shares/" + token,
                "390,844",
                Path.of("target", "share-page.png"));

        String html = page.dom();
        assertThat(html).contains("lang=\"en\"", world.welding().name(), "Verified", "Acme Manufacturing hiring");
        assertThat(html.split("<h1", -1)).as("exactly one h1").hasSize(2);
        assertThat(html).doesNotContain("<script");
        // A wrong style hash or any blocked resource shows up as a console message.
        assertThat(page.log()).doesNotContain("Content Security Policy");
    }

    /**
     * One share of a valid, an expired, a suspended, a revoked and an altered credential, for a
     * hostile audience: each credential says what it is in words, what the altered one claims is
     * not shown, the audience is text (the browser ignores the page's script-free policy here, so
     * only escaping keeps the sentinel unset), and the page fits a phone; withdrawn, the link says so.
     */
    @Test
    void everyCredentialStateAndAWithdrawnLinkOnAPhoneAndADesktop() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        String expired = recordExpired();
        String suspended = earnedDaysAgo(20);
        String revoked = earnedDaysAgo(30);
        String tampered = earnedDaysAgo(40);
        Map<String, Object> in = input(List.of(awardId, expired, suspended, revoked, tampered));
        String audience = BrowserSession.hostile("Acme hiring");
        in.put("audience", audience);
        Map<?, ?> created = createShare(world.learner(), in)
                .errors()
                .verify()
                .path("createShare")
                .entity(Map.class)
                .get();
        String url = "http://localhost:" + port + "/shares/" + created.get("token");
        changeStatus("suspendEarnedCredential", suspended);
        changeStatus("revokeEarnedCredential", revoked);
        tamperWithStoredCredential(tampered);

        browser.ignoreContentSecurityPolicy(true);
        for (Size size : Size.values()) {
            View view = browser.resize(size).load(url).assertNoSidewaysScrolling();
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.headline()).isEqualTo("Shared credentials");
            assertThat(view.text())
                    .contains("Shared with\n" + audience)
                    .contains("Verified", "Expired on January 1, 2021", "Suspended by the issuer")
                    .contains("Revoked by the issuer", "Could not be verified")
                    .doesNotContain("Master Welder");
            assertThat(view.scripts()).as("script elements").isZero();
            assertThat(view.images()).as("img elements").isZero();
            assertThat(view.scriptRan()).as("injected script ran").isFalse();
        }

        as(world.learner())
                .document("mutation($id: ID!) { revokeShare(id: $id) { id } }")
                .variable("id", ((Map<?, ?>) created.get("share")).get("id"))
                .execute()
                .errors()
                .verify();
        for (Size size : Size.values()) {
            View gone = browser.resize(size).load(url).assertNoSidewaysScrolling();
            assertThat(gone.status()).isEqualTo(410);
            assertThat(gone.headline()).isEqualTo("This link was withdrawn");
            assertThat(gone.text()).doesNotContain(world.welding().name(), "Acme hiring");
        }
    }
}
