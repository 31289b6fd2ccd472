package org.credfolio.shared.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one GraphQL request may ask for.
 *
 * @param maxDepth deepest field nesting
 * @param maxComplexity fields counted across the query, multiplied by {@code first} on lists
 * @param maxAliases aliased fields in one document (aliases multiply work without adding depth)
 * @param maxDocumentLength characters in the query document
 * @param timeout time one request may spend resolving fields
 */
@ConfigurationProperties("credfolio.graphql")
public record GraphQlLimitsProperties(
        Integer maxDepth, Integer maxComplexity, Integer maxAliases, Integer maxDocumentLength, Duration timeout) {
    public GraphQlLimitsProperties {
        maxDepth = maxDepth == null ? 12 : maxDepth;
        maxComplexity = maxComplexity == null ? 5000 : maxComplexity;
        maxAliases = maxAliases == null ? 20 : maxAliases;
        maxDocumentLength = maxDocumentLength == null ? 20_000 : maxDocumentLength;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
