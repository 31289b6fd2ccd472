package org.credfolio.verifypage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credfolio.support.BrowserSession;
import org.credfolio.support.HeadlessChromium;
import org.junit.jupiter.api.Test;

/**
 * The verification page as phone and desktop browsers lay it out: headless Chromium, driven over
 * the DevTools protocol, opens {@code /verify#<vc+jwt>} (a share link), whose one hashed script
 * submits the fragment; the result page must show its headline in the first screen and must not
 * scroll sideways. Skipped when no Chromium is installed; the browser is killed after each run.
 */
class VerifyPageInBrowserTest extends VerifyPageTestBase {

    @Test
    void aFragmentLinkShowsTheVerdictOnAPhoneWithoutSidewaysScrolling() throws Exception {
        Map<String, Object> layout = layout("390,844", "/verify#" + jwt);
        assertThat((String) layout.get("headline")).startsWith("\u2713 Valid");
        assertFits(layout);
        assertThat((String) layout.get("text"))
                .contains(world.welding().name(), world.districtA().name());
    }

    @Test
    void theFormAndAFailedResultFitADesktopAndAPhone() throws Exception {
        for (String size : List.of("1280,900", "390,844")) {
            assertFits(layout(size, "/verify"));
            // A long unbroken token (a forged one) must wrap, not widen the page.
            Map<String, Object> forged = layout(size, "/verify#" + jwt.substring(0, jwt.length() - 4) + "AAAA");
            assertThat((String) forged.get("headline")).contains("signature does not match");
            assertFits(forged);
        }
    }

    private static void assertFits(Map<String, Object> layout) {
        int viewport = ((Number) layout.get("viewportWidth")).intValue();
        assertThat(((Number) layout.get("scrollWidth")).intValue())
                .as("no horizontal overflow in " + layout)
                .isLessThanOrEqualTo(viewport);
        if (layout.get("headlineBottom") != null) {
            assertThat(((Number) layout.get("headlineTop")).doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(((Number) layout.get("headlineBottom")).doubleValue())
                    .as("headline within the first screen")
                    .isLessThanOrEqualTo(((Number) layout.get("viewportHeight")).doubleValue());
        }
    }

    /** Opens the path at the window size and measures the page once it has settled on its final document. */
    private Map<String, Object> layout(String windowSize, String path) throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        String[] size = windowSize.split(",");
        try (BrowserSession browser =
                BrowserSession.open(chromium.get(), Integer.parseInt(size[0]), Integer.parseInt(size[1]), false)) {
            browser.navigate("http://localhost:" + port + path);
            boolean wantsVerdict = path.contains("#");
            return browser.settle(
                    "JSON.stringify((function(){var h=document.getElementById('verdict');"
                            + "var r=h&&h.getBoundingClientRect();var d=document.documentElement;"
                            + "return {ready:document.readyState,url:location.href,headline:h&&h.textContent.trim(),"
                            + "headlineTop:r&&r.top,headlineBottom:r&&r.bottom,scrollWidth:d.scrollWidth,"
                            + "viewportWidth:d.clientWidth,viewportHeight:window.innerHeight,"
                            + "text:document.body?document.body.innerText:''};})())",
                    m -> "complete".equals(m.get("ready"))
                            && ((String) m.get("url")).startsWith("http://localhost")
                            && (!wantsVerdict || m.get("headline") != null));
        }
    }
}
