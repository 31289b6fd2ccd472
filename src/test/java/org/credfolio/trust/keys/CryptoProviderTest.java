package org.credfolio.trust.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class CryptoProviderTest extends IntegrationTest {

    @Test
    void nativeProviderIsChosenOnLinuxX8664() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").equals("amd64"));
        CryptoProvider.Choice choice = CryptoProvider.current();

        assertThat(choice.name()).isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(choice.nativeCode()).isTrue();
        assertThat(choice.provider()).isNotNull();
        assertThat(JwkFactory.signer(JwkFactory.generate(KeyAlgorithm.ES256))
                        .getJCAContext()
                        .getProvider())
                .isSameAs(choice.provider());
    }

    @Test
    void missingNativeProviderFallsBackToTheJdk() {
        CryptoProvider.Choice choice = CryptoProvider.choose("org.credfolio.NoSuchProvider");

        assertThat(choice.provider()).isNull();
        assertThat(choice.nativeCode()).isFalse();
        assertThat(choice.name()).isNotBlank();
    }

    @Test
    void es256SignedWithOneProviderVerifiesWithTheOther() throws Exception {
        ECKey key = (ECKey) JwkFactory.generate(KeyAlgorithm.ES256);
        ECDSASigner jdkSigner = new ECDSASigner(key);
        ECDSAVerifier jdkVerifier = new ECDSAVerifier(key.toPublicJWK());

        JWSObject byJdk = signed(KeyAlgorithm.ES256, jdkSigner);
        JWSObject byNative = signed(KeyAlgorithm.ES256, JwkFactory.signer(key));

        assertThat(byJdk.verify(JwkFactory.verifier(key.toPublicJWK()))).isTrue();
        assertThat(byNative.verify(jdkVerifier)).isTrue();
        assertThat(tampered(byNative).verify(JwkFactory.verifier(key.toPublicJWK())))
                .isFalse();
        assertThat(tampered(byNative).verify(jdkVerifier)).isFalse();
    }

    @Test
    void everyAlgorithmCrossesBetweenProviders() throws Exception {
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            JWK key = JwkFactory.generate(algorithm);
            JWSSigner jdkSigner = JwkFactory.signer(key);
            jdkSigner.getJCAContext().setProvider(null);
            JWSVerifier jdkVerifier = JwkFactory.verifier(key.toPublicJWK());
            jdkVerifier.getJCAContext().setProvider(null);

            assertThat(signed(algorithm, JwkFactory.signer(key)).verify(jdkVerifier))
                    .as(algorithm + " signed natively, verified by the JDK")
                    .isTrue();
            assertThat(signed(algorithm, jdkSigner).verify(JwkFactory.verifier(key.toPublicJWK())))
                    .as(algorithm + " signed by the JDK, verified natively")
                    .isTrue();
        }
    }

    @Test
    void providerIsPublicInInfoAndItsVersionOnlyInAdminHealth() {
        http().get()
                .uri("/actuator/info")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cryptoProvider.name")
                .isEqualTo(CryptoProvider.current().name())
                .jsonPath("$.cryptoProvider.native")
                .isEqualTo(CryptoProvider.current().nativeCode())
                .jsonPath("$.cryptoProvider.version")
                .doesNotExist();
        http().get()
                .uri("/actuator/health")
                .header("Authorization", "Bearer " + login(tenants.create().platformAdmin()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.cryptoProvider.details.version")
                .isEqualTo(CryptoProvider.current().version());
    }

    private static JWSObject signed(KeyAlgorithm algorithm, JWSSigner signer) throws JOSEException {
        JWSObject jws = new JWSObject(
                new JWSHeader(JWSAlgorithm.parse(algorithm.name())), new Payload(Map.of("sub", "did:example:1")));
        jws.sign(signer);
        return jws;
    }

    private static JWSObject tampered(JWSObject jws) throws ParseException {
        String[] parts = jws.serialize().split("\\.");
        return JWSObject.parse(
                parts[0] + "." + new Payload(Map.of("sub", "did:example:2")).toBase64URL() + "." + parts[2]);
    }
}
