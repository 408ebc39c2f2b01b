package io.github.querylint.maven;

import io.github.querylint.core.rule.Severity;

/** The lowest severity that fails the build. */
public enum FailOn {
    error(Severity.ERROR),
    warning(Severity.WARNING),
    info(Severity.INFO);

    private final Severity severity;

    FailOn(Severity severity) {
        this.severity = severity;
    }

    Severity severity() {
        return severity;
    }
}
