package org.credfolio.shared.store;

import java.util.HexFormat;
import org.credfolio.shared.security.StrongRandom;

/** Document ids that cannot be guessed or enumerated: a readable prefix and 64 random bits. */
public final class RandomIds {

    private RandomIds() {}

    /** Such as {@code rule-3f9a0c2b7d1e4a56} for the prefix {@code rule}. */
    public static String withPrefix(String prefix) {
        byte[] bytes = new byte[8];
        StrongRandom.current().nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
