package io.github.querylint.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
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
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
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

    QueryShape build(Statement statement) {
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
            return new QueryShape(StatementKind.UPDATE, blocks, false, update.getWhere() != null, name(update.getTable()));
        }
        if (statement instanceof Delete delete) {
            scanExpression(delete.getWhere());
            return new QueryShape(StatementKind.DELETE, blocks, false, delete.getWhere() != null, name(delete.getTable()));
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
                if (with.getSelect() != null) {
                    addSelect(with.getSelect(), BlockRole.CTE, RowLimit.NONE);
                }
            }
        }
        RowLimit limit = tighter(limitOf(select), inherited);
        if (select instanceof PlainSelect plain) {
            addPlain(plain, role, limit);
        } else if (select instanceof SetOperationList set) {
            BlockRole operandRole = role == BlockRole.OUTERMOST ? BlockRole.SET_OPERAND : role;
            for (Select operand : set.getSelects()) {
                addSelect(operand, operandRole, limit);
            }
        } else if (select instanceof ParenthesedSelect parenthesed) {
            addSelect(parenthesed.getSelect(), role, limit);
        }
    }

    private void addPlain(PlainSelect plain, BlockRole role, RowLimit limit) {
        int index = blocks.size();
        blocks.add(null); // keeps this block before its subqueries
        List<TableRef> tables = new ArrayList<>();
        int joins = 0;
        addFromItem(plain.getFromItem(), tables, true);
        List<Expression> restrictions = new ArrayList<>();
        if (plain.getJoins() != null) {
            for (Join join : plain.getJoins()) {
                joins += addFromItem(join.getRightItem(), tables, false);
                joins++;
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
        List<StarItem> stars = new ArrayList<>();
        boolean aggregateOnly = plain.getGroupBy() == null && plain.getSelectItems() != null
                && !plain.getSelectItems().isEmpty();
        for (SelectItem<?> item : plain.getSelectItems() == null ? List.<SelectItem<?>>of() : plain.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns tableStar) {
                String qualifier = name(tableStar.getTable());
                stars.add(new StarItem(qualifier, tableOf(qualifier, tables)));
                aggregateOnly = false;
            } else if (e instanceof AllColumns) {
                stars.add(new StarItem("", tables.size() == 1 ? tables.get(0).name() : ""));
                aggregateOnly = false;
            } else {
                scanExpression(e);
                if (aggregateOnly && aggregateKind(e) != AggregateKind.AGGREGATE) {
                    aggregateOnly = false;
                }
            }
        }
        Filter filter = FilterAnalysis.of(plain.getWhere(), restrictions, tables)
                .withPredicates(SqlPredicates.of(plain.getWhere(), plain.getJoins(), tables));
        scanExpression(plain.getWhere());
        scanExpression(plain.getHaving());
        if (filter.rowNumLimit() >= 0) {
            limit = tighter(limit, new RowLimit.Fixed(filter.rowNumLimit()));
        }
        boolean hasFrom = plain.getFromItem() != null;
        blocks.set(index, new SelectBlock(role, stars, tables, joins, filter, limit, aggregateOnly && hasFrom,
                plain.getGroupBy() != null, plain.getDistinct() != null, hasFrom, false));
    }

    /** Adds a FROM item; returns the joins it holds inside (a parenthesised join list). */
    private int addFromItem(FromItem item, List<TableRef> tables, boolean driving) {
        if (item == null) {
            return 0;
        }
        String alias = item.getAlias() == null ? "" : item.getAlias().getName();
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
                }
            }
            return joins;
        }
        tables.add(new TableRef(item.toString(), alias, driving));
        return 0;
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
        if (e instanceof AnalyticExpression) {
            return AggregateKind.ROW; // COUNT(*) OVER () keeps every row
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
        if (e instanceof Parenthesis p) {
            return aggregateKind(p.getExpression());
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

    /** A literal or a bind parameter: something that is one value whatever the row. */
    static boolean isValue(Expression e) {
        return e instanceof JdbcParameter || e instanceof JdbcNamedParameter || e instanceof LongValue
                || e instanceof StringValue || e instanceof DoubleValue || e instanceof NullValue
                || e instanceof DateValue || e instanceof TimeValue || e instanceof TimestampValue
                || e instanceof DateTimeLiteralExpression || e instanceof UserVariable
                || (e instanceof SignedExpression s && isValue(s.getExpression()))
                || (e instanceof CastExpression c && isValue(c.getLeftExpression()))
                || (e instanceof Parenthesis p && isValue(p.getExpression()));
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
                    : new RowLimit.Fixed(Math.max(1, fetch.getRowCount())));
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

    private static RowLimit valueLimit(Expression e) {
        if (e == null || e instanceof NullValue || e instanceof AllValue) {
            return RowLimit.NONE;
        }
        if (e instanceof LongValue v) {
            return new RowLimit.Fixed(v.getValue());
        }
        if (e instanceof Parenthesis p) {
            return valueLimit(p.getExpression());
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
        private boolean restricts;
        private boolean ranges;
        private boolean patterns;
        private long rowNum = -1;
        private final List<ColumnRef> equalities = new ArrayList<>();
        private final List<TableRef> tables;

        private FilterAnalysis(List<TableRef> tables) {
            this.tables = tables;
        }

        static Filter of(Expression where, List<Expression> joinRestrictions, List<TableRef> tables) {
            FilterAnalysis analysis = new FilterAnalysis(tables);
            for (Expression conjunct : conjuncts(where)) {
                analysis.where(conjunct);
            }
            for (Expression on : joinRestrictions) {
                for (Expression conjunct : conjuncts(on)) {
                    analysis.joinCondition(conjunct);
                }
            }
            return new Filter(analysis.restricts, analysis.equalities, analysis.ranges, analysis.patterns,
                    analysis.rowNum);
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
            } else if (e instanceof Parenthesis p && p.getExpression() instanceof AndExpression) {
                collect(p.getExpression(), out);
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
                    return; // 1 = 1 and friends restrict nothing
                }
                if (l instanceof Column lc && r instanceof Column rc && local(lc) && local(rc)) {
                    return; // a join condition written in WHERE
                }
                restricts = true;
                if (l instanceof Column c && valueLike(r)) {
                    equalities.add(ref(c));
                } else if (r instanceof Column c && valueLike(l)) {
                    equalities.add(ref(c));
                }
                return;
            }
            if (e instanceof net.sf.jsqlparser.expression.BooleanValue) {
                return;
            }
            restricts = true;
            if (e instanceof MinorThan || e instanceof MinorThanEquals || e instanceof GreaterThan
                    || e instanceof GreaterThanEquals || e instanceof Between) {
                ranges = true;
            }
            if (e instanceof LikeExpression || e instanceof SimilarToExpression) {
                patterns = true;
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

        private boolean isRowNumBound(Expression e) {
            if (e instanceof MinorThan || e instanceof MinorThanEquals || e instanceof EqualsTo) {
                BinaryExpression b = (BinaryExpression) e;
                if (b.getLeftExpression() instanceof Column c && "rownum".equalsIgnoreCase(c.getColumnName())) {
                    if (b.getRightExpression() instanceof LongValue v) {
                        long n = v.getValue() - (e instanceof MinorThan ? 1 : 0);
                        rowNum = rowNum < 0 ? n : Math.min(rowNum, n);
                    } else {
                        rowNum = rowNum < 0 ? Long.MAX_VALUE - 1 : rowNum;
                    }
                    return true;
                }
            }
            return false;
        }

        private static ColumnRef ref(Column c) {
            String qualifier = c.getTable() == null || c.getTable().getName() == null ? ""
                    : unquote(c.getTable().getName());
            return new ColumnRef(qualifier, unquote(c.getColumnName()));
        }
    }
}
