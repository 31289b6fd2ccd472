package org.credfolio.sharing;

import java.time.Instant;

/**
 * A credential page as GraphQL shows it to its learner.
 *
 * @param credentialId the earned credential the page shows
 * @param url the public page: {publicBaseUrl}/c/{publicId}
 * @param linkedInUrl LinkedIn's add-certification link, filled in with this credential and {@code url}
 */
public record PublishedCredentialPage(
        String credentialId,
        String url,
        String linkedInUrl,
        Instant publishedAt,
        Instant withdrawnAt,
        boolean published) {}
