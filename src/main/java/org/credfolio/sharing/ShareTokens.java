package org.credfolio.sharing;

import org.credfolio.shared.security.SecretTokens;

/**
 * Share tokens and public page ids are {@link SecretTokens}: only a share token's SHA-256 is stored;
 * a token of the wrong shape is refused before any lookup.
 */
final class ShareTokens {
    private ShareTokens() {}

    static String newToken() {
        return SecretTokens.newToken();
    }

    static boolean isWellFormed(String token) {
        return SecretTokens.isWellFormed(token);
    }

    /** What the database keeps instead of the token. */
    static String hash(String token) {
        return SecretTokens.hash(token);
    }
}
