package org.credfolio.trust.verification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The one verification engine behind GraphQL and the VC API endpoints. Runs named checks in order
 * (parse, algorithm, header, issuer, key, signature, claims, validity, revocation, suspension,
 * openBadges); a credential is verified only when all of them pass. Public: no login needed.
 */
@Service
public class CredentialVerifier {
    /** Clock skew tolerated on validity boundaries. */
    static final long LEEWAY_SECONDS = 60;

    private final JoseHeaderPolicy policy = JoseHeaderPolicy.forCredentials();
    private final SignatureVerification signatures;
    private final CredentialStatusCheck status;
    private final DataIntegrityVerifier dataIntegrity;

    CredentialVerifier(
            SignatureVerification signatures, CredentialStatusCheck status, DataIntegrityVerifier dataIntegrity) {
        this.signatures = signatures;
        this.status = status;
        this.dataIntegrity = dataIntegrity;
    }

    /**
     * Verifies a credential given as a compact JWS, a data: URL, an EnvelopedVerifiableCredential,
     * or a JSON-LD credential with an embedded Data Integrity proof. Input that is none of these
     * fails the parse check with the reason.
     */
    public CredentialVerification verifyCredential(String input) {
        CredentialInput read;
        try {
            read = CredentialInput.read(input);
        } catch (CredentialInput.Invalid e) {
            Checks checks = new Checks();
            checks.fail("parse", e.getMessage());
            return new CredentialVerification(false, checks.list(), null, null, null);
        }
        return verify(read);
    }

    CredentialVerification verify(CredentialInput input) {
        if (input instanceof CredentialInput.Secured secured) {
            return dataIntegrity.verify(secured.document(), secured.json());
        }
        return verifyJwt(((CredentialInput.Jwt) input).token());
    }

    private CredentialVerification verifyJwt(String token) {
        Checks checks = new Checks();
        JoseHeaderPolicy.Parsed parsed = policy.check(token, checks);
        if (parsed == null) {
            return new CredentialVerification(false, checks.list(), null, token, null);
        }
        Map<String, Object> payload = parsed.payload();
        VcClaims vc = VcClaims.of(payload);
        ResolvedKey key = signatures.verify(parsed, token, "issuer", checks);
        if (key == null) {
            return new CredentialVerification(
                    false, checks.list(), vc.summary(CredentialSummary.Status.INVALID), token, null);
        }
        checkClaims(vc, key, checks);
        CredentialSummary.Status validity = checkValidity(vc, checks, Instant.now());
        CredentialSummary.Status standing = status.check(vc, key, checks);
        checkOpenBadgesFields(vc, checks);
        return new CredentialVerification(
                checks.allPassed(),
                checks.list(),
                vc.summary(conclusion(standing, validity, checks)),
                token,
                vc.credential());
    }

    /** Revoked or suspended says most, then expired or not yet valid, then any other failure. */
    static CredentialSummary.Status conclusion(
            CredentialSummary.Status standing, CredentialSummary.Status validity, Checks checks) {
        if (standing != CredentialSummary.Status.ACTIVE) {
            return standing;
        }
        if (validity != CredentialSummary.Status.ACTIVE) {
            return validity;
        }
        return checks.allPassed() ? CredentialSummary.Status.ACTIVE : CredentialSummary.Status.INVALID;
    }

    private static void checkClaims(VcClaims vc, ResolvedKey key, Checks checks) {
        String issuer = vc.issuerId();
        if (issuer == null) {
            checks.fail("claims", "The credential names no issuer.");
        } else if (!issuer.equals(key.controller())) {
            checks.fail(
                    "claims",
                    "Signed with a key of " + key.controller() + " but claims to be issued by " + issuer + ".");
        } else if (vc.registered("iss") != null && !issuer.equals(vc.registered("iss"))) {
            checks.fail(
                    "claims", "The iss claim (" + vc.registered("iss") + ") differs from the issuer (" + issuer + ").");
        } else if (vc.registered("sub") != null && !vc.registered("sub").equals(vc.subjectId())) {
            checks.fail("claims", "The sub claim differs from credentialSubject.id.");
        } else if (vc.registered("jti") != null && !vc.registered("jti").equals(vc.id())) {
            checks.fail("claims", "The jti claim differs from the credential id.");
        } else {
            checks.pass("claims", "Issuer, subject and id agree with the signing key and the JWT claims.");
        }
    }

    static CredentialSummary.Status checkValidity(VcClaims vc, Checks checks, Instant now) {
        Instant from;
        Instant until;
        try {
            from = vc.validFrom();
            until = vc.validUntil();
        } catch (DateTimeParseException | ClassCastException e) {
            checks.fail("validity", "validFrom, validUntil, nbf or exp is not a valid date-time.");
            return CredentialSummary.Status.INVALID;
        }
        if (from != null && now.plusSeconds(LEEWAY_SECONDS).isBefore(from)) {
            checks.fail("validity", "Not valid before " + from + ".");
            return CredentialSummary.Status.NOT_YET_VALID;
        }
        if (until != null && now.minusSeconds(LEEWAY_SECONDS).isAfter(until)) {
            checks.fail("validity", "Expired on " + until + ".");
            return CredentialSummary.Status.EXPIRED;
        }
        checks.pass(
                "validity",
                "Valid from " + (from == null ? "(not stated)" : from)
                        + (until == null ? ", no expiry." : " until " + until + "."));
        return CredentialSummary.Status.ACTIVE;
    }

    /** Open Badges 3.0 OpenBadgeCredential required properties (OB 3.0, data model section B.1). */
    static void checkOpenBadgesFields(VcClaims vc, Checks checks) {
        if (!vc.types().contains("OpenBadgeCredential") && !vc.types().contains("AchievementCredential")) {
            checks.pass("openBadges", "Not an Open Badges credential; only the VC 2.0 rules apply.");
            return;
        }
        Optional<String> missing = vc.missingOpenBadgesField();
        if (missing.isPresent()) {
            checks.fail("openBadges", "Required Open Badges 3.0 property missing or malformed: " + missing.get() + ".");
        } else {
            checks.pass("openBadges", "All properties Open Badges 3.0 requires are present.");
        }
    }

    static boolean verifySignature(JWSObject jws, ResolvedKey key) {
        try {
            return jws.verify(key.verifierForUse());
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    static boolean verifySignature(JoseHeaderPolicy.Parsed jws, ResolvedKey key) {
        try {
            return key.verifierForUse().verify(jws.header(), jws.signingInput(), jws.signature());
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
