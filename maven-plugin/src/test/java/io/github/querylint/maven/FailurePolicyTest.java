package io.github.querylint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    private static final AnalysisResult ONE_OF_EACH = result(Severity.ERROR, Severity.WARNING, Severity.INFO);

    @Test
    void countsFindingsAtOrAboveTheThreshold() {
        assertThat(new FailurePolicy(true, Severity.ERROR, 0).counted(ONE_OF_EACH)).isEqualTo(1);
        assertThat(new FailurePolicy(true, Severity.WARNING, 0).counted(ONE_OF_EACH)).isEqualTo(2);
        assertThat(new FailurePolicy(true, Severity.INFO, 0).counted(ONE_OF_EACH)).isEqualTo(3);
    }

    @Test
    void failsOnlyAboveTheAllowance() {
        FailurePolicy policy = new FailurePolicy(true, Severity.WARNING, 2);
        assertThat(policy.failure(2, "")).isEmpty();
        assertThat(policy.failure(3, "target/querylint/querylint.sarif")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("QueryLint found 3 findings at or above warning (2 allowed); fix them")
                .endsWith("(reports: target/querylint/querylint.sarif)"));
    }

    @Test
    void aCleanRunPasses() {
        assertThat(new FailurePolicy(true, Severity.INFO, 0).failure(0, "")).isEmpty();
        assertThat(new FailurePolicy(true, Severity.INFO, 0).exceeded(0)).isFalse();
    }

    @Test
    void reportOnlyNeverFailsButStillSaysTheAllowanceIsExceeded() {
        FailurePolicy policy = new FailurePolicy(false, Severity.ERROR, 0);
        assertThat(policy.failure(5, "")).isEmpty();
        assertThat(policy.exceeded(5)).isTrue();
        assertThat(policy.describe(1)).isEqualTo("QueryLint found 1 finding at or above error (0 allowed)");
    }

    @Test
    void aNegativeAllowanceIsAUsageError() {
        assertThatThrownBy(() -> new FailurePolicy(true, Severity.ERROR, -1))
                .hasMessage("maxAllowedViolations must be 0 or more, got -1");
    }

    @Test
    void failOnNamesMatchTheSeverityIds() {
        for (FailOn f : FailOn.values()) {
            assertThat(f.severity().id()).isEqualTo(f.name());
        }
    }

    private static AnalysisResult result(Severity... severities) {
        List<Finding> findings = java.util.Arrays.stream(severities)
                .map(s -> new Finding("select-star", s, "m", new Location("A.java", 1, 1), "SELECT * FROM t", "jdbc", "f", List.of()))
                .toList();
        return new AnalysisResult(findings, List.of(), List.of(), List.of(), 0, 0, List.of(), 1);
    }
}
