package org.credfolio.trust.verification;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answers of the VC API verify endpoints (VCALM {@code VerificationResult}, extended with
 * Credfolio's named checks and summary):
 *
 * <ul>
 *   <li>200 {@code {"verified": true, "credential"?, "problemDetails": [], "checks": [...],
 *       "results"?, "summary"}}: every check passed;
 *   <li>400, same members with {@code verified: false} and one problem per failed check
 *       ({@code https://credfolio.org/problems/verification/<check>}): a readable credential that
 *       did not verify (forged, altered, revoked, expired, unknown issuer, ...);
 *   <li>422: the input is not a verifiable credential (or presentation) at all, the one failed
 *       {@code parse} check saying why.
 * </ul>
 *
 * Error answers are {@code application/problem+json} and start with the RFC 9457 members
 * {@code type}, {@code title}, {@code status} and {@code detail}.
 */
final class VcApiResponses {
    static final String CHECK_PROBLEM = "https://credfolio.org/problems/verification/";
    static final String VERIFICATION_FAILED = "https://credfolio.org/problems/verification-failed";

    private VcApiResponses() {}

    /** What the verifier reports for input that is not a credential: one failed parse check. */
    static CredentialVerification unreadable(CredentialInput.Invalid e) {
        return new CredentialVerification(
                false, List.of(VerificationCheck.fail("parse", e.getMessage())), null, null, null);
    }

    /** The answer to {@code POST /credentials/verify}; {@code input} is null when it could not be read. */
    static ResponseEntity<Object> credential(
            CredentialVerification result, CredentialInput input, VerifyOptions options) {
        Map<String, Object> body = credentialBody(result, input, options, Kind.CREDENTIAL);
        return answer(result.verified(), result.checks(), body, Kind.CREDENTIAL, "The credential");
    }

    /** The answer to {@code POST /presentations/verify}. */
    static ResponseEntity<Object> presentation(PresentationVerification result, VerifyOptions options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verified", result.verified());
        if (options.returnProblemDetails()) {
            List<Map<String, Object>> problems = new ArrayList<>(problems(result.checks(), Kind.PRESENTATION));
            for (int i = 0; i < result.credentials().size(); i++) {
                CredentialVerification credential = result.credentials().get(i);
                if (!credential.verified()) {
                    problems.add(VcApiProblem.entry(
                            CHECK_PROBLEM + "credential",
                            "Credential " + (i + 1) + " did not verify",
                            failures(credential.checks())));
                }
            }
            body.put("problemDetails", problems);
        }
        body.put("checks", result.checks());
        body.put("holder", result.holder());
        VerifyOptions each = new VerifyOptions(false, false, options.returnProblemDetails(), null, null);
        body.put(
                "credentials",
                result.credentials().stream()
                        .map(c -> credentialBody(c, null, each, Kind.CREDENTIAL))
                        .toList());
        return answer(result.verified(), result.checks(), body, Kind.PRESENTATION, "The presentation");
    }

    /** A request refused before anything was verified. */
    static ResponseEntity<Object> problem(VcApiProblem problem) {
        return ResponseEntity.status(problem.status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.body());
    }

    /** What was verified, and how the outcome is titled when it is a problem. */
    private enum Kind {
        CREDENTIAL(VcApiProblem.INVALID_CREDENTIAL, "Not a verifiable credential"),
        PRESENTATION(VcApiProblem.INVALID_PRESENTATION, "Not a verifiable presentation");

        final String invalidType;
        final String invalidTitle;

        Kind(String invalidType, String invalidTitle) {
            this.invalidType = invalidType;
            this.invalidTitle = invalidTitle;
        }
    }

    private static Map<String, Object> credentialBody(
            CredentialVerification result, CredentialInput input, VerifyOptions options, Kind kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verified", result.verified());
        if (options.returnCredential() && result.credential() != null) {
            body.put("credential", result.credential());
        }
        if (options.returnProblemDetails()) {
            body.put("problemDetails", problems(result.checks(), kind));
        }
        body.put("checks", result.checks());
        if (options.returnResults()) {
            body.put("results", results(result, input));
        }
        if (result.summary() != null) {
            body.put("summary", result.summary());
        }
        return body;
    }

    /** 200 when verified; 422 when the input could not be read at all; 400 for any other failure. */
    private static ResponseEntity<Object> answer(
            boolean verified, List<VerificationCheck> checks, Map<String, Object> members, Kind kind, String what) {
        if (verified) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(members);
        }
        VerificationCheck parse = checks.stream()
                .filter(c -> c.name().equals("parse") && !c.passed())
                .findFirst()
                .orElse(null);
        Map<String, Object> body = parse != null
                ? VcApiProblem.start(
                        HttpStatus.UNPROCESSABLE_CONTENT, kind.invalidType, kind.invalidTitle, parse.reason())
                : VcApiProblem.start(
                        HttpStatus.BAD_REQUEST,
                        VERIFICATION_FAILED,
                        "Verification failed",
                        what + " did not verify: " + failures(checks));
        body.putAll(members);
        return ResponseEntity.status(parse != null ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /** One problem per failed check; a failed parse check means the input is not of the kind at all. */
    private static List<Map<String, Object>> problems(List<VerificationCheck> checks, Kind kind) {
        return checks.stream()
                .filter(c -> !c.passed())
                .map(c -> c.name().equals("parse")
                        ? VcApiProblem.entry(kind.invalidType, kind.invalidTitle, c.reason())
                        : VcApiProblem.entry(CHECK_PROBLEM + c.name(), "Check '" + c.name() + "' failed", c.reason()))
                .toList();
    }

    private static String failures(List<VerificationCheck> checks) {
        String failed = checks.stream()
                .filter(c -> !c.passed())
                .map(c -> c.name() + " (" + c.reason() + ")")
                .collect(Collectors.joining("; "));
        return failed.isEmpty() ? "not every check passed." : failed;
    }

    /**
     * VCALM's per-step {@code results}: the proof(s) as given, and, once the signature verified, the
     * credential's validFrom, validUntil and credentialStatus entries with their outcome.
     */
    private static Map<String, Object> results(CredentialVerification result, CredentialInput input) {
        Map<String, Object> results = new LinkedHashMap<>();
        boolean signature = passed(result.checks(), "signature");
        List<Map<String, Object>> proofs =
                proofs(input).stream().map(proof -> step(signature, proof)).toList();
        if (!proofs.isEmpty()) {
            results.put("proof", proofs);
        }
        Map<String, Object> credential = result.credential();
        if (credential == null) {
            return results;
        }
        Instant now = Instant.now();
        long leeway = CredentialVerifier.LEEWAY_SECONDS;
        date(credential, "validFrom", from -> !now.plusSeconds(leeway).isBefore(from), results);
        date(credential, "validUntil", until -> !now.minusSeconds(leeway).isAfter(until), results);
        Object status = credential.get("credentialStatus");
        List<?> entries = status instanceof List<?> list ? list : status == null ? List.of() : List.of(status);
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map && map.get("statusPurpose") instanceof String purpose) {
                VerificationCheck check = result.checks().stream()
                        .filter(c -> c.name().equals(purpose))
                        .findFirst()
                        .orElse(null);
                Map<String, Object> item = step(check != null && check.passed(), map);
                Integer value = statusValue(purpose, check, result.summary());
                if (value != null) {
                    item.put("value", value);
                }
                statuses.add(item);
            }
        }
        if (!statuses.isEmpty()) {
            results.put("credentialStatus", statuses);
        }
        return results;
    }

    /** The status bit when known: 0 when the check passed, 1 when it found the credential revoked or suspended. */
    private static Integer statusValue(String purpose, VerificationCheck check, CredentialSummary summary) {
        if (check == null) {
            return null;
        }
        if (check.passed()) {
            return 0;
        }
        CredentialSummary.Status status = summary == null ? null : summary.status();
        boolean set = purpose.equals("revocation") && status == CredentialSummary.Status.REVOKED
                || purpose.equals("suspension") && status == CredentialSummary.Status.SUSPENDED;
        return set ? 1 : null;
    }

    private static void date(
            Map<String, Object> credential, String name, Predicate<Instant> holds, Map<String, Object> results) {
        if (!(credential.get(name) instanceof String value)) {
            return;
        }
        boolean verified;
        try {
            verified = holds.test(java.time.OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            verified = false;
        }
        results.put(name, step(verified, value));
    }

    private static Map<String, Object> step(boolean verified, Object input) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("verified", verified);
        step.put("input", input);
        return step;
    }

    /** The embedded proof object(s), or the protected header of a JWS, as the caller sent them. */
    private static List<Object> proofs(CredentialInput input) {
        if (input instanceof CredentialInput.Secured secured) {
            Object proof = secured.document().get("proof");
            return proof instanceof List<?> list ? new ArrayList<>(list) : proof == null ? List.of() : List.of(proof);
        }
        if (input instanceof CredentialInput.Jwt jwt) {
            try {
                return List.of(JSONObjectUtils.parse(
                        new Base64URL(jwt.token().substring(0, jwt.token().indexOf('.'))).decodeToString()));
            } catch (ParseException | RuntimeException e) {
                return List.of();
            }
        }
        return List.of();
    }

    private static boolean passed(List<VerificationCheck> checks, String name) {
        return checks.stream().anyMatch(c -> c.name().equals(name) && c.passed());
    }
}
