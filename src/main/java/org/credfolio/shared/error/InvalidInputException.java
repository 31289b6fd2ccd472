package org.credfolio.shared.error;

/** The input breaks a rule that bean validation cannot express (a date order, a reference). */
public final class InvalidInputException extends CredfolioException {
    public InvalidInputException(String code, String field, String message) {
        super(code, field, message);
    }
}
