package org.credfolio.awards.downloads;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * The badge as a PNG drawn with Java2D and written by the JDK's PNG writer, baked as Open Badges
 * 3.0 says (Baked Badge, PNG): one {@code iTXt} chunk with the keyword {@code openbadgecredential}
 * whose text is the compact JWS of a VC-JWT, or the JSON of a credential with an embedded proof;
 * compression flag and method 0 (the spec: "Compression MUST NOT be used"), empty language tag and
 * translated keyword. The chunk goes in through the writer's native metadata tree
 * ({@code javax_imageio_png_1.0}).
 */
final class BadgePng {
    static final String KEYWORD = "openbadgecredential";
    private static final String FORMAT = "javax_imageio_png_1.0";

    private BadgePng() {}

    static byte[] render(EarnedCredentialFiles.CredentialFile file, String bakedText) {
        BufferedImage image = draw(file);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            itxt.appendChild(entry(KEYWORD, bakedText));
            itxt.appendChild(entry("Title", BadgeArt.title(file.badge())));
            itxt.appendChild(entry("Description", BadgeArt.description(file.badge())));
            IIOMetadataNode root = new IIOMetadataNode(FORMAT);
            root.appendChild(itxt);
            metadata.mergeTree(FORMAT, root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode entry(String keyword, String text) {
        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", text);
        return entry;
    }

    private static BufferedImage draw(EarnedCredentialFiles.CredentialFile file) {
        int size = BadgeArt.SIZE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.decode(BadgeArt.BACKGROUND));
            g.fill(new Ellipse2D.Double(6, 6, 500, 500));
            g.setColor(Color.decode(BadgeArt.RING));
            g.setStroke(new BasicStroke(8f));
            g.draw(new Ellipse2D.Double(24, 24, 464, 464));
            g.setColor(Color.decode(BadgeArt.TEXT));
            for (BadgeArt.Line line : BadgeArt.lines(file.badge())) {
                g.setFont(new Font(Font.SANS_SERIF, line.bold() ? Font.BOLD : Font.PLAIN, line.size()));
                FontMetrics metrics = g.getFontMetrics();
                int width = metrics.stringWidth(line.text());
                g.drawString(line.text(), (size - width) / 2f, line.y());
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
