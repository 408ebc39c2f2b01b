package io.github.querylint.rules;

import io.github.querylint.core.parse.ColumnRef;
import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.parse.StatementKind;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A filtered query that can still return many rows, read whole, with no limit or pagination.
 * When {@code querylint-sizes.yml} gives the driving table's production rows, the finding is an
 * error when the estimated result is above {@code largeResultRows} (default 10,000) and stays a
 * warning at or below it; the message says the estimate. The estimate is {@link RowEstimate}'s:
 * equality on a non-key column keeps rows / 100, {@code LIKE} rows / 10, a range or another filter
 * rows / 3; the most selective kind counts and joins multiply by nothing.
 */
public final class MissingPaginationRule implements Rule {

    static final Option<Long> LARGE_RESULT_ROWS = RowEstimate.largeResultOption();

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("missing-pagination", "Filtered query without pagination",
            "A filtered query that can still return many rows is read as a collection with no limit or pagination",
            Severity.WARNING, List.of(LARGE_RESULT_ROWS), "0.1.0");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Violation> check(QueryContext context) {
        if (context.shape().kind() != StatementKind.SELECT || !context.query().callSite().readsAllRows()
                || context.query().filterConditional()) {
            return List.of(); // a filter that may vanish is unbounded-result's business
        }
        boolean jpql = context.query().language() != QueryLanguage.SQL;
        for (SelectBlock block : context.shape().resultBlocks()) {
            boolean perGroup = block.onePerGroup(context.schema(), jpql);
            if (!block.hasFrom() || block.aggregateOnly() || block.limit().bounded() || block.readsCatalog()
                    || !block.filter().restricts() || perGroup
                    || block.keyLookup(context.schema(), context.query().optionalColumns())) {
                continue; // one row, bounded, unfiltered (unbounded-result's), grouped, or a key lookup
            }
            Set<String> filtered = new LinkedHashSet<>();
            for (ColumnRef c : block.filter().equalities()) {
                if (!Messages.chosenAtRunTime(c.column())) {
                    filtered.add(c.qualifier().isEmpty() ? c.column() : c.qualifier() + "." + c.column());
                }
            }
            String by = filtered.isEmpty() ? "" : " (filtered by " + String.join(", ", filtered) + ")";
            Optional<RowEstimate> estimate = RowEstimate.of(block, context.schema(), false,
                    context.query().optionalColumns());
            Severity severity = RowEstimate.severity(estimate, context.options().get(LARGE_RESULT_ROWS));
            String what = estimate.map(e -> "query reads up to " + RowEstimate.approx(e.rows()) + " rows of `"
                    + e.table() + "`").orElse("query can return many rows of " + Messages.rowsOf(block));
            return List.of(new Violation(what + by + " into " + Messages.into(context.query())
                    + " with no limit; " + Messages.bound(context.query(), "paginate it"), severity));
        }
        return List.of();
    }
}
