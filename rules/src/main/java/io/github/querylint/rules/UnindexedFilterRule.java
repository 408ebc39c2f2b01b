package io.github.querylint.rules;

import io.github.querylint.core.parse.ColumnRef;
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
 * A filtered query (or a join into a table) on a table the sizes file says is large, where the
 * database has no index to start from or to follow: it must read the whole table. A block is
 * entered at a table whose compared columns include one that leads an index, the primary key or a
 * unique key (or at a small table, cheap to scan); every other large table must then be reached
 * through a join column that leads an index. Needs both the schema (migrations or entities) and
 * {@code querylint-sizes.yml}; columns the schema does not know, negations, ORs and functions of a
 * column are left out, so the rule stays quiet rather than guess, and an unfiltered block is left
 * alone: it reads everything whatever the indexes.
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
            for (String problem : problems(block, schema, min)) {
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
        }
        if (problems.isEmpty()) {
            return List.of();
        }
        boolean one = problems.size() == 1 && !problems.get(0).contains(",");
        return List.of(Violation.of("query looks up " + String.join(" and ", problems) + ", and no index starts with "
                + (one ? "that column" : "any of those columns") + "; add an index that leads with the most selective one"));
    }

    /** What one table of a block is compared on. */
    private static final class Use {
        final TableRef ref;
        final SchemaModel.Table table;
        final long rows;
        final boolean large;
        final Set<String> filters = new LinkedHashSet<>();
        final List<String[]> joins = new ArrayList<>(); // {own column, other table's alias or name}
        boolean reached;

        Use(TableRef ref, SchemaModel.Table table, long rows, boolean large) {
            this.ref = ref;
            this.table = table;
            this.rows = rows;
            this.large = large;
        }

        boolean indexedFilter() {
            return filters.stream().anyMatch(table::indexedOn);
        }
    }

    /**
     * The plan a database would need: enter the block at a table with an indexed filter (or a
     * small table, cheap to scan), then reach each other table through an indexed join column. A
     * large table that filters without an index, when no table offers an indexed entry, and a large
     * table joined only through columns no index leads, are the problems.
     */
    private static List<String> problems(SelectBlock block, SchemaModel schema, long min) {
        if (block.filter().predicates().stream().allMatch(p -> p.kind() == Predicate.Kind.JOIN
                || p.kind() == Predicate.Kind.OUTER_JOIN_CONDITION)) {
            return List.of(); // unfiltered: everything is read whatever the indexes
        }
        List<Use> uses = new ArrayList<>();
        for (TableRef ref : block.tables()) {
            if (ref.name().startsWith("(")) {
                continue;
            }
            Optional<SchemaModel.Table> table = schema.table(ref.name());
            Optional<Long> rows = schema.rowsOf(ref.name());
            SchemaModel.Table known = table.orElse(new SchemaModel.Table(ref.name(), List.of(), List.of(), List.of()));
            Use use = new Use(ref, known, rows.orElse(0L), table.isPresent() && rows.isPresent() && rows.get() >= min);
            uses.add(use);
        }
        for (Predicate p : block.filter().predicates()) {
            if (p.kind() == Predicate.Kind.OUTER_JOIN_CONDITION) {
                continue; // it narrows what is joined; the outer-joined table is reached through its join column
            }
            for (Use use : uses) {
                String column = columnOn(p.column(), use.ref, block, schema);
                if (column == null || (use.large && !use.table.hasColumn(column))) {
                    continue;
                }
                if (p.kind() != Predicate.Kind.JOIN) {
                    use.filters.add(column);
                } else {
                    for (Use other : uses) {
                        if (other != use && columnOn(p.other(), other.ref, block, schema) != null) {
                            use.joins.add(new String[] {column, other.ref.alias().isEmpty() ? other.ref.name() : other.ref.alias()});
                        }
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        List<Use> entries = uses.stream().filter(u -> !u.filters.isEmpty() && (!u.large || u.indexedFilter())).toList();
        if (entries.isEmpty()) {
            for (Use u : uses) {
                if (!u.filters.isEmpty()) {
                    problems.add(describe(u, u.filters));
                    u.reached = true; // it is scanned: the tables after it can be reached from it
                }
            }
        } else {
            entries.forEach(u -> u.reached = true);
        }
        for (boolean moved = true; moved; ) {
            moved = false;
            for (Use u : uses) {
                if (!u.reached && u.joins.stream().anyMatch(j -> reached(uses, j[1]) && (!u.large || u.table.indexedOn(j[0])))) {
                    u.reached = true;
                    moved = true;
                }
            }
        }
        for (Use u : uses) {
            if (!u.reached && u.large) {
                Set<String> columns = new LinkedHashSet<>();
                u.joins.stream().filter(j -> reached(uses, j[1])).forEach(j -> columns.add(j[0]));
                if (!columns.isEmpty()) {
                    problems.add(describe(u, columns));
                }
            }
        }
        return problems;
    }

    private static boolean reached(List<Use> uses, String aliasOrName) {
        return uses.stream().anyMatch(u -> u.reached && u.ref.answersTo(aliasOrName));
    }

    private static String describe(Use u, Set<String> columns) {
        return "`" + u.table.name() + "` (" + RowEstimate.approx(u.rows) + " rows) by " + String.join(", ", columns);
    }

    /** The column of this table a predicate compares, or null when it compares another table's. */
    private static String columnOn(ColumnRef ref0, TableRef ref, SelectBlock block, SchemaModel schema) {
        String qualifier = ref0.qualifier();
        String column = ref0.column();
        String joinColumn = block.associationKeyColumn(ref0, ref, schema); // JPQL o.customer.id: o's foreign key
        if (joinColumn != null || qualifier.indexOf('.') > 0) {
            return joinColumn;
        }
        if (!qualifier.isEmpty()) {
            return ref.answersTo(qualifier) ? schema.column(ref.name(), column) : null;
        }
        List<TableRef> real = block.tables().stream().filter(t -> !t.name().startsWith("(")).toList();
        if (real.size() == 1) {
            return real.get(0) == ref ? schema.column(ref.name(), column) : null;
        }
        // unqualified among several tables: the one table whose columns hold it, when the schema says so
        List<TableRef> holders = real.stream().filter(t -> schema.table(t.name())
                .map(x -> x.hasColumn(schema.column(t.name(), column))).orElse(false)).toList();
        return holders.size() == 1 && holders.get(0) == ref ? schema.column(ref.name(), column) : null;
    }
}
