package org.credfolio.shared.security;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Cryptographically strong random numbers without a lock shared by every request thread. The
 * JDK's default {@code SecureRandom} on Linux (NativePRNG) serializes all callers on one lock; under
 * load a profile showed most blocked threads waiting on it. Each thread gets its own DRBG (NIST SP
 * 800-90A, 256-bit strength with prediction resistance off, reseeded by the JDK from the system's
 * entropy source), so threads never wait on each other.
 */
public final class StrongRandom {
    private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(StrongRandom::create);

    private StrongRandom() {}

    /** This thread's generator; do not hand it to another thread. */
    public static SecureRandom current() {
        return PER_THREAD.get();
    }

    /** Fills a new array of this many random bytes. */
    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        current().nextBytes(bytes);
        return bytes;
    }

    private static SecureRandom create() {
        try {
            return SecureRandom.getInstance(
                    "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
        } catch (NoSuchAlgorithmException e) {
            // Every JDK since 9 has DRBG; the platform default is strong too, only slower under load.
            return new SecureRandom();
        }
    }
}
