package org.credfolio.awards.downloads;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The printable certificate: one US Letter landscape page with PDFBox, the QR code (ZXing) drawn as
 * vector squares.
 *
 * <p>Names can hold any character. The page uses DejaVu Sans, embedded as a subset, where the
 * machine has it (Debian's {@code fonts-dejavu-core}, which the JDK's packages depend on); it
 * covers Latin, Greek, Cyrillic, Vietnamese and more. Without it, the Standard 14 Helvetica
 * (WinAnsi). Either way a character the font cannot show is never an error: it becomes its letter
 * without accents where that exists (NFKD), else {@code ?}.
 */
final class CertificatePdf {
    private static final List<Path> REGULAR = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"));
    private static final List<Path> BOLD = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);
    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);
    private static final Color MUTED = new Color(0x55, 0x5f, 0x6b);

    private CertificatePdf() {}

    static byte[] render(EarnedCredentialFiles.CredentialFile file) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDRectangle letter = PDRectangle.LETTER;
            PDPage page = new PDPage(new PDRectangle(letter.getHeight(), letter.getWidth()));
            document.addPage(page);
            PDFont regular = font(document, REGULAR, Standard14Fonts.FontName.HELVETICA);
            PDFont bold = font(document, BOLD, Standard14Fonts.FontName.HELVETICA_BOLD);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(safe(bold, "Certificate: " + file.credentialName()));
            info.setCreator("Credfolio");
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                frame(content, width, height);
                float y = height - 110;
                centered(content, bold, 30, ACCENT, "Certificate of Achievement", width, y);
                y -= 44;
                centered(content, regular, 14, MUTED, "This certifies that", width, y);
                y -= 40;
                for (String line : BadgeText.wrap(file.learnerName(), 44, 2)) {
                    centered(content, bold, 28, INK, line, width, y);
                    y -= 34;
                }
                y -= 4;
                centered(content, regular, 14, MUTED, "has earned the industry-recognized credential", width, y);
                y -= 34;
                for (String line : BadgeText.wrap(file.credentialName(), 52, 2)) {
                    centered(content, bold, 22, ACCENT, line, width, y);
                    y -= 28;
                }
                if (file.certifyingBody() != null) {
                    centered(content, regular, 13, INK, "Certified by " + file.certifyingBody(), width, y);
                    y -= 20;
                }
                centered(content, regular, 13, INK, "Issued by " + file.district(), width, y);
                float left = 72;
                float bottom = 84;
                text(content, regular, 12, INK, "Earned: " + date(file.earnedOn()), left, bottom + 52);
                text(
                        content,
                        regular,
                        12,
                        INK,
                        "Expires: " + (file.expiresOn() == null ? "does not expire" : date(file.expiresOn())),
                        left,
                        bottom + 34);
                text(content, regular, 9, MUTED, "Credential " + file.awardId(), left, bottom + 16);
                text(
                        content,
                        regular,
                        9,
                        MUTED,
                        "Verify this credential: scan the code, or open " + file.verifyUrl()
                                + " with the badge or credential file.",
                        left,
                        bottom);
                qr(content, file.verifyUrl(), width - 72 - 110, bottom - 8, 110);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFont font(PDDocument document, List<Path> candidates, Standard14Fonts.FontName fallback)
            throws IOException {
        for (Path path : candidates) {
            if (Files.isReadable(path)) {
                try {
                    return PDType0Font.load(document, path.toFile());
                } catch (IOException | RuntimeException e) {
                    // An unreadable font file: try the next, then the Standard 14 font.
                }
            }
        }
        return new PDType1Font(fallback);
    }

    private static void frame(PDPageContentStream content, float width, float height) throws IOException {
        content.setStrokingColor(ACCENT);
        content.setLineWidth(4);
        content.addRect(28, 28, width - 56, height - 56);
        content.stroke();
        content.setLineWidth(1);
        content.addRect(38, 38, width - 76, height - 76);
        content.stroke();
    }

    private static void centered(
            PDPageContentStream content, PDFont font, float size, Color color, String text, float width, float y)
            throws IOException {
        String shown = safe(font, text);
        float textWidth = font.getStringWidth(shown) / 1000 * size;
        float max = width - 120;
        float used = size;
        if (textWidth > max) {
            used = size * max / textWidth;
            textWidth = max;
        }
        text(content, font, used, color, shown, (width - textWidth) / 2, y);
    }

    private static void text(
            PDPageContentStream content, PDFont font, float size, Color color, String text, float x, float y)
            throws IOException {
        content.beginText();
        content.setNonStrokingColor(color);
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(safe(font, text));
        content.endText();
    }

    /** The text with each character the font cannot show replaced by its base letter, or by '?'. */
    static String safe(PDFont font, String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text).codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(Character.isWhitespace(c) ? " " : "");
                return;
            }
            String one = new String(Character.toChars(c));
            if (encodable(font, one)) {
                out.append(one);
                return;
            }
            String base = Normalizer.normalize(one, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
            out.append(!base.isEmpty() && !base.equals(one) && encodable(font, base) ? base : "?");
        });
        return out.toString();
    }

    private static boolean encodable(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static void qr(PDPageContentStream content, String url, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalStateException("The verification URL does not fit a QR code", e);
        }
        float module = size / matrix.getWidth();
        content.setNonStrokingColor(Color.WHITE);
        content.addRect(x, y, size, size);
        content.fill();
        content.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    content.addRect(x + column * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }
}
