package org.credfolio.shared.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Document ids that cannot be guessed or enumerated: a readable prefix and 64 random bits. */
public final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {}

    /** Such as {@code rule-3f9a0c2b7d1e4a56} for the prefix {@code rule}. */
    public static String withPrefix(String prefix) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
