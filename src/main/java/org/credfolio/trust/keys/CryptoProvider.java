package org.credfolio.trust.keys;

import java.lang.reflect.InvocationTargetException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider behind signing, verifying and key generation: the Amazon Corretto Crypto
 * Provider (native AWS-LC, several times faster at ES256) where the build ships it for this
 * platform and it loads and passes its self-tests, the JDK's own providers otherwise.
 *
 * <p>It is handed to nimbus per signer and verifier and never installed JVM-wide, so TLS, the
 * login tokens and everything else in the JVM keep the JDK's providers. ACCP is looked up by name:
 * the Maven build adds it only on Linux x86_64 and aarch64, and the code must compile without it.
 */
final class CryptoProvider {
    static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static final Logger log = LoggerFactory.getLogger(CryptoProvider.class);

    /**
     * @param provider the provider to hand to JCA lookups, or null for the JDK's default order
     * @param name the provider that does the work (for the JDK: the one that serves ES256)
     * @param nativeCode whether the work is done in native code
     */
    record Choice(Provider provider, String name, String version, boolean nativeCode) {}

    private CryptoProvider() {}

    /** Chosen once, on first use, and logged then. */
    static Choice current() {
        return Holder.CHOICE;
    }

    /** The provider for nimbus' JCA context and key generators; null means the JDK's defaults. */
    static Provider provider() {
        return current().provider();
    }

    /** Loads {@code className} as ACCP if it is there and healthy; falls back to the JDK. */
    static Choice choose(String className) {
        try {
            Provider accp =
                    (Provider) Class.forName(className).getField("INSTANCE").get(null);
            Object loadingError = accp.getClass().getMethod("getLoadingError").invoke(accp);
            if (loadingError instanceof Throwable error) {
                return jdk("its native library did not load: " + error);
            }
            accp.getClass().getMethod("assertHealthy").invoke(accp);
            return new Choice(accp, accp.getName(), accp.getVersionStr(), true);
        } catch (ClassNotFoundException e) {
            return jdk("not on the class path (no native build for this platform)");
        } catch (InvocationTargetException e) {
            return jdk("unhealthy: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return jdk("cannot be loaded: " + e);
        }
    }

    private static Choice jdk(String whyNotAccp) {
        Provider serving = jdkEs256Provider();
        log.info("ACCP {}; signing with the JDK's providers", whyNotAccp);
        return new Choice(null, serving.getName(), serving.getVersionStr(), false);
    }

    private static Provider jdkEs256Provider() {
        try {
            return Signature.getInstance("SHA256withECDSA").getProvider();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK cannot do ECDSA with SHA-256", e);
        }
    }

    private static final class Holder {
        static final Choice CHOICE = announced(choose(ACCP_CLASS));

        private static Choice announced(Choice choice) {
            log.info(
                    "Crypto provider for issuer and holder keys: {} {}{}",
                    choice.name(),
                    choice.version(),
                    choice.nativeCode() ? " (native)" : " (JDK)");
            return choice;
        }
    }
}
