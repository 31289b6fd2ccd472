package org.credfolio.awards.downloads;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text split into runs that each use one font, for one PDF document. PDFBox draws a string in a
 * single font and has no fallback of its own, so each character goes to the first of: the line's
 * own font (DejaVu Sans), the CJK fallback font, its letter without accents (NFKD) in the line's
 * font, or {@code ?}.
 *
 * <p>The fallback is WenQuanYi Zen Hei (Debian {@code fonts-wqy-zenhei}, installed by {@code
 * .ci/run}): one font for Chinese, Japanese kana and Korean Hangul, with TrueType ({@code glyf})
 * outlines, which PDFBox can embed as a subset; it also has a font embedding exception to its GPL.
 * It is opened only when a character needs it: PDFBox reads the whole 10 MB collection and subsets
 * every font loaded into a document when saving it, used or not. Not Noto Sans CJK: its outlines
 * are CFF, which PDFBox 3 cannot embed from a TrueType collection; not Droid Sans Fallback: it has
 * no Hangul.
 */
final class FontRuns implements Closeable {
    /** Where Debian/Ubuntu, Fedora and Arch install WenQuanYi Zen Hei. */
    static final List<Path> FALLBACK = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc"));
    /** The proportional face of the collection (the others are monospaced and bitmap-hinted). */
    private static final String FALLBACK_NAME = "WenQuanYiZenHei";

    record Run(PDFont font, String text) {}

    private final PDDocument document;
    private TrueTypeCollection collection;
    private PDFont fallback;
    private boolean fallbackTried;

    FontRuns(PDDocument document) {
        this.document = document;
    }

    /** The installed fallback font file, if any. */
    static Optional<Path> fallbackFile() {
        return FALLBACK.stream().filter(Files::isReadable).findFirst();
    }

    /** The text as runs, control characters dropped (whitespace ones become spaces). */
    List<Run> split(PDFont font, String text) {
        List<Run> runs = new ArrayList<>();
        PDFont current = null;
        StringBuilder run = new StringBuilder();
        for (int c : (text == null ? "" : text).codePoints().toArray()) {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                if (!Character.isWhitespace(c)) {
                    continue;
                }
                c = ' ';
            }
            String one = new String(Character.toChars(c));
            PDFont used = font;
            if (!encodable(font, one)) {
                PDFont cjk = fallback();
                if (cjk != null && encodable(cjk, one)) {
                    used = cjk;
                } else {
                    String base =
                            Normalizer.normalize(one, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
                    one = !base.isEmpty() && !base.equals(one) && encodable(font, base) ? base : "?";
                }
            }
            if (used != current && run.length() > 0) {
                runs.add(new Run(current, run.toString()));
                run.setLength(0);
            }
            current = used;
            run.append(one);
        }
        if (run.length() > 0) {
            runs.add(new Run(current, run.toString()));
        }
        return runs;
    }

    /** The width of the runs at this font size, in points: the sum of the runs' widths. */
    static float width(List<Run> runs, float size) throws IOException {
        float width = 0;
        for (Run run : runs) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    /** The text as the runs show it. */
    static String text(List<Run> runs) {
        StringBuilder out = new StringBuilder();
        runs.forEach(run -> out.append(run.text()));
        return out.toString();
    }

    private PDFont fallback() {
        if (!fallbackTried) {
            fallbackTried = true;
            Optional<Path> file = fallbackFile();
            if (file.isPresent()) {
                try {
                    collection = new TrueTypeCollection(file.get().toFile());
                    TrueTypeFont ttf = collection.getFontByName(FALLBACK_NAME);
                    // Subset embedding: full embedding of a font from a collection is not supported.
                    fallback = ttf == null ? null : PDType0Font.load(document, ttf, true);
                } catch (IOException | RuntimeException e) {
                    // An unreadable font file: characters it would have shown become '?'.
                    fallback = null;
                }
            }
        }
        return fallback;
    }

    private static boolean encodable(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Closes the font collection; call after the document is saved (saving subsets the font). */
    @Override
    public void close() throws IOException {
        if (collection != null) {
            collection.close();
        }
    }
}
