package io.github.querylint.core.reliability;

import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import java.util.List;

/**
 * A stand-in rule for core's own tests (core cannot see the real rules): flags a query whose
 * result columns include a star, so a test can tell that the healthy part of a tree was still judged.
 */
final class StarProbe implements Rule {

    static final String ID = "star-probe";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Star probe",
            "Flags a star in the result columns, for tests", Severity.WARNING, List.of(), "0.1.0");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Violation> check(QueryContext context) {
        for (SelectBlock block : context.shape().resultBlocks()) {
            if (!block.stars().isEmpty()) {
                return List.of(Violation.of("query selects every column; name the columns it needs"));
            }
        }
        return List.of();
    }
}
