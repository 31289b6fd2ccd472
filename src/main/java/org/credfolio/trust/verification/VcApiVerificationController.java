package org.credfolio.trust.verification;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The W3C VC API verifier endpoints over the same engine as GraphQL. A credential that fails
 * verification is a 200 answer with {@code verified: false} and the failed checks as errors; only a
 * request that is not of the VC API shape is a 400.
 */
@RestController
class VcApiVerificationController {
    private final CredentialVerifier verifier;
    private final PresentationVerifier presentations;
    private final Challenges challenges;

    VcApiVerificationController(
            CredentialVerifier verifier, PresentationVerifier presentations, Challenges challenges) {
        this.verifier = verifier;
        this.presentations = presentations;
        this.challenges = challenges;
    }

    /**
     * {@code {"verifiablePresentation": <vp+jwt string or EnvelopedVerifiablePresentation>,
     * "options": {"challenge": ..., "domain": ...}}}
     */
    @PostMapping(path = "/presentations/verify", consumes = "application/json", produces = "application/json")
    ResponseEntity<Object> verifyPresentation(@RequestBody Map<String, Object> request) {
        Object presentation = request.get("verifiablePresentation");
        if (presentation == null) {
            return badRequest("The body needs a verifiablePresentation: a vp+jwt.");
        }
        Map<?, ?> options = request.get("options") instanceof Map<?, ?> o ? o : Map.of();
        String challenge = options.get("challenge") instanceof String c ? c : null;
        String domain = options.get("domain") instanceof String d ? d : null;
        PresentationVerification result = presentations.verifyPresentation(asText(presentation), challenge, domain);
        Map<String, Object> body = verdict(result.verified(), result.checks());
        body.put("holder", result.holder());
        body.put(
                "credentials",
                result.credentials().stream()
                        .map(VcApiVerificationController::response)
                        .toList());
        return ResponseEntity.ok(body);
    }

    /** A one-time challenge for a presentation: {@code {"domain": ...}} optional. */
    @PostMapping(path = "/challenges", produces = "application/json")
    ResponseEntity<Object> challenge(@RequestBody(required = false) Map<String, Object> request) {
        Object domain = request == null ? null : request.get("domain");
        if (domain != null && (!(domain instanceof String d) || d.length() > 200)) {
            return badRequest("domain must be a string of at most 200 characters.");
        }
        return ResponseEntity.ok(challenges.issue((String) domain));
    }

    /** {@code {"verifiableCredential": <vc+jwt string or EnvelopedVerifiableCredential>, "options": {}}} */
    @PostMapping(path = "/credentials/verify", consumes = "application/json", produces = "application/json")
    ResponseEntity<Object> verifyCredential(@RequestBody Map<String, Object> request) {
        Object credential = request.get("verifiableCredential");
        if (credential == null) {
            return badRequest("The body needs a verifiableCredential: a vc+jwt or an EnvelopedVerifiableCredential.");
        }
        return ResponseEntity.ok(response(verifier.verifyCredential(asText(credential))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable() {
        return badRequest("The request body is not a JSON object.");
    }

    static String asText(Object value) {
        return value instanceof String s
                ? s
                : value instanceof Map<?, ?> map ? JSONObjectUtils.toJSONString(cast(map)) : "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    static ResponseEntity<Object> badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }

    /** VC API verification response: passed check names, failures as problem details, plus our detail. */
    static Map<String, Object> response(CredentialVerification result) {
        Map<String, Object> body = verdict(result.verified(), result.checks());
        if (result.summary() != null) {
            body.put("summary", result.summary());
        }
        return body;
    }

    /** What every VC API verification answer starts with: the verdict, check names, failures, detail. */
    private static Map<String, Object> verdict(boolean verified, List<VerificationCheck> checks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verified", verified);
        body.put("checks", passedNames(checks));
        body.put("warnings", List.of());
        body.put("errors", problems(checks));
        body.put("results", checks);
        return body;
    }

    private static List<String> passedNames(List<VerificationCheck> checks) {
        return checks.stream()
                .filter(VerificationCheck::passed)
                .map(VerificationCheck::name)
                .toList();
    }

    private static List<Map<String, String>> problems(List<VerificationCheck> checks) {
        return checks.stream()
                .filter(c -> !c.passed())
                .map(c -> Map.of(
                        "type", "https://credfolio.org/problems/verification/" + c.name(),
                        "title", "Check '" + c.name() + "' failed",
                        "detail", c.reason()))
                .toList();
    }
}
