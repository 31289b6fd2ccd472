package org.credfolio.trust.verification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the VC API verify endpoints refuse before verifying anything, answered as an RFC 9457
 * problem ({@code application/problem+json}) that also carries the VC API members {@code verified:
 * false} and {@code problemDetails}.
 */
final class VcApiProblem extends RuntimeException {
    static final String INVALID_REQUEST = "https://credfolio.org/problems/invalid-request";
    static final String UNKNOWN_OPTION = "https://www.w3.org/TR/vcalm#UNKNOWN_OPTION_PROVIDED";
    static final String INVALID_CREDENTIAL = "https://credfolio.org/problems/invalid-credential";
    static final String INVALID_PRESENTATION = "https://credfolio.org/problems/invalid-presentation";

    final HttpStatus status;
    final String type;
    final String title;

    VcApiProblem(HttpStatus status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** The body is not of the VC API shape: not a JSON object, or a member missing or ill-typed. */
    static VcApiProblem invalidRequest(String detail) {
        return new VcApiProblem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", detail);
    }

    static VcApiProblem unknownOption(String detail) {
        return new VcApiProblem(HttpStatus.BAD_REQUEST, UNKNOWN_OPTION, "Unknown option", detail);
    }

    /** The body, starting with the RFC 9457 members. */
    Map<String, Object> body() {
        Map<String, Object> body = start(status, type, title, getMessage());
        body.put("verified", false);
        body.put("problemDetails", List.of(entry(type, title, getMessage())));
        return body;
    }

    /** The RFC 9457 members every error answer of these endpoints starts with. */
    static Map<String, Object> start(HttpStatus status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        return body;
    }

    /** One ProblemDetails object of a {@code problemDetails} list (VCALM, RFC 9457). */
    static Map<String, Object> entry(String type, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("detail", detail);
        return problem;
    }
}
