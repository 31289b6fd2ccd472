package org.credfolio.verifypage;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What an employer handed the page, turned into the text of one credential: pasted text as it is,
 * a {@code .jwt} or {@code .json} file as its text, a baked PNG or SVG badge image as the
 * credential inside it. The file's name only labels the page: the content decides what it is.
 */
record Submission(String credential, String source, boolean pasted) {
    /** At most this much is read of a form field or an uploaded file. */
    static final int MAX_BYTES = 1024 * 1024;

    static final String NOT_A_CREDENTIAL =
            "This file is not a credential or badge image: upload a .jwt or .json credential, or a badge image"
                    + " (.png or .svg) with a credential baked into it.";

    /** Too much was sent: the page says so with a 413. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super("too large", null, false, false);
        }
    }

    static Submission pasted(String text) throws TooLarge {
        if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new TooLarge();
        }
        return new Submission(text.strip(), "the text you pasted", true);
    }

    /** {@code bytes} holds at most {@link #MAX_BYTES}; the caller refused anything longer. */
    static Submission uploaded(String fileName, byte[] bytes) throws BadgeImages.Unreadable {
        String name = fileName == null || fileName.isBlank() ? "the uploaded file" : "the file " + fileName.strip();
        if (BadgeImages.isPng(bytes)) {
            return new Submission(BadgeImages.fromPng(bytes), name + " (a badge image)", false);
        }
        String text = text(bytes).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            throw new BadgeImages.Unreadable("The uploaded file is empty.");
        }
        if (text.startsWith("<")) {
            if (!text.toLowerCase(Locale.ROOT).contains("<svg")) {
                throw new BadgeImages.Unreadable(NOT_A_CREDENTIAL);
            }
            return new Submission(BadgeImages.fromSvg(text), name + " (a badge image)", false);
        }
        return new Submission(text, name, false);
    }

    /** Strict UTF-8 text without control characters other than tab and line breaks; else not ours. */
    private static String text(byte[] bytes) throws BadgeImages.Unreadable {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadgeImages.Unreadable(NOT_A_CREDENTIAL);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw new BadgeImages.Unreadable(NOT_A_CREDENTIAL);
            }
        }
        return text;
    }
}
