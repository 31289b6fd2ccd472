package org.credfolio.shared.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified bearer token together with the caller it describes. */
public class CredfolioAuthentication extends JwtAuthenticationToken {
    private final transient CurrentUser user;

    CredfolioAuthentication(Jwt jwt, CurrentUser user) {
        super(jwt, List.of(new SimpleGrantedAuthority(user.role().authority())), user.subject());
        this.user = user;
    }

    public CurrentUser user() {
        return user;
    }
}
