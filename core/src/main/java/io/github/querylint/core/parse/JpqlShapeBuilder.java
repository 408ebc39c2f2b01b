package io.github.querylint.core.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.hibernate.grammars.hql.HqlParser;

/** Turns Hibernate's HQL parse tree into a {@link QueryShape}. The only class that reads that tree. */
final class JpqlShapeBuilder {

    private static final Pattern PARAMETER = Pattern.compile("[:?][A-Za-z0-9_]*");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "every", "any",
            "listagg", "array_agg", "stddev", "variance");

    private final List<SelectBlock> blocks = new ArrayList<>();
    /** The tables of the blocks around the one being read: a path rooted there is a correlated value. */
    private final java.util.Deque<List<TableRef>> outer = new java.util.ArrayDeque<>();

    QueryShape build(HqlParser.StatementContext statement) {
        if (statement.selectStatement() != null) {
            addQueryExpression(statement.selectStatement().queryExpression(), BlockRole.OUTERMOST, RowLimit.NONE);
            return new QueryShape(StatementKind.SELECT, blocks, false, false, "");
        }
        if (statement.updateStatement() != null) {
            var update = statement.updateStatement();
            scanSubqueries(update.whereClause());
            return new QueryShape(StatementKind.UPDATE, blocks, false, update.whereClause() != null,
                    rootName(update.entityWithJoins()));
        }
        if (statement.deleteStatement() != null) {
            var delete = statement.deleteStatement();
            scanSubqueries(delete.whereClause());
            return new QueryShape(StatementKind.DELETE, blocks, false, delete.whereClause() != null,
                    rootName(delete.entityWithJoins()));
        }
        var insert = statement.insertStatement();
        if (insert != null && insert.queryExpression() != null) {
            addQueryExpression(insert.queryExpression(), BlockRole.WRITE_SOURCE, RowLimit.NONE);
        }
        String target = insert == null || insert.targetEntity() == null ? "" : insert.targetEntity().entityName().getText();
        return new QueryShape(StatementKind.INSERT, blocks, false, false, target);
    }

    private static String rootName(HqlParser.EntityWithJoinsContext ctx) {
        if (ctx != null && ctx.fromRoot() instanceof HqlParser.RootEntityContext root) {
            return root.entityName().getText();
        }
        return "";
    }

    private void addQueryExpression(HqlParser.QueryExpressionContext ctx, BlockRole role, RowLimit inherited) {
        if (ctx == null) {
            return;
        }
        if (ctx.withClause() != null) {
            for (var cte : ctx.withClause().cte()) {
                addQueryExpression(cte.queryExpression(), BlockRole.CTE, RowLimit.NONE);
            }
        }
        boolean set = ctx.orderedQuery().size() > 1;
        BlockRole operandRole = set && role == BlockRole.OUTERMOST ? BlockRole.SET_OPERAND : role;
        for (var ordered : ctx.orderedQuery()) {
            if (ordered instanceof HqlParser.QuerySpecExpressionContext spec) {
                addQuery(spec.query(), spec.orderByClause(), operandRole,
                        SqlShapeBuilder.tighter(inherited, limit(spec.limitOffset())));
            } else if (ordered instanceof HqlParser.NestedQueryExpressionContext nested) {
                addQueryExpression(nested.queryExpression(), operandRole,
                        SqlShapeBuilder.tighter(inherited, limit(nested.limitOffset())));
            }
        }
    }

    private static RowLimit limit(HqlParser.LimitOffsetContext ctx) {
        if (ctx == null) {
            return RowLimit.NONE;
        }
        RowLimit result = RowLimit.NONE;
        if (ctx.limitClause() != null) {
            result = value(ctx.limitClause().parameterOrIntegerLiteral());
        }
        if (ctx.fetchClause() != null && ctx.fetchClause().fetchCountOrPercent() != null) {
            var count = ctx.fetchClause().fetchCountOrPercent();
            result = SqlShapeBuilder.tighter(result, count.parameterOrIntegerLiteral() != null
                    ? value(count.parameterOrIntegerLiteral()) : RowLimit.PARAMETER);
        }
        return result;
    }

    private static RowLimit value(HqlParser.ParameterOrIntegerLiteralContext ctx) {
        if (ctx == null) {
            return RowLimit.NONE;
        }
        if (ctx.parameter() != null) {
            return RowLimit.PARAMETER;
        }
        try {
            return new RowLimit.Fixed(Long.parseLong(ctx.getText().replaceAll("[^0-9]", "")));
        } catch (NumberFormatException e) {
            return RowLimit.PARAMETER;
        }
    }

    private void addQuery(HqlParser.QueryContext query, HqlParser.OrderByClauseContext orderBy, BlockRole role,
                          RowLimit limit) {
        int index = blocks.size();
        blocks.add(null);
        List<TableRef> tables = new ArrayList<>();
        outer.push(tables); // filled below; subqueries anywhere in this block see its aliases as enclosing
        int joins = 0;
        List<HqlParser.PredicateContext> joinRestrictions = new ArrayList<>();
        if (query.fromClause() != null) {
            boolean driving = true;
            for (var entity : query.fromClause().entityWithJoins()) {
                if (!driving) {
                    joins++; // a comma join
                }
                if (entity.fromRoot() instanceof HqlParser.RootEntityContext root) {
                    tables.add(new TableRef(root.entityName().getText(), variable(root.variable()), driving));
                } else if (entity.fromRoot() instanceof HqlParser.RootSubqueryContext sub) {
                    addQueryExpression(sub.subquery().queryExpression(), BlockRole.SUBQUERY, RowLimit.NONE);
                    tables.add(new TableRef("(subquery)", variable(sub.variable()), driving));
                }
                driving = false;
                for (var join : entity.join()) {
                    joins++;
                    var target = join.joinTarget();
                    if (target instanceof HqlParser.JoinPathContext path) {
                        tables.add(new TableRef(path.path().getText(), variable(path.variable()), false));
                    } else if (target instanceof HqlParser.JoinSubqueryContext sub) {
                        addQueryExpression(sub.subquery().queryExpression(), BlockRole.SUBQUERY, RowLimit.NONE);
                        tables.add(new TableRef("(subquery)", variable(sub.variable()), false));
                    }
                    if (join.joinRestriction() != null) {
                        String type = join.joinType() == null ? "" : join.joinType().getText().toLowerCase(Locale.ROOT);
                        if (!type.contains("left") && !type.contains("right") && !type.contains("full")
                                && !type.contains("outer")) {
                            ParseTree p = join.joinRestriction().getChild(join.joinRestriction().getChildCount() - 1);
                            if (p instanceof HqlParser.PredicateContext predicate) {
                                joinRestrictions.add(predicate);
                            }
                        }
                        scanSubqueries(join.joinRestriction());
                    }
                }
                for (var cross : entity.crossJoin()) {
                    joins++;
                    tables.add(new TableRef(cross.entityName().getText(), variable(cross.variable()), false));
                }
                for (var collection : entity.jpaCollectionJoin()) {
                    joins++;
                    tables.add(new TableRef(collection.path().getText(), variable(collection.variable()), false));
                }
            }
        }
        // implicit joins: a path through an association (o.customer.address.city) joins o.customer and its address
        Set<String> implicit = new LinkedHashSet<>();
        collectImplicitJoins(query.selectClause(), tables, implicit);
        collectImplicitJoins(query.whereClause(), tables, implicit);
        collectImplicitJoins(query.groupByClause(), tables, implicit);
        collectImplicitJoins(query.havingClause(), tables, implicit);
        collectImplicitJoins(orderBy, tables, implicit);
        joins += implicit.size();
        for (String path : implicit) {
            tables.add(new TableRef(path, "", false)); // so that messages can name what the path joins
        }

        boolean entitySelect = true;
        boolean aggregateOnly = query.groupByClause() == null && query.selectClause() != null;
        boolean distinct = false;
        List<ColumnRef> selected = new ArrayList<>();
        if (query.selectClause() != null) {
            distinct = query.selectClause().getChildCount() > 2
                    && "distinct".equalsIgnoreCase(query.selectClause().getChild(1).getText());
            for (var selection : query.selectClause().selectionList().selection()) {
                var expr = selection.selectExpression();
                // select distinct(xsd.name): the brackets around one selection change nothing
                String text = expr.getText().replaceAll("^\\((.*)\\)$", "$1");
                boolean isAlias = tables.stream().anyMatch(t -> t.answersTo(text))
                        || expr.jpaSelectObjectSyntax() != null;
                if (!isAlias) {
                    entitySelect = false;
                    if (text.matches("[A-Za-z_][\\w$]*(\\.[A-Za-z_][\\w$]*)+")) {
                        int dot = text.lastIndexOf('.');
                        selected.add(new ColumnRef(text.substring(0, dot), text.substring(dot + 1)));
                    } else if (text.matches("[A-Za-z_][\\w$]*") && tables.size() == 1) {
                        // select distinct locale from ConceptName: HQL without an alias names the one entity's property
                        selected.add(new ColumnRef("", text));
                    }
                }
                if (aggregateKind(expr) != SqlShapeBuilder.AggregateKind.AGGREGATE) {
                    aggregateOnly = false;
                }
                scanSubqueries(expr);
            }
        }
        Filter filter = filter(query.whereClause() == null ? null : query.whereClause().predicate(), joinRestrictions,
                tables).withPredicates(JpqlPredicates.of(query.whereClause() == null ? null
                        : query.whereClause().predicate(), joinConditions(query), tables, enclosing()));
        scanSubqueries(query.whereClause());
        scanSubqueries(query.havingClause());
        outer.pop();
        boolean hasFrom = query.fromClause() != null;
        blocks.set(index, new SelectBlock(role, List.of(), tables, joins, filter, limit, aggregateOnly && hasFrom,
                query.groupByClause() != null, distinct, hasFrom, entitySelect, selected));
    }

    /** The ON (or WITH) predicates of every join of the query, outer joins too. */
    private static List<HqlParser.PredicateContext> joinConditions(HqlParser.QueryContext query) {
        List<HqlParser.PredicateContext> out = new ArrayList<>();
        if (query.fromClause() != null) {
            for (var entity : query.fromClause().entityWithJoins()) {
                for (var join : entity.join()) {
                    if (join.joinRestriction() != null) {
                        ParseTree p = join.joinRestriction().getChild(join.joinRestriction().getChildCount() - 1);
                        if (p instanceof HqlParser.PredicateContext predicate) {
                            out.add(predicate);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String variable(HqlParser.VariableContext ctx) {
        if (ctx == null) {
            return "";
        }
        if (ctx.identifier() != null) {
            return ctx.identifier().getText();
        }
        return ctx.nakedIdentifier() != null ? ctx.nakedIdentifier().getText() : "";
    }

    /**
     * Whether a select expression folds rows ({@code count(o)}, {@code coalesce(sum(o.total), 0)}),
     * is a constant, or reads a row; a window function ({@code count(o) over ()}) keeps every row.
     */
    static SqlShapeBuilder.AggregateKind aggregateKind(ParseTree t) {
        if (t instanceof TerminalNode || t instanceof HqlParser.LiteralContext || t instanceof HqlParser.ParameterContext
                || t instanceof HqlParser.SubqueryContext) {
            return SqlShapeBuilder.AggregateKind.CONSTANT;
        }
        if (t instanceof HqlParser.GenericFunctionContext f) {
            if (f.overClause() != null) {
                return SqlShapeBuilder.AggregateKind.ROW;
            }
            if (AGGREGATES.contains(f.genericFunctionName().getText().toLowerCase(Locale.ROOT))) {
                return SqlShapeBuilder.AggregateKind.AGGREGATE;
            }
            return f.genericFunctionArguments() == null ? SqlShapeBuilder.AggregateKind.CONSTANT
                    : aggregateKind(f.genericFunctionArguments());
        }
        if (t instanceof HqlParser.AggregateFunctionContext || t instanceof HqlParser.JsonArrayAggFunctionContext
                || t instanceof HqlParser.JsonObjectAggFunctionContext || t instanceof HqlParser.XmlaggFunctionContext) {
            return hasOver(t) ? SqlShapeBuilder.AggregateKind.ROW : SqlShapeBuilder.AggregateKind.AGGREGATE;
        }
        if (t.getClass().getSimpleName().contains("Path")) {
            return SqlShapeBuilder.AggregateKind.ROW;
        }
        boolean aggregate = false;
        for (int i = 0; i < t.getChildCount(); i++) {
            var kind = aggregateKind(t.getChild(i));
            if (kind == SqlShapeBuilder.AggregateKind.ROW) {
                return kind;
            }
            aggregate |= kind == SqlShapeBuilder.AggregateKind.AGGREGATE;
        }
        return aggregate ? SqlShapeBuilder.AggregateKind.AGGREGATE : SqlShapeBuilder.AggregateKind.CONSTANT;
    }

    private static boolean hasOver(ParseTree t) {
        for (int i = 0; i < t.getChildCount(); i++) {
            if (t.getChild(i) instanceof HqlParser.OverClauseContext || hasOver(t.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    private static void collectImplicitJoins(ParserRuleContext ctx, List<TableRef> tables, Set<String> out) {
        if (ctx == null) {
            return;
        }
        if (ctx instanceof HqlParser.SubqueryContext) {
            return;
        }
        if (ctx instanceof HqlParser.SimplePathContext || ctx instanceof HqlParser.GeneralPathFragmentContext) {
            String[] parts = ctx.getText().split("\\.");
            if (parts.length >= 3 && tables.stream().anyMatch(t -> t.answersTo(parts[0]))) {
                // o.customer.id reads the foreign key, so the last hop through "id" joins nothing
                int last = parts[parts.length - 1].equalsIgnoreCase("id") ? parts.length - 2 : parts.length - 1;
                StringBuilder prefix = new StringBuilder(parts[0]);
                for (int i = 1; i < last; i++) {
                    prefix.append('.').append(parts[i]);
                    String path = prefix.toString();
                    if (tables.stream().noneMatch(t -> t.name().equalsIgnoreCase(path))) {
                        out.add(path);
                    }
                }
            }
            return;
        }
        for (int i = 0; i < ctx.getChildCount(); i++) {
            if (ctx.getChild(i) instanceof ParserRuleContext child) {
                collectImplicitJoins(child, tables, out);
            }
        }
    }

    private void scanSubqueries(ParserRuleContext ctx) {
        if (ctx == null) {
            return;
        }
        if (ctx instanceof HqlParser.ExistsPredicateContext exists) {
            HqlParser.SubqueryContext sub = firstSubquery(exists);
            if (sub != null) {
                addQueryExpression(sub.queryExpression(), BlockRole.EXISTS_PROBE, RowLimit.NONE);
                return;
            }
        }
        if (ctx instanceof HqlParser.SubqueryContext sub) {
            addQueryExpression(sub.queryExpression(), BlockRole.SUBQUERY, RowLimit.NONE);
            return;
        }
        for (int i = 0; i < ctx.getChildCount(); i++) {
            if (ctx.getChild(i) instanceof ParserRuleContext child) {
                scanSubqueries(child);
            }
        }
    }

    private static HqlParser.SubqueryContext firstSubquery(ParserRuleContext ctx) {
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof HqlParser.SubqueryContext sub) {
                return sub;
            }
            if (child instanceof ParserRuleContext rule) {
                HqlParser.SubqueryContext found = firstSubquery(rule);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The aliases of the blocks around the one being read (the first on the stack is its own). */
    private List<TableRef> enclosing() {
        List<TableRef> enclosing = new ArrayList<>();
        outer.stream().skip(1).forEach(enclosing::addAll);
        return enclosing;
    }

    private Filter filter(HqlParser.PredicateContext where, List<HqlParser.PredicateContext> joinRestrictions,
                          List<TableRef> tables) {
        FilterState state = new FilterState(tables, enclosing());
        boolean runTimePieces = false;
        for (var conjunct : conjuncts(where)) {
            runTimePieces |= isRunTimePiece(conjunct);
            state.where(conjunct);
        }
        for (var on : joinRestrictions) {
            for (var conjunct : conjuncts(on)) {
                state.joinCondition(conjunct);
            }
        }
        return new Filter(state.restricts, state.equalities, state.ranges, state.patterns, -1, List.of(),
                runTimePieces && !state.restricts);
    }

    /**
     * {@code ql_dynamic = true}: a condition the code builds at run time (a Specification, a criteria object), as
     * the extractor writes it; it restricts nothing that can be read.
     */
    private static boolean isRunTimePiece(HqlParser.PredicateContext p) {
        if (p instanceof HqlParser.GroupedPredicateContext g) {
            return isRunTimePiece(g.predicate());
        }
        return p instanceof HqlParser.BinaryExpressionPredicateContext binary && binary.expression().size() == 2
                && "=".equals(binary.getChild(1).getText())
                && binary.expression(0).getText().equalsIgnoreCase(Placeholders.DYNAMIC)
                && binary.expression(1).getText().equalsIgnoreCase("true");
    }

    private static List<HqlParser.PredicateContext> conjuncts(HqlParser.PredicateContext p) {
        List<HqlParser.PredicateContext> out = new ArrayList<>();
        collect(p, out);
        return out;
    }

    private static void collect(HqlParser.PredicateContext p, List<HqlParser.PredicateContext> out) {
        if (p == null) {
            return;
        }
        if (p instanceof HqlParser.AndPredicateContext and) {
            and.predicate().forEach(c -> collect(c, out));
        } else if (p instanceof HqlParser.GroupedPredicateContext g && g.predicate() instanceof HqlParser.AndPredicateContext) {
            collect(g.predicate(), out);
        } else {
            out.add(p);
        }
    }

    private static final class FilterState {
        private static final java.util.regex.Pattern KEY_NOT_NULL =
                java.util.regex.Pattern.compile("(\\w+\\.)?idisnotnull");
        boolean restricts;
        boolean ranges;
        boolean patterns;
        final List<ColumnRef> equalities = new ArrayList<>();
        private final List<TableRef> tables;
        private final List<TableRef> enclosing;

        FilterState(List<TableRef> tables, List<TableRef> enclosing) {
            this.tables = tables;
            this.enclosing = enclosing;
        }

        void where(HqlParser.PredicateContext p) {
            if (p instanceof HqlParser.GroupedPredicateContext g) {
                where(g.predicate());
                return;
            }
            if (p instanceof HqlParser.BinaryExpressionPredicateContext binary && binary.expression().size() == 2) {
                String op = binary.getChild(1).getText();
                var l = binary.expression(0);
                var r = binary.expression(1);
                if ("=".equals(op)) {
                    if (isValue(l) && isValue(r)) {
                        if (isLiteral(l) && isLiteral(r) && !l.getText().equals(r.getText())) {
                            restricts = true; // 1 = 0 keeps no row at all
                        }
                        return; // 1 = 1 restricts nothing
                    }
                    if (isPath(l.getText()) && isPath(r.getText()) && local(l.getText()) && local(r.getText())
                            && !isValue(l) && !isValue(r)) {
                        return; // a join condition written in WHERE: o.customer = c
                    }
                    restricts = true;
                    if (isPath(l.getText()) && local(l.getText()) && valueLike(r)) {
                        equalities.add(compared(l.getText()));
                    } else if (isPath(r.getText()) && local(r.getText()) && valueLike(l)) {
                        equalities.add(compared(r.getText()));
                    } else if (caseFolded(l) != null && (valueLike(r) || caseFoldedValue(r))) {
                        equalities.add(column(caseFolded(l)));
                    } else if (caseFolded(r) != null && (valueLike(l) || caseFoldedValue(l))) {
                        equalities.add(column(caseFolded(r)));
                    }
                    return;
                }
                restricts = true;
                if (op.startsWith("<") || op.startsWith(">")) {
                    ranges = true;
                }
                return;
            }
            String text = p.getText().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("(true)")) {
                return;
            }
            if (KEY_NOT_NULL.matcher(text).matches() && local(text.substring(0, text.length() - "isnotnull".length()))) {
                return; // where o.id is not null: an entity's id is never null, every row passes
            }
            restricts = true;
            if (p instanceof HqlParser.InPredicateContext in && in.NOT() == null && isPath(in.expression().getText())
                    && valueList(in.inList())) {
                equalities.add(compared(in.expression().getText())); // t.id in :ids: one row per value passed at most
                return;
            }
            kinds(p);
        }

        /** Notes range and pattern predicates, also inside OR and NOT (never inside subqueries). */
        private void kinds(HqlParser.PredicateContext p) {
            if (p instanceof HqlParser.BetweenPredicateContext) {
                ranges = true;
            } else if (p instanceof HqlParser.LikePredicateContext) {
                patterns = true;
            } else if (p instanceof HqlParser.BinaryExpressionPredicateContext binary) {
                String op = binary.getChild(1).getText();
                if (op.startsWith("<") || op.startsWith(">")) {
                    ranges = true;
                }
            } else if (p instanceof HqlParser.OrPredicateContext || p instanceof HqlParser.AndPredicateContext
                    || p instanceof HqlParser.NegatedPredicateContext || p instanceof HqlParser.GroupedPredicateContext) {
                for (int i = 0; i < p.getChildCount(); i++) {
                    if (p.getChild(i) instanceof HqlParser.PredicateContext child) {
                        kinds(child);
                    }
                }
            }
        }

        void joinCondition(HqlParser.PredicateContext p) {
            if (p instanceof HqlParser.GroupedPredicateContext g) {
                joinCondition(g.predicate());
                return;
            }
            if (p instanceof HqlParser.BinaryExpressionPredicateContext binary && binary.expression().size() == 2
                    && "=".equals(binary.getChild(1).getText())) {
                String left = binary.expression(0).getText();
                String right = binary.expression(1).getText();
                if (isPath(left) && isValue(binary.expression(1))) {
                    restricts = true;
                    equalities.add(column(left));
                } else if (isPath(right) && isValue(binary.expression(0))) {
                    restricts = true;
                    equalities.add(column(right));
                }
            }
        }

        private static boolean valueList(HqlParser.InListContext list) {
            if (list instanceof HqlParser.ParamInListContext) {
                return true;
            }
            if (list instanceof HqlParser.ExplicitTupleInListContext tuple) {
                return !tuple.expressionOrPredicate().isEmpty() && tuple.expressionOrPredicate().stream()
                        .allMatch(e -> e.expression() != null && isValue(e.expression()));
            }
            return false;
        }

        /**
         * Whether a path belongs to this block: rooted at one of its aliases, or unqualified and not an
         * alias of an enclosing query (then it is a correlated value: {@code l.order = o}).
         */
        /**
         * The column a comparison filters on; an entity compared as a whole ({@code o = :order},
         * {@code o in :orders}, JHipster's bag fetches) is compared by its id.
         */
        private ColumnRef compared(String path) {
            if (!path.contains(".") && tables.stream().anyMatch(t -> t.answersTo(path))) {
                return new ColumnRef(path, "id");
            }
            return column(path);
        }

        private boolean local(String path) {
            String root = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (tables.stream().anyMatch(t -> t.answersTo(root))) {
                return true;
            }
            return enclosing.stream().noneMatch(t -> t.answersTo(root));
        }

        /**
         * The path of {@code upper(e.email)} or {@code lower(e.email)} (Spring Data's {@code IgnoreCase}), else null:
         * compared to a value it finds the rows whose key differs only in case, one or a few, so it counts toward a
         * key lookup (never toward an index).
         */
        private String caseFolded(HqlParser.ExpressionContext e) {
            java.util.regex.Matcher m = CASE_FOLDED.matcher(e.getText());
            return m.matches() && isPath(m.group(1)) && local(m.group(1)) ? m.group(1) : null;
        }

        /** {@code upper(?1)}, {@code lower(:email)}: a value folded the same way. */
        private static boolean caseFoldedValue(HqlParser.ExpressionContext e) {
            java.util.regex.Matcher m = CASE_FOLDED.matcher(e.getText());
            return m.matches() && PARAMETER.matcher(m.group(1)).matches();
        }

        private static final java.util.regex.Pattern CASE_FOLDED = java.util.regex.Pattern.compile(
                "(?i)(?:upper|lower)\\(([^()]+)\\)");

        private boolean valueLike(HqlParser.ExpressionContext e) {
            return isValue(e) || (isPath(e.getText()) && !local(e.getText()))
                    || (e instanceof HqlParser.BarePrimaryExpressionContext bare
                    && bare.primaryExpression() instanceof HqlParser.FunctionExpressionContext);
        }

        private static boolean isLiteral(HqlParser.ExpressionContext e) {
            return e instanceof HqlParser.BarePrimaryExpressionContext bare
                    && bare.primaryExpression() instanceof HqlParser.LiteralExpressionContext;
        }

        private static boolean isValue(HqlParser.ExpressionContext e) {
            String text = e.getText();
            if (PARAMETER.matcher(text).matches() || text.equalsIgnoreCase(Placeholders.DYNAMIC)) {
                return true; // a parameter, or a fragment built at run time in a value position
            }
            return e instanceof HqlParser.BarePrimaryExpressionContext bare
                    && bare.primaryExpression() instanceof HqlParser.LiteralExpressionContext;
        }

        private static boolean isPath(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            return PATH.matcher(text).matches() && !lower.equals("true") && !lower.equals("false")
                    && !lower.equals("null");
        }

        private static ColumnRef column(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? new ColumnRef("", path) : new ColumnRef(path.substring(0, dot), path.substring(dot + 1));
        }
    }
}
