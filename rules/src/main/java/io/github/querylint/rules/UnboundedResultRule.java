package io.github.querylint.rules;

import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.parse.StatementKind;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
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
        CallSite site = context.query().callSite();
        // no FOR UPDATE exemption: without a filter, the lock is on the whole table, not on a key
        if (context.shape().kind() != StatementKind.SELECT || !site.readsAllRows()) {
            return List.of();
        }
        boolean conditional = context.query().filterConditional();
        for (SelectBlock block : context.shape().resultBlocks()) {
            if (!block.hasFrom() || block.aggregateOnly() || block.limit().bounded() || block.readsCatalog()
                    || (block.filter().restricts() && !conditional)) {
                continue; // one row, bounded, the catalog's size, or filtered: missing-pagination's business
            }
            String rows = Messages.rowsOf(block) + " into " + Messages.into(context.query());
            String table = Messages.rowsOf(block);
            if (block.onePerGroup(context.schema(), context.query().language() != QueryLanguage.SQL)) {
                // one row per group or value: often few (statuses, days), a note; DISTINCT entities or keys only dedupe joins
                return List.of(new Violation("query returns one row per " + (block.grouped() ? "group" : "distinct value")
                        + " of " + rows + " with no limit; make sure the groups stay few, or add a limit", Severity.INFO));
            }
            Optional<RowEstimate> estimate = RowEstimate.of(block, context.schema(), true,
                    context.query().optionalColumns());
            Severity severity = RowEstimate.severity(estimate, context.options().get(LARGE_RESULT_ROWS));
            String size = estimate.map(e -> " (" + RowEstimate.approx(e.rows()) + " in production)").orElse("");
            rows = table + size + " into " + Messages.into(context.query());
            if (block.filter().restricts()) {
                QueryOrigin origin = context.query().origin();
                String where = switch (origin) {
                    case MYBATIS_XML -> "sits in an <if> and vanishes when none applies";
                    // an @Select <script>, or a provider method's SQL builder
                    case MYBATIS_ANNOTATION -> "sits in an <if> (or under an if of its provider) and vanishes when none applies";
                    case MYBATIS_PLUS -> "applies only under a condition (a leading boolean, an if, an IfPresent) and"
                            + " vanishes when none holds";
                    default -> "is appended only under a condition in the code, and vanishes when none holds";
                };
                return List.of(new Violation("query may read every row of " + rows + ": every predicate of its"
                        + " WHERE " + where + "; add a filter that always applies, or paginate", severity));
            }
            if (block.filter().runTimeOnly()) {
                String built = switch (context.query().origin()) {
                    case QUERYDSL -> "a helper's predicate or a BooleanBuilder, which Querydsl leaves out when null or empty";
                    case JOOQ -> "a helper's condition, or one assembled under conditions, which stays noCondition() when"
                            + " none applies";
                    default -> "a Specification or a criteria object";
                };
                return List.of(new Violation("query may read every row of " + rows + ": its filter is built at run"
                        + " time (" + built + ") and filters nothing when it is empty; "
                        + Messages.bound(context.query(), "paginate it") + ", or make sure a filter always applies",
                        severity));
            }
            return List.of(new Violation("query reads every row of " + rows
                    + "; " + Messages.bound(context.query(), "add a filter and paginate"), severity));
        }
        return List.of();
    }
}
