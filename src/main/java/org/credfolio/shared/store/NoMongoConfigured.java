package org.credfolio.shared.store;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when neither a MongoDB URI nor a host is configured. */
class NoMongoConfigured extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        if (env.containsProperty("spring.mongodb.uri") || env.containsProperty("spring.mongodb.host")) {
            return ConditionOutcome.noMatch("a MongoDB server is configured");
        }
        return ConditionOutcome.match("no MongoDB configured: using the embedded store");
    }
}
