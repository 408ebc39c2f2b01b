package io.github.querylint.core.diff;

/** The changes since a git revision cannot be read; the message says why and what to do. */
public final class DiffException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DiffException(String message) {
        super(message);
    }
}
