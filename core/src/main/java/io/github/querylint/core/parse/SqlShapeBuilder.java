package io.github.querylint.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.SimilarToExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Top;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;

/** Turns a JSqlParser statement into a {@link QueryShape}. The only class that reads JSqlParser trees. */
final class SqlShapeBuilder {

    /** Functions that fold many rows into one value. */
    static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "string_agg", "array_agg",
            "listagg", "group_concat", "bool_and", "bool_or", "every", "stddev", "stddev_pop", "stddev_samp",
            "variance", "var_pop", "var_samp", "json_agg", "jsonb_agg", "json_arrayagg", "json_objectagg",
            "xmlagg", "median", "percentile_cont", "percentile_disc", "count_big", "any_value");

    private final List<SelectBlock> blocks = new ArrayList<>();
    /** The block each plain select was added as, for a derived table that is a set operation. */
    private final java.util.Map<PlainSelect, Integer> blockOf = new java.util.IdentityHashMap<>();
    /** What each CTE hands on, by lower-case name, so that a block reading it can inherit its filter and bounds. */
    private final java.util.Map<String, Source> cteSources = new java.util.HashMap<>();
    /** Whether each CTE, by lower-case name, hands on only columns it names (see {@link #namesColumns(Select)}). */
    private final java.util.Map<String, Boolean> cteNamesColumns = new java.util.HashMap<>();
    /** Each CTE's columns that number its rows ({@code ROW_NUMBER() OVER (..) AS rn}), by CTE name. */
    private final java.util.Map<String, Set<String>> cteRowNumbers = new java.util.HashMap<>();

    /**
     * What a derived table or CTE says about the rows it hands on.
     *
     * @param restricts whether its rows are filtered (WHERE, HAVING, or a recursive step over a filtered anchor)
     * @param limit     the bound on its rows
     * @param grouped   whether it returns one row per group
     */
    private record Source(boolean restricts, RowLimit limit, boolean grouped) {
    }

    QueryShape build(Statement statement) {
        if (statement instanceof PlainSelect plain && plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()) {
            // SELECT ... INTO new_table (PostgreSQL, SQL Server): a CREATE TABLE ... AS SELECT; the rows stay in the database
            addSelect(plain, BlockRole.WRITE_SOURCE, RowLimit.NONE);
            return new QueryShape(StatementKind.DDL, blocks, false, false, name(plain.getIntoTables().get(0)));
        }
        if (statement instanceof Select select) {
            addSelect(select, BlockRole.OUTERMOST, RowLimit.NONE);
            return new QueryShape(StatementKind.SELECT, blocks, forUpdate(select), false, "");
        }
        if (statement instanceof Insert insert) {
            if (insert.getSelect() != null && !(insert.getSelect() instanceof net.sf.jsqlparser.statement.select.Values)) {
                addSelect(insert.getSelect(), BlockRole.WRITE_SOURCE, RowLimit.NONE);
            }
            return new QueryShape(StatementKind.INSERT, blocks, false, false, name(insert.getTable()));
        }
        if (statement instanceof Update update) {
            scanExpression(update.getWhere());
            return new QueryShape(StatementKind.UPDATE, blocks, false, update.getWhere() != null,
                    aliased(update.getTable(), update.getFromItem(), update.getJoins()));
        }
        if (statement instanceof Delete delete) {
            scanExpression(delete.getWhere());
            Table target = delete.getTables() != null && !delete.getTables().isEmpty() ? delete.getTables().get(0)
                    : delete.getTable();
            return new QueryShape(StatementKind.DELETE, blocks, false, delete.getWhere() != null,
                    aliased(target, delete.getTable(), delete.getJoins()));
        }
        if (statement instanceof Merge merge) {
            return new QueryShape(StatementKind.MERGE, blocks, false, true, name(merge.getTable()));
        }
        if (statement instanceof CreateView view) {
            addSelect(view.getSelect(), BlockRole.VIEW, RowLimit.NONE);
            return new QueryShape(StatementKind.CREATE_VIEW, blocks, false, false, name(view.getView()));
        }
        if (statement instanceof AlterView view) {
            addSelect(view.getSelect(), BlockRole.VIEW, RowLimit.NONE);
            return new QueryShape(StatementKind.CREATE_VIEW, blocks, false, false, name(view.getView()));
        }
        if (statement instanceof CreateTable table) {
            if (table.getSelect() != null) {
                addSelect(table.getSelect(), BlockRole.WRITE_SOURCE, RowLimit.NONE);
            }
            return new QueryShape(StatementKind.DDL, blocks, false, false, name(table.getTable()));
        }
        if (statement instanceof Execute) {
            return new QueryShape(StatementKind.CALL, blocks, false, false, "");
        }
        String simple = statement.getClass().getSimpleName();
        StatementKind kind = simple.startsWith("Create") || simple.startsWith("Alter") || simple.startsWith("Drop")
                || simple.startsWith("Truncate") || simple.equals("Comment") || simple.startsWith("Rename")
                ? StatementKind.DDL : StatementKind.OTHER;
        return new QueryShape(kind, blocks, false, false, "");
    }

    private static boolean forUpdate(Select select) {
        Select s = select;
        while (s instanceof ParenthesedSelect p && p.getSelect() != null) {
            s = p.getSelect();
        }
        return s instanceof PlainSelect ps && ps.getForMode() != null;
    }

    private void addSelect(Select select, BlockRole role, RowLimit inherited) {
        if (select == null) {
            return;
        }
        if (select.getWithItemsList() != null) {
            for (WithItem<?> with : select.getWithItemsList()) {
                // getSelect() casts: a writable CTE (WITH d AS (DELETE ... RETURNING *)) holds no select
                if (with.getParenthesedStatement() instanceof ParenthesedSelect cte) {
                    int at = blocks.size();
                    addSelect(cte, BlockRole.CTE, RowLimit.NONE);
                    String name = with.getUnquotedAliasName();
                    if (name != null) {
                        cteNamesColumns.put(name.toLowerCase(Locale.ROOT), namesColumns(cte));
                        cteRowNumbers.put(name.toLowerCase(Locale.ROOT), rowNumbers(cte));
                        // the CTE's own blocks are those with role CTE: one, or one per set operand
                        List<SelectBlock> operands = blocks.subList(at, blocks.size()).stream()
                                .filter(b -> b != null && b.role() == BlockRole.CTE).toList();
                        Source source = sourceOf(operands, name);
                        if (source != null) {
                            cteSources.put(name.toLowerCase(Locale.ROOT), source);
                        }
                    }
                }
            }
        }
        RowLimit limit = tighter(limitOf(select), inherited);
        if (select instanceof PlainSelect plain) {
            addPlain(plain, role, limit);
        } else if (select instanceof SetOperationList set) {
            BlockRole operandRole = role == BlockRole.OUTERMOST ? BlockRole.SET_OPERAND : role;
            // ... UNION ALL SELECT .. LIMIT 200: the parser hangs the LIMIT on the last operand, but without
            // parentheses around that operand it bounds the whole union, as the databases run it
            List<Select> operands = set.getSelects();
            if (!operands.isEmpty() && operands.get(operands.size() - 1) instanceof PlainSelect last) {
                limit = tighter(limit, limitOf(last));
            }
            for (Select operand : operands) {
                addSelect(operand, operandRole, limit);
            }
        } else if (select instanceof ParenthesedSelect parenthesed) {
            addSelect(parenthesed.getSelect(), role, limit);
        }
    }

    private void addPlain(PlainSelect plain, BlockRole role, RowLimit limit) {
        int index = blocks.size();
        blockOf.put(plain, index);
        blocks.add(null); // keeps this block before its subqueries
        boolean runTimeWhere = runTimeWhere(plain);
        List<TableRef> tables = new ArrayList<>();
        int joins = 0;
        int before = blocks.size();
        joins += addFromItem(plain.getFromItem(), tables, true);
        Source source = derivedSource(plain.getFromItem(), before);
        boolean joinRestricts = false;
        List<Expression> restrictions = new ArrayList<>();
        if (plain.getJoins() != null) {
            for (Join join : plain.getJoins()) {
                int joinedAt = blocks.size();
                joins += addFromItem(join.getRightItem(), tables, false);
                joins++;
                boolean inner = !join.isLeft() && !join.isOuter() && !join.isFull() && !join.isRight();
                // LATERAL (SELECT ... WHERE x.id = c.id LIMIT 1), CROSS APPLY: run once per outer row, its filter and
                // its bound are each row's own (the last order of every customer), not a filter of the outer rows
                boolean lateral = join.getRightItem() instanceof LateralSubSelect || join.isApply();
                Source joined = inner && !lateral ? derivedSource(join.getRightItem(), joinedAt) : null;
                // an inner join to a filtered derived table keeps only the matching rows: a semi-join filter
                joinRestricts |= joined != null && joined.restricts();
                // JOIN unnest(:ids) AS u(id) ON ...: only the rows matching the values the caller passes
                joinRestricts |= inner && generated(join.getRightItem());
                if (join.getOnExpressions() != null) {
                    for (Expression on : join.getOnExpressions()) {
                        scanExpression(on);
                        if (!join.isLeft() && !join.isOuter() && !join.isFull() && !join.isRight()) {
                            restrictions.add(on);
                        }
                    }
                }
            }
        }
        // a star over one derived table or CTE whose select lists name every column expands only those
        boolean narrowed = (plain.getJoins() == null || plain.getJoins().isEmpty()) && namesColumns(plain.getFromItem());
        List<StarItem> stars = new ArrayList<>();
        List<ColumnRef> selected = new ArrayList<>();
        boolean aggregateOnly = plain.getGroupBy() == null && plain.getSelectItems() != null
                && !plain.getSelectItems().isEmpty();
        boolean anyAggregate = false;
        for (SelectItem<?> item : plain.getSelectItems() == null ? List.<SelectItem<?>>of() : plain.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns tableStar) {
                String qualifier = name(tableStar.getTable());
                // late.* expands only the columns of late, whatever is joined beside it
                FromItem starred = fromItemNamed(plain, qualifier);
                stars.add(new StarItem(qualifier, tableOf(qualifier, tables),
                        narrowed || starred != null && namesColumns(starred)));
                aggregateOnly = false;
            } else if (e instanceof AllColumns) {
                stars.add(new StarItem("", tables.size() == 1 ? tables.get(0).name() : "", narrowed));
                aggregateOnly = false;
            } else {
                if (e instanceof Column column) {
                    selected.add(FilterAnalysis.ref(column));
                }
                scanExpression(e);
                AggregateKind kind = aggregateOnly ? aggregateKind(e) : AggregateKind.ROW;
                // SELECT COUNT(*), ? FROM t: a constant beside an aggregate is one row too
                aggregateOnly &= kind != AggregateKind.ROW;
                anyAggregate |= kind == AggregateKind.AGGREGATE;
            }
        }
        aggregateOnly &= anyAggregate;
        FilterAnalysis analysis = FilterAnalysis.of(plain.getWhere(), restrictions, tables, runTimeWhere,
                plain.getJoins() == null || plain.getJoins().isEmpty() ? rowNumbersOf(plain.getFromItem()) : Set.of());
        Filter filter = analysis.filter();
        if (!filter.restricts() && (joinRestricts || plain.getHaving() != null)) {
            // HAVING keeps only some groups; a join to a filtered derived table keeps only the matching rows
            filter = filter.restricting();
        }
        filter = filter.withPredicates(SqlPredicates.of(plain.getWhere(), plain.getJoins(), tables));
        scanExpression(plain.getWhere());
        scanExpression(plain.getHaving());
        limit = tighter(limit, analysis.rowNum);
        if (plain.getJoins() == null && plain.getFromItem() instanceof ParenthesedSelect sub
                && plain.getGroupBy() == null) {
            // SELECT ... FROM (SELECT ... LIMIT n) x, Oracle's ROWNUM pagination: no more rows than the subquery's
            limit = tighter(limit, boundOf(sub));
        }
        boolean grouped = plain.getGroupBy() != null;
        if (source != null) {
            // rows read from a derived table or a CTE keep its filter and bounds: (SELECT ... WHERE ...) x is filtered
            if (source.restricts() && !filter.restricts()) {
                filter = filter.restricting();
            }
            if (plain.getJoins() == null || plain.getJoins().isEmpty() || toOneJoins(plain)) {
                // a join can repeat each derived row many times: only a lone derived table hands on its bound, or one
                // joined only on the other tables' keys (a deferred join: a page of ids, then their rows)
                limit = tighter(limit, source.limit());
            }
            // (SELECT team_id, MAX(at) AS last_at .. GROUP BY team_id) x WHERE x.last_at < ?: when only the outer WHERE
            // filters, it keeps some groups of every row, and its rows are a list as long as the groups that match
            grouped |= source.grouped() && (source.restricts() || !analysis.filter().restricts());
        }
        boolean hasFrom = plain.getFromItem() != null && !oneRowTable(plain)
                && !(generated(plain.getFromItem()) && (plain.getJoins() == null || plain.getJoins().isEmpty()));
        blocks.set(index, new SelectBlock(role, stars, tables, joins, filter, limit, aggregateOnly && hasFrom,
                grouped, plain.getDistinct() != null, hasFrom, false, selected));
    }

    /**
     * Whether every join adds at most one row to each row before it: an inner or left join of a table whose ON is one
     * equality between that table's {@code id} (or {@code ID_}) and a column of another table. Without a schema, the
     * name is the key's sign, as in {@link SelectBlock#keyLookup}.
     */
    private static boolean toOneJoins(PlainSelect plain) {
        for (Join join : plain.getJoins()) {
            if (!(join.getRightItem() instanceof Table table) || join.isFull() || join.isRight() || join.isCross()
                    || join.getOnExpressions() == null || join.getOnExpressions().size() != 1
                    || !(unwrapParens(join.getOnExpressions().iterator().next()) instanceof EqualsTo eq)
                    || !(eq.getLeftExpression() instanceof Column left) || !(eq.getRightExpression() instanceof Column right)) {
                return false;
            }
            String alias = table.getAlias() == null ? unquote(table.getName()) : unquote(table.getAlias().getName());
            if (!keyOf(right, alias) && !keyOf(left, alias)) {
                return false;
            }
        }
        return true;
    }

    private static Expression unwrapParens(Expression e) {
        return e instanceof Parenthesis p ? unwrapParens(p.getExpression()) : e;
    }

    /** {@code u.id} or {@code HTI.ID_} where {@code u}/{@code HTI} is the joined table. */
    private static boolean keyOf(Column column, String alias) {
        return column.getTable() != null && column.getTable().getName() != null
                && unquote(column.getTable().getName()).equalsIgnoreCase(alias)
                && unquote(column.getColumnName()).replaceAll("_+$", "").equalsIgnoreCase("id");
    }

    /** What a FROM item that is a plain derived table (its block at firstNewBlock) or a CTE hands on; else null. */
    private Source derivedSource(FromItem item, int firstNewBlock) {
        if (item instanceof ParenthesedSelect sub && unwrap(sub) instanceof PlainSelect inner
                && inner.getWithItemsList() == null && firstNewBlock < blocks.size()) {
            return sourceOf(List.of(blocks.get(firstNewBlock)), null);
        }
        if (item instanceof ParenthesedSelect sub && unwrap(sub) instanceof SetOperationList set
                && sub.getWithItemsList() == null) {
            // FROM ((SELECT .. WHERE a.id = ?) UNION ALL (SELECT .. WHERE b.id = ?)) x: one block per operand
            List<SelectBlock> operands = new ArrayList<>();
            for (Select operand : set.getSelects()) {
                Integer at = unwrap(operand) instanceof PlainSelect p ? blockOf.get(p) : null;
                if (at == null || at >= blocks.size()) {
                    return null;
                }
                operands.add(blocks.get(at));
            }
            return sourceOf(operands, null);
        }
        if (item instanceof Table table && (table.getSchemaName() == null || table.getSchemaName().isEmpty())) {
            return cteSources.get(unquote(table.getName()).toLowerCase(Locale.ROOT));
        }
        return null;
    }

    /**
     * A block that reads one row of its driving table by its key's name: as the rules count a key lookup, joins do not
     * change it.
     */
    private static boolean keyLookup(SelectBlock b) {
        return !b.grouped() && b.keyLookup(io.github.querylint.core.schema.SchemaModel.EMPTY);
    }

    /**
     * Sums up the blocks of a derived table or CTE (one per set operand). An operand that reads the CTE
     * itself is a recursive step: it only extends the rows of the other operands.
     */
    private static Source sourceOf(List<SelectBlock> operands, String cteName) {
        if (operands.isEmpty() || operands.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        boolean restricts = true;
        boolean bounded = true;
        boolean grouped = false;
        for (SelectBlock b : operands) {
            boolean recursive = cteName != null && b.tables().stream().anyMatch(t -> t.name().equalsIgnoreCase(cteName));
            restricts &= recursive || b.filter().restricts() || b.aggregateOnly() || b.limit().bounded();
            // (SELECT .. FROM m_loan l WHERE l.id = ?) x: one row, by the key's usual name (no schema here)
            bounded &= !recursive && (b.aggregateOnly() || b.limit().bounded() || keyLookup(b));
            grouped |= b.grouped();
        }
        RowLimit limit = RowLimit.NONE;
        if (bounded) {
            long rows = 0;
            for (SelectBlock b : operands) {
                RowLimit l = b.aggregateOnly() || !b.limit().bounded() && keyLookup(b) ? new RowLimit.Fixed(1) : b.limit();
                rows = rows < 0 || !(l instanceof RowLimit.Fixed f) ? -1 : rows + f.rows();
            }
            limit = rows < 0 ? RowLimit.PARAMETER : new RowLimit.Fixed(rows);
        }
        return new Source(restricts, limit, grouped);
    }

    /**
     * Whether a select hands on only columns it names: no star in its select list (in any operand of a set
     * operation), or only stars over a lone derived table or CTE that itself names them.
     */
    private boolean namesColumns(Select select) {
        if (select instanceof ParenthesedSelect p) {
            return p.getSelect() != null && namesColumns(p.getSelect());
        }
        if (select instanceof SetOperationList set) {
            return set.getSelects().stream().allMatch(this::namesColumns);
        }
        if (!(select instanceof PlainSelect plain) || plain.getSelectItems() == null) {
            return false;
        }
        boolean star = plain.getSelectItems().stream()
                .anyMatch(i -> i.getExpression() instanceof AllColumns || i.getExpression() instanceof AllTableColumns);
        return !star || (plain.getJoins() == null || plain.getJoins().isEmpty()) && namesColumns(plain.getFromItem());
    }

    /** The FROM or JOIN item that a qualifier names, by its alias or else its name; null when none does. */
    private static FromItem fromItemNamed(PlainSelect plain, String qualifier) {
        List<FromItem> items = new ArrayList<>();
        items.add(plain.getFromItem());
        if (plain.getJoins() != null) {
            plain.getJoins().forEach(j -> items.add(j.getRightItem()));
        }
        for (FromItem item : items) {
            if (item == null) {
                continue;
            }
            String named = item.getAlias() != null && item.getAlias().getName() != null ? unquote(item.getAlias().getName())
                    : item instanceof Table t ? unquote(t.getName()) : null;
            if (named != null && named.equalsIgnoreCase(unquote(qualifier))) {
                return item;
            }
        }
        return null;
    }

    /**
     * The columns of a derived table or CTE that number its rows: {@code SELECT .., ROW_NUMBER() OVER (ORDER BY ..)
     * AS rn FROM ..}, the paging of SQL Server before OFFSET and of Oracle beside ROWNUM.
     */
    private Set<String> rowNumbersOf(FromItem item) {
        if (item instanceof ParenthesedSelect derived) {
            return rowNumbers(derived);
        }
        return item instanceof Table t && (t.getSchemaName() == null || t.getSchemaName().isEmpty())
                ? cteRowNumbers.getOrDefault(unquote(t.getName()).toLowerCase(Locale.ROOT), Set.of()) : Set.of();
    }

    private static Set<String> rowNumbers(Select select) {
        if (!(unwrap(select) instanceof PlainSelect plain) || plain.getSelectItems() == null) {
            return Set.of();
        }
        Set<String> names = new java.util.HashSet<>();
        for (SelectItem<?> item : plain.getSelectItems()) {
            // PARTITION BY numbers each group's rows: rn <= 10 is ten rows of every group, no bound on the result
            if (item.getExpression() instanceof AnalyticExpression a && "row_number".equalsIgnoreCase(a.getName())
                    && (a.getPartitionExpressionList() == null || a.getPartitionExpressionList().isEmpty())
                    && item.getAlias() != null && item.getAlias().getName() != null) {
                names.add(unquote(item.getAlias().getName()).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Whether a FROM item is a derived table or a CTE that hands on only columns it names. */
    private boolean namesColumns(FromItem item) {
        if (item instanceof ParenthesedSelect derived) {
            return namesColumns((Select) derived);
        }
        return item instanceof Table t && (t.getSchemaName() == null || t.getSchemaName().isEmpty())
                && cteNamesColumns.getOrDefault(unquote(t.getName()).toLowerCase(Locale.ROOT), false);
    }

    private static Select unwrap(Select select) {
        Select s = select;
        while (s instanceof ParenthesedSelect p && p.getSelect() != null && p.getWithItemsList() == null) {
            s = p.getSelect();
        }
        return s;
    }

    /** PostgreSQL's set-returning functions (and H2's SYSTEM_RANGE) that make rows from their arguments, not from a table. */
    private static final Set<String> GENERATORS = Set.of("unnest", "generate_series", "json_array_elements",
            "jsonb_array_elements", "json_array_elements_text", "jsonb_array_elements_text", "json_to_recordset",
            "jsonb_to_recordset", "json_each", "jsonb_each", "regexp_split_to_table", "system_range");

    /**
     * {@code unnest(?::bigint[])}, {@code generate_series(1, ?)}: rows made from values the caller passes (or
     * literals), not read from a table. A function over a column ({@code unnest(t.tags)}) is not one, nor is a
     * function of the schema's own, which may read any table.
     */
    private static boolean generated(FromItem item) {
        if (!(item instanceof TableFunction tf) || tf.getFunction() == null
                || !GENERATORS.contains(String.valueOf(tf.getFunction().getName()).toLowerCase(Locale.ROOT))) {
            return false;
        }
        var arguments = tf.getFunction().getParameters();
        // generate_series(?::date, ?::date, interval '1 day'): values, casts of values and intervals
        return arguments == null || arguments.stream().allMatch(a -> a instanceof IntervalExpression
                || isValue(a instanceof CastExpression c ? c.getLeftExpression() : (Expression) a));
    }

    /**
     * The table a write targets: SQL Server's {@code UPDATE x SET .. FROM tickets x JOIN ..} and {@code DELETE x FROM
     * tickets x ..} name it by an alias of their FROM, which stands for the table it names.
     */
    private String aliased(Table target, FromItem from, List<Join> joins) {
        if (target == null) {
            return "";
        }
        if (target.getSchemaName() == null && target.getAlias() == null) {
            List<FromItem> items = new ArrayList<>();
            items.add(from);
            if (joins != null) {
                joins.forEach(j -> items.add(j.getRightItem()));
            }
            for (FromItem item : items) {
                if (item instanceof Table t && t != target && t.getAlias() != null
                        && unquote(t.getAlias().getName()).equalsIgnoreCase(unquote(target.getName()))) {
                    return name(t);
                }
            }
        }
        return name(target);
    }

    /** Oracle's {@code DUAL} and DB2's {@code SYSIBM.SYSDUMMY1} hold one row: reading them is like having no FROM. */
    private static boolean oneRowTable(PlainSelect plain) {
        if (!(plain.getFromItem() instanceof Table table) || (plain.getJoins() != null && !plain.getJoins().isEmpty())) {
            return false;
        }
        String simple = unquote(table.getName()).toLowerCase(Locale.ROOT);
        return simple.equals("dual") || simple.equals("sysdummy1");
    }

    /**
     * {@code FROM t ${ew.customSqlSegment}} (MyBatis-Plus), {@code FROM a, b ${where}}: a fragment built at run time
     * after the last table of a FROM without WHERE is the WHERE clause it most likely is, not the table's alias,
     * which the grammar takes it for. The alias is dropped from the tree; returns whether there was one.
     */
    private static boolean runTimeWhere(PlainSelect plain) {
        if (plain.getWhere() != null) {
            return false;
        }
        FromItem last = plain.getFromItem();
        if (plain.getJoins() != null && !plain.getJoins().isEmpty()) {
            Join join = plain.getJoins().get(plain.getJoins().size() - 1);
            boolean on = join.getOnExpressions() != null && !join.getOnExpressions().isEmpty();
            boolean using = join.getUsingColumns() != null && !join.getUsingColumns().isEmpty();
            last = on || using ? null : join.getRightItem();
        }
        if (last instanceof Table && last.getAlias() != null
                && Placeholders.DYNAMIC.equalsIgnoreCase(unquote(last.getAlias().getName()))) {
            last.setAlias(null);
            return true;
        }
        return false;
    }

    /** Adds a FROM item; returns the joins it holds inside (a parenthesised join list). */
    private int addFromItem(FromItem item, List<TableRef> tables, boolean driving) {
        if (item == null) {
            return 0;
        }
        String alias = item.getAlias() == null ? "" : unquote(item.getAlias().getName());
        if (item instanceof Table table) {
            tables.add(new TableRef(name(table), alias, driving));
            return 0;
        }
        if (item instanceof ParenthesedSelect sub) {
            addSelect(sub, BlockRole.SUBQUERY, RowLimit.NONE);
            tables.add(new TableRef("(subquery)", alias, driving));
            return 0;
        }
        if (item instanceof ParenthesedFromItem nested) {
            int joins = addFromItem(nested.getFromItem(), tables, driving);
            if (nested.getJoins() != null) {
                for (Join join : nested.getJoins()) {
                    joins += 1 + addFromItem(join.getRightItem(), tables, false);
                    if (join.getOnExpressions() != null) {
                        join.getOnExpressions().forEach(this::scanExpression);
                    }
                }
            }
            return joins;
        }
        tables.add(new TableRef(item.toString(), alias, driving));
        return 0;
    }

    /** The row bound of a FROM subquery: its own limit, or that of every operand when it is a set operation. */
    private static RowLimit boundOf(Select select) {
        RowLimit own = limitOf(select);
        if (own.bounded()) {
            return own;
        }
        if (select instanceof ParenthesedSelect p && p.getSelect() != null) {
            return boundOf(p.getSelect());
        }
        if (select instanceof PlainSelect plain) {
            FilterAnalysis analysis = FilterAnalysis.of(plain.getWhere(), List.of(), List.of(), false, Set.of());
            RowLimit bound = analysis.rowNum;
            if (plain.getJoins() == null && plain.getFromItem() instanceof ParenthesedSelect inner
                    && plain.getGroupBy() == null) {
                bound = tighter(bound, boundOf(inner));
            }
            return bound;
        }
        return RowLimit.NONE;
    }

    private static String tableOf(String qualifier, List<TableRef> tables) {
        return tables.stream().filter(t -> t.answersTo(qualifier)).map(TableRef::name).findFirst().orElse(qualifier);
    }

    /** Finds subqueries inside an expression and adds them as blocks. */
    private void scanExpression(Expression expression) {
        if (expression == null) {
            return;
        }
        expression.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(ExistsExpression exists, S context) {
                Expression right = exists.getRightExpression();
                if (right instanceof Select sub) {
                    addSelect(sub, BlockRole.EXISTS_PROBE, RowLimit.NONE);
                    return null;
                }
                return super.visit(exists, context);
            }

            @Override
            public <S> Void visit(ParenthesedSelect select, S context) {
                addSelect(select, BlockRole.SUBQUERY, RowLimit.NONE);
                return null;
            }

            @Override
            public <S> Void visit(Select select, S context) {
                addSelect(select, BlockRole.SUBQUERY, RowLimit.NONE);
                return null;
            }
        }, null);
    }

    enum AggregateKind { AGGREGATE, CONSTANT, ROW }

    /** Whether an expression folds rows ({@code COUNT(*)}, {@code COALESCE(SUM(x), 0)}), is a constant, or reads a row. */
    static AggregateKind aggregateKind(Expression e) {
        if (e instanceof AnalyticExpression a) {
            // COUNT(*) OVER () keeps every row; COUNT(*) FILTER (WHERE ...) and PERCENTILE_CONT(0.5) WITHIN GROUP
            // (ORDER BY x) fold them into one, as any aggregate does
            return a.getType() == AnalyticType.FILTER_ONLY || a.getType() == AnalyticType.WITHIN_GROUP
                    ? AggregateKind.AGGREGATE : AggregateKind.ROW;
        }
        if (e instanceof Function f) {
            String fname = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
            if (AGGREGATES.contains(fname)) {
                return AggregateKind.AGGREGATE;
            }
            if (f.getParameters() == null || f.getParameters().isEmpty()) {
                return AggregateKind.CONSTANT;
            }
            return combine(f.getParameters().stream().map(p -> aggregateKind((Expression) p)).toList());
        }
        if (unwrap(e) != e) {
            return aggregateKind(unwrap(e));
        }
        if (e instanceof CastExpression c) {
            return aggregateKind(c.getLeftExpression());
        }
        if (e instanceof SignedExpression s) {
            return aggregateKind(s.getExpression());
        }
        if (e instanceof BinaryExpression b) {
            return combine(List.of(aggregateKind(b.getLeftExpression()), aggregateKind(b.getRightExpression())));
        }
        if (isValue(e)) {
            return AggregateKind.CONSTANT;
        }
        return AggregateKind.ROW;
    }

    private static AggregateKind combine(List<AggregateKind> kinds) {
        if (kinds.contains(AggregateKind.ROW)) {
            return AggregateKind.ROW;
        }
        return kinds.contains(AggregateKind.AGGREGATE) ? AggregateKind.AGGREGATE : AggregateKind.CONSTANT;
    }

    /**
     * A literal or a bind parameter: something that is one value whatever the row. A fragment built at
     * run time ({@code ${x}}, written {@code ql_dynamic}) in a value position counts as a value.
     */
    static boolean isValue(Expression e) {
        return e instanceof JdbcParameter || isDynamic(e) || e instanceof JdbcNamedParameter || e instanceof LongValue
                || e instanceof StringValue || e instanceof DoubleValue || e instanceof NullValue
                || e instanceof DateValue || e instanceof TimeValue || e instanceof TimestampValue
                || e instanceof DateTimeLiteralExpression || e instanceof UserVariable
                || e instanceof net.sf.jsqlparser.expression.BooleanValue
                || (e instanceof SignedExpression s && isValue(s.getExpression()))
                || (e instanceof CastExpression c && isValue(c.getLeftExpression()))
                || (unwrap(e) != e && isValue(unwrap(e)));
    }

    private static boolean isDynamic(Expression e) {
        return e instanceof Column c && (c.getTable() == null || c.getTable().getName() == null)
                && Placeholders.DYNAMIC.equalsIgnoreCase(c.getColumnName());
    }

    private static RowLimit limitOf(Select select) {
        RowLimit result = RowLimit.NONE;
        Limit limit = select.getLimit();
        if (limit != null) {
            result = tighter(result, valueLimit(limit.getRowCount()));
        }
        Fetch fetch = select.getFetch();
        if (fetch != null) {
            result = tighter(result, fetch.getExpression() != null ? valueLimit(fetch.getExpression())
                    : new RowLimit.Fixed(fetchRows(fetch)));
        }
        if (select instanceof PlainSelect plain) {
            Top top = plain.getTop();
            if (top != null && !top.isPercentage()) {
                result = tighter(result, valueLimit(top.getExpression()));
            }
            if (plain.getFirst() != null) {
                result = tighter(result, plain.getFirst().getRowCount() != null
                        ? new RowLimit.Fixed(plain.getFirst().getRowCount()) : RowLimit.PARAMETER);
            }
        }
        return result;
    }

    private static long fetchRows(Fetch fetch) {
        try {
            return Math.max(1, fetch.getRowCount());
        } catch (NullPointerException e) {
            return 1; // FETCH FIRST ROW ONLY: JSqlParser keeps no count (and unboxes null), the SQL means one row
        }
    }

    /** The expression inside any number of parentheses: {@code ((a = 1))} is {@code a = 1}. */
    static Expression unwrap(Expression e) {
        Expression current = e;
        while (true) {
            if (current instanceof Parenthesis p) {
                current = p.getExpression();
            } else if (current instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                current = list.get(0);
            } else {
                return current;
            }
        }
    }

    private static RowLimit valueLimit(Expression e) {
        if (e == null || e instanceof NullValue || e instanceof AllValue) {
            return RowLimit.NONE;
        }
        if (e instanceof LongValue v) {
            // TOP 1e30-sized numbers do not fit a long: a limit nobody reaches, still written as one
            return new RowLimit.Fixed(v.getBigIntegerValue().bitLength() < 64 ? v.getValue() : Long.MAX_VALUE);
        }
        if (unwrap(e) != e) {
            return valueLimit(unwrap(e));
        }
        return RowLimit.PARAMETER;
    }

    static RowLimit tighter(RowLimit a, RowLimit b) {
        if (!a.bounded()) {
            return b;
        }
        if (!b.bounded()) {
            return a;
        }
        if (a instanceof RowLimit.Fixed fa && b instanceof RowLimit.Fixed fb) {
            return fa.rows() <= fb.rows() ? fa : fb;
        }
        return a instanceof RowLimit.Fixed ? a : b;
    }

    static String name(Table table) {
        if (table == null) {
            return "";
        }
        return unquote(table.getFullyQualifiedName());
    }

    static String unquote(String name) {
        return name == null ? "" : name.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
    }

    /** The analysis of WHERE and inner-join ON predicates. */
    static final class FilterAnalysis {
        /** Whether a predicate restricts rows, run-time pieces left aside. */
        private boolean restricts;
        /** Whether the WHERE holds a piece the code builds at run time, standing for a whole condition. */
        private boolean runTimePieces;
        /** Whether the WHERE holds a condition object the code builds at run time, which may be empty. */
        private boolean maybeEmpty;
        private boolean ranges;
        private boolean patterns;
        /** The bound ROWNUM predicates put on the block's rows. */
        RowLimit rowNum = RowLimit.NONE;
        private final List<ColumnRef> equalities = new ArrayList<>();
        private final List<TableRef> tables;
        /** The columns of the block's lone derived table or CTE that number its rows (lower case). */
        private final Set<String> rowNumbers;

        private FilterAnalysis(List<TableRef> tables, Set<String> rowNumbers) {
            this.tables = tables;
            this.rowNumbers = rowNumbers;
        }

        static FilterAnalysis of(Expression where, List<Expression> joinRestrictions, List<TableRef> tables,
                                 boolean runTimeWhere, Set<String> rowNumbers) {
            FilterAnalysis analysis = new FilterAnalysis(tables, rowNumbers);
            analysis.runTimePieces = runTimeWhere;
            for (Expression conjunct : conjuncts(where)) {
                if (isDynamic(conjunct)) {
                    analysis.runTimePieces = true; // a fragment that stands for a whole condition: WHERE ${filter}
                } else if (conjunct.toString().equalsIgnoreCase(Placeholders.DYNAMIC + " = true")) {
                    analysis.maybeEmpty = true; // a condition object built at run time (jOOQ's): it may be empty
                } else {
                    analysis.where(conjunct);
                }
            }
            for (Expression on : joinRestrictions) {
                for (Expression conjunct : conjuncts(on)) {
                    analysis.joinCondition(conjunct);
                }
            }
            return analysis;
        }

        Filter filter() {
            long literal = rowNum instanceof RowLimit.Fixed f ? f.rows() : -1;
            // a run-time piece is an extra predicate nobody can read: assumed to filter
            return new Filter(restricts || runTimePieces, equalities, ranges, patterns, literal, List.of(),
                    (runTimePieces || maybeEmpty) && !restricts);
        }

        private static List<Expression> conjuncts(Expression e) {
            List<Expression> out = new ArrayList<>();
            collect(e, out);
            return out;
        }

        private static void collect(Expression e, List<Expression> out) {
            if (e == null) {
                return;
            }
            if (e instanceof AndExpression and) {
                collect(and.getLeftExpression(), out);
                collect(and.getRightExpression(), out);
            } else if (unwrap(e) != e) {
                collect(unwrap(e), out);
            } else {
                out.add(e);
            }
        }

        private void where(Expression e) {
            if (isRowNumBound(e)) {
                return;
            }
            if (e instanceof EqualsTo eq) {
                Expression l = eq.getLeftExpression();
                Expression r = eq.getRightExpression();
                if (isValue(l) && isValue(r)) {
                    if (isDynamic(l) || isDynamic(r)) {
                        restricts = true; // ${column} = ?: a filter whose column is chosen at run time
                        return;
                    }
                    if (l instanceof LongValue || l instanceof StringValue) {
                        if (l.toString().equals(r.toString())) {
                            return; // 1 = 1 and friends restrict nothing
                        }
                        // 1 = 0 keeps no row at all (SELECT * FROM t WHERE 1 = 0 reads only the result's columns)
                        restricts = true;
                        rowNum = tighter(rowNum, new RowLimit.Fixed(0));
                        return;
                    }
                    return; // ? = ? compares values, not rows
                }
                if (l instanceof Column lc && r instanceof Column rc && local(lc) && local(rc) && !isValue(l)
                        && !isValue(r)) {
                    return; // a join condition written in WHERE
                }
                restricts = true;
                if (l instanceof Column c && valueLike(r)) {
                    equalities.add(ref(c));
                } else if (r instanceof Column c && valueLike(l)) {
                    equalities.add(ref(c));
                } else if (caseFolded(l) instanceof Column c && local(c) && valueLike(r)) {
                    equalities.add(ref(c));
                } else if (caseFolded(r) instanceof Column c && local(c) && valueLike(l)) {
                    equalities.add(ref(c));
                }
                return;
            }
            if (e instanceof net.sf.jsqlparser.expression.BooleanValue b && !b.getValue()
                    || e instanceof LongValue zero && zero.getValue() == 0) {
                restricts = true; // WHERE FALSE, MySQL's WHERE 0: no row at all
                rowNum = tighter(rowNum, new RowLimit.Fixed(0));
                return;
            }
            if (e instanceof net.sf.jsqlparser.expression.BooleanValue
                    || (e instanceof LongValue v && v.getValue() != 0)) {
                return; // WHERE TRUE, MySQL's WHERE 1
            }
            if (e instanceof net.sf.jsqlparser.expression.operators.relational.IsNullExpression isNull
                    && (isNull.isNot() || isNull.isUseNotNull()) && isNull.getLeftExpression() instanceof Column c
                    && "id".equalsIgnoreCase(unquote(c.getColumnName())) && local(c)) {
                return; // WHERE id IS NOT NULL: a key is never null, every row passes
            }
            restricts = true;
            if (e instanceof net.sf.jsqlparser.expression.operators.relational.InExpression in && !in.isNot()
                    && in.getLeftExpression() instanceof Column c
                    && (valueList(in.getRightExpression()) || boundedValues(in.getRightExpression()))) {
                equalities.add(ref(c)); // id IN (?, ?): at most one row per value the caller passes
                return;
            }
            kinds(e);
        }

        /** Notes range and pattern predicates, also inside OR and NOT (never inside subqueries). */
        private void kinds(Expression e) {
            Expression x = unwrap(e);
            if (x instanceof MinorThan || x instanceof MinorThanEquals || x instanceof GreaterThan
                    || x instanceof GreaterThanEquals || x instanceof Between) {
                ranges = true;
            } else if (x instanceof LikeExpression || x instanceof SimilarToExpression) {
                patterns = true;
            } else if (x instanceof net.sf.jsqlparser.expression.operators.conditional.OrExpression
                    || x instanceof AndExpression) {
                kinds(((BinaryExpression) x).getLeftExpression());
                kinds(((BinaryExpression) x).getRightExpression());
            } else if (x instanceof net.sf.jsqlparser.expression.NotExpression not) {
                kinds(not.getExpression());
            }
        }

        /** An inner join's ON predicate restricts rows only where it compares with a value. */
        private void joinCondition(Expression e) {
            if (e instanceof EqualsTo eq) {
                Expression l = eq.getLeftExpression();
                Expression r = eq.getRightExpression();
                if (l instanceof Column c && isValue(r)) {
                    restricts = true;
                    equalities.add(ref(c));
                } else if (r instanceof Column c && isValue(l)) {
                    restricts = true;
                    equalities.add(ref(c));
                }
            }
        }

        /**
         * {@code (SELECT id FROM t WHERE .. LIMIT :n)}: a subquery of one column whose own limit bounds how many values
         * it gives, a list as bounded as one the caller passes.
         */
        private static boolean boundedValues(Expression e) {
            return e instanceof ParenthesedSelect sub && unwrap(sub) instanceof PlainSelect plain
                    && plain.getSelectItems() != null && plain.getSelectItems().size() == 1
                    && boundOf(sub).bounded();
        }

        /** {@code (?, ?, 3)}, {@code (:ids)} or {@code ?}: values the caller passes, never a subquery. */
        private static boolean valueList(Expression e) {
            if (e instanceof net.sf.jsqlparser.expression.operators.relational.ExpressionList<?> list) {
                return !list.isEmpty() && list.stream().allMatch(SqlShapeBuilder::isValue);
            }
            return e instanceof JdbcParameter || e instanceof JdbcNamedParameter;
        }

        /**
         * The column of {@code lower(email)} or {@code upper(email)}, else null: compared to a value it finds the rows
         * whose key differs only in case, one or a few, so it counts toward a key lookup (never toward an index).
         */
        private static Expression caseFolded(Expression e) {
            if (e instanceof Function f && f.getName() != null && CASE_FOLDS.contains(f.getName().toLowerCase(Locale.ROOT))
                    && f.getParameters() != null && f.getParameters().size() == 1) {
                return f.getParameters().get(0);
            }
            return null;
        }

        private static final Set<String> CASE_FOLDS = Set.of("lower", "upper", "lcase", "ucase");

        private boolean valueLike(Expression e) {
            return isValue(e) || (e instanceof Column c && !local(c)) || e instanceof Function;
        }

        /** Whether a column belongs to this block (rather than to an enclosing query, when correlated). */
        private boolean local(Column c) {
            Table t = c.getTable();
            if (t == null || t.getName() == null || t.getName().isEmpty()) {
                return true;
            }
            String qualifier = unquote(t.getName());
            return tables.stream().anyMatch(ref -> ref.answersTo(qualifier));
        }

        /**
         * Oracle's {@code ROWNUM <= n} (or {@code n >= ROWNUM}, {@code ROWNUM < n}, {@code ROWNUM = 1}), and the same
         * on a derived table's {@code ROW_NUMBER()} column ({@code rn <= ?}, {@code rn BETWEEN ? AND ?}), bounds the
         * rows rather than filtering them; a parameter bound is a {@link RowLimit.Parameter}.
         */
        private boolean isRowNumBound(Expression e) {
            if (e instanceof Between between && !between.isNot() && isRowNum(between.getLeftExpression())) {
                // WHERE rn BETWEEN ? AND ?: a page of the numbered rows
                RowLimit limit = between.getBetweenExpressionStart() instanceof LongValue from
                        && between.getBetweenExpressionEnd() instanceof LongValue to
                        ? new RowLimit.Fixed(Math.max(0, to.getValue() - from.getValue() + 1)) : RowLimit.PARAMETER;
                rowNum = tighter(rowNum, limit);
                return true;
            }
            if (!(e instanceof BinaryExpression b)) {
                return false;
            }
            Expression bound;
            boolean strict;
            if (isRowNum(b.getLeftExpression()) && (e instanceof MinorThan || e instanceof MinorThanEquals
                    || e instanceof EqualsTo)) {
                bound = b.getRightExpression();
                strict = e instanceof MinorThan;
            } else if (isRowNum(b.getRightExpression()) && (e instanceof GreaterThan || e instanceof GreaterThanEquals
                    || e instanceof EqualsTo)) {
                bound = b.getLeftExpression();
                strict = e instanceof GreaterThan;
            } else {
                return false;
            }
            RowLimit limit = bound instanceof LongValue v ? new RowLimit.Fixed(Math.max(0, v.getValue() - (strict ? 1 : 0)))
                    : isValue(bound) || bound instanceof Column || bound instanceof BinaryExpression
                    ? RowLimit.PARAMETER : RowLimit.NONE;
            if (!limit.bounded()) {
                return false;
            }
            rowNum = tighter(rowNum, limit);
            return true;
        }

        /** Oracle's ROWNUM, or a column of the lone derived table that ROW_NUMBER() numbers. */
        private boolean isRowNum(Expression e) {
            if (!(e instanceof Column c)) {
                return false;
            }
            if ((c.getTable() == null || c.getTable().getName() == null) && "rownum".equalsIgnoreCase(c.getColumnName())) {
                return true;
            }
            return !rowNumbers.isEmpty() && rowNumbers.contains(unquote(c.getColumnName()).toLowerCase(Locale.ROOT));
        }

        private static ColumnRef ref(Column c) {
            String qualifier = c.getTable() == null || c.getTable().getName() == null ? ""
                    : unquote(c.getTable().getName());
            return new ColumnRef(qualifier, unquote(c.getColumnName()));
        }
    }
}
