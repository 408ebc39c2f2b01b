package io.github.querylint.rules;

import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import java.util.List;

/** One select block joins more tables than the configured maximum. */
public final class ExcessiveJoinsRule implements Rule {

    static final Option<Integer> MAX_JOINS = Option.ofInt("maxJoins",
            "The most joins (explicit, comma and JPQL path joins) one select block may have", 5);

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("excessive-joins", "Too many joins in one query",
            "A select block joins more tables than the configured maximum", Severity.WARNING, List.of(MAX_JOINS), "0.1.0");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Violation> check(QueryContext context) {
        int max = context.options().get(MAX_JOINS);
        SelectBlock worst = null;
        for (SelectBlock block : context.shape().blocks()) {
            if (block.joinCount() > max && (worst == null || block.joinCount() > worst.joinCount())) {
                worst = block;
            }
        }
        if (worst == null) {
            return List.of();
        }
        String where = switch (worst.role()) {
            case CTE -> "one CTE";
            case SUBQUERY, EXISTS_PROBE -> "one subquery";
            case VIEW -> "the view";
            default -> "one select";
        };
        return List.of(Violation.of("query joins " + worst.joinCount() + " times in " + where + " ("
                + Messages.names(worst.tableNames()) + "), more than the maximum of " + max
                + " (maxJoins); fetch only what the caller needs, or split the query"));
    }
}
