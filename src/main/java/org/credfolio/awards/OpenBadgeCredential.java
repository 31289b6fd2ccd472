package org.credfolio.awards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.Occupation;
import org.credfolio.learner.Learner;

/**
 * The credential data model, apart from its JWT wrapping: a W3C VC 2.0 credential carrying an Open
 * Badges 3.0 OpenBadgeCredential, with the JWT registered claims (VC-JOSE-COSE) beside it. The
 * learner appears only as a DID and a salted hash of the student id, never by name.
 */
final class OpenBadgeCredential {
    private static final SecureRandom RANDOM = new SecureRandom();

    record Parties(String issuerDid, String issuerName, String learnerDid) {}

    private OpenBadgeCredential() {}

    static Map<String, Object> claims(
            Award award,
            Learner learner,
            CredentialDefinition credential,
            List<Occupation> occupations,
            Parties parties,
            List<Map<String, Object>> credentialStatus) {
        String id = "urn:uuid:" + UUID.randomUUID();
        Instant validFrom = award.earnedOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put(
                "@context",
                List.of(
                        "https://www.w3.org/ns/credentials/v2",
                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        vc.put("id", id);
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", Map.of("id", parties.issuerDid(), "type", List.of("Profile"), "name", parties.issuerName()));
        vc.put("name", credential.name());
        vc.put("validFrom", validFrom.toString());
        vc.put("credentialSubject", subject(award, learner, credential, occupations, parties.learnerDid()));
        vc.put("credentialStatus", credentialStatus);
        vc.put("iss", parties.issuerDid());
        vc.put("sub", parties.learnerDid());
        vc.put("jti", id);
        vc.put("nbf", validFrom.getEpochSecond());
        vc.put("iat", Instant.now().getEpochSecond());
        if (award.expiresOn() != null) {
            Instant validUntil = award.expiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
            vc.put("validUntil", validUntil.toString());
            vc.put("exp", validUntil.getEpochSecond());
        }
        return vc;
    }

    private static Map<String, Object> subject(
            Award award,
            Learner learner,
            CredentialDefinition credential,
            List<Occupation> occupations,
            String learnerDid) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", learnerDid);
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(hashedStudentId(learner.studentId())));
        subject.put("achievement", achievement(credential, occupations));
        if (award.result() != null) {
            subject.put("result", List.of(Map.of("type", List.of("Result"), "value", award.result())));
        }
        return subject;
    }

    private static Map<String, Object> achievement(CredentialDefinition credential, List<Occupation> occupations) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:credfolio:achievement:" + credential.id());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", achievementType(credential));
        achievement.put("name", credential.name());
        achievement.put("description", credential.description() == null ? credential.name() : credential.description());
        achievement.put("criteria", Map.of("narrative", "Passed the assessment of " + credential.name() + "."));
        achievement.put(
                "alignment",
                occupations.stream().map(OpenBadgeCredential::alignment).toList());
        return achievement;
    }

    private static Map<String, Object> alignment(Occupation occupation) {
        return Map.of(
                "type",
                List.of("Alignment"),
                "targetName",
                occupation.title(),
                "targetCode",
                occupation.socCode(),
                "targetFramework",
                "SOC 2018",
                // OB 3.0 AlignmentTargetType has no occupation term; extensions take the ext: prefix.
                "targetType",
                "ext:Occupation",
                "targetUrl",
                "https://www.onetonline.org/link/summary/" + occupation.socCode() + ".00");
    }

    /** OB 3.0 AchievementType names: Certification, License, Certificate, Badge. */
    private static String achievementType(CredentialDefinition credential) {
        String name = credential.type().name();
        return name.charAt(0) + name.substring(1).toLowerCase();
    }

    /** An IdentityObject with a salted SHA-256 of the student id: matchable, not readable. */
    private static Map<String, Object> hashedStudentId(String studentId) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return Map.of(
                "type",
                "IdentityObject",
                // Not in OB 3.0's IdentifierTypeEnum, so an ext: term (B.1.30).
                "identityType",
                "ext:studentId",
                "hashed",
                true,
                "salt",
                saltHex,
                "identityHash",
                "sha256$" + sha256Hex(studentId + saltHex));
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
