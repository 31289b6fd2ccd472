package org.credfolio.shared.error;

/** The request clashes with what is stored already (a duplicate, a taken name). */
public final class ConflictException extends CredfolioException {
    public ConflictException(String code, String field, String message) {
        super(code, field, message);
    }
}
