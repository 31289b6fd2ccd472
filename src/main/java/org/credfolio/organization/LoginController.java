package org.credfolio.organization;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.credfolio.shared.security.ClientAddresses;
import org.credfolio.shared.security.LoginTokenKeys;
import org.credfolio.shared.security.SecurityProperties;
import org.credfolio.shared.security.TokenStanding;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/token}: exchanges a username and password for a bearer token. Errors follow
 * OAuth 2.0 token-endpoint error responses (RFC 6749 section 5.2).
 */
@RestController
class LoginController {
    private final AccountManagement accounts;
    private final LoginTokenKeys keys;
    private final SecurityProperties properties;
    private final LoginThrottle throttle;
    private final ClientAddresses clientAddresses;

    LoginController(
            AccountManagement accounts,
            LoginTokenKeys keys,
            SecurityProperties properties,
            LoginThrottle throttle,
            ClientAddresses clientAddresses) {
        this.accounts = accounts;
        this.keys = keys;
        this.properties = properties;
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
    }

    record LoginRequest(String username, String password) {}

    @PostMapping(path = "/auth/token")
    ResponseEntity<Map<String, Object>> token(
            @RequestBody(required = false) LoginRequest request, HttpServletRequest http) {
        if (!keys.enabled()) {
            return error(
                    HttpStatus.NOT_FOUND,
                    "unsupported_grant_type",
                    "Built-in login is off; sign in with " + properties.oidcIssuerUri() + ".");
        }
        if (request == null || isBlank(request.username()) || isBlank(request.password())) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "Send JSON with 'username' and 'password'.");
        }
        String username = AccountManagement.normalize(request.username());
        LoginThrottle.Attempt attempt = throttle.begin(clientAddresses.of(http), username);
        if (!attempt.admitted()) {
            long wait = attempt.retryAfterSeconds();
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(wait))
                    .header("Cache-Control", "no-store")
                    .body(Map.of(
                            "error",
                            "invalid_grant",
                            "error_description",
                            "Too many failed attempts; try again in " + wait + " seconds."));
        }
        Optional<Account> account = accounts.authenticate(username, request.password());
        if (account.isEmpty()) {
            // Nothing to record: the attempt's slots stay taken, and that is the failure counted.
            return error(HttpStatus.UNAUTHORIZED, "invalid_grant", "Wrong username or password.");
        }
        throttle.succeeded(attempt);
        if (account.get().disabled()) {
            return error(
                    HttpStatus.UNAUTHORIZED, "invalid_grant", "This account is disabled; ask your district admin.");
        }
        return issue(account.get());
    }

    private ResponseEntity<Map<String, Object>> issue(Account account) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", account.username());
        claims.put("role", account.role().name());
        claims.put(TokenStanding.VERSION_CLAIM, account.tokenVersion());
        if (account.organizationId() != null) {
            claims.put("org", account.organizationId());
        }
        if (account.learnerId() != null) {
            claims.put("learner", account.learnerId());
        }
        Instant expires = Instant.now().plus(properties.tokenTtl());
        String token = keys.mint(properties.tokenIssuer(), account.id(), expires, claims)
                .orElseThrow();
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .body(Map.of(
                        "access_token",
                        token,
                        "token_type",
                        "Bearer",
                        "expires_in",
                        properties.tokenTtl().toSeconds()));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String description) {
        return ResponseEntity.status(status)
                .header("Cache-Control", "no-store")
                .body(Map.of("error", code, "error_description", description));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
