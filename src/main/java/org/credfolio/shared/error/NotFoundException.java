package org.credfolio.shared.error;

/** The thing asked for does not exist (or the caller may not know that it does). */
public final class NotFoundException extends CredfolioException {
    public NotFoundException(String code, String message) {
        super(code, null, message);
    }

    public NotFoundException(String code, String field, String message) {
        super(code, field, message);
    }
}
