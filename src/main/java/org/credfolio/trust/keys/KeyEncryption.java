package org.credfolio.trust.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.credfolio.shared.security.StrongRandom;
import org.credfolio.trust.TrustProperties;

/**
 * Seals issuer private keys with AES-256-GCM under a key-encryption key that never reaches the
 * database: a database copy alone cannot sign. The key's id is bound as associated data, so a
 * sealed key cannot be swapped onto another record.
 */
public final class KeyEncryption {
    private static final int NONCE_BYTES = 12;
    private final SecretKey kek;

    KeyEncryption(SecretKey kek) {
        this.kek = kek;
    }

    public static KeyEncryption from(TrustProperties properties) {
        String configured = properties.keyEncryptionKey();
        byte[] raw = configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured.strip())
                : loadOrCreate(Path.of(properties.keyEncryptionKeyFile()));
        if (raw.length != 32) {
            throw new IllegalStateException("The key-encryption key must be 32 bytes (AES-256), base64 encoded.");
        }
        return new KeyEncryption(new SecretKeySpec(raw, "AES"));
    }

    /**
     * A key for another purpose derived from the key-encryption key (HMAC-SHA256 of the label), so
     * every instance sharing the configuration derives the same key without storing it anywhere.
     */
    public byte[] derive(String label) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(kek);
            return mac.doFinal(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive a key for " + label, e);
        }
    }

    /** nonce || ciphertext+tag */
    byte[] seal(byte[] plaintext, String keyId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            StrongRandom.current().nextBytes(nonce);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, keyId).doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal key " + keyId, e);
        }
    }

    byte[] open(byte[] sealed, String keyId) {
        try {
            byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
            return cipher(Cipher.DECRYPT_MODE, nonce, keyId).doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open key " + keyId + ": wrong key-encryption key?", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, kek, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] raw = new byte[32];
                StrongRandom.current().nextBytes(raw);
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "kek", ".tmp");
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temp, Base64.getEncoder().encodeToString(raw));
                Files.move(temp, file);
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key-encryption key at " + file, e);
        }
    }
}
