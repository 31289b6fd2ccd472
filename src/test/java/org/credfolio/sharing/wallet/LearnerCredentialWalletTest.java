package org.credfolio.sharing.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.NodeHarness;
import org.credfolio.support.Tenants;
import org.credfolio.support.VerifierDocuments;
import org.credfolio.trust.TrustProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The DCC Learner Credential Wallet receives a credential from a {@code createWalletOffer} deep
 * link: {@code src/test/node/lcw-exchange.mjs} runs the wallet's own exchange code with its own
 * libraries (a did:key, {@code Ed25519Signature2020}) against this server. The service is reached
 * at a public origin with a domain name, as in production: the wallet refuses an interaction URL on
 * {@code localhost} (its {@code validator.isURL} wants a top-level domain), and the script maps
 * that origin to the test server's loopback address, as DNS would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "credfolio.trust.public-base-url=" + LearnerCredentialWalletTest.PUBLIC_ORIGIN)
class LearnerCredentialWalletTest extends IntegrationTest {
    static final String PUBLIC_ORIGIN = "https://credfolio.example.org";
    private static final String LCW_LINK = "https://lcw.app/mobile?request=";
    private static final String OFFER = "mutation($c: ID!) { createWalletOffer(credentialId: $c) {"
            + " vcapiUrl openid4vciOffer walletDeepLink qrSvg expiresAt } }";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private Tenants.World world;
    private String weldingId;

    @BeforeAll
    void world() {
        world = tenants.create();
        weldingId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(1));
    }

    @Test
    void theDeepLinkCarriesBothProtocolsAndIsWhatTheQrCodeHolds() {
        Map<String, Object> offer = offer(weldingId);
        String deepLink = (String) offer.get("walletDeepLink");

        Map<String, Object> request = lcwRequest(deepLink);
        assertThat(request.get("credentialRequestOrigin")).isEqualTo(PUBLIC_ORIGIN);
        assertThat(request.get("protocols"))
                .isEqualTo(Map.of("vcapi", offer.get("vcapiUrl"), "OID4VCI", offer.get("openid4vciOffer")));
        assertThat((String) offer.get("vcapiUrl")).startsWith(PUBLIC_ORIGIN + "/exchanges/");
        assertThat(decodeQr((String) offer.get("qrSvg"))).isEqualTo(deepLink);
    }

    @Test
    void theWalletReceivesACredentialNamingItsDidThatVerifiesHereAndInVerifierCore() {
        NodeHarness.assumeAvailable();
        Map<String, Object> offer = offer(weldingId);

        Map<String, Object> wallet = NodeHarness.run(
                "lcw-exchange.mjs",
                Map.of(
                        "deepLink",
                        offer.get("walletDeepLink"),
                        "origins",
                        Map.of(PUBLIC_ORIGIN, "http://127.0.0.1:" + port)));

        assertThat(wallet.get("error")).as("%s", wallet).isNull();
        // LCW takes a refusal for an exchange that needs nothing more: the problem is in "response".
        assertThat(wallet.get("credential")).as("%s", wallet).isNotNull();
        assertThat(wallet.get("request")).isEqualTo(lcwRequest((String) offer.get("walletDeepLink")));
        String did = (String) wallet.get("did");
        assertThat(did).startsWith("did:key:z6Mk");
        Map<?, ?> proof = (Map<?, ?>) ((Map<?, ?>) wallet.get("presentation")).get("proof");
        assertThat(proof.get("type")).isEqualTo("Ed25519Signature2020");
        assertThat(proof.get("domain")).isEqualTo("credfolio.example.org");
        // LCW posts {} to protocols.vcapi, then its presentation to the service endpoint it was given.
        assertThat(wallet.get("requests"))
                .asList()
                .extracting(r -> ((Map<?, ?>) r).get("method") + " " + ((Map<?, ?>) r).get("status"))
                .containsExactly("POST 200", "POST 200");

        Map<String, Object> credential = NodeHarness.copy(wallet.get("credential"));
        assertThat(((Map<?, ?>) credential.get("credentialSubject")).get("id")).isEqualTo(did);
        Map<String, Object> here = http().post()
                .uri("/credentials/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("verifiableCredential", credential))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        assertThat(here.get("verified")).as("%s", here).isEqualTo(true);

        Map<String, Object> verdict = NodeHarness.verify(credential, lookedUpFor(credential));
        Map<?, ?> checks = (Map<?, ?>) verdict.get("checks");
        assertThat(checks.get("valid_signature"))
                .as(NodeHarness.describe(verdict))
                .isEqualTo(true);
        assertThat(checks.get("revocation_status"))
                .as(NodeHarness.describe(verdict))
                .isEqualTo(true);
        assertThat(verdict.get("verified")).as(NodeHarness.describe(verdict)).isEqualTo(true);
    }

    @Test
    void theWalletCannotRedeemAnOfferTwice() {
        NodeHarness.assumeAvailable();
        Map<String, Object> input = Map.of(
                "deepLink",
                offer(weldingId).get("walletDeepLink"),
                "origins",
                Map.of(PUBLIC_ORIGIN, "http://127.0.0.1:" + port));
        assertThat(NodeHarness.run("lcw-exchange.mjs", input).get("credential")).isNotNull();

        Map<String, Object> again = NodeHarness.run("lcw-exchange.mjs", input);

        // LCW reads the problem as an exchange that needs nothing more and holds no credential.
        assertThat(again.get("credential")).isNull();
        assertThat(((Map<?, ?>) again.get("response")).get("status")).isEqualTo(400L);
    }

    @Test
    void theLinkBaseIsConfigurableAndMustBeAnAbsoluteUrl() {
        TrustProperties trust = new TrustProperties(null, null, null, PUBLIC_ORIGIN, null);
        WalletOffers custom = new WalletOffers(null, trust, "dccrequest://request");
        String link = custom.walletDeepLink(PUBLIC_ORIGIN + "/exchanges/x?iuv=1", "openid-credential-offer://?a=b c");

        assertThat(link).startsWith("dccrequest://request?request=").doesNotContain("+");
        Map<String, Object> request = json(
                URLDecoder.decode(link.substring("dccrequest://request?request=".length()), StandardCharsets.UTF_8));
        assertThat(request.get("protocols"))
                .isEqualTo(Map.of(
                        "vcapi", PUBLIC_ORIGIN + "/exchanges/x?iuv=1", "OID4VCI", "openid-credential-offer://?a=b c"));
        assertThatThrownBy(() -> new WalletOffers(null, trust, "lcw.app/mobile"))
                .hasMessageContaining("credfolio.wallet.deep-link-base must be an absolute URL");
    }

    /** The request JSON the way the wallet reads it (decode.ts credentialRequestFromChapiUrl). */
    private static Map<String, Object> lcwRequest(String deepLink) {
        assertThat(deepLink).startsWith(LCW_LINK);
        String query = deepLink.split("\\?")[1];
        assertThat(query).startsWith("request=").doesNotContain("&").doesNotContain("+");
        return json(URLDecoder.decode(query.substring("request=".length()), StandardCharsets.UTF_8));
    }

    /** What an outside verifier looks up: the DID documents and the status lists at the public origin. */
    private Map<String, Object> lookedUpFor(Map<String, Object> credential) {
        Map<String, Object> documents = new LinkedHashMap<>(VerifierDocuments.lookedUpFor(http(), credential));
        Object status = credential.get("credentialStatus");
        for (Object entry : status instanceof List<?> list ? list : List.of(status)) {
            String url = (String) ((Map<?, ?>) entry).get("statusListCredential");
            assertThat(url).startsWith(PUBLIC_ORIGIN);
            Map<String, Object> statusList = http().get()
                    .uri(url.substring(PUBLIC_ORIGIN.length()))
                    .header("Accept", "application/ld+json")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(JSON)
                    .returnResult()
                    .getResponseBody();
            documents.put(url, statusList);
            documents.putAll(VerifierDocuments.lookedUpFor(http(), statusList));
        }
        return documents;
    }

    /** The text of a QR code drawn by {@link QrSvg}: its dark runs, less the 4-module quiet zone. */
    private static String decodeQr(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1)) - 8;
        BitMatrix modules = new BitMatrix(size);
        Matcher run = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"1\"")
                .matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1)) - 4;
            modules.setRegion(x, Integer.parseInt(run.group(2)) - 4, Integer.parseInt(run.group(3)), 1);
        }
        try {
            return new Decoder().decode(modules).getText();
        } catch (FormatException | ChecksumException e) {
            throw new AssertionError("The QR code does not decode", e);
        }
    }

    private static Map<String, Object> json(String text) {
        try {
            return com.nimbusds.jose.util.JSONObjectUtils.parse(text);
        } catch (java.text.ParseException e) {
            throw new AssertionError("Not a JSON object: " + text, e);
        }
    }

    private Map<String, Object> offer(String awardId) {
        return as(world.learner())
                .document(OFFER)
                .variable("c", awardId)
                .execute()
                .errors()
                .verify()
                .path("createWalletOffer")
                .entity(JSON)
                .get();
    }
}
