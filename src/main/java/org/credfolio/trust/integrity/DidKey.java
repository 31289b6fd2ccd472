package org.credfolio.trust.integrity;

/**
 * The did:key method for Ed25519 keys only: {@code did:key:z6Mk...}, whose method-specific id is
 * the key's Multikey value, so the DID is resolved by decoding it (no lookup). Its one verification
 * method is {@code did:key:<multikey>#<multikey>}.
 */
public final class DidKey {
    public static final String PREFIX = "did:key:";

    private DidKey() {}

    /** The did:key of an Ed25519 public key. */
    public static String of(byte[] publicKey) {
        return PREFIX + Multikey.encodeEd25519(publicKey);
    }

    /** The verification method of an Ed25519 did:key: the DID with its key as the fragment. */
    public static String verificationMethod(String did) {
        return did + "#" + did.substring(PREFIX.length());
    }

    /**
     * The Ed25519 public key a verification method of a did:key names, when it is exactly that DID's
     * own key ({@code did:key:z6Mk..#z6Mk..}); an exception naming what is wrong otherwise.
     */
    public static byte[] resolve(String verificationMethod) {
        if (verificationMethod == null || !verificationMethod.startsWith(PREFIX)) {
            throw new DataIntegrityException("The verification method " + verificationMethod + " is not a did:key.");
        }
        int hash = verificationMethod.indexOf('#');
        String key = verificationMethod.substring(PREFIX.length(), hash < 0 ? verificationMethod.length() : hash);
        if (hash >= 0 && !verificationMethod.substring(hash + 1).equals(key)) {
            throw new DataIntegrityException(
                    "The verification method " + verificationMethod + " is not the did:key's own key.");
        }
        return Multikey.decodeEd25519(key);
    }
}
