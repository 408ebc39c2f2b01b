package io.github.querylint.rules;

import io.github.querylint.core.parse.ColumnRef;
import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.parse.StatementKind;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A filtered query that can still return many rows, read whole, with no limit or pagination. */
public final class MissingPaginationRule implements Rule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("missing-pagination", "Filtered query without pagination",
            "A filtered query that can still return many rows is read as a collection with no limit or pagination",
            Severity.WARNING, List.of(), "0.1.0");

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
        for (SelectBlock block : context.shape().resultBlocks()) {
            if (!block.hasFrom() || block.aggregateOnly() || block.limit().bounded() || block.readsCatalog()
                    || !block.filter().restricts() || block.grouped() || block.keyLookup(context.schema())) {
                continue; // one row, bounded, unfiltered (unbounded-result's), grouped, or a key lookup
            }
            Set<String> filtered = new LinkedHashSet<>();
            for (ColumnRef c : block.filter().equalities()) {
                filtered.add(c.qualifier().isEmpty() ? c.column() : c.qualifier() + "." + c.column());
            }
            String by = filtered.isEmpty() ? "" : " (filtered by " + String.join(", ", filtered) + ")";
            return List.of(Violation.of("query can return many rows of " + Messages.rowsOf(block) + by + " into "
                    + context.query().callSite().container() + " with no limit; paginate it (Pageable, setMaxResults or LIMIT)"));
        }
        return List.of();
    }
}
