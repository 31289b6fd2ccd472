package org.credfolio.shared.error;

import jakarta.validation.ConstraintViolation;
import java.util.Map;

/** Stable codes for bean-validation failures, named after the problem, not the annotation. */
final class ErrorCodes {
    private static final Map<String, String> BY_CONSTRAINT = Map.ofEntries(
            Map.entry("NotNull", "REQUIRED"),
            Map.entry("NotBlank", "REQUIRED"),
            Map.entry("NotEmpty", "REQUIRED"),
            Map.entry("Size", "LENGTH_OUT_OF_RANGE"),
            Map.entry("Pattern", "BAD_FORMAT"),
            Map.entry("Email", "BAD_FORMAT"),
            Map.entry("URL", "BAD_FORMAT"),
            Map.entry("Min", "OUT_OF_RANGE"),
            Map.entry("Max", "OUT_OF_RANGE"),
            Map.entry("Positive", "OUT_OF_RANGE"),
            Map.entry("PositiveOrZero", "OUT_OF_RANGE"),
            Map.entry("DecimalMin", "OUT_OF_RANGE"),
            Map.entry("DecimalMax", "OUT_OF_RANGE"),
            Map.entry("Digits", "OUT_OF_RANGE"),
            Map.entry("PastOrPresent", "DATE_IN_FUTURE"),
            Map.entry("Past", "DATE_IN_FUTURE"),
            Map.entry("PlausibleDate", "DATE_OUT_OF_RANGE"));

    private ErrorCodes() {}

    static String of(ConstraintViolation<?> violation) {
        String constraint = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return BY_CONSTRAINT.getOrDefault(constraint, "INVALID_VALUE");
    }

    /** {@code recordEarnedCredential.input.earnedOn} becomes {@code input.earnedOn}. */
    static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int firstDot = path.indexOf('.');
        return firstDot < 0 ? path : path.substring(firstDot + 1);
    }
}
