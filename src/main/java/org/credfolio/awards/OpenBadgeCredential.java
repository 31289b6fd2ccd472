package org.credfolio.awards;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.Occupation;
import org.credfolio.trust.OpenBadgeEnvelope;

/**
 * The credential data model, apart from its securing: a W3C VC 2.0 credential carrying an Open
 * Badges 3.0 OpenBadgeCredential, and the JWT registered claims (VC-JOSE-COSE) that go beside it in
 * the VC-JWT form. The learner appears only as a DID: never a name, an email or a student id, nor
 * anything computed from one.
 */
final class OpenBadgeCredential {
    /** Claims of the JWT form that are not part of the credential (no {@code jti}: {@code id} says it). */
    static final List<String> REGISTERED_CLAIMS = List.of("iss", "sub", "jti", "nbf", "iat", "exp");

    /**
     * Who the credential names. {@code certifyingBody} is the body that certifies the achievement (the
     * catalog entry's certifying body), or null when the catalog names none; {@code achievementImageUrl}
     * is where the achievement's badge picture, as this issuer draws it, is served.
     */
    record Parties(
            String issuerDid,
            String issuerName,
            String learnerDid,
            CertifyingBody certifyingBody,
            String achievementImageUrl) {}

    /**
     * The certifying body as the achievement's {@code creator}: an OB 3.0 {@code Profile}, whose only
     * required properties are {@code id} (a URI) and {@code type}. The id is
     * {@code urn:credfolio:organization:<id>}, like the achievement's own URN: stable whatever the body's
     * website becomes, and not a claim that the website is a profile document. {@code website} goes in
     * {@code url} (schema.org url, xsd:anyURI in the OB context) when it is an absolute http(s) URI.
     */
    record CertifyingBody(String organizationId, String name, String website) {
        Map<String, Object> profile() {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("id", "urn:credfolio:organization:" + organizationId);
            profile.put("type", List.of("Profile"));
            if (name != null && !name.isBlank()) {
                profile.put("name", name);
            }
            String url = httpUrl(website);
            if (url != null) {
                profile.put("url", url);
            }
            return profile;
        }

        private static String httpUrl(String website) {
            if (website == null || website.isBlank()) {
                return null;
            }
            try {
                java.net.URI uri = new java.net.URI(website.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
                return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                        ? uri.toString()
                        : null;
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }
    }

    private OpenBadgeCredential() {}

    static Map<String, Object> credential(
            Award award,
            CredentialDefinition credential,
            List<Occupation> occupations,
            Parties parties,
            Map<String, Object> credentialStatus) {
        Map<String, Object> vc = OpenBadgeEnvelope.credential(parties.issuerDid(), parties.issuerName());
        vc.put("name", credential.name());
        vc.put("validFrom", startOf(award.earnedOn()).toString());
        if (award.expiresOn() != null) {
            vc.put("validUntil", startOf(award.expiresOn()).toString());
        }
        vc.put("credentialSubject", subject(award, credential, occupations, parties));
        vc.put("credentialStatus", credentialStatus);
        return vc;
    }

    /**
     * The VC-JWT payload: the secured credential with the registered claims beside it, {@code nbf}
     * and {@code exp} exactly {@code validFrom} and {@code validUntil}.
     */
    static Map<String, Object> jwtPayload(Map<String, Object> secured, Award award) {
        return OpenBadgeEnvelope.jwtPayload(
                secured, startOf(award.earnedOn()), award.expiresOn() == null ? null : startOf(award.expiresOn()));
    }

    private static Instant startOf(java.time.LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Map<String, Object> subject(
            Award award, CredentialDefinition credential, List<Occupation> occupations, Parties parties) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", parties.learnerDid());
        subject.put("type", List.of("AchievementSubject"));
        subject.put("achievement", achievement(credential, occupations, parties));
        if (award.result() != null) {
            subject.put("result", List.of(Map.of("type", List.of("Result"), "value", award.result())));
        }
        return subject;
    }

    private static Map<String, Object> achievement(
            CredentialDefinition credential, List<Occupation> occupations, Parties parties) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:credfolio:achievement:" + credential.id());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", achievementType(credential));
        achievement.put("name", credential.name());
        achievement.put("description", credential.description() == null ? credential.name() : credential.description());
        if (parties.certifyingBody() != null) {
            // The body that certifies the achievement; the district is the credential's issuer.
            achievement.put("creator", parties.certifyingBody().profile());
        }
        // OB 3.0 Image: wallets and backpacks show it beside the credential.
        achievement.put(
                "image",
                Map.of("id", parties.achievementImageUrl(), "type", "Image", "caption", credential.name() + " badge"));
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
}
