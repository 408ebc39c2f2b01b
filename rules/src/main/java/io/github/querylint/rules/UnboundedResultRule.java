package io.github.querylint.rules;

import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.parse.StatementKind;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import java.util.List;
import java.util.Optional;

/**
 * A row-returning query with no filter and no limit whose every row the code reads. When
 * {@code querylint-sizes.yml} gives the driving table's production rows, the finding is an error
 * above {@code largeResultRows} (default 10,000) and a warning at or below it, and the message says
 * how many rows; the estimate is {@link RowEstimate}'s (every row, for an unfiltered query).
 */
public final class UnboundedResultRule implements Rule {

    static final Option<Long> LARGE_RESULT_ROWS = RowEstimate.largeResultOption();

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("unbounded-result", "Unbounded result read into memory",
            "A row-returning query with no row-restricting filter and no row limit is read as a collection or stream",
            Severity.ERROR, List.of(LARGE_RESULT_ROWS), "0.1.0");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Violation> check(QueryContext context) {
        if (context.shape().kind() != StatementKind.SELECT || !context.query().callSite().readsAllRows()
                || context.shape().forUpdate()) {
            return List.of();
        }
        boolean conditional = context.query().filterConditional();
        for (SelectBlock block : context.shape().resultBlocks()) {
            if (!block.hasFrom() || block.aggregateOnly() || block.limit().bounded()) {
                continue;
            }
            if (block.filter().restricts() && !conditional) {
                continue; // filtered: missing-pagination's business
            }
            String tables = Messages.names(block.tableNames());
            String into = context.query().callSite().container();
            if (block.grouped() || (block.distinct() && block.stars().isEmpty())) {
                // one row per group or per distinct value: often few, so a note rather than an error
                return List.of(new Violation("query returns one row per " + (block.grouped() ? "group" : "distinct value")
                        + " of " + tables + " into " + into + " with no limit; make sure the groups stay few, or add LIMIT",
                        Severity.INFO));
            }
            Optional<RowEstimate> estimate = RowEstimate.of(block, context.schema(), true);
            Severity severity = RowEstimate.severity(estimate, context.options().get(LARGE_RESULT_ROWS));
            String size = estimate.map(e -> " (" + RowEstimate.approx(e.rows()) + " in production)").orElse("");
            if (block.filter().restricts()) {
                return List.of(new Violation("query may read every row of " + tables + size + " into " + into
                        + ": its WHERE clause is built only from conditional <if> tags and vanishes when none applies;"
                        + " add a filter that always applies, or paginate", severity));
            }
            return List.of(new Violation("query reads every row of " + tables + size + " into " + into
                    + "; add a filter and paginate (Pageable, setMaxResults or LIMIT)", severity));
        }
        return List.of();
    }
}
