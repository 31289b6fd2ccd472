package org.credfolio.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Bearer secrets handed out once (share links, wallet exchanges, pre-authorized codes, access
 * tokens): 32 random bytes as base64url without padding (43 characters). The database keeps only
 * their SHA-256, so a copy of it (a backup, a support export) redeems nothing; a secret of the wrong
 * shape is refused before any lookup.
 */
public final class SecretTokens {
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SecretTokens() {}

    public static String newToken() {
        byte[] bytes = new byte[32];
        StrongRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }

    /** Hex SHA-256 of the secret's UTF-8 bytes: what the database keeps instead of the secret. */
    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
