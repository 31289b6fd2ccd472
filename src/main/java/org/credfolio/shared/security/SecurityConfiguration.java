package org.credfolio.shared.security;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Bearer-token security. HTTP rules only separate public from private endpoints; who may do what is
 * decided in the module services with {@code @PreAuthorize} and tenancy checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties) throws Exception {
        // Stateless bearer tokens, no cookies: CSRF protection has nothing to protect.
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/graphql", "/graphiql", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/auth/token", "/auth/claim")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/credentials/verify",
                                "/presentations/verify",
                                "/challenges",
                                "/verify")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/.well-known/jwks.json",
                                "/issuers/*/did.json",
                                "/issuers/*/achievements/*/image.svg",
                                "/learners/*/did.json",
                                "/status-lists/*",
                                "/shares/*",
                                "/shares/*/presentation",
                                // Public pages: the verification page, published credential pages, celebrations.
                                "/verify",
                                "/c/*",
                                "/c/*/*",
                                "/celebrations/*",
                                // GraphiQL's scripts and styles (dev profile only; absent elsewhere).
                                "/graphiql/*",
                                "/graphiql/vendor/*")
                        .permitAll()
                        // Wallet exchanges (VC API): the unguessable, single-use exchange id is the authority.
                        .requestMatchers(HttpMethod.GET, "/exchanges/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/exchanges/*")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.PLATFORM_ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(oauth -> oauth.bearerTokenResolver(new HeaderBearerTokens())
                        .authenticationEntryPoint(new BearerTokenProblems())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenClaims(properties.claims()))))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new BearerTokenProblems()));
        return http.build();
    }

    /**
     * Spring Security's strict firewall, its character checks unchanged in what they allow but made
     * without a regular expression per header ({@link HeaderCharacters}).
     */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::assignedAndNotControl);
        firewall.setAllowedHeaderValues(HeaderCharacters::headerValue);
        firewall.setAllowedParameterNames(HeaderCharacters::assignedAndNotControl);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    LoginTokenKeys loginTokenKeys(SecurityProperties properties) {
        if (!properties.builtInLogin()) {
            return LoginTokenKeys.disabled();
        }
        KeyPair pair = LoginKey.loadOrCreate(Path.of(properties.loginKeyFile()));
        return new LoginTokenKeys((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, LoginTokenKeys keys, ObjectProvider<TokenStanding> standing) {
        if (properties.builtInLogin()) {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withPublicKey(keys.publicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.tokenIssuer()));
            return new StandingCheckingDecoder(new VerifiedTokenCache(decoder, 10_000), standing);
        }
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withIssuerLocation(properties.oidcIssuerUri()).build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(properties.oidcIssuerUri());
        if (properties.oidcAudience() != null) {
            validator = new DelegatingOAuth2TokenValidator<>(
                    validator,
                    new JwtClaimValidator<java.util.List<String>>(
                            "aud", aud -> aud != null && aud.contains(properties.oidcAudience())));
        }
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, 10_000);
    }
}
