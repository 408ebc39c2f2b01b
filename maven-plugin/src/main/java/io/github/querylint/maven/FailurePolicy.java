package io.github.querylint.maven;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.rule.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether findings fail the build. Pure, so that the rule is tested apart from Maven.
 *
 * @param failOnViolation false only reports
 * @param threshold       the lowest severity that counts
 * @param maxAllowed      how many counted findings are tolerated
 */
record FailurePolicy(boolean failOnViolation, Severity threshold, int maxAllowed) {

    FailurePolicy {
        Objects.requireNonNull(threshold, "threshold");
        if (maxAllowed < 0) {
            throw new IllegalArgumentException("maxAllowedViolations must be 0 or more, got " + maxAllowed);
        }
    }

    /** The findings at or above the threshold. */
    long counted(AnalysisResult result) {
        return result.countAtLeast(threshold);
    }

    /** Whether there are more counted findings than allowed, failing or not. */
    boolean exceeded(long counted) {
        return counted > maxAllowed;
    }

    /** The failure message, when the build must fail. */
    Optional<String> failure(long counted, String reports) {
        if (!failOnViolation || !exceeded(counted)) {
            return Optional.empty();
        }
        return Optional.of(describe(counted) + "; fix " + (counted == 1 ? "it" : "them")
                + ", suppress with a reason, or record known ones with mvn querylint:baseline"
                + (reports.isEmpty() ? "" : " (reports: " + reports + ")"));
    }

    /** "QueryLint found 3 findings at or above warning (2 allowed)". */
    String describe(long counted) {
        return "QueryLint found " + counted + (counted == 1 ? " finding" : " findings") + " at or above "
                + threshold.id() + " (" + maxAllowed + " allowed)";
    }
}
