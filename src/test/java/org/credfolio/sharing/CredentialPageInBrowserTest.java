package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credfolio.support.BrowserSession;
import org.credfolio.support.HeadlessChromium;
import org.junit.jupiter.api.Test;

/**
 * The credential page as browsers render it, at phone (390x844, mobile emulation, so the viewport
 * meta applies) and desktop (1280x800) sizes: headless Chromium loads it over HTTP; the DevTools
 * protocol measures the layout (evaluation through DevTools is not page script, so the page's
 * script-free CSP stays as it is). No horizontal overflow, one h1, no script, no CSP complaint.
 * Skipped when no Chromium is installed; the browser is killed after 60 s.
 */
class CredentialPageInBrowserTest extends SharingTestBase {

    @Test
    void phoneAndDesktopRenderThePageWithoutHorizontalOverflow() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        String url = "http://localhost:" + port + URI.create(publish()).getPath();

        HeadlessChromium.Rendering page =
                HeadlessChromium.render(chromium.get(), url, "390,844", Path.of("target", "credential-page.png"));
        assertThat(page.dom()).contains("lang=\"en\"", world.welding().name(), "Valid:", "Ana A.");
        assertThat(page.dom().split("<h1", -1)).as("exactly one h1").hasSize(2);
        assertThat(page.dom()).doesNotContain("<script");
        assertThat(page.log()).doesNotContain("Content Security Policy");

        for (int[] size : List.of(new int[] {390, 844, 1}, new int[] {1280, 800, 0})) {
            Map<String, Object> layout = measure(chromium.get(), url, size[0], size[1], size[2] == 1);
            long scrollWidth = ((Number) layout.get("scrollWidth")).longValue();
            long viewport = ((Number) layout.get("innerWidth")).longValue();
            assertThat(viewport).as("viewport width " + layout).isEqualTo(size[0]);
            assertThat(scrollWidth)
                    .as("no horizontal overflow at " + size[0] + "px: " + layout)
                    .isLessThanOrEqualTo(viewport);
            assertThat(layout.get("title").toString()).contains(world.welding().name());
        }
    }

    @Test
    void revokedAndWithdrawnPagesSayWhatHappenedOnAPhoneWithoutSidewaysScrolling() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        String url = "http://localhost:" + port + URI.create(publish()).getPath();

        changeStatus("revokeEarnedCredential", awardId);
        Map<String, Object> revoked = measure(chromium.get(), url, 390, 844, true);
        assertThat(revoked.get("text").toString()).contains("Revoked by the issuer");
        assertThat(((Number) revoked.get("scrollWidth")).longValue()).isLessThanOrEqualTo(390);

        as(world.learner())
                .document("mutation($id: ID!) { withdrawCredentialPage(credentialId: $id) { withdrawnAt } }")
                .variable("id", awardId)
                .execute()
                .errors()
                .verify();
        Map<String, Object> withdrawn = measure(chromium.get(), url, 390, 844, true);
        assertThat(withdrawn.get("text").toString()).contains("This page was withdrawn");
        assertThat(((Number) withdrawn.get("scrollWidth")).longValue()).isLessThanOrEqualTo(390);
    }

    private String publish() {
        return as(world.learner())
                .document("mutation($id: ID!) { publishCredentialPage(credentialId: $id) { url } }")
                .variable("id", awardId)
                .execute()
                .errors()
                .verify()
                .path("publishCredentialPage.url")
                .entity(String.class)
                .get();
    }

    /** Loads the page at the given size and answers the document's widths, through DevTools. */
    private static Map<String, Object> measure(Path chromium, String url, int width, int height, boolean mobile)
            throws Exception {
        try (BrowserSession browser = BrowserSession.open(chromium, width, height, mobile)) {
            browser.navigate(url);
            for (int i = 0; i < 100 && !"complete".equals(browser.evaluate("document.readyState")); i++) {
                Thread.sleep(100);
            }
            return browser.evaluateJson("JSON.stringify({scrollWidth:"
                    + " Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),"
                    + " innerWidth: window.innerWidth, title: document.title,"
                    + " text: document.body ? document.body.innerText : ''})");
        }
    }
}
