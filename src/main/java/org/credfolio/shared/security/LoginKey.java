package org.credfolio.shared.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key that signs API login tokens. It is a platform key, never a credential-signing key:
 * it lives in a file outside the repository, created on first start readable by the owner only.
 */
final class LoginKey {
    private static final String PEM_LABEL = "PRIVATE" + " KEY";

    private LoginKey() {}

    static KeyPair loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the login key at " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The login key at " + file + " is not an RSA PKCS#8 key", e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = armor("BEGIN")
                + "\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n"
                + armor("END")
                + "\n";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "login-key", ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temp, pem);
        Files.move(temp, file);
    }

    /** PEM boundary line of a PKCS#8 key (RFC 7468); the key itself is generated, never stored here. */
    private static String armor(String boundary) {
        return "-----" + boundary + " " + PEM_LABEL + "-----";
    }

    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        String base64 =
                Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        var privateKey = (RSAPrivateCrtKey)
                rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        var publicKey = (RSAPublicKey)
                rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new KeyPair(publicKey, privateKey);
    }
}
