package org.credfolio.shared.security;

import java.util.Optional;

/**
 * Whether a token of the built-in login may still be used: its account may have been disabled,
 * deleted, or had its password or role changed since the token was minted. Asked on every request,
 * so such a change ends the account's tokens at once on every instance, not at their expiry.
 */
public interface TokenStanding {
    /** The claim of a built-in login token that carries its account's token version. */
    String VERSION_CLAIM = "ver";

    /** Why tokens of this account minted at {@code version} are no longer accepted, or empty. */
    Optional<String> refusal(String accountId, long version);
}
