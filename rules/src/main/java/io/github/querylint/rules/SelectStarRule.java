package io.github.querylint.rules;

import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.parse.StarItem;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code SELECT *} or {@code t.*} in a select list whose columns reach the caller or a view. */
public final class SelectStarRule implements Rule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("select-star", "SELECT * reaches the caller",
            "The query's result columns include * or alias.*, so it reads and ships every column of the table",
            Severity.WARNING, List.of(), "0.1.0");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Violation> check(QueryContext context) {
        Set<String> tables = new LinkedHashSet<>();
        Set<String> stars = new LinkedHashSet<>();
        for (SelectBlock block : context.shape().blocks()) {
            // a star in a CTE, a subquery or an EXISTS probe is narrowed (or never read) by the query around it
            if (!block.role().columnsReachCaller() || block.stars().isEmpty()) {
                continue;
            }
            for (StarItem star : block.stars()) {
                if (star.narrowed()) {
                    continue; // SELECT * FROM (SELECT id, title ...) x: the derived table names what reaches the caller
                }
                stars.add(star.text());
                if (!star.table().isEmpty()) {
                    tables.add(star.table());
                } else {
                    tables.addAll(block.tableNames());
                }
            }
        }
        if (stars.isEmpty()) {
            return List.of();
        }
        int columns = 0;
        for (String table : tables) {
            columns += context.schema().table(table).map(t -> t.columns().size()).orElse(0);
        }
        String what = tables.isEmpty() ? "every column" : "every column of " + Messages.names(tables);
        String count = columns > 0 ? " (" + columns + " columns)" : "";
        return List.of(Violation.of("query selects " + what + count + " with " + String.join(", ", stars)
                + "; name the columns the caller needs"));
    }
}
