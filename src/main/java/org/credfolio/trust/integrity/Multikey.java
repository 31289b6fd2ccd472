package org.credfolio.trust.integrity;

import com.apicatalog.multibase.Multibase;
import java.util.Arrays;

/**
 * Ed25519 public keys as Multikey {@code publicKeyMultibase} values (Controlled Identifiers 1.0,
 * section 2.2.2): the multicodec prefix {@code 0xed01}, then the 32 key bytes, in base58btc with
 * the {@code z} prefix, so that every such key starts {@code z6Mk}.
 */
public final class Multikey {
    private static final byte[] ED25519_PUBLIC = {(byte) 0xed, 0x01};

    private Multikey() {}

    public static String encodeEd25519(byte[] publicKey) {
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("An Ed25519 public key has 32 bytes.");
        }
        byte[] prefixed = new byte[34];
        System.arraycopy(ED25519_PUBLIC, 0, prefixed, 0, 2);
        System.arraycopy(publicKey, 0, prefixed, 2, 32);
        return Multibase.BASE_58_BTC.encode(prefixed);
    }

    /** The 32 key bytes, or an exception naming what is wrong with the value. */
    public static byte[] decodeEd25519(String publicKeyMultibase) {
        if (publicKeyMultibase == null || !Multibase.BASE_58_BTC.isEncoded(publicKeyMultibase)) {
            throw new DataIntegrityException("publicKeyMultibase is not base58btc (it must start with z).");
        }
        byte[] decoded;
        try {
            decoded = Multibase.BASE_58_BTC.decode(publicKeyMultibase);
        } catch (RuntimeException e) {
            throw new DataIntegrityException("publicKeyMultibase is not valid base58btc.", e);
        }
        if (decoded.length != 34 || decoded[0] != ED25519_PUBLIC[0] || decoded[1] != ED25519_PUBLIC[1]) {
            throw new DataIntegrityException("publicKeyMultibase is not an Ed25519 public key (z6Mk...).");
        }
        return Arrays.copyOfRange(decoded, 2, 34);
    }
}
