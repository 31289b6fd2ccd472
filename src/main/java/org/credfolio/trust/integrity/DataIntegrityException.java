package org.credfolio.trust.integrity;

/** A document that cannot be secured or verified, with a reason fit to show the caller. */
public class DataIntegrityException extends RuntimeException {
    public DataIntegrityException(String message) {
        super(message);
    }

    public DataIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
