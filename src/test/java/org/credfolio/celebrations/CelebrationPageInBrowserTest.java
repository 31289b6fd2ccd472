package org.credfolio.celebrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.credfolio.learner.Learner;
import org.credfolio.support.BrowserSession;
import org.credfolio.support.BrowserSession.Size;
import org.credfolio.support.BrowserSession.View;
import org.junit.jupiter.api.Test;

/**
 * The celebration page as phone (390x844, mobile emulation) and desktop (1280x800) browsers lay it
 * out: the shared headless Chromium, driven over the DevTools protocol, opens the page; it must not
 * scroll sideways, must have one h1 and no script, and must say what state it is in: shown,
 * withdrawn, without a learner who withdrew consent, with hostile names as text. Skipped when no
 * Chromium is installed.
 */
class CelebrationPageInBrowserTest extends CelebrationTestBase {

    @Test
    void phoneAndDesktopShowThePageWithoutSidewaysScrolling() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        optIn(world.learner(), true);
        adult(world.learnerA().id());
        recordCredential(
                world.registrarA(), world.learnerA().id(), world.welding().id(), recently);
        // A long unbroken name must wrap, not widen the page.
        Learner longName =
                tenants.learner(world.districtA(), world.schoolA(), "Maximiliana".repeat(8), "Wolfeschlegelstein");
        optIn(learnerWithLogin(longName), true);
        adult(longName.id());
        recordCredential(world.registrarA(), longName.id(), world.welding().id(), recently);
        String url = url(publish());

        for (Size size : Size.values()) {
            View view = fits(browser.resize(size).load(url), 200);
            assertThat(view.headline()).isEqualTo("Class of 2027 celebrates");
            assertThat(view.scripts()).isZero();
            assertThat(view.text())
                    .contains(
                            "Ana Alvarez",
                            "Maximiliana".repeat(8) + " Wolfeschlegelstein",
                            world.welding().name(),
                            world.districtA().name());
        }
    }

    @Test
    void aWithdrawnCelebrationSaysSoOnAPhoneAndADesktop() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        optIn(world.learner(), true);
        adult(world.learnerA().id());
        recordCredential(
                world.registrarA(), world.learnerA().id(), world.welding().id(), recently);
        String id = publish();
        as(world.districtAdminA())
                .document("mutation($id: ID!) { withdrawCelebration(id: $id) }")
                .variable("id", id)
                .execute()
                .path("withdrawCelebration")
                .entity(Boolean.class)
                .isEqualTo(true);

        for (Size size : Size.values()) {
            View view = fits(browser.resize(size).load(url(id)), 410);
            assertThat(view.headline()).isEqualTo("This celebration was withdrawn");
            assertThat(view.text())
                    .doesNotContain(
                            "Class of 2027 celebrates",
                            "Ana Alvarez",
                            world.welding().name());
        }
    }

    /** Consent withdrawn is honoured on the next request, in the browser too: the name is gone, the count stays. */
    @Test
    void aLearnerWhoWithdrawsConsentIsNoLongerNamedOnAPhoneOrADesktop() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        optIn(world.learner(), true);
        adult(world.learnerA().id());
        recordCredential(
                world.registrarA(), world.learnerA().id(), world.welding().id(), recently);
        String url = url(publish());
        assertThat(browser.resize(Size.PHONE).load(url).text()).contains("Ana Alvarez");

        optIn(world.learner(), false);
        for (Size size : Size.values()) {
            View view = fits(browser.resize(size).load(url), 200);
            assertThat(view.text())
                    .doesNotContain("Ana Alvarez", "Alvarez")
                    .contains(
                            "No learner has chosen to be named", world.welding().name());
        }
    }

    /**
     * A learner's name and the title a district admin typed are shown as text. The browser ignores
     * the page's script-free policy here, so only escaping keeps the sentinel unset; the unbroken
     * markup must also wrap on a phone.
     */
    @Test
    void hostileNamesAndTitleAreShownAsTextAndRunNothing() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        Learner hostile = tenants.learner(world.districtA(), world.schoolA(), BrowserSession.hostile("Zed"), "Zulu");
        optIn(learnerWithLogin(hostile), true);
        adult(hostile.id());
        recordCredential(world.registrarA(), hostile.id(), world.welding().id(), recently);
        String title = BrowserSession.hostile("Class of 2027");
        String id = as(world.districtAdminA())
                .document("mutation($i: PublishCelebrationInput!) { publishCelebration(input: $i) { id } }")
                .variable(
                        "i",
                        Map.of(
                                "title",
                                title,
                                "schoolId",
                                world.schoolA().id(),
                                "graduationYear",
                                2027,
                                "earnedFrom",
                                LocalDate.now().minusYears(1).toString(),
                                "earnedTo",
                                LocalDate.now().toString()))
                .execute()
                .path("publishCelebration.id")
                .entity(String.class)
                .get();

        browser.ignoreContentSecurityPolicy(true);
        for (Size size : Size.values()) {
            View view = fits(browser.resize(size).load(url(id)), 200);
            assertThat(view.headline()).isEqualTo(title);
            assertThat(view.title()).isEqualTo(title);
            assertThat(view.text()).contains(BrowserSession.hostile("Zed") + " Zulu");
            assertThat(view.scripts()).as("script elements").isZero();
            assertThat(view.images()).as("img elements").isZero();
            assertThat(view.scriptRan()).as("injected script ran").isFalse();
        }
    }

    private String url(String id) {
        return "http://localhost:" + port + "/celebrations/" + id;
    }

    /** One h1, the expected HTTP status, and no sideways scrolling. */
    private static View fits(View view, int status) {
        assertThat(view.status()).as("HTTP status of " + view.url()).isEqualTo(status);
        assertThat(view.headings()).as("h1 elements in " + view.url()).isEqualTo(1);
        return view.assertNoSidewaysScrolling();
    }
}
