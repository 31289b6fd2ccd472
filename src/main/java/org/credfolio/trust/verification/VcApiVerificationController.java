package org.credfolio.trust.verification;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The W3C VC API (VCALM) verifier endpoints over the same engine as GraphQL. A verified credential
 * or presentation is a 200; one that was read but did not verify (forged, altered, revoked,
 * expired, unknown issuer, ...) is a 400 with {@code verified: false} and a problem per failed
 * check; input that is not a credential (or presentation) at all is a 422; a request that is not of
 * the VC API shape, or with an unknown or ill-typed option, is a 400. See {@link VcApiResponses}.
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
     * {@code {"verifiableCredential": <vc+jwt | EnvelopedVerifiableCredential | credential with an
     * embedded proof>, "options": {"returnCredential", "returnResults", "returnProblemDetails",
     * "checks"}}}
     */
    @PostMapping(
            path = "/credentials/verify",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<Object> verifyCredential(@RequestBody(required = false) Object body) {
        Map<?, ?> request = request(
                body,
                "verifiableCredential",
                "a vc+jwt, an EnvelopedVerifiableCredential or a credential with an embedded proof");
        VerifyOptions options = VerifyOptions.forCredentials(request.get("options"));
        CredentialInput input;
        try {
            input = CredentialInput.read(request.get("verifiableCredential"));
        } catch (CredentialInput.Invalid e) {
            return VcApiResponses.credential(VcApiResponses.unreadable(e), null, options);
        }
        return VcApiResponses.credential(verifier.verify(input), input, options);
    }

    /**
     * {@code {"verifiablePresentation": <vp+jwt | EnvelopedVerifiablePresentation>, "options":
     * {"challenge": ..., "domain": ..., "returnProblemDetails": ...}}}
     */
    @PostMapping(
            path = "/presentations/verify",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<Object> verifyPresentation(@RequestBody(required = false) Object body) {
        Map<?, ?> request = request(body, "verifiablePresentation", "a vp+jwt or an EnvelopedVerifiablePresentation");
        VerifyOptions options = VerifyOptions.forPresentations(request.get("options"));
        String token;
        try {
            token = PresentationInput.read(request.get("verifiablePresentation"));
        } catch (CredentialInput.Invalid e) {
            Checks checks = new Checks();
            checks.fail("parse", e.getMessage());
            return VcApiResponses.presentation(
                    new PresentationVerification(false, checks.list(), null, List.of()), options);
        }
        return VcApiResponses.presentation(
                presentations.verifyPresentation(token, options.challenge(), options.domain()), options);
    }

    /** A one-time challenge for a presentation: {@code {"domain": ...}} optional. */
    @PostMapping(
            path = "/challenges",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<Object> challenge(@RequestBody(required = false) Map<String, Object> request) {
        Object domain = request == null ? null : request.get("domain");
        if (domain != null && (!(domain instanceof String d) || d.length() > 200)) {
            return plainProblem("domain must be a string of at most 200 characters.");
        }
        return ResponseEntity.ok(challenges.issue((String) domain));
    }

    @ExceptionHandler(VcApiProblem.class)
    ResponseEntity<Object> refused(VcApiProblem problem) {
        return VcApiResponses.problem(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpServletRequest request) {
        String detail = "The request body is not a JSON object.";
        return request.getRequestURI().endsWith("/challenges")
                ? plainProblem(detail)
                : VcApiResponses.problem(VcApiProblem.invalidRequest(detail));
    }

    /** The body as a JSON object with the member holding what is to be verified. */
    private static Map<?, ?> request(Object body, String member, String what) {
        String shape = "{\"" + member + "\": ..., \"options\": {...}}";
        if (!(body instanceof Map<?, ?> request)) {
            throw VcApiProblem.invalidRequest("The request body is "
                    + (body == null ? "empty or null" : DataModelRules.kind(body)) + "; it must be a JSON object "
                    + shape + ".");
        }
        if (request.get(member) == null) {
            throw VcApiProblem.invalidRequest("The body needs a " + member + ": " + what + ".");
        }
        return request;
    }

    private static ResponseEntity<Object> plainProblem(String detail) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(VcApiProblem.start(
                        HttpStatus.BAD_REQUEST, VcApiProblem.INVALID_REQUEST, "Invalid request", detail));
    }
}
