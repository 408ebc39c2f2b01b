package io.github.querylint.core.rule;

import java.util.Objects;

/**
 * What a rule found in one query: a message, and optionally a severity other than the rule's
 * default (when the evidence, such as production table sizes, makes it worse).
 */
public record Violation(String message, Severity severity) {

    public Violation {
        Objects.requireNonNull(message, "message");
    }

    public static Violation of(String message) {
        return new Violation(message, null);
    }
}
