package org.credfolio.verifypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialType;
import org.credfolio.catalog.Portability;
import org.credfolio.support.BrowserSession;
import org.credfolio.support.BrowserSession.Size;
import org.credfolio.support.BrowserSession.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The verification page as phone (390x844, mobile emulation) and desktop (1280x800) browsers show
 * it: the shared headless Chromium, driven over the DevTools protocol, opens {@code /verify}, pastes
 * into or chooses files for the real form and clicks Check, or opens a share link
 * ({@code /verify#<vc+jwt>}), whose one hashed script submits the fragment. Every answer must say
 * in its headline what it found, within the first screen, without sideways scrolling; what an
 * employer or a credential brought along is shown as text. Skipped when no Chromium is installed.
 */
class VerifyPageInBrowserTest extends VerifyPageTestBase {
    /** A file name a browser sends as it is (no slash, no quote), that is markup if echoed unescaped. */
    private static final String HOSTILE_FILE_NAME =
            "<img src=x onerror=window." + BrowserSession.SENTINEL + "=1>badge.jwt";

    @Autowired
    MongoOperations mongo;

    @TempDir
    Path uploads;

    @Test
    void aFragmentLinkShowsTheVerdictOnAPhoneAndADesktopWithoutSidewaysScrolling() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        for (Size size : Size.values()) {
            View view = verdictOf(browser.resize(size), "/verify#" + jwt);
            assertThat(view.headline()).startsWith("\u2713 Valid");
            assertThat(view.text())
                    .contains(world.welding().name(), world.districtA().name());
        }
    }

    @Test
    void theFormAndAFailedResultFitADesktopAndAPhone() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        for (Size size : Size.values()) {
            fits(browser.resize(size).load(url("/verify")), 200);
            // A long unbroken token (a forged one) must wrap, not widen the page.
            View forged = verdictOf(browser, "/verify#" + jwt.substring(0, jwt.length() - 4) + "AAAA");
            assertThat(forged.headline()).contains("signature does not match");
        }
    }

    /**
     * Credentials pasted into the form and checked: altered (invalid), expired, revoked and
     * suspended each say so in the headline, and what an altered one claims is not shown.
     */
    @Test
    void pastedCredentialsThatAreNotValidSaySoInTheHeadline() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        String expired = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.aPlus().id(),
                LocalDate.parse("2019-01-01"),
                Map.of("result", "Pass", "expiresOn", "2021-01-01"));
        String revoked = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(20));
        String suspended = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(30));
        Map<String, String> jwts = jwts();
        changeStatus("revokeEarnedCredential", revoked);
        changeStatus("suspendEarnedCredential", suspended);
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace(world.welding().name(), "Master Welder")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        for (Size size : Size.values()) {
            browser.resize(size);
            View invalid = fits(paste(browser, tampered), 200);
            assertThat(invalid.headline()).startsWith("\u2715 Not valid: the signature does not match");
            assertThat(invalid.text()).doesNotContain("Master Welder", "About this credential");

            View expiredView = fits(paste(browser, jwts.get(expired)), 200);
            assertThat(expiredView.headline()).isEqualTo("! Not valid: expired on 1 January 2021");
            assertThat(expiredView.text()).contains(world.aPlus().name());

            View revokedView = fits(paste(browser, jwts.get(revoked)), 200);
            assertThat(revokedView.headline()).isEqualTo("\u2715 Not valid: revoked by the issuer");

            View suspendedView = fits(paste(browser, jwts.get(suspended)), 200);
            assertThat(suspendedView.headline()).isEqualTo("! Not valid: suspended by the issuer");
        }
    }

    /**
     * Files chosen in the form's file input and sent by the browser as it encodes forms: a 5 MB
     * file gets the page's own "too large" answer (not a browser error page after a reset
     * connection), a binary that is no image and a text file that is no credential a clear message.
     */
    @Test
    void uploadsThatAreTooLargeOrNoCredentialGetAClearPageOnAPhoneAndADesktop() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        byte[] exe = new byte[64 * 1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[2] = (byte) 0x90;
        Path binary = file("badge.png", exe);
        Path notes =
                file("notes.txt", "Interview notes: ask about the welding test.\n".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        Path tooLarge = file("credential.jwt", big);

        for (Size size : Size.values()) {
            browser.resize(size);
            View large = fits(upload(browser, tooLarge), 413);
            assertThat(large.url()).isEqualTo(url("/verify"));
            assertThat(large.headline()).startsWith("\u2715 Too large: a credential or badge image is at most 1 MiB");
            assertThat(large.text()).contains("Check that you chose the right file");

            View notAnImage = fits(upload(browser, binary), 400);
            assertThat(notAnImage.headline()).contains("This file is not a credential or badge image");

            View notACredential = fits(upload(browser, notes), 400);
            assertThat(notACredential.headline()).startsWith("\u2715 Not a credential");
        }
    }

    /**
     * What came with a submission is text on the answer page: a file name with markup, a
     * credential whose (signed, genuine) name is markup, and pasted markup that tries to close the
     * text area it is echoed into. The browser ignores the page's policy here, so only escaping
     * keeps the sentinel unset.
     */
    @Test
    void hostileFileNamesCredentialNamesAndPastedTextAreShownAsText() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        CredentialDefinition hostile = mongo.insert(new CredentialDefinition(
                UUID.randomUUID().toString(),
                BrowserSession.hostile("Welder"),
                CredentialType.CERTIFICATION,
                null,
                "Structural welding",
                List.of("51-4121"),
                "Manufacturing",
                Portability.NATIONAL,
                List.of(),
                6,
                new BigDecimal("35.00"),
                List.of(),
                null,
                Instant.now()));
        String award = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                hostile.id(),
                LocalDate.now().minusDays(2));
        String hostileJwt = jwts().get(award);
        Path named = file(HOSTILE_FILE_NAME, jwt.getBytes(StandardCharsets.UTF_8));
        String pasted = "</textarea>" + BrowserSession.hostile("not a credential");

        browser.ignoreContentSecurityPolicy(true);
        for (Size size : Size.values()) {
            browser.resize(size);
            View file = harmless(fits(upload(browser, named), 200));
            assertThat(file.headline()).startsWith("\u2713 Valid");
            assertThat(file.text()).contains("Checked just now: the file " + HOSTILE_FILE_NAME + ".");

            View credential = harmless(fits(paste(browser, hostileJwt), 200));
            assertThat(credential.headline()).startsWith("\u2713 Valid");
            assertThat(credential.text()).contains(hostile.name());

            View garbage = harmless(fits(paste(browser, pasted), 400));
            assertThat(garbage.headline()).startsWith("\u2715 Not a credential");
            assertThat(browser.evaluate("document.getElementById('credential').value"))
                    .as("the pasted text, back in the box")
                    .isEqualTo(pasted);
        }
    }

    /** Opens a share link and answers the verdict page its script submitted to. */
    private View verdictOf(BrowserSession browser, String path) throws Exception {
        browser.load(url(path));
        // The form page's script submits the fragment at once; the verdict page has no script.
        return fits(browser.awaitDocument(view -> !"Verify a credential".equals(view.headline())), 200);
    }

    /** Opens the form, pastes the text into its box and clicks Check. */
    private View paste(BrowserSession browser, String text) throws Exception {
        browser.load(url("/verify"));
        browser.type("#credential", text);
        return browser.submit("#verify-form button[type=submit]");
    }

    /** Opens the form, chooses the file in its file input and clicks Check. */
    private View upload(BrowserSession browser, Path file) throws Exception {
        browser.load(url("/verify"));
        browser.chooseFiles("#file", file);
        return browser.submit("#verify-form button[type=submit]");
    }

    /** The signed VC-JWT of each of learner A's earned credentials, by earned credential id. */
    private Map<String, String> jwts() {
        List<Map<String, Object>> credentials = as(world.learner())
                .document("{ me { credentials { id jwt } } }")
                .execute()
                .path("me.credentials")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        Map<String, String> jwts = new HashMap<>();
        credentials.forEach(c -> jwts.put((String) c.get("id"), (String) c.get("jwt")));
        return jwts;
    }

    private void changeStatus(String mutation, String id) {
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { " + mutation + "(input: $i) { id } }")
                .variable("i", Map.of("id", id, "reason", "Checked by the certifying body"))
                .execute()
                .errors()
                .verify();
    }

    /** A file to choose, named exactly {@code name}; the directory is deleted after the test. */
    private Path file(String name, byte[] content) throws IOException {
        return Files.write(uploads.resolve(name), content);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The expected HTTP status, one h1 as the headline within the first screen, and no sideways scrolling. */
    private static View fits(View view, int status) {
        assertThat(view.status()).as("HTTP status of " + view.url()).isEqualTo(status);
        assertThat(view.headings()).as("h1 elements in " + view.url()).isEqualTo(1);
        return view.assertNoSidewaysScrolling().assertHeadlineInFirstScreen();
    }

    /** No element and no script came from what was submitted (the result pages have neither of their own). */
    private static View harmless(View view) {
        assertThat(view.scripts()).as("script elements").isZero();
        assertThat(view.images()).as("img elements").isZero();
        assertThat(view.scriptRan()).as("injected script ran").isFalse();
        return view;
    }
}
