package io.github.querylint.core.config;

/** A configuration the run cannot go on with; the message names file, line and key. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
