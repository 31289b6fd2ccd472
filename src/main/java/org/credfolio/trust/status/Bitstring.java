package org.credfolio.trust.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The Bitstring Status List encoding: index 0 is the left-most bit, that is the most significant
 * bit of byte 0 ({@link java.util.BitSet} numbers bits the other way round, hence plain bytes);
 * the bytes are GZIP-compressed, base64url-encoded without padding and prefixed with {@code u}, the
 * multibase code of base64url.
 */
public final class Bitstring {
    /** Largest decoded list accepted from elsewhere: 16 MiB, 128 Mi entries. */
    private static final int MAX_DECODED_BYTES = 16 << 20;

    private Bitstring() {}

    public static byte[] empty(int size) {
        return new byte[size / 8];
    }

    public static void set(byte[] bits, int index) {
        bits[index / 8] |= (byte) (0x80 >>> (index % 8));
    }

    public static boolean isSet(byte[] bits, int index) {
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    public static String encode(byte[] bits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Decodes an {@code encodedList}; refuses anything malformed or larger than a sane list. */
    public static byte[] decode(String encodedList) {
        if (encodedList == null || !encodedList.startsWith("u")) {
            throw new IllegalArgumentException("encodedList is not base64url multibase (it must start with 'u')");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodedList is not valid base64url");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            // Read at most one byte past the limit, so a GZIP bomb cannot exhaust memory.
            byte[] bits = in.readNBytes(MAX_DECODED_BYTES + 1);
            if (bits.length > MAX_DECODED_BYTES) {
                throw new IllegalArgumentException("encodedList decompresses to more than 16 MiB");
            }
            return bits;
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data");
        }
    }
}
