package org.credfolio.celebrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credfolio.learner.Learner;
import org.credfolio.support.BrowserSession;
import org.credfolio.support.HeadlessChromium;
import org.junit.jupiter.api.Test;

/**
 * The celebration page as phone and desktop browsers lay it out: headless Chromium, driven over the
 * DevTools protocol (as in VerifyPageInBrowserTest), opens the page, a long unbroken name and a long
 * credential name included; the page must not scroll sideways, must have one h1 and no script.
 * Skipped when no Chromium is installed; the browser is killed after each run.
 */
class CelebrationPageInBrowserTest extends CelebrationTestBase {

    @Test
    void phoneAndDesktopShowThePageWithoutSidewaysScrolling() throws Exception {
        assumeTrue(HeadlessChromium.find().isPresent(), "no chromium or chromium-browser on PATH");
        optIn(world.learner(), true);
        adult(world.learnerA().id());
        recordCredential(
                world.registrarA(), world.learnerA().id(), world.welding().id(), recently);
        Learner longName =
                tenants.learner(world.districtA(), world.schoolA(), "Maximiliana".repeat(8), "Wolfeschlegelstein");
        optIn(learnerWithLogin(longName), true);
        adult(longName.id());
        recordCredential(world.registrarA(), longName.id(), world.welding().id(), recently);
        String id = publish();

        for (String size : List.of("390,844", "1280,900")) {
            Map<String, Object> layout = layout(size, "/celebrations/" + id);
            int viewport = ((Number) layout.get("viewportWidth")).intValue();
            assertThat(((Number) layout.get("scrollWidth")).intValue())
                    .as("no horizontal overflow at " + size + " in " + layout)
                    .isLessThanOrEqualTo(viewport);
            assertThat(((Number) layout.get("h1")).intValue()).isEqualTo(1);
            assertThat(((Number) layout.get("scripts")).intValue()).isZero();
            assertThat((String) layout.get("text"))
                    .contains(
                            "Ana Alvarez",
                            world.welding().name(),
                            world.districtA().name());
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
            return browser.settle(
                    "JSON.stringify((function(){var d=document.documentElement;"
                            + "return {ready:document.readyState,url:location.href,scrollWidth:d.scrollWidth,"
                            + "viewportWidth:d.clientWidth,h1:document.querySelectorAll('h1').length,"
                            + "scripts:document.querySelectorAll('script').length,"
                            + "text:document.body?document.body.innerText:''};})())",
                    m -> "complete".equals(m.get("ready")) && ((String) m.get("url")).startsWith("http://localhost"));
        }
    }
}
