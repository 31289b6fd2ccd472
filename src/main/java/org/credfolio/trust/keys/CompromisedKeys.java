package org.credfolio.trust.keys;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.credfolio.shared.audit.AuditLog;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.security.CurrentUsers;
import org.credfolio.shared.security.Role;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.verification.KeyResolver;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Marks issuer keys compromised. A compromised key is no longer published, and everything it
 * signed fails verification with the reason given here. The mark is final.
 */
@Service
public class CompromisedKeys {
    static final int MAX_REASON_LENGTH = 500;
    private final MongoOperations mongo;
    private final IssuerKeys keys;
    private final TrustProperties properties;
    private final AuditLog audit;
    private final KeyResolver resolver;

    CompromisedKeys(
            MongoOperations mongo, IssuerKeys keys, TrustProperties properties, AuditLog audit, KeyResolver resolver) {
        this.mongo = mongo;
        this.keys = keys;
        this.properties = properties;
        this.audit = audit;
        this.resolver = resolver;
    }

    /**
     * Marks the key compromised. When it is its organization's active key, a fresh key of the same
     * algorithm is made active first, so issuance goes on without a gap.
     *
     * @param kid {@code <issuer DID>#<thumbprint>} as in JWS headers, or the bare thumbprint
     * @param reason why, 1 to 500 characters; shown to whoever verifies what the key signed
     */
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'PLATFORM_ADMIN')")
    public VerificationKey mark(String kid, String reason) {
        String why = requireReason(reason);
        IssuerKey key = find(kid);
        var user = CurrentUsers.require();
        if (user.is(Role.DISTRICT_ADMIN) && !user.belongsTo(key.organizationId())) {
            throw new AccessDeniedException("A district admin can only mark their own district's keys compromised.");
        }
        if (key.status() == IssuerKey.KeyStatus.COMPROMISED) {
            throw alreadyCompromised();
        }
        String replacement = keys.replaceActive(key);
        Update update = new Update()
                .set("status", IssuerKey.KeyStatus.COMPROMISED)
                .set("statusChangedAt", Instant.now())
                .set("statusReason", why);
        Query notYetCompromised = Query.query(
                Criteria.where("_id").is(key.thumbprint()).and("status").ne(IssuerKey.KeyStatus.COMPROMISED));
        if (mongo.updateFirst(notYetCompromised, update, IssuerKey.class).getModifiedCount() == 0) {
            throw alreadyCompromised();
        }
        // Verifications on this instance see the mark at once; other instances within a minute.
        resolver.evict(key.thumbprint());
        audit.record("issuer-key.compromised", "IssuerKey", key.thumbprint(), detail(key, why, replacement));
        return keys.verificationKey(key.thumbprint()).orElseThrow();
    }

    private IssuerKey find(String kid) {
        int hash = kid.lastIndexOf('#');
        String thumbprint = IssuerKeys.thumbprintOf(kid.substring(hash + 1));
        IssuerKey key = thumbprint.isEmpty() ? null : mongo.findById(thumbprint, IssuerKey.class);
        boolean didMatches =
                key != null && (hash < 0 || kid.substring(0, hash).equals(properties.issuerDid(key.organizationId())));
        if (!didMatches) {
            throw new NotFoundException("ISSUER_KEY_NOT_FOUND", "kid", "No issuer key " + kid + ".");
        }
        return key;
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("REQUIRED", "reason", "Say why the key is compromised.");
        }
        if (why.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException(
                    "LENGTH_OUT_OF_RANGE", "reason", "The reason can be at most " + MAX_REASON_LENGTH + " characters.");
        }
        return why;
    }

    private static ConflictException alreadyCompromised() {
        return new ConflictException(
                "ISSUER_KEY_ALREADY_COMPROMISED", "kid", "This key is already marked compromised.");
    }

    private static Map<String, Object> detail(IssuerKey key, String reason, String replacement) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("organizationId", key.organizationId());
        detail.put("reason", reason);
        if (replacement != null) {
            detail.put("replacedBy", replacement);
        }
        return detail;
    }
}
