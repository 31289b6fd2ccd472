package org.credfolio.shared.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Whether Spring Security observes each request's filter chain, authentications and
 * authorizations. Off by default: wrapping every security filter in an observation was among the
 * top CPU samples of the cheapest endpoint, and the request-level metrics ({@code
 * http.server.requests}) already time the whole request. Turn it on with {@code
 * credfolio.observations.security=true} to trace where security spends its time.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {
    @Bean
    SecurityObservationSettings securityObservationSettings(
            @Value("${credfolio.observations.security:false}") boolean observe) {
        return observe
                ? SecurityObservationSettings.withDefaults().build()
                : SecurityObservationSettings.noObservations();
    }
}
