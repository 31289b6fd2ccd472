package org.credfolio.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.trust.OpenBadgeEnvelope;

/**
 * The identity credential's data model: an Open Badges 3.0 OpenBadgeCredential whose subject is the
 * learner's DID with the disclosed values as {@code identifier} entries ({@code IdentityObject},
 * unhashed: the point is that the college reads them), issued by the learner's district. Its
 * achievement is the district's attestation, named by the disclosure's URN, so a verifier tells it
 * from an earned credential and a college can ask for the disclosure behind it. Nothing else about
 * the learner is in it.
 */
final class IdentityCredential {
    static final String ACHIEVEMENT_PREFIX = "urn:credfolio:identity-disclosure:";
    /** A disclosure is for an application, not for life; a new one is a click away. */
    static final int VALID_DAYS = 365;

    private IdentityCredential() {}

    /** The values disclosed, by field, in the order the fields are declared. */
    record Values(Map<IdentityField, String> byField) {}

    static Map<String, Object> credential(
            String disclosureId,
            String issuerDid,
            String issuerName,
            String learnerDid,
            String audienceName,
            Values values,
            Instant issuedAt,
            Map<String, Object> credentialStatus) {
        Map<String, Object> vc = OpenBadgeEnvelope.credential(issuerDid, issuerName);
        vc.put("name", "Identity vouched for by " + issuerName + ", disclosed to " + audienceName);
        vc.put("validFrom", issuedAt.toString());
        vc.put("validUntil", issuedAt.plusSeconds(VALID_DAYS * 86_400L).toString());
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", learnerDid);
        subject.put("type", List.of("AchievementSubject"));
        subject.put(
                "identifier",
                values.byField().entrySet().stream()
                        .map(e -> Map.of(
                                "type",
                                "IdentityObject",
                                "hashed",
                                false,
                                "identityHash",
                                e.getValue(),
                                "identityType",
                                e.getKey().identityType))
                        .toList());
        subject.put("achievement", achievement(disclosureId, issuerName, audienceName));
        vc.put("credentialSubject", subject);
        vc.put("credentialStatus", credentialStatus);
        return vc;
    }

    private static Map<String, Object> achievement(String disclosureId, String issuerName, String audienceName) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", ACHIEVEMENT_PREFIX + disclosureId);
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "ext:IdentityAttestation");
        achievement.put("name", "Identity vouched for by " + issuerName);
        achievement.put(
                "description",
                "The learner chose to disclose these identity details to " + audienceName + "; " + issuerName
                        + " vouches that they are its record of this learner.");
        achievement.put(
                "criteria",
                Map.of("narrative", "Taken from " + issuerName + "'s student record when the learner disclosed them."));
        return achievement;
    }

    /** The VC-JWT payload: the secured credential with the registered claims beside it. */
    static Map<String, Object> jwtPayload(Map<String, Object> secured, Instant issuedAt) {
        return OpenBadgeEnvelope.jwtPayload(secured, issuedAt, issuedAt.plusSeconds(VALID_DAYS * 86_400L));
    }

    /** Whether a verified credential's content is an identity credential, by its achievement's URN. */
    static String disclosureIdOf(Map<String, Object> credential) {
        if (credential != null
                && credential.get("credentialSubject") instanceof Map<?, ?> subject
                && subject.get("achievement") instanceof Map<?, ?> achievement
                && achievement.get("id") instanceof String id
                && id.startsWith(ACHIEVEMENT_PREFIX)) {
            return id.substring(ACHIEVEMENT_PREFIX.length());
        }
        return null;
    }

    /** The disclosed values a credential carries, by field; unknown identity types are left out. */
    static DisclosedIdentity read(Map<String, Object> credential, String disclosureId) {
        Map<IdentityField, String> values = new LinkedHashMap<>();
        if (credential.get("credentialSubject") instanceof Map<?, ?> subject
                && subject.get("identifier") instanceof List<?> identifiers) {
            for (Object item : identifiers) {
                if (item instanceof Map<?, ?> identity
                        && identity.get("identityType") instanceof String type
                        && identity.get("identityHash") instanceof String value
                        && !Boolean.TRUE.equals(identity.get("hashed"))) {
                    IdentityField field = IdentityField.ofIdentityType(type);
                    if (field != null) {
                        values.put(field, value);
                    }
                }
            }
        }
        String issuer = credential.get("issuer") instanceof Map<?, ?> i ? String.valueOf(i.get("id")) : null;
        String year = values.get(IdentityField.GRADUATION_YEAR);
        String born = values.get(IdentityField.DATE_OF_BIRTH);
        return new DisclosedIdentity(
                values.get(IdentityField.DISPLAY_NAME),
                values.get(IdentityField.LEGAL_NAME),
                born == null ? null : LocalDate.parse(born),
                values.get(IdentityField.STUDENT_ID),
                year == null ? null : Integer.valueOf(year),
                issuer,
                disclosureId);
    }
}
