package org.credfolio.trust.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Remembers which tokens' signatures (and Data Integrity documents' proofs) already verified, by
 * SHA-256 of the whole token or document text (UTF-8, so no two texts share a hash), and with
 * which key. A popular share link is then answered without repeating the signature math; the key's
 * standing, the validity window and the status bits are still checked on every verification.
 * Only successes are kept, so a flood of forgeries cannot push them out faster than real use.
 */
@Component
class SignatureCache {
    private static final int MAX_ENTRIES = 100_000;
    private final Cache<String, String> verifiedKeyIds =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    /** Where a token (or document text) is kept: looked up and then remembered with one hash. */
    static Entry entryOf(String token) {
        return new Entry(hash(token));
    }

    /** The key id that verified this token before, or null. */
    String verifiedWith(Entry entry) {
        return verifiedKeyIds.getIfPresent(entry.hash());
    }

    void remember(Entry entry, String kid) {
        verifiedKeyIds.put(entry.hash(), kid);
    }

    record Entry(String hash) {}

    private static String hash(String token) {
        try {
            return Base64.getEncoder()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
