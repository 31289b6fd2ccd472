package org.credfolio.shared.error;

/**
 * A refusal a caller can act on. Its {@code code} is stable (clients switch on it); its message is
 * written for a person. Never carries internal detail.
 */
public abstract sealed class CredfolioException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidInputException {
    private final String code;
    private final String field;

    protected CredfolioException(String code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** The input field at fault, as a path such as {@code input.earnedOn}, or null. */
    public String field() {
        return field;
    }
}
