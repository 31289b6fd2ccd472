package org.credfolio.verifypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The employer verification page over real HTTP: the form, verdicts for both signed forms, forged,
 * revoked, uploads (.jwt, baked PNG and SVG), the 1 MiB limit with and without a declared length,
 * non-credential uploads and text, and escaping of what was pasted.
 */
class VerifyPageTest extends VerifyPageTestBase {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void getRendersTheFormWithTheSharePagesHeadersAndOneHashedScript() throws Exception {
        EntityExchangeResult<String> page = http().get()
                .uri("/verify")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        String html = page.getResponseBody();
        assertThat(html)
                .contains("<form id=\"verify-form\"", "name=\"credential\"", "name=\"file\"", "action=\"/verify\"")
                .contains("lang=\"en\"", "name=\"viewport\"");
        assertThat(html.split("<h1", -1)).as("exactly one h1").hasSize(2);
        HttpHeaders headers = page.getResponseHeaders();
        assertThat(headers.getCacheControl()).isEqualTo("no-store");
        assertThat(headers.getFirst("X-Robots-Tag")).contains("noindex");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        String policy = headers.getFirst("Content-Security-Policy");
        assertThat(policy)
                .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'")
                .doesNotContain("unsafe-inline");
        // The one inline script and the one style sheet are exactly what the policy's hashes allow.
        assertThat(policy).contains("script-src '" + sha256(between(html, "<script>", "</script>")) + "'");
        assertThat(policy).contains("style-src '" + sha256(between(html, "<style>", "</style>")) + "'");
        assertThat(html.split("<script", -1)).as("one script").hasSize(2);
    }

    @Test
    void aValidJwtIsValidAndSaysWhoIssuedItWhatAndForWhom() {
        EntityExchangeResult<String> result = paste(jwt);
        assertThat(result.getStatus().value()).isEqualTo(200);
        String html = result.getResponseBody();
        assertThat(verdict(html)).startsWith("Valid");
        assertThat(html)
                .contains(world.districtA().name(), world.welding().name(), "Issued by", "Issued to", "did:web:")
                .contains("Signature matches the content", "Not revoked by the issuer", "Not suspended by the issuer")
                .contains("Within its validity dates", "Issuer is known and trusted", "Has the Open Badges 3.0 shape");
        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getCacheControl()).isEqualTo("no-store");
        assertThat(headers.getFirst("X-Robots-Tag")).contains("noindex");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("Content-Security-Policy"))
                .contains("frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("script-src");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void theDataIntegrityJsonIsValid() {
        String html = paste(ldpJson).getResponseBody();
        assertThat(verdict(html)).startsWith("Valid");
        assertThat(html).contains(world.districtA().name(), world.welding().name());
    }

    @Test
    void aTamperedJwtSaysTheSignatureDoesNotMatch() {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace(world.welding().name(), "Master Welder");
        assertThat(forged).isNotEqualTo(payload);
        String token = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        EntityExchangeResult<String> result = paste(token);
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(verdict(result.getResponseBody())).contains("signature does not match");
        // What a forged credential claims is not shown as fact.
        assertThat(result.getResponseBody()).doesNotContain("About this credential");
    }

    @Test
    void aRevokedCredentialSaysRevoked() {
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { revokeEarnedCredential(input: $i) { id } }")
                .variable("i", Map.of("id", awardId, "reason", "Recorded for the wrong learner."))
                .execute()
                .errors()
                .verify();
        String html = paste(jwt).getResponseBody();
        assertThat(verdict(html)).contains("revoked");
        assertThat(html).contains("Revoked by the issuer");
    }

    @Test
    void aJwtFileUploadedAsMultipartVerifies() throws Exception {
        HttpResponse<String> response =
                upload("credential.jwt", "application/octet-stream", jwt.getBytes(StandardCharsets.UTF_8), true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(verdict(response.body())).startsWith("Valid");
        assertThat(response.body()).contains("credential.jwt", world.welding().name());
    }

    @Test
    void aBakedPngVerifies() throws Exception {
        HttpResponse<String> response = upload("badge.png", "image/png", bakedPng(jwt), true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(verdict(response.body())).startsWith("Valid");
        assertThat(response.body()).contains("badge image", world.welding().name());
    }

    @Test
    void aBakedSvgWithTheJsonCredentialVerifiesAndOneWithTheJwtToo() throws Exception {
        String json =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\""
                        + " viewBox=\"0 0 10 10\"><openbadges:credential><![CDATA[" + ldpJson
                        + "]]></openbadges:credential><circle r=\"4\" cx=\"5\" cy=\"5\"/></svg>";
        HttpResponse<String> response =
                upload("badge.svg", "image/svg+xml", json.getBytes(StandardCharsets.UTF_8), true);
        assertThat(verdict(response.body())).startsWith("Valid");
        String signed =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">"
                        + "<openbadges:credential verify=\"" + jwt + "\"></openbadges:credential></svg>";
        response = upload("badge.svg", "image/svg+xml", signed.getBytes(StandardCharsets.UTF_8), true);
        assertThat(verdict(response.body())).startsWith("Valid");
    }

    @Test
    void anSvgWithADoctypeIsRefusedWithoutReadingTheEntity() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">"
                + "<openbadges:credential>&x;</openbadges:credential></svg>";
        HttpResponse<String> response =
                upload("badge.svg", "image/svg+xml", xxe.getBytes(StandardCharsets.UTF_8), true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("root:");
    }

    @Test
    void uploadsOverOneMebibyteGetTheFriendly413PageWithOrWithoutADeclaredLength() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        for (boolean declared : new boolean[] {true, false}) {
            HttpResponse<String> response = upload("big.jwt", "application/octet-stream", big, declared);
            assertThat(response.statusCode()).as("declared length: " + declared).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(response.headers().firstValue("Cache-Control").orElse(""))
                    .isEqualTo("no-store");
            assertThat(verdict(response.body())).contains("Too large");
        }
    }

    @Test
    void aRenamedExecutableIsNotACredentialOrBadgeImage() throws Exception {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[2] = (byte) 0x90;
        HttpResponse<String> response = upload("badge.png", "image/png", exe, true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not a credential or badge image");
        // A real PNG without a baked credential says that instead.
        response = upload("plain.png", "image/png", png(null), true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no credential baked into it");
    }

    @Test
    void garbageTextSaysItIsNotACredentialAndWhatWasPastedIsEscaped() {
        EntityExchangeResult<String> result = paste("hello <script>alert('x')</script> there");
        assertThat(result.getStatus().value()).isEqualTo(400);
        String html = result.getResponseBody();
        assertThat(verdict(html)).startsWith("Not a credential");
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(paste("   ").getStatus().value()).isEqualTo(400);
    }

    /** A multipart POST of one file part; with {@code declared} false the body is sent chunked. */
    private HttpResponse<String> upload(String name, String type, byte[] content, boolean declared) throws Exception {
        String boundary = "----verify" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"credential\"\r\n\r\n\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        HttpRequest.BodyPublisher publisher = declared
                ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(publisher)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An 8x8 PNG baked as Open Badges 3.0 says: an iTXt chunk openbadgecredential, uncompressed. */
    static byte[] bakedPng(String credential) throws Exception {
        return png(credential);
    }

    private static byte[] png(String credential) throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromRenderedImage(image), writer.getDefaultWriteParam());
        if (credential != null) {
            IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
            entry.setAttribute("keyword", "openbadgecredential");
            entry.setAttribute("compressionFlag", "FALSE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", "");
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", credential);
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            itxt.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(itxt);
            metadata.mergeTree("javax_imageio_png_1.0", root);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The text of the page's headline, the h1 with the verdict. */
    static String verdict(String html) {
        Matcher m = Pattern.compile("<h1 id=\"verdict\"[^>]*>(.*?)</h1>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find())
                .as("a verdict headline in: " + html.substring(0, Math.min(html.length(), 600)))
                .isTrue();
        return m.group(1).replaceAll("<[^>]+>", "").strip().replaceFirst("^[\\u2713\\u2715!]\\s*", "");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String sha256(String text) throws Exception {
        return "sha256-"
                + Base64.getEncoder()
                        .encodeToString(
                                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
