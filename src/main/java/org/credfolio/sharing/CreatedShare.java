package org.credfolio.sharing;

/**
 * A new share with its secret token and link. The only time either is given out: only a hash of the
 * token is stored.
 */
public record CreatedShare(Share share, String token, String url) {}
