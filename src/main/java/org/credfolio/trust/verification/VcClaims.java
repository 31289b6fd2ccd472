package org.credfolio.trust.verification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to a credential payload in either shape: VC 2.0 with the JWT claims beside it (what
 * Credfolio issues), or VC 1.1's {@code vc} claim (accepted on input, per the profile).
 */
public final class VcClaims {
    public static final String VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    private final Map<String, Object> jwt;
    private final Map<String, Object> vc;

    private VcClaims(Map<String, Object> jwt, Map<String, Object> vc) {
        this.jwt = jwt;
        this.vc = vc;
    }

    @SuppressWarnings("unchecked")
    static VcClaims of(Map<String, Object> payload) {
        return payload.get("vc") instanceof Map<?, ?> legacy
                ? new VcClaims(payload, (Map<String, Object>) legacy)
                : new VcClaims(payload, payload);
    }

    Object registered(String claim) {
        return jwt.get(claim);
    }

    Map<String, Object> credential() {
        return vc;
    }

    String id() {
        return text(vc.get("id"), jwt.get("jti"));
    }

    List<String> types() {
        return CredentialVerifier.strings(vc.get("type"));
    }

    String issuerId() {
        Object issuer = vc.get("issuer");
        return text(issuer instanceof Map<?, ?> map ? map.get("id") : issuer, jwt.get("iss"));
    }

    String issuerName() {
        return vc.get("issuer") instanceof Map<?, ?> map && map.get("name") instanceof String name ? name : null;
    }

    Map<?, ?> subject() {
        Object subject = vc.get("credentialSubject");
        if (subject instanceof List<?> list && !list.isEmpty()) {
            subject = list.get(0);
        }
        return subject instanceof Map<?, ?> map ? map : Map.of();
    }

    String subjectId() {
        return text(subject().get("id"), jwt.get("sub"));
    }

    Map<?, ?> achievement() {
        return subject().get("achievement") instanceof Map<?, ?> a ? a : Map.of();
    }

    List<Map<?, ?>> statusEntries() {
        Object status = vc.get("credentialStatus");
        List<?> entries = status instanceof List<?> list ? list : status == null ? List.of() : List.of(status);
        return entries.stream()
                .filter(Map.class::isInstance)
                .<Map<?, ?>>map(e -> (Map<?, ?>) e)
                .toList();
    }

    Instant validFrom() {
        return instant(vc.containsKey("validFrom") ? vc.get("validFrom") : vc.get("issuanceDate"), jwt.get("nbf"));
    }

    Instant validUntil() {
        return instant(vc.containsKey("validUntil") ? vc.get("validUntil") : vc.get("expirationDate"), jwt.get("exp"));
    }

    /** The first property Open Badges 3.0 requires that is missing, if any. */
    Optional<String> missingOpenBadgesField() {
        List<String> context = CredentialVerifier.strings(vc.get("@context"));
        if (context.isEmpty()
                || !context.get(0).equals(VC2_CONTEXT)
                        && !context.get(0).equals("https://www.w3.org/2018/credentials/v1")) {
            return Optional.of("@context (the VC context first)");
        }
        if (context.stream().noneMatch(c -> c.startsWith("https://purl.imsglobal.org/spec/ob/v3p0/context"))) {
            return Optional.of("@context (the Open Badges 3.0 context)");
        }
        if (id() == null) {
            return Optional.of("id");
        }
        if (!types().contains("VerifiableCredential")) {
            return Optional.of("type VerifiableCredential");
        }
        if (issuerId() == null) {
            return Optional.of("issuer.id");
        }
        if (validFrom() == null) {
            return Optional.of("validFrom");
        }
        if (!(vc.get("name") instanceof String)) {
            return Optional.of("name");
        }
        if (!CredentialVerifier.strings(subject().get("type")).contains("AchievementSubject")) {
            return Optional.of("credentialSubject.type AchievementSubject");
        }
        Map<?, ?> achievement = achievement();
        for (String field : List.of("id", "type", "criteria", "description", "name")) {
            if (achievement.get(field) == null) {
                return Optional.of("credentialSubject.achievement." + field);
            }
        }
        return Optional.empty();
    }

    CredentialSummary summary(CredentialSummary.Status status) {
        Map<?, ?> achievement = achievement();
        Instant from = safe(this::validFrom);
        Instant until = safe(this::validUntil);
        return new CredentialSummary(
                id(),
                issuerId(),
                issuerName(),
                subjectId(),
                achievement.get("name") instanceof String n ? n : null,
                achievement.get("achievementType") instanceof String t ? t : null,
                from == null ? null : from.toString(),
                until == null ? null : until.toString(),
                status);
    }

    private static Instant safe(java.util.function.Supplier<Instant> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(Object value, Object fallback) {
        Object chosen = value != null ? value : fallback;
        return chosen instanceof String s ? s : null;
    }

    private static Instant instant(Object dateTime, Object epochSeconds) {
        if (dateTime instanceof String s) {
            return OffsetDateTime.parse(s).toInstant();
        }
        if (epochSeconds instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        return null;
    }
}
