package org.credfolio.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;
import org.credfolio.shared.security.SecretTokens;
import org.credfolio.support.BrowserSession;
import org.credfolio.support.BrowserSession.Size;
import org.credfolio.support.BrowserSession.View;
import org.credfolio.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The credential page as browsers render it, at phone (390x844, mobile emulation, so the viewport
 * meta applies) and desktop (1280x800) sizes: headless Chromium loads it over HTTP; the DevTools
 * protocol reads what a visitor sees (evaluation through DevTools is not page script, so the page's
 * script-free CSP stays as it is). Every state says what it is in words, without sideways
 * scrolling; hostile names are text. Skipped when no Chromium is installed.
 */
class CredentialPageInBrowserTest extends SharingTestBase {

    @Test
    void phoneAndDesktopRenderThePageWithoutHorizontalOverflow() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium or chromium-browser on PATH");
        String url = "http://localhost:" + port + URI.create(publish(awardId)).getPath();

        // A browser of its own, for the console log: a wrong style hash shows up there.
        HeadlessChromium.Rendering page =
                HeadlessChromium.render(chromium.get(), url, "390,844", Path.of("target", "credential-page.png"));
        assertThat(page.dom()).contains("lang=\"en\"", world.welding().name(), "Valid:", "Ana A.");
        assertThat(page.dom().split("<h1", -1)).as("exactly one h1").hasSize(2);
        assertThat(page.dom()).doesNotContain("<script");
        assertThat(page.log()).doesNotContain("Content Security Policy");

        BrowserSession browser = BrowserSession.shared();
        for (Size size : Size.values()) {
            View view = browser.resize(size).load(url).assertNoSidewaysScrolling();
            assertThat(view.windowWidth()).as("window width").isEqualTo(size.width);
            assertThat(view.title()).contains(world.welding().name());
        }
    }

    /**
     * Each state a visitor can find the page in, at both sizes: the words that say it, the status
     * the browser got, and a page that fits. A tampered stored credential stands for any that no
     * longer verifies (a key or status list gone wrong): the page must not call it valid.
     */
    @Test
    void everyStateSaysWhatItIsOnAPhoneAndADesktopWithoutSidewaysScrolling() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        String expired = recordExpired();
        String suspended = earnedDaysAgo(20);
        String revoked = earnedDaysAgo(30);
        String withdrawn = earnedDaysAgo(40);
        String tampered = earnedDaysAgo(50);
        Map<String, String> pages = new LinkedHashMap<>();
        for (String award : new String[] {awardId, expired, suspended, revoked, withdrawn, tampered}) {
            pages.put(
                    award,
                    "http://localhost:" + port + URI.create(publish(award)).getPath());
        }
        changeStatus("suspendEarnedCredential", suspended);
        changeStatus("revokeEarnedCredential", revoked);
        as(world.learner())
                .document("mutation($id: ID!) { withdrawCredentialPage(credentialId: $id) { withdrawnAt } }")
                .variable("id", withdrawn)
                .execute()
                .errors()
                .verify();
        tamperWithStoredCredential(tampered);
        String welding = world.welding().name();

        for (Size size : Size.values()) {
            browser.resize(size);
            View valid = fits(browser.load(pages.get(awardId)), 200);
            assertThat(valid.headline()).isEqualTo(welding);
            assertThat(valid.text()).contains("Valid: checked just now", "Earned by Ana A.", "Signed credential");

            View expiredView = fits(browser.load(pages.get(expired)), 200);
            assertThat(expiredView.headline()).isEqualTo(world.aPlus().name());
            assertThat(expiredView.text())
                    .contains("Expired on January 1, 2021")
                    .doesNotContain("Valid:");

            View suspendedView = fits(browser.load(pages.get(suspended)), 200);
            assertThat(suspendedView.text()).contains("Suspended by the issuer").doesNotContain("Valid:");

            View revokedView = fits(browser.load(pages.get(revoked)), 200);
            assertThat(revokedView.text())
                    .contains("Revoked by the issuer", "no signed credential to download")
                    .doesNotContain("Valid:", "Signed credential, VC-JWT");

            View withdrawnView = fits(browser.load(pages.get(withdrawn)), 410);
            assertThat(withdrawnView.headline()).isEqualTo("This page was withdrawn");
            assertThat(withdrawnView.text()).doesNotContain(welding, "Ana");

            // What the altered credential claims is not shown as its name.
            View invalid = fits(browser.load(pages.get(tampered)), 200);
            assertThat(invalid.headline()).isEqualTo(welding);
            assertThat(invalid.text())
                    .contains("Could not be verified", "signature does not match")
                    .doesNotContain("Valid:", "Master Welder");

            View unknown = fits(browser.load("http://localhost:" + port + "/c/" + SecretTokens.newToken()), 404);
            assertThat(unknown.headline()).isEqualTo("Page not found");
        }
    }

    /**
     * A learner's name, a credential's name and a certifying body's name come from people and
     * imports; whatever markup they hold is shown as text. The browser ignores the page's
     * script-free policy here, so only escaping keeps the sentinel unset. The credential name is
     * also one long unbroken word, which must wrap on a phone.
     */
    @Test
    void hostileNamesAreShownAsTextAndRunNothing() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        Organization body = mongo.insert(new Organization(
                UUID.randomUUID().toString(),
                OrganizationType.CERTIFYING_BODY,
                BrowserSession.hostile("Welding Society"),
                null,
                null,
                "https://www.aws.org",
                null,
                Instant.now()));
        CredentialDefinition hostile = catalogEntry(BrowserSession.hostile("Welder"), body.id());
        String award = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                hostile.id(),
                LocalDate.now().minusDays(2));
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(world.learnerA().id())),
                new Update().set("givenName", BrowserSession.hostile("Ana")),
                Learner.class);
        String url = "http://localhost:" + port + URI.create(publish(award)).getPath();

        browser.ignoreContentSecurityPolicy(true);
        for (Size size : Size.values()) {
            View view = fits(browser.resize(size).load(url), 200);
            assertThat(view.headline()).isEqualTo(hostile.name());
            assertThat(view.text())
                    .contains("Earned by " + BrowserSession.hostile("Ana") + " A.")
                    .contains("Certified by " + body.name())
                    .contains("Valid: checked just now");
            assertThat(view.title()).contains(hostile.name());
            assertThat(view.scripts()).as("script elements").isZero();
            assertThat(view.images()).as("img elements").isZero();
            assertThat(view.scriptRan()).as("injected script ran").isFalse();
        }
    }

    /** One h1, the expected HTTP status, and no sideways scrolling. */
    private static View fits(View view, int status) {
        assertThat(view.status()).as("HTTP status of " + view.url()).isEqualTo(status);
        assertThat(view.headings()).as("h1 elements in " + view.url()).isEqualTo(1);
        return view.assertNoSidewaysScrolling();
    }

    private String publish(String award) {
        return as(world.learner())
                .document("mutation($id: ID!) { publishCredentialPage(credentialId: $id) { url } }")
                .variable("id", award)
                .execute()
                .errors()
                .verify()
                .path("publishCredentialPage.url")
                .entity(String.class)
                .get();
    }
}
