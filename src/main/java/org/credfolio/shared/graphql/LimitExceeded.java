package org.credfolio.shared.graphql;

import graphql.execution.AbortExecutionException;
import java.util.Map;

/** A request refused for asking too much; carries a stable code like every other refusal. */
class LimitExceeded extends AbortExecutionException {
    private final String code;

    LimitExceeded(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("classification", "BAD_REQUEST", "code", code);
    }
}
