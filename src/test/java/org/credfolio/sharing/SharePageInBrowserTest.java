package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.credfolio.support.HeadlessChromium;
import org.junit.jupiter.api.Test;

/**
 * The share page as a phone's browser renders it: headless Chromium at 390x844 loads the page over
 * HTTP and dumps the DOM it built. Skipped when no Chromium is installed; killed after 60 s.
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
}
