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
 * (WinAnsi). Chinese, Japanese and Korean characters fall back to WenQuanYi Zen Hei where it is
 * installed ({@link FontRuns}). A character no font can show is never an error: it becomes its
 * letter without accents where that exists (NFKD), else {@code ?}.
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
                FontRuns fonts = new FontRuns(document);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDRectangle letter = PDRectangle.LETTER;
            PDPage page = new PDPage(new PDRectangle(letter.getHeight(), letter.getWidth()));
            document.addPage(page);
            PDFont regular = font(document, REGULAR, Standard14Fonts.FontName.HELVETICA);
            PDFont bold = font(document, BOLD, Standard14Fonts.FontName.HELVETICA_BOLD);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(FontRuns.text(fonts.split(bold, "Certificate: " + file.credentialName())));
            info.setCreator("Credfolio");
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                frame(content, width, height);
                float y = height - 110;
                centered(content, fonts.split(bold, "Certificate of Achievement"), 30, ACCENT, width, y);
                y -= 44;
                centered(content, fonts.split(regular, "This certifies that"), 14, MUTED, width, y);
                y -= 40;
                for (String line : BadgeText.wrap(file.learnerName(), 44, 2)) {
                    centered(content, fonts.split(bold, line), 28, INK, width, y);
                    y -= 34;
                }
                y -= 4;
                centered(
                        content,
                        fonts.split(regular, "has earned the industry-recognized credential"),
                        14,
                        MUTED,
                        width,
                        y);
                y -= 34;
                for (String line : BadgeText.wrap(file.credentialName(), 52, 2)) {
                    centered(content, fonts.split(bold, line), 22, ACCENT, width, y);
                    y -= 28;
                }
                if (file.certifyingBody() != null) {
                    centered(content, fonts.split(regular, "Certified by " + file.certifyingBody()), 13, INK, width, y);
                    y -= 20;
                }
                centered(content, fonts.split(regular, "Issued by " + file.district()), 13, INK, width, y);
                float left = 72;
                float bottom = 84;
                show(content, fonts.split(regular, "Earned: " + date(file.earnedOn())), 12, INK, left, bottom + 52);
                String expires = file.expiresOn() == null ? "does not expire" : date(file.expiresOn());
                show(content, fonts.split(regular, "Expires: " + expires), 12, INK, left, bottom + 34);
                show(content, fonts.split(regular, "Credential " + file.awardId()), 9, MUTED, left, bottom + 16);
                String verify = "Verify this credential: scan the code, or open " + file.verifyUrl()
                        + " with the badge or credential file.";
                show(content, fonts.split(regular, verify), 9, MUTED, left, bottom);
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
            PDPageContentStream content, List<FontRuns.Run> runs, float size, Color color, float width, float y)
            throws IOException {
        float textWidth = FontRuns.width(runs, size);
        float max = width - 120;
        float used = size;
        if (textWidth > max) {
            used = size * max / textWidth;
            textWidth = max;
        }
        show(content, runs, used, color, (width - textWidth) / 2, y);
    }

    /** One text object: each run starts where the one before it ended. */
    private static void show(
            PDPageContentStream content, List<FontRuns.Run> runs, float size, Color color, float x, float y)
            throws IOException {
        content.beginText();
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, y);
        for (FontRuns.Run run : runs) {
            content.setFont(run.font(), size);
            content.showText(run.text());
        }
        content.endText();
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
