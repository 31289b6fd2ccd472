package org.credfolio.shared.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem details for the REST downloads and uploads: the HTTP status, a stable
 * {@code code} clients switch on, a detail written for a person; never cached.
 */
public final class Problems {
    private Problems() {}

    /** A refusal a controller decides itself, answered by its handler with {@link #of(Refusal)}. */
    public static final class Refusal extends RuntimeException {
        private final HttpStatus status;
        private final String code;

        public Refusal(HttpStatus status, String code, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    public static ResponseEntity<ProblemDetail> of(Refusal refusal) {
        return of(refusal.status, refusal.code, refusal.getMessage());
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore())
                .body(problem);
    }
}
