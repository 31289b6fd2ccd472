package org.credfolio.trust.keys;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Which crypto provider signs, in the actuator. {@code /actuator/info} is public and shows only the
 * provider's name and whether it is native; the version is a health detail, which only a
 * PLATFORM_ADMIN sees. Falling back to the JDK is not a failure: the health stays UP.
 */
@Component("cryptoProvider")
class CryptoProviderReport implements HealthIndicator, InfoContributor {

    CryptoProviderReport() {
        // Choose (load and self-test the native library) at startup, not in the first signing request.
        CryptoProvider.current();
    }

    @Override
    public Health health() {
        CryptoProvider.Choice choice = CryptoProvider.current();
        return Health.up()
                .withDetail("name", choice.name())
                .withDetail("version", choice.version())
                .withDetail("native", choice.nativeCode())
                .build();
    }

    @Override
    public void contribute(Info.Builder builder) {
        CryptoProvider.Choice choice = CryptoProvider.current();
        builder.withDetail("cryptoProvider", Map.of("name", choice.name(), "native", choice.nativeCode()));
    }
}
