package org.credfolio.awards.downloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.drew.imaging.png.PngChunkType;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.lang.KeyValuePair;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.png.PngDirectory;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialType;
import org.credfolio.catalog.Portability;
import org.credfolio.learner.Learner;
import org.credfolio.organization.Organization;
import org.credfolio.organization.OrganizationType;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.credfolio.trust.TrustProperties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 14 items 3 and 4: baked Open Badges 3.0 PNG and SVG badges and the printable certificate,
 * each read back with an independent reader (metadata-extractor for the PNG's iTXt chunk, the
 * JDK's XML parser, PDFBox's text extraction and ZXing's QR decoder), and the credential inside
 * verified at {@code POST /credentials/verify}.
 */
class CredentialDownloadsTest extends IntegrationTest {
    private static final LocalDate EARNED = LocalDate.now().minusDays(20);
    private static final String OB = "https://purl.imsglobal.org/ob/v3p0";

    @Autowired
    private MongoOperations mongo;

    @Autowired
    private TrustProperties trust;

    private Tenants.World world;
    private String awardId;
    private String token;

    @BeforeEach
    void setUp() {
        world = tenants.create();
        awardId = recordCredential(
                world.registrarA(), world.learnerA().id(), world.welding().id(), EARNED);
        token = login(world.learner());
    }

    @Test
    void pngIsBakedWithTheVcJwtInOneUncompressedItxtChunkThatVerifies() throws Exception {
        EntityExchangeResult<byte[]> result = get(token, "/me/credentials/" + awardId + "/badge.png", 200);
        assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo("image/png");
        assertDownloadHeaders(result, ".png");
        byte[] png = result.getResponseBody();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);

        List<String> baked = itxt(png, "openbadgecredential");
        assertThat(baked).hasSize(1);
        String jws = baked.get(0);
        assertThat(jws).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        // Stored as it is (no compression): the text appears verbatim in the file.
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains(jws);
        verifies("\"" + jws + "\"");
    }

    @Test
    void pngCanCarryTheDataIntegrityFormAsJson() throws Exception {
        byte[] png = get(token, "/me/credentials/" + awardId + "/badge.png?proof=data-integrity", 200)
                .getResponseBody();
        List<String> baked = itxt(png, "openbadgecredential");
        assertThat(baked).hasSize(1);
        assertThat(baked.get(0))
                .startsWith("{")
                .contains("\"DataIntegrityProof\"")
                .contains("OpenBadgeCredential");
        verifies(baked.get(0));
    }

    @Test
    void svgIsBakedWithTheVcJwtInAVerifyAttributeAndIsAccessible() throws Exception {
        EntityExchangeResult<byte[]> result = get(token, "/me/credentials/" + awardId + "/badge.svg", 200);
        assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("image/svg+xml");
        assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; style-src 'unsafe-inline'");
        assertDownloadHeaders(result, ".svg");
        Document svg = parse(result.getResponseBody());
        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("badge-title badge-desc");
        assertThat(root.getAttribute("xmlns:openbadges")).isEqualTo(OB);
        NodeList credentials = svg.getElementsByTagNameNS(OB, "credential");
        assertThat(credentials.getLength()).isEqualTo(1);
        Element credential = (Element) credentials.item(0);
        assertThat(firstElementChild(root)).isSameAs(credential);
        assertThat(credential.getTagName()).isEqualTo("openbadges:credential");
        Element title = (Element) svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title")
                .item(0);
        assertThat(title.getAttribute("id")).isEqualTo("badge-title");
        assertThat(title.getTextContent()).isEqualTo(world.welding().name() + " badge");
        verifies("\"" + credential.getAttribute("verify") + "\"");
    }

    @Test
    void svgCanCarryTheDataIntegrityFormInCdata() throws Exception {
        byte[] bytes = get(token, "/me/credentials/" + awardId + "/badge.svg?proof=data-integrity", 200)
                .getResponseBody();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<openbadges:credential><![CDATA[{");
        Element credential =
                (Element) parse(bytes).getElementsByTagNameNS(OB, "credential").item(0);
        assertThat(credential.hasAttribute("verify")).isFalse();
        verifies(credential.getTextContent());
    }

    @Test
    void markupInACredentialNameIsEscapedInTheSvg() throws Exception {
        String name = "Weld <script>alert('x')</script> & Cut \"]]>\" " + UUID.randomUUID();
        CredentialDefinition odd = credential(name, null);
        String id = recordCredential(world.registrarA(), world.learnerA().id(), odd.id(), EARNED);
        for (String proof : List.of("jwt", "data-integrity")) {
            byte[] bytes = get(token, "/me/credentials/" + id + "/badge.svg?proof=" + proof, 200)
                    .getResponseBody();
            String text = new String(bytes, StandardCharsets.UTF_8);
            // The credential itself (a JWS, or JSON in CDATA, which is never markup) is left out here.
            String drawn = text.replaceAll("(?s)<openbadges:credential.*</openbadges:credential>", "");
            assertThat(drawn)
                    .doesNotContain("<script")
                    .contains("&lt;script&gt;")
                    .contains("&amp; Cut");
            Document svg = parse(bytes);
            assertThat(svg.getElementsByTagName("script").getLength()).isZero();
            Element title = (Element) svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title")
                    .item(0);
            assertThat(title.getTextContent()).isEqualTo(name + " badge");
            Element credential =
                    (Element) svg.getElementsByTagNameNS(OB, "credential").item(0);
            verifies(
                    proof.equals("jwt")
                            ? "\"" + credential.getAttribute("verify") + "\""
                            : credential.getTextContent());
        }
    }

    @Test
    void certificateIsOneLandscapeLetterPageWithTheFactsAndAQrCodeToVerification() throws Exception {
        Organization body = mongo.insert(new Organization(
                UUID.randomUUID().toString(),
                OrganizationType.CERTIFYING_BODY,
                "American Welding Society " + UUID.randomUUID().toString().substring(0, 6),
                null,
                "TX",
                null,
                null,
                Instant.now()));
        CredentialDefinition welding = credential("Certified Welder " + UUID.randomUUID(), body.id());
        String id = recordCredential(world.registrarA(), world.learnerA().id(), welding.id(), EARNED);
        EntityExchangeResult<byte[]> result = get(token, "/me/credentials/" + id + "/certificate.pdf", 200);
        assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertDownloadHeaders(result, ".pdf");
        try (PDDocument pdf = Loader.loadPDF(result.getResponseBody())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = pdf.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isEqualTo(792f);
            assertThat(box.getHeight()).isEqualTo(612f);
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(world.learnerA().displayName())
                    .contains(welding.name())
                    .contains(world.districtA().name())
                    .contains("Certified by " + body.name())
                    .contains(EARNED.getYear() + "")
                    .contains("Expires");
            assertThat(qr(pdf)).isEqualTo(trust.publicBaseUrl() + "/verify");
        }
    }

    @Test
    void namesOutsideLatin1NeverBreakTheCertificate() throws Exception {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(world.learnerA().id())),
                new Update().set("givenName", "Zoë").set("familyName", "Nguyễn 李\u0007"),
                Learner.class);
        byte[] bytes = get(token, "/me/credentials/" + awardId + "/certificate.pdf", 200)
                .getResponseBody();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Zoë Nguy");
        }
    }

    @Test
    void chineseJapaneseAndKoreanPrintInAnEmbeddedFallbackFontAndStayCentered() throws Exception {
        Assumptions.assumeTrue(FontRuns.fallbackFile().isPresent(), "no CJK fallback font (Debian fonts-wqy-zenhei)");
        Assumptions.assumeTrue(
                Files.isReadable(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")),
                "no DejaVu Sans (Debian fonts-dejavu-core)");
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(world.learnerA().id())),
                new Update().set("givenName", "小明").set("familyName", "王"),
                Learner.class);
        // Korean, Latin, kanji and kana in one line: runs alternate between DejaVu and the fallback.
        String name = "용접 기능사 Welder 溶接 ようせつ";
        String id = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                credential(name, null).id(),
                EARNED);
        byte[] bytes =
                get(token, "/me/credentials/" + id + "/certificate.pdf", 200).getResponseBody();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("小明 王").contains(name).doesNotContain("?");
            PDResources resources = pdf.getPage(0).getResources();
            List<String> fonts = new ArrayList<>();
            for (COSName font : resources.getFontNames()) {
                PDFont used = resources.getFont(font);
                assertThat(used.isEmbedded()).as(used.getName()).isTrue();
                fonts.add(used.getName());
            }
            assertThat(fonts).anyMatch(font -> font.endsWith("+WenQuanYiZenHei"));
            // Centred on the page (792 pt wide): measured as the sum of the runs' widths.
            Map<String, float[]> lines = lineEdges(pdf);
            for (String line : List.of("小明 王", name)) {
                assertThat(lines).containsKey(line);
                float[] edges = lines.get(line);
                assertThat((edges[0] + edges[1]) / 2).as(line).isCloseTo(396f, offset(1f));
            }
        }
    }

    @Test
    void anotherLearnersCredentialIsNotFound() {
        Tenants.World other = tenants.create();
        String otherToken = login(other.learner());
        for (String file : List.of("badge.png", "badge.svg", "certificate.pdf")) {
            problem(otherToken, "/me/credentials/" + awardId + "/" + file, 404, "EARNED_CREDENTIAL_NOT_FOUND");
        }
        problem(token, "/me/credentials/no-such.credential/badge.png", 404, "EARNED_CREDENTIAL_NOT_FOUND");
    }

    @Test
    void staffCannotDownloadALearnersBadgeOrCertificate() {
        for (Tenants.User staff : List.of(world.registrarA(), world.districtAdminA(), world.educatorA())) {
            String staffToken = login(staff);
            for (String file : List.of("badge.png", "badge.svg", "certificate.pdf")) {
                problem(staffToken, "/me/credentials/" + awardId + "/" + file, 403, "ACCESS_DENIED");
            }
        }
        http().get()
                .uri("/me/credentials/" + awardId + "/badge.png")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aRevokedCredentialHasNoBadgeNorCertificate() {
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { revokeEarnedCredential(input: $i) { status } }")
                .variable("i", Map.of("id", awardId, "reason", "Issued in error"))
                .execute()
                .path("revokeEarnedCredential.status")
                .entity(String.class)
                .isEqualTo("REVOKED");
        for (String file : List.of("badge.png", "badge.svg", "certificate.pdf")) {
            String detail = problem(token, "/me/credentials/" + awardId + "/" + file, 410, "CREDENTIAL_REVOKED");
            assertThat(detail).contains("revoked");
        }
    }

    @Test
    void aSuspendedCredentialHasNoBadgeNorCertificateUntilReinstated() {
        statusChange("suspendEarnedCredential", "SUSPENDED");
        for (String file : List.of("badge.png", "badge.svg", "certificate.pdf")) {
            problem(token, "/me/credentials/" + awardId + "/" + file, 409, "CREDENTIAL_SUSPENDED");
        }
        statusChange("reinstateEarnedCredential", "ACTIVE");
        get(token, "/me/credentials/" + awardId + "/badge.svg", 200);
    }

    private void statusChange(String mutation, String expected) {
        as(world.registrarA())
                .document("mutation($i: StatusChangeInput!) { " + mutation + "(input: $i) { status } }")
                .variable("i", Map.of("id", awardId, "reason", "Under review"))
                .execute()
                .path(mutation + ".status")
                .entity(String.class)
                .isEqualTo(expected);
    }

    @Test
    void anUnknownProofFormIsABadRequest() {
        problem(token, "/me/credentials/" + awardId + "/badge.svg?proof=ldp-vc", 400, "INVALID_VALUE");
    }

    private CredentialDefinition credential(String name, String certifyingBodyId) {
        return mongo.insert(new CredentialDefinition(
                UUID.randomUUID().toString(),
                name,
                CredentialType.CERTIFICATION,
                certifyingBodyId,
                "Test credential",
                List.of("51-4121"),
                "Manufacturing",
                Portability.NATIONAL,
                List.of(),
                12,
                new BigDecimal("35.00"),
                List.of(),
                null,
                Instant.now()));
    }

    private EntityExchangeResult<byte[]> get(String bearer, String path, int status) {
        return http().get()
                .uri(path)
                .header("Authorization", "Bearer " + bearer)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(byte[].class)
                .returnResult();
    }

    /** Asserts a problem details answer; returns its detail. */
    private String problem(String bearer, String path, int status, String code) {
        EntityExchangeResult<byte[]> result = get(bearer, path, status);
        assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
        String body = new String(result.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(body)
                .contains("\"code\":\"" + code + "\"")
                .contains("\"status\":" + status)
                .contains("\"title\":")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        int start = body.indexOf("\"detail\":\"") + 10;
        return body.substring(start, body.indexOf('"', start));
    }

    private static void assertDownloadHeaders(EntityExchangeResult<byte[]> result, String extension) {
        assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(result.getResponseHeaders().getFirst("X-Content-Type-Options"))
                .isEqualTo("nosniff");
        assertThat(result.getResponseHeaders().getFirst("Content-Disposition"))
                .matches("attachment; filename=\"[a-z0-9-]+(\\.certificate)?\\Q" + extension + "\\E\"");
    }

    private void verifies(String credentialJson) {
        http().post()
                .uri("/credentials/verify")
                .header("Content-Type", "application/json")
                .bodyValue("{\"verifiableCredential\":" + credentialJson + "}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.verified")
                .isEqualTo(true);
    }

    /** The texts of the iTXt chunks with this keyword, as metadata-extractor reads them. */
    private static List<String> itxt(byte[] png, String keyword) throws Exception {
        Metadata metadata = PngMetadataReader.readMetadata(new ByteArrayInputStream(png));
        List<String> texts = new ArrayList<>();
        for (Directory directory : metadata.getDirectoriesOfType(PngDirectory.class)) {
            if (!((PngDirectory) directory).getPngChunkType().equals(PngChunkType.iTXt)) {
                continue;
            }
            Object pairs = directory.getObject(PngDirectory.TAG_TEXTUAL_DATA);
            if (pairs instanceof List<?> list) {
                for (Object item : list) {
                    KeyValuePair pair = (KeyValuePair) item;
                    if (pair.getKey().equals(keyword)) {
                        texts.add(pair.getValue().toString(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return texts;
    }

    /** Parsed with the JDK's parser, namespace aware, with DOCTYPEs and external entities refused. */
    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element firstElementChild(Element parent) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    /** Each text line of the first page with the left and right edges of its glyphs. */
    private static Map<String, float[]> lineEdges(PDDocument pdf) throws Exception {
        Map<Float, List<TextPosition>> byBaseline = new TreeMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                byBaseline
                        .computeIfAbsent(text.getYDirAdj(), y -> new ArrayList<>())
                        .add(text);
            }
        };
        stripper.getText(pdf);
        Map<String, float[]> lines = new HashMap<>();
        for (List<TextPosition> line : byBaseline.values()) {
            StringBuilder text = new StringBuilder();
            line.forEach(glyph -> text.append(glyph.getUnicode()));
            TextPosition last = line.get(line.size() - 1);
            lines.put(
                    text.toString(), new float[] {line.get(0).getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj()});
        }
        return lines;
    }

    /** The page rendered at 200 dpi and its QR code decoded by ZXing. */
    private static String qr(PDDocument pdf) throws Exception {
        BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 200);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return result.getText();
    }
}
