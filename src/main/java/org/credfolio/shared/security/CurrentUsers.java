package org.credfolio.shared.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the caller from the security context; services use it for tenancy checks. */
public final class CurrentUsers {
    private CurrentUsers() {}

    public static Optional<CurrentUser> find() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CredfolioAuthentication auth
                ? Optional.of(auth.user())
                : Optional.empty();
    }

    /** The caller; services guarded by {@code @PreAuthorize} can rely on it being present. */
    public static CurrentUser require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first."));
    }
}
