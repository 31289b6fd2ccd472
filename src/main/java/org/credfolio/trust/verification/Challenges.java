package org.credfolio.trust.verification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.credfolio.shared.security.StrongRandom;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.keys.KeyEncryption;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Verifier challenges (nonces) for presentations. A challenge is self-contained: random bytes and
 * an expiry, authenticated with a key derived from the key-encryption key and bound to the domain
 * it was asked for. Handing one out stores nothing, so anonymous callers cannot fill the database;
 * only a challenge that a presentation answers is stored, which is what refuses a replay.
 */
@Service
public class Challenges {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final MongoOperations mongo;
    private final SecretKeySpec macKey;

    Challenges(MongoOperations mongo, TrustProperties properties) {
        this.mongo = mongo;
        this.macKey = new SecretKeySpec(
                KeyEncryption.from(properties).derive("credfolio presentation challenge"), "HmacSHA256");
    }

    /** A new challenge, optionally bound to the verifier's domain; valid for ten minutes. */
    public Challenge issue(String domain) {
        byte[] body = ByteBuffer.allocate(24)
                .put(randomBytes())
                .putLong(Instant.now().plus(LIFETIME).getEpochSecond())
                .array();
        return new Challenge(
                B64.encodeToString(body) + "." + B64.encodeToString(mac(body, domain)), domain, expiry(body));
    }

    /** A challenge handed out, and until when a presentation may answer it. */
    public record Challenge(String challenge, String domain, Instant expiresAt) {}

    /**
     * Uses up a challenge answered by a presentation. Returns null when it is accepted, else the
     * reason it is refused: not issued here (or for another domain), expired, or already used.
     */
    String consume(String challenge, String domain) {
        String[] parts = challenge.split("\\.", -1);
        byte[] body;
        byte[] tag;
        try {
            body = parts.length == 2 ? Base64.getUrlDecoder().decode(parts[0]) : null;
            tag = parts.length == 2 ? Base64.getUrlDecoder().decode(parts[1]) : null;
        } catch (IllegalArgumentException e) {
            body = null;
            tag = null;
        }
        if (body == null || body.length != 24 || !MessageDigest.isEqual(tag, mac(body, domain))) {
            return "The challenge was not issued by this verifier"
                    + (domain == null ? "." : " for domain " + domain + ".");
        }
        Instant expiresAt = expiry(body);
        if (Instant.now().isAfter(expiresAt)) {
            return "The challenge expired at " + expiresAt + ".";
        }
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            mongo.remove(Query.query(Criteria.where("expiresAt").lt(Instant.now())), UsedChallenge.class);
        }
        try {
            mongo.insert(new UsedChallenge(challenge, expiresAt));
            return null;
        } catch (DuplicateKeyException e) {
            return "The challenge was already answered: this presentation is a replay.";
        }
    }

    private byte[] mac(byte[] body, String domain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(body);
            mac.update((domain == null ? "" : domain).getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(mac.doFinal(), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant expiry(byte[] body) {
        return Instant.ofEpochSecond(ByteBuffer.wrap(body, 16, 8).getLong());
    }

    private static byte[] randomBytes() {
        byte[] random = new byte[16];
        StrongRandom.current().nextBytes(random);
        return random;
    }
}
