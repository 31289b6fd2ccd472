package org.credfolio.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/** A Boot 3 MongoDB setting stops the start with the name of the one to use instead. */
class OutdatedMongoSettingsTest {

    @Test
    void theBoot3UriIsRefusedNamingTheBoot4One() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.data.mongodb.uri", "mongodb://db.example:27017/credfolio");
        assertThatThrownBy(
                        () -> new OutdatedMongoSettings().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.data.mongodb.uri")
                .hasMessageContaining("set spring.mongodb.uri instead")
                .hasMessageContaining("SPRING_MONGODB_URI");
    }

    @Test
    void currentSettingsAndIndexCreationPass() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.mongodb.uri", "mongodb://db.example:27017/credfolio")
                .withProperty("spring.data.mongodb.auto-index-creation", "false");
        new OutdatedMongoSettings().postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void itIsRegisteredToRunAtEveryStart() throws Exception {
        java.util.Properties factories = new java.util.Properties();
        try (var in =
                getClass().getClassLoader().getResourceAsStream(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION)) {
            factories.load(in);
        }
        assertThat(factories.getProperty(EnvironmentPostProcessor.class.getName()))
                .contains(OutdatedMongoSettings.class.getName());
    }
}
