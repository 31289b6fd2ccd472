package org.credfolio.learner.claim;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.CredfolioException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.shared.web.Problems;
import org.credfolio.shared.web.Problems.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Claim codes as a download, for registrars who hand them out on paper: {@code POST
 * /claim-codes.csv} and {@code POST /claim-codes/sheet} (a printable page) with the registrar's
 * bearer token and the JSON input of {@code createClaimCodes}. Codes are stored only hashed, so each
 * call creates the codes it shows, under the same rules as {@code createClaimCodes}; nothing may
 * cache the answer. Refusals are problem details ({@code application/problem+json}) with a stable
 * {@code code}.
 */
@RestController
class ClaimCodeDownloads {
    private static final Logger log = LoggerFactory.getLogger(ClaimCodeDownloads.class);
    /** Script, frames, forms and remote resources are all off: the page is static. */
    private static final String PAGE_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final ClaimCodes codes;
    private final Validator validator;

    ClaimCodeDownloads(ClaimCodes codes, Validator validator) {
        this.codes = codes;
        this.validator = validator;
    }

    @PostMapping("/claim-codes.csv")
    ResponseEntity<byte[]> csv(@RequestBody(required = false) ClaimCodesInput input) {
        String body = ClaimCodeCsv.write(create(input));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"claim-codes-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"")
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/claim-codes/sheet")
    ResponseEntity<byte[]> sheet(@RequestBody(required = false) ClaimCodesInput input) {
        List<IssuedClaimCode> issued = create(input);
        String site =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String body = ClaimCodeSheet.render(issued, site);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Content-Type-Options", "nosniff")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sorted as a registrar hands them out: by name, then student id. */
    private List<IssuedClaimCode> create(ClaimCodesInput input) {
        if (input == null) {
            throw new Refusal(
                    HttpStatus.BAD_REQUEST,
                    "REQUIRED",
                    "Send JSON with 'learnerIds', or 'schoolId' and/or 'graduationYear'.");
        }
        Set<ConstraintViolation<ClaimCodesInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            ConstraintViolation<ClaimCodesInput> first = violations.iterator().next();
            String constraint = first.getConstraintDescriptor()
                    .getAnnotation()
                    .annotationType()
                    .getSimpleName();
            String code = constraint.equals("Size")
                    ? "LENGTH_OUT_OF_RANGE"
                    : constraint.equals("Min") || constraint.equals("Max") ? "OUT_OF_RANGE" : "INVALID_VALUE";
            throw new Refusal(HttpStatus.BAD_REQUEST, code, first.getPropertyPath() + ": " + first.getMessage());
        }
        return codes.create(input).stream()
                .sorted(Comparator.comparing(IssuedClaimCode::displayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(IssuedClaimCode::studentId))
                .toList();
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal e) {
        return Problems.of(e);
    }

    @ExceptionHandler(CredfolioException.class)
    ResponseEntity<ProblemDetail> refused(CredfolioException e) {
        HttpStatus status = e instanceof NotFoundException
                ? HttpStatus.NOT_FOUND
                : e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ResponseEntity<ProblemDetail> response = problem(status, e.code(), e.getMessage());
        if (e.field() != null) {
            response.getBody().setProperty("field", e.field());
        }
        return response;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        String detail = e.getMessage() == null || e.getMessage().equals("Access Denied")
                ? "Only a registrar or district admin may create claim codes, for learners of their own organization."
                : e.getMessage();
        return problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED", detail);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable() {
        return problem(
                HttpStatus.BAD_REQUEST,
                "BAD_FORMAT",
                "The body is not JSON of the form {\"learnerIds\": [...]} or {\"schoolId\", \"graduationYear\"}.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> notJson() {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send the input as application/json.");
    }

    /** Never a stack trace: an id to find the log entry. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> failed(RuntimeException e) {
        String incident = Long.toHexString(System.nanoTime());
        log.error("Claim-code download failed, incident {}", incident, e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Something went wrong on our side (incident " + incident + "). No codes were handed out.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return Problems.of(status, code, detail);
    }
}
