package org.credfolio.shared.audit;

import java.time.Instant;
import java.util.Map;
import org.credfolio.shared.security.CurrentUser;
import org.credfolio.shared.security.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Append-only record of who issued, revoked, suspended, shared or evaluated what. Written after the
 * change it describes has been stored, so the log never claims a change that did not happen.
 */
@Component
public class AuditLog {
    static final String COLLECTION = "audit_log";
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private final MongoOperations mongo;

    AuditLog(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public void record(String action, String subjectType, String subjectId, Map<String, Object> detail) {
        try {
            insert(action, subjectType, subjectId, detail);
        } catch (RuntimeException e) {
            // The change itself is stored; failing the request now would make the caller retry a
            // change that already happened. Log loudly so the gap can be filled from the log.
            log.error("AUDIT ENTRY NOT WRITTEN: {} {} {} {}", action, subjectType, subjectId, detail, e);
        }
    }

    private void insert(String action, String subjectType, String subjectId, Map<String, Object> detail) {
        CurrentUser actor = CurrentUsers.find().orElse(null);
        mongo.insert(
                new AuditEntry(
                        null,
                        Instant.now(),
                        action,
                        subjectType,
                        subjectId,
                        actor == null ? null : actor.subject(),
                        actor == null ? null : actor.organizationId(),
                        detail),
                COLLECTION);
    }

    record AuditEntry(
            String id,
            Instant at,
            String action,
            String subjectType,
            String subjectId,
            String actor,
            String actorOrganization,
            Map<String, Object> detail) {}
}
