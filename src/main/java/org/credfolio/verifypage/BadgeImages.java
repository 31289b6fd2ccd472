package org.credfolio.verifypage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the credential baked into an Open Badges 3.0 image (OB 3.0, "Badge Baking"): in a PNG, the
 * text of the first {@code iTXt} chunk with the keyword {@code openbadgecredential} (a compact JWS
 * or the credential's JSON, never compressed); in an SVG, the {@code openbadges:credential} element
 * (namespace {@code https://purl.imsglobal.org/ob/v3p0}) directly inside {@code <svg>}: its
 * {@code verify} attribute holds a compact JWS, otherwise its content (usually CDATA) is the JSON.
 * Only metadata is read: no pixel is decoded, no DTD or external entity is loaded.
 */
final class BadgeImages {
    static final String OB3_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
    static final String PNG_KEYWORD = "openbadgecredential";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private BadgeImages() {}

    /** The upload is not something this page can read a credential from; the message is for the page. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    static boolean isPng(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The baked credential of a PNG. */
    static String fromPng(byte[] bytes) throws Unreadable {
        refuseCompressedText(bytes);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            if (in == null || !readers.hasNext()) {
                throw new Unreadable("This server cannot read PNG images.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                IIOMetadata metadata = reader.getImageMetadata(0);
                Node tree = metadata.getAsTree("javax_imageio_png_1.0");
                String legacy = null;
                for (Node chunk = tree.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                    if (!"iTXt".equals(chunk.getNodeName())) {
                        continue;
                    }
                    for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                        String keyword = attribute(entry, "keyword");
                        if (PNG_KEYWORD.equals(keyword)) {
                            String text = attribute(entry, "text");
                            if (text == null || text.isBlank()) {
                                throw new Unreadable("The image's openbadgecredential chunk is empty.");
                            }
                            return text.strip();
                        }
                        if ("openbadges".equals(keyword)) {
                            legacy = keyword;
                        }
                    }
                }
                throw new Unreadable(
                        legacy != null
                                ? "This is an Open Badges 2.0 badge image; this page checks Open Badges 3.0"
                                        + " credentials (verifiable credentials)."
                                : "This PNG image has no credential baked into it (no openbadgecredential chunk).");
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // The reader's messages are not shown or logged: they may quote the upload.
            throw new Unreadable("The file starts like a PNG image but could not be read as one.");
        }
    }

    /**
     * Walks the chunk headers before handing the file to ImageIO, which would inflate compressed
     * text chunks whole: baking forbids compression, and a small compressed chunk can inflate to
     * gigabytes.
     */
    private static void refuseCompressedText(byte[] bytes) throws Unreadable {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int position = PNG_SIGNATURE.length;
        while (position + 8 <= bytes.length) {
            long length = Integer.toUnsignedLong(buffer.getInt(position));
            String type = new String(bytes, position + 4, 4, StandardCharsets.ISO_8859_1);
            long data = position + 8L;
            if (length > bytes.length - data) {
                throw new Unreadable("The file starts like a PNG image but is cut short or damaged.");
            }
            if (type.equals("zTXt") || type.equals("iTXt") && compressedItxt(bytes, (int) data, (int) length)) {
                throw new Unreadable("The image holds compressed text, which badge baking does not allow;"
                        + " this page does not read it.");
            }
            if (type.equals("IEND")) {
                return;
            }
            position = (int) (data + length + 4);
        }
    }

    /** An iTXt chunk: keyword, NUL, compression flag, ... */
    private static boolean compressedItxt(byte[] bytes, int start, int length) {
        for (int i = start; i < start + length - 1; i++) {
            if (bytes[i] == 0) {
                return bytes[i + 1] != 0;
            }
        }
        return false;
    }

    /** The baked credential of an SVG. */
    static String fromSvg(String text) throws Unreadable {
        Document document;
        try {
            document = parser().parse(new InputSource(new java.io.StringReader(text)));
        } catch (SAXException | IOException e) {
            throw new Unreadable("The file looks like XML but is not a well-formed SVG image"
                    + " (document type declarations are not accepted).");
        }
        Element root = document.getDocumentElement();
        if (root == null || !"svg".equals(root.getLocalName())) {
            throw new Unreadable("The file is XML but not an SVG image.");
        }
        NodeList found = root.getElementsByTagNameNS(OB3_NAMESPACE, "credential");
        if (found.getLength() == 0) {
            found = root.getElementsByTagName("openbadges:credential");
        }
        if (found.getLength() == 0) {
            boolean legacy = root.getElementsByTagNameNS("*", "assertion").getLength() > 0;
            throw new Unreadable(
                    legacy
                            ? "This is an Open Badges 2.0 badge image; this page checks Open Badges 3.0"
                                    + " credentials (verifiable credentials)."
                            : "This SVG image has no credential baked into it (no openbadges:credential element).");
        }
        Element credential = (Element) found.item(0);
        String verify = credential.getAttribute("verify").strip();
        String baked = verify.isEmpty() ? credential.getTextContent().strip() : verify;
        if (baked.isEmpty()) {
            throw new Unreadable("The image's openbadges:credential element is empty.");
        }
        return baked;
    }

    /** Namespace aware; no DTD, no external entity or schema, no XInclude. */
    private static DocumentBuilder parser() throws Unreadable {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Silence the default handler, which prints parse errors (and bits of the upload) to stderr.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be configured safely", e);
        }
    }

    private static String attribute(Node node, String name) {
        if (node.getAttributes() == null) {
            return null;
        }
        Node attribute = node.getAttributes().getNamedItem(name);
        return attribute == null ? null : attribute.getNodeValue();
    }
}
