package org.credfolio.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Finds the bearer token in the {@code Authorization} header exactly as Spring Security's
 * {@code DefaultBearerTokenResolver} does with its defaults (no token in query or form parameters),
 * checking the token's characters in a loop rather than with its case-insensitive regular
 * expression, which cost a tenth of the CPU of a small GraphQL request. {@code
 * HeaderBearerTokensTest} holds the two to the same answers.
 */
final class HeaderBearerTokens implements BearerTokenResolver {
    private static final String SCHEME = "bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !startsWithAsciiIgnoringCase(authorization, "bearer")) {
            return null;
        }
        if (!wellFormed(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length());
    }

    /** {@code ^Bearer [a-zA-Z0-9-._~+/]+=*$}, the scheme's case ignored (RFC 6750, section 2.1). */
    static boolean wellFormed(String authorization) {
        if (!startsWithAsciiIgnoringCase(authorization, SCHEME)) {
            return false;
        }
        int i = SCHEME.length();
        int tokenStart = i;
        while (i < authorization.length() && isTokenCharacter(authorization.charAt(i))) {
            i++;
        }
        if (i == tokenStart) {
            return false;
        }
        while (i < authorization.length() && authorization.charAt(i) == '=') {
            i++;
        }
        return i == authorization.length();
    }

    private static boolean isTokenCharacter(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }

    private static boolean startsWithAsciiIgnoringCase(String text, String lowerCasePrefix) {
        if (text.length() < lowerCasePrefix.length()) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length(); i++) {
            char c = text.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != lowerCasePrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
