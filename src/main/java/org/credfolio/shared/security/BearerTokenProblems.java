package org.credfolio.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A 401 that says why, as problem details: Spring's entry point sets only the
 * {@code WWW-Authenticate} header (kept, for OAuth clients), and a person or a script reading the
 * body of an expired or malformed token's answer saw nothing.
 */
final class BearerTokenProblems implements AuthenticationEntryPoint {
    private final BearerTokenAuthenticationEntryPoint header = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        header.commence(request, response, failure);
        boolean badToken = failure instanceof InvalidBearerTokenException;
        String code = badToken ? "INVALID_TOKEN" : "UNAUTHENTICATED";
        String detail = badToken
                ? "The bearer token was refused: it is expired, revoked, malformed or not signed by this service."
                        + " Sign in again for a new one."
                : "This needs a bearer token: sign in at POST /auth/token and send it as"
                        + " 'Authorization: Bearer <token>'.";
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"code\":\"" + code
                        + "\",\"detail\":\"" + detail + "\"}");
    }
}
