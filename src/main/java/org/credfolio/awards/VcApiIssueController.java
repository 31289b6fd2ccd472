package org.credfolio.awards;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.credfolio.shared.error.ConflictException;
import org.credfolio.shared.error.CredfolioException;
import org.credfolio.shared.error.InvalidInputException;
import org.credfolio.shared.error.NotFoundException;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.keys.IssuerKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * W3C VC API {@code POST /credentials/issue} for registrars' VC API clients. The request's
 * credential names the learner (credentialSubject.id, their DID), the catalog achievement and the
 * dates; everything else in the signed credential comes from Credfolio's records, exactly as when
 * the award is recorded through GraphQL. Repeating a request returns the credential already issued.
 */
@RestController
class VcApiIssueController {
    private static final String ACHIEVEMENT_PREFIX = "urn:credfolio:achievement:";
    private final AwardManagement awards;
    private final CredentialIssuance issuance;
    private final IssuerKeys keys;
    private final Validator validator;

    VcApiIssueController(AwardManagement awards, CredentialIssuance issuance, IssuerKeys keys, Validator validator) {
        this.awards = awards;
        this.issuance = issuance;
        this.keys = keys;
        this.validator = validator;
    }

    @PostMapping(path = "/credentials/issue", consumes = "application/json", produces = "application/json")
    ResponseEntity<Object> issue(@RequestBody Map<String, Object> request) {
        if (!(request.get("credential") instanceof Map<?, ?> credential)) {
            throw new InvalidInputException("REQUIRED", "credential", "The body needs a credential object.");
        }
        RecordCredentialInput input = toInput(credential);
        Set<ConstraintViolation<RecordCredentialInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            ConstraintViolation<RecordCredentialInput> first =
                    violations.iterator().next();
            throw new InvalidInputException(
                    "BAD_FORMAT",
                    first.getPropertyPath().toString(),
                    first.getPropertyPath() + " " + first.getMessage());
        }
        HttpStatus status = HttpStatus.CREATED;
        Award award;
        try {
            award = awards.record(input);
        } catch (ConflictException e) {
            Optional<Award> held = awards.held(input.learnerId(), input.credentialId(), input.earnedOn());
            if (held.isEmpty()) {
                throw e;
            }
            award = held.get();
            status = HttpStatus.OK;
        }
        String jwt = issuance.jwtsFor(List.of(award)).get(award.id());
        if (jwt == null) {
            throw new ConflictException("ALREADY_REVOKED", "credential", "This credential was revoked.");
        }
        return ResponseEntity.status(status).body(Map.of("verifiableCredential", CredentialForms.envelope(jwt)));
    }

    private RecordCredentialInput toInput(Map<?, ?> credential) {
        Map<?, ?> subject = credential.get("credentialSubject") instanceof Map<?, ?> s ? s : Map.of();
        Map<?, ?> achievement = subject.get("achievement") instanceof Map<?, ?> a ? a : Map.of();
        String learnerDid = text(subject.get("id"), "credential.credentialSubject.id");
        String learnerPrefix = keys.learnerDid("");
        if (!learnerDid.startsWith(learnerPrefix)) {
            throw new InvalidInputException(
                    "BAD_FORMAT",
                    "credential.credentialSubject.id",
                    "credentialSubject.id must be a learner DID " + learnerPrefix + "<learnerId>.");
        }
        String achievementId = text(achievement.get("id"), "credential.credentialSubject.achievement.id");
        if (!achievementId.startsWith(ACHIEVEMENT_PREFIX)) {
            throw new InvalidInputException(
                    "BAD_FORMAT",
                    "credential.credentialSubject.achievement.id",
                    "achievement.id must be " + ACHIEVEMENT_PREFIX + "<catalog credential id>.");
        }
        Object validUntil = credential.get("validUntil");
        return new RecordCredentialInput(
                learnerDid.substring(learnerPrefix.length()),
                achievementId.substring(ACHIEVEMENT_PREFIX.length()),
                date(text(credential.get("validFrom"), "credential.validFrom"), "credential.validFrom"),
                validUntil == null ? null : date(String.valueOf(validUntil), "credential.validUntil"),
                result(subject),
                evidence(credential),
                null);
    }

    private static String result(Map<?, ?> subject) {
        if (subject.get("result") instanceof List<?> results
                && !results.isEmpty()
                && results.get(0) instanceof Map<?, ?> first
                && first.get("value") != null) {
            return String.valueOf(first.get("value"));
        }
        return null;
    }

    private static String evidence(Map<?, ?> credential) {
        Object evidence = credential.get("evidence");
        Object first = evidence instanceof List<?> list && !list.isEmpty() ? list.get(0) : evidence;
        return first instanceof Map<?, ?> map && map.get("id") instanceof String id ? id : null;
    }

    private static String text(Object value, String field) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidInputException("REQUIRED", field, field + " is required.");
        }
        return s;
    }

    /** A VC date-time to the date it falls on in UTC; a plain date is accepted too. */
    private static LocalDate date(String value, String field) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value)
                    : OffsetDateTime.parse(value)
                            .atZoneSameInstant(ZoneOffset.UTC)
                            .toLocalDate();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("BAD_FORMAT", field, field + " must be an ISO 8601 date-time.");
        }
    }

    @ExceptionHandler(CredfolioException.class)
    ResponseEntity<ProblemDetail> refused(CredfolioException e) {
        HttpStatus status = e instanceof NotFoundException
                ? HttpStatus.NOT_FOUND
                : e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.code());
        problem.setProperty("code", e.code());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "Only a registrar of the learner's organization may issue this credential.");
        problem.setProperty("code", "FORBIDDEN");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable() {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not a JSON object.");
        problem.setProperty("code", "BAD_FORMAT");
        return ResponseEntity.badRequest().body(problem);
    }
}
