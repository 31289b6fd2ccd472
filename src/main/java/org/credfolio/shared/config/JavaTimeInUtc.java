package org.credfolio.shared.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Dates are stored the same whatever the instance's time zone. Spring Data's own conversion writes a
 * {@code LocalDate} as midnight in the JVM's default zone, so two instances in different zones
 * disagree by a day about an earned-on date; the MongoDB driver's codecs write it as midnight UTC
 * and read it back the same way.
 */
@Configuration
class JavaTimeInUtc {
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(conversions -> conversions.useNativeDriverJavaTimeCodecs());
    }
}
