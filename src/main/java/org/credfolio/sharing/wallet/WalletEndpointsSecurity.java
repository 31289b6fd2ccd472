package org.credfolio.sharing.wallet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The OpenID4VCI endpoints (with the authorization server metadata) are public and carry their own bearer tokens (opaque, single-offer access
 * tokens checked by the credential endpoint), which the API's JWT resource server must not read:
 * they get a chain of their own, before the API's.
 */
@Configuration
class WalletEndpointsSecurity {
    @Bean
    @Order(1)
    SecurityFilterChain openid4vci(HttpSecurity http) throws Exception {
        http.securityMatcher(
                        "/.well-known/openid-credential-issuer",
                        "/.well-known/oauth-authorization-server",
                        "/oid4vci/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}
