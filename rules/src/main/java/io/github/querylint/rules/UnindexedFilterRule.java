package io.github.querylint.rules;

import io.github.querylint.core.parse.Predicate;
import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.parse.TableRef;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import io.github.querylint.core.schema.SchemaModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A filtered query (or a join into a table) on a table the sizes file says is large, where no
 * compared column leads an index, the primary key or a unique key: the database reads the whole
 * table to find the rows. Needs both the schema (migrations or entities) and
 * {@code querylint-sizes.yml}; columns the schema does not know, negations, ORs and functions
 * of a column are left out, so the rule stays quiet rather than guess. Join columns count only
 * when the block filters somewhere: an unfiltered join reads everything either way.
 */
public final class UnindexedFilterRule implements Rule {

    static final Option<Long> MIN_TABLE_ROWS = Option.ofLong("minTableRows",
            "Production rows (from querylint-sizes.yml) from which a table is large enough for a missing index to matter",
            100_000);

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("unindexed-filter", "Filter without a usable index",
            "A query filters or joins a large table on columns that no index, primary key or unique key starts with",
            Severity.INFO, List.of(MIN_TABLE_ROWS), "0.1.0");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Violation> check(QueryContext context) {
        SchemaModel schema = context.schema();
        if (schema.tables().isEmpty() || schema.rows().isEmpty()) {
            return List.of();
        }
        long min = context.options().get(MIN_TABLE_ROWS);
        List<String> problems = new ArrayList<>();
        for (SelectBlock block : context.shape().blocks()) {
            boolean filtered = block.filter().predicates().stream().anyMatch(p -> p.kind() != Predicate.Kind.JOIN);
            if (!filtered) {
                continue;
            }
            for (TableRef ref : block.tables()) {
                Optional<SchemaModel.Table> table = schema.table(ref.name());
                Optional<Long> rows = schema.rowsOf(ref.name());
                if (table.isEmpty() || rows.isEmpty() || rows.get() < min) {
                    continue;
                }
                Set<String> columns = new LinkedHashSet<>();
                for (Predicate p : block.filter().predicates()) {
                    if (on(p, ref, block, schema)) {
                        String column = schema.column(ref.name(), p.column().column());
                        if (table.get().hasColumn(column)) {
                            columns.add(column);
                        }
                    }
                }
                if (!columns.isEmpty() && columns.stream().noneMatch(table.get()::indexedOn)) {
                    String problem = "`" + table.get().name() + "` (" + RowEstimate.approx(rows.get()) + " rows) by "
                            + String.join(", ", columns);
                    if (!problems.contains(problem)) {
                        problems.add(problem);
                    }
                }
            }
        }
        if (problems.isEmpty()) {
            return List.of();
        }
        return List.of(Violation.of("query looks up " + String.join(" and ", problems)
                + ", and no index starts with " + (problems.size() == 1 && !problems.get(0).contains(",") ? "that column"
                : "any of those columns") + "; add an index that leads with the most selective one"));
    }

    /** Whether a predicate's column belongs to this table of the block. */
    private static boolean on(Predicate p, TableRef ref, SelectBlock block, SchemaModel schema) {
        String qualifier = p.column().qualifier();
        if (!qualifier.isEmpty()) {
            return ref.answersTo(qualifier);
        }
        List<TableRef> real = block.tables().stream().filter(t -> !t.name().startsWith("(")).toList();
        if (real.size() == 1) {
            return real.get(0) == ref;
        }
        // unqualified among several tables: the one table whose columns hold it, when the schema says so
        List<TableRef> holders = real.stream().filter(t -> schema.table(t.name())
                .map(x -> x.hasColumn(schema.column(t.name(), p.column().column()))).orElse(false)).toList();
        return holders.size() == 1 && holders.get(0) == ref;
    }
}
