package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * jOOQ's DSL ({@code dsl.selectFrom(BOOK).where(BOOK.AUTHOR_ID.eq(id)).fetch()}): the chain written as the SQL it runs,
 * at the call that starts it ({@code selectFrom}, {@code select}, {@code deleteFrom}...), so that the rules judge it as
 * the same query written as text. Generated table constants name their tables by jOOQ's default generator strategy
 * ({@code ORDER_ITEM} is {@code order_item}, {@code BOOK.AUTHOR_ID} is {@code author_id}); {@code DSL.table("book")} and
 * {@code DSL.field("title")} name theirs. A condition QueryLint cannot read (a helper's, or one assembled under
 * {@code if}s that may stay {@code noCondition()}) is a filter built at run time. The context's own reads of a table
 * ({@code dsl.fetch(BOOK)}, {@code dsl.fetchOne(BOOK, cond)}) are read too; its plain-SQL calls
 * ({@code dsl.fetch("select ...")}) are {@link ApiCalls}' business.
 */
final class JooqCalls {

    /** How the calls that run a query read its rows. */
    static final Map<String, Cardinality> TERMINALS = Map.ofEntries(
            Map.entry("fetch", Cardinality.COLLECTION), Map.entry("fetchInto", Cardinality.COLLECTION),
            Map.entry("fetchMaps", Cardinality.COLLECTION), Map.entry("fetchMap", Cardinality.COLLECTION),
            Map.entry("fetchGroups", Cardinality.COLLECTION), Map.entry("fetchSet", Cardinality.COLLECTION),
            Map.entry("fetchArray", Cardinality.COLLECTION), Map.entry("fetchArrays", Cardinality.COLLECTION),
            Map.entry("collect", Cardinality.COLLECTION), Map.entry("forEach", Cardinality.STREAM),
            Map.entry("fetchStream", Cardinality.STREAM), Map.entry("fetchStreamInto", Cardinality.STREAM),
            Map.entry("stream", Cardinality.STREAM), Map.entry("fetchLazy", Cardinality.STREAM),
            Map.entry("iterator", Cardinality.STREAM), Map.entry("fetchResultSet", Cardinality.STREAM),
            Map.entry("fetchOne", Cardinality.SINGLE), Map.entry("fetchOneInto", Cardinality.SINGLE),
            Map.entry("fetchSingle", Cardinality.SINGLE), Map.entry("fetchSingleInto", Cardinality.SINGLE),
            Map.entry("fetchAny", Cardinality.SINGLE), Map.entry("fetchAnyInto", Cardinality.SINGLE),
            Map.entry("fetchValue", Cardinality.SINGLE), Map.entry("fetchOptional", Cardinality.OPTIONAL),
            Map.entry("fetchOptionalInto", Cardinality.OPTIONAL), Map.entry("fetchOptionalValue", Cardinality.OPTIONAL),
            Map.entry("fetchOneMap", Cardinality.SINGLE), Map.entry("fetchOneArray", Cardinality.SINGLE),
            Map.entry("fetchSingleMap", Cardinality.SINGLE), Map.entry("fetchSingleArray", Cardinality.SINGLE),
            Map.entry("fetchAnyMap", Cardinality.SINGLE), Map.entry("fetchAnyArray", Cardinality.SINGLE),
            Map.entry("fetchOptionalMap", Cardinality.OPTIONAL), Map.entry("fetchOptionalArray", Cardinality.OPTIONAL),
            Map.entry("execute", Cardinality.UPDATE_COUNT));

    /** The context's reads of a whole table: {@code dsl.fetch(BOOK, cond)}. */
    private static final Map<String, Cardinality> TABLE_READS = Map.ofEntries(
            Map.entry("fetch", Cardinality.COLLECTION), Map.entry("fetchStream", Cardinality.STREAM),
            Map.entry("fetchLazy", Cardinality.STREAM), Map.entry("fetchOne", Cardinality.SINGLE),
            Map.entry("fetchSingle", Cardinality.SINGLE), Map.entry("fetchAny", Cardinality.SINGLE),
            Map.entry("fetchOptional", Cardinality.OPTIONAL), Map.entry("fetchCount", Cardinality.SCALAR),
            Map.entry("fetchExists", Cardinality.SCALAR));

    private static final Set<String> STARTS = Set.of("selectFrom", "select", "selectDistinct", "selectCount",
            "selectOne", "selectZero", "deleteFrom", "delete", "update", "insertInto", "mergeInto");

    private static final Map<String, String> COMPARISONS = Map.ofEntries(Map.entry("eq", "="), Map.entry("equal", "="),
            Map.entry("ne", "<>"), Map.entry("notEqual", "<>"), Map.entry("gt", ">"), Map.entry("greaterThan", ">"),
            Map.entry("ge", ">="), Map.entry("greaterOrEqual", ">="), Map.entry("lt", "<"), Map.entry("lessThan", "<"),
            Map.entry("le", "<="), Map.entry("lessOrEqual", "<="), Map.entry("like", "like"),
            Map.entry("likeIgnoreCase", "like"), Map.entry("notLike", "not like"),
            Map.entry("notLikeIgnoreCase", "not like"), Map.entry("contains", "like"),
            Map.entry("containsIgnoreCase", "like"), Map.entry("startsWith", "like"),
            Map.entry("startsWithIgnoreCase", "like"), Map.entry("endsWith", "like"),
            Map.entry("endsWithIgnoreCase", "like"), Map.entry("likeRegex", "like"), Map.entry("similarTo", "like"),
            Map.entry("equalIgnoreCase", "="), Map.entry("in", "in"), Map.entry("notIn", "not in"),
            Map.entry("between", "between"), Map.entry("isNull", "is null"), Map.entry("isNotNull", "is not null"),
            Map.entry("isDistinctFrom", "<>"), Map.entry("isNotDistinctFrom", "="));

    private static final Set<String> JOINS = Set.of("join", "innerJoin", "leftJoin", "leftOuterJoin", "rightJoin",
            "rightOuterJoin", "fullJoin", "fullOuterJoin", "crossJoin", "naturalJoin", "naturalLeftOuterJoin",
            "straightJoin");

    private static final Set<String> AGGREGATES = Set.of("count", "countDistinct", "max", "min", "sum", "avg");

    private JooqCalls() {
    }

    /** Calls that give a context: {@code DSL.using(conn)}, {@code configuration.dsl()}, {@code getDslContext()}. */
    private static final Set<String> CONTEXT_CALLS = Set.of("using", "dsl", "getDsl", "getDslContext", "dslContext",
            "getContext", "context", "ctx", "create", "jooq");
    /** The names a context goes by when no type says it (an inherited field, a lambda's parameter). */
    private static final Set<String> CONTEXT_NAMES = Set.of("dsl", "ctx", "context", "create", "db", "database",
            "dslcontext", "jooq", "sql", "dbcontext", "jooqcontext", "jooqdsl", "dslctx", "jooqctx", "dsl_context");

    /** Whether a receiver is a {@code DSLContext}: by its declared type, the call that gives it, or its name. */
    static boolean context(Expression scope, CallSites sites) {
        String type = sites.typeOf(scope);
        if (type != null && !type.equals("var")) {
            return type.endsWith("DSLContext");
        }
        if (scope instanceof MethodCallExpr m) {
            return CONTEXT_CALLS.contains(m.getNameAsString());
        }
        String name = ApiCalls.receiverName(scope).toLowerCase(Locale.ROOT);
        return CONTEXT_NAMES.contains(name) || name.endsWith("dsl") || name.endsWith("dslcontext") || name.contains("jooq");
    }

    /** Whether the file imports jOOQ: only there are its calls read. */
    static boolean imports(CompilationUnit unit) {
        return unit.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("org.jooq.")
                || i.getNameAsString().equals("org.jooq"));
    }

    static void calls(SourceFile file, CompilationUnit unit, CallSites callSites, ConstantFolder folder,
                      List<QueryUnit> found) {
        daoCalls(file, unit, callSites, found);
        if (!imports(unit)) {
            return;
        }
        Reader reader = new Reader(unit, folder);
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            String name = call.getNameAsString();
            Cardinality cardinality = TERMINALS.get(name);
            if (cardinality == null && !TABLE_READS.containsKey(name) || Mocks.onMock(call, callSites)) {
                continue;
            }
            if (TABLE_READS.containsKey(name) && !call.getArguments().isEmpty() && call.getScope().isPresent()
                    && context(call.getScope().get(), callSites) && reader.table(call.getArguments().get(0)).isPresent()) {
                tableRead(file, reader, call, found); // dsl.fetch(BOOK, BOOK.AUTHOR_ID.eq(id))
                continue;
            }
            if (cardinality == null) {
                continue;
            }
            List<MethodCallExpr> chain = chain(call);
            if (chain.isEmpty() || chain.subList(0, chain.size() - 1).stream()
                    .anyMatch(c -> TERMINALS.containsKey(c.getNameAsString()))) {
                continue; // fetch().into(..), fetchLazy().stream(): the query ran at the first, which has its unit
            }
            MethodCallExpr start = chain.get(0);
            if (cardinality == Cardinality.UPDATE_COUNT) {
                reader.write(chain).ifPresent(sql -> found.add(unit(file, start, call, sql, Cardinality.UPDATE_COUNT,
                        "", new Query(sql, false, false, Set.of()))));
                continue;
            }
            reader.select(chain).ifPresent(q -> found.add(unit(file, start, call, q.sql(), cardinality,
                    q.bound() ? "limit" : "", q)));
        }
    }

    /**
     * jOOQ's generated DAOs ({@code bookDao.findAll()}, {@code fetchByAuthorId(..)}, {@code fetchOneById(..)}), known by
     * their import from a {@code tables.daos} package: {@code BookDao} reads table {@code book} by the default naming,
     * {@code fetchBy<Column>(values..)} the rows whose column holds one of the values.
     */
    private static void daoCalls(SourceFile file, CompilationUnit unit, CallSites callSites, List<QueryUnit> found) {
        Set<String> daos = new java.util.HashSet<>();
        unit.getImports().stream().filter(i -> !i.isStatic() && !i.isAsterisk()
                && i.getNameAsString().contains(".tables.daos.")).forEach(i -> daos.add(i.getName().getIdentifier()));
        if (daos.isEmpty()) {
            return;
        }
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            String type = call.getScope().map(callSites::typeOf).orElse(null);
            if (type == null || !daos.contains(type) || !type.endsWith("Dao") || Mocks.onMock(call, callSites)) {
                continue;
            }
            String table = snake(type.substring(0, type.length() - 3));
            String n = call.getNameAsString();
            String where;
            Cardinality cardinality;
            if (n.equals("findAll") || n.equals("count")) {
                where = "";
                cardinality = n.equals("count") ? Cardinality.SCALAR : Cardinality.COLLECTION;
            } else if (n.equals("findById") || n.equals("existsById") || n.equals("findOptionalById")) {
                where = " where id = ?";
                cardinality = n.equals("findOptionalById") ? Cardinality.OPTIONAL
                        : n.equals("existsById") ? Cardinality.SCALAR : Cardinality.SINGLE;
            } else if (n.startsWith("fetchOneBy") || n.startsWith("fetchOptionalBy")) {
                where = " where " + snake(n.substring(n.indexOf("By") + 2)) + " = ?";
                cardinality = n.startsWith("fetchOne") ? Cardinality.SINGLE : Cardinality.OPTIONAL;
            } else if (n.startsWith("fetchRangeOf") && n.length() > 12) {
                where = " where " + snake(n.substring(12)) + " between ? and ?";
                cardinality = Cardinality.COLLECTION;
            } else if (n.startsWith("fetchBy") && n.length() > 7) {
                where = " where " + snake(n.substring(7)) + " in (?)";
                cardinality = Cardinality.COLLECTION;
            } else {
                continue; // insert, update, delete, fetch(Field, ..): no table read QueryLint can name here
            }
            String sql = (cardinality == Cardinality.SCALAR ? "select count(*)" : "select " + table) + " from " + table
                    + where;
            found.add(unit(file, call, call, sql, cardinality, "", new Query(sql, false, false, Set.of())));
        }
    }

    /** {@code OrderItem} as {@code order_item}, jOOQ's default naming read backwards. */
    private static String snake(String pascal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static void tableRead(SourceFile file, Reader reader, MethodCallExpr call, List<QueryUnit> found) {
        Reader.Table table = reader.table(call.getArguments().get(0)).orElseThrow();
        Reader.Builder q = reader.new Builder();
        q.from(table);
        String name = call.getNameAsString();
        q.items.add(name.equals("fetchCount") ? "count(*)" : name.equals("fetchExists") ? "1" : table.alias());
        q.where(call.getArguments().subList(1, call.getArguments().size()));
        Query query = q.query();
        found.add(unit(file, call, call, query.sql(), TABLE_READS.get(name), "", query));
    }

    private static QueryUnit unit(SourceFile file, MethodCallExpr start, MethodCallExpr terminal, String sql,
                                  Cardinality cardinality, String bound, Query q) {
        CallSite site = CallSites.withFirstRow(new CallSite(terminal.getNameAsString(), cardinality, bound,
                CallSites.inLoop(terminal), CallSites.enclosingClass(terminal), CallSites.enclosingMethod(terminal)), terminal);
        return new QueryUnit(JavaSourceExtractor.location(file, start.getName()), QueryOrigin.JOOQ, QueryLanguage.SQL, sql,
                site, false, q.conditional(), JavaSourceExtractor.Suppressions.of(start), List.of(), q.optional());
    }

    /**
     * The calls from the one that starts the query to the terminal: along the chain (past what gives the context,
     * {@code DSL.using(conn)}), and through a variable that keeps the query
     * ({@code var q = dsl.selectFrom(BOOK).where(..); return q.fetch();}).
     */
    private static List<MethodCallExpr> chain(MethodCallExpr terminal) {
        return Trees.builtQuery(terminal, JooqCalls::startIndex);
    }

    /**
     * The first call of a chain that starts a query on a context: {@code dsl.selectFrom(..)},
     * {@code DSL.using(conn).select(..)}; not {@code DSL.select(..)}, which builds a detached subquery.
     */
    private static int startIndex(List<MethodCallExpr> calls) {
        for (int i = 0; i < calls.size(); i++) {
            MethodCallExpr c = calls.get(i);
            if (STARTS.contains(c.getNameAsString())) {
                Optional<Expression> scope = c.getScope();
                if (scope.isEmpty() || scope.get() instanceof NameExpr n && n.getNameAsString().equals("DSL")) {
                    return -1;
                }
                return i;
            }
        }
        return -1;
    }

    private record Query(String sql, boolean conditional, boolean bound, Set<String> optional) {
    }

    /** Reads tables, fields and conditions of one file's jOOQ code. */
    private static final class Reader {

        private final CompilationUnit unit;
        private final ConstantFolder folder;

        Reader(CompilationUnit unit, ConstantFolder folder) {
            this.unit = unit;
            this.folder = folder;
        }

        record Table(String name, String alias, String variable) {
        }

        /** One query as it is read: its tables, select list, conditions. */
        final class Builder {
            final Map<String, String> aliases = new LinkedHashMap<>(); // Java name -> SQL alias
            final StringBuilder from = new StringBuilder();
            final List<String> items = new ArrayList<>();
            final List<String> always = new ArrayList<>();
            final List<String> sometimes = new ArrayList<>();
            final Set<String> optional = new TreeSet<>();
            boolean runTime;
            /** A condition nobody can read here: a filter, as a SQL fragment standing for one is. */
            boolean opaque;
            boolean distinct;
            boolean bound;
            boolean unread;
            String groupBy = "";
            final List<String> having = new ArrayList<>();
            String lock = "";
            String firstAlias;

            void from(Table t) {
                aliases.put(t.variable(), t.alias());
                if (firstAlias == null) {
                    firstAlias = t.alias();
                    from.append(t.name()).append(t.alias().equals(t.name()) ? "" : " " + t.alias());
                } else {
                    from.append(", ").append(t.name()).append(t.alias().equals(t.name()) ? "" : " " + t.alias());
                }
            }

            void join(String kind, Table t) {
                aliases.put(t.variable(), t.alias());
                from.append(' ').append(kind).append(' ').append(t.name())
                        .append(t.alias().equals(t.name()) ? "" : " " + t.alias());
            }

            void where(List<Expression> conditions) {
                for (Expression c : conditions) {
                    condition(c, this);
                }
            }

            /** {@code where(a).or(b)}: the rows of either, so no condition so far always applies alone. */
            void or(List<Expression> conditions, boolean not) {
                List<String> parts = new ArrayList<>();
                for (Expression c : conditions) {
                    Optional<String> p = predicate(c, aliases);
                    if (p.isEmpty()) {
                        opaque = true; // where(a).or(helper()): more rows than a, which nobody can read here
                        return;
                    }
                    parts.add(not ? "not " + p.get() : p.get());
                }
                List<String> before = new ArrayList<>(always);
                before.addAll(sometimes);
                if (before.isEmpty() || parts.isEmpty()) {
                    return;
                }
                always.clear();
                sometimes.clear();
                always.add("(" + String.join(" and ", before) + " or " + String.join(" and ", parts) + ")");
            }

            Query query() {
                StringBuilder sql = new StringBuilder("select ").append(distinct ? "distinct " : "")
                        .append(items.isEmpty() ? firstAlias : String.join(", ", items)).append(" from ").append(from);
                List<String> where = new ArrayList<>(always);
                where.addAll(sometimes);
                if (runTime) {
                    where.add(ConstantFolderSupport.DYNAMIC + " = true");
                }
                if (opaque) {
                    where.add(ConstantFolderSupport.DYNAMIC);
                }
                if (!where.isEmpty()) {
                    sql.append(" where ").append(String.join(" and ", where));
                }
                sql.append(groupBy).append(having.isEmpty() ? "" : " having " + String.join(" and ", having)).append(lock);
                boolean conditional = always.isEmpty() && !sometimes.isEmpty() && !runTime && !opaque;
                return new Query(sql.toString(), conditional, bound, optional);
            }
        }

        Optional<Query> select(List<MethodCallExpr> chain) {
            Builder q = new Builder();
            List<Expression> selected = null;
            boolean inOn = false;
            String orderedBy = null;
            for (MethodCallExpr call : chain) {
                String name = call.getNameAsString();
                List<Expression> args = call.getArguments();
                if (!Set.of("on", "onKey", "using", "and", "or", "andNot", "orNot").contains(name)) {
                    inOn = false;
                }
                switch (name) {
                    case "selectFrom", "from" -> {
                        if (args.isEmpty()) {
                            return Optional.empty();
                        }
                        for (Expression a : args) {
                            if (!from(a, q)) {
                                return Optional.empty(); // a table QueryLint cannot name (a helper's, a subquery)
                            }
                        }
                    }
                    case "select", "selectDistinct" -> {
                        q.distinct |= name.equals("selectDistinct");
                        selected = selected == null ? new ArrayList<>() : selected;
                        selected.addAll(args);
                    }
                    case "selectCount" -> q.items.add("count(*)");
                    case "selectOne" -> q.items.add("1");
                    case "selectZero" -> q.items.add("0");
                    case "distinct" -> q.distinct = true;
                    case "where", "and", "or", "andNot", "orNot" -> {
                        if (inOn && !name.equals("where")) {
                            continue; // join(..).on(a).and(b): the join's condition
                        }
                        inOn = false;
                        if (name.startsWith("or")) {
                            q.or(args, name.endsWith("Not"));
                        } else {
                            q.where(args);
                        }
                    }
                    case "having" -> {
                        for (Expression a : args) {
                            q.having.add(predicate(a, q.aliases).orElse("ql_field > ?"));
                        }
                    }
                    case "on", "onKey", "using" -> inOn = true;
                    case "limit", "maxRows", "fetchNext", "fetchFirst" -> q.bound = true;
                    case "orderBy" -> orderedBy = args.isEmpty() ? null : field(sortKey(args.get(0)), q.aliases);
                    case "seek", "seekAfter", "seekBefore" -> // keyset paging: a range on the sort key, no bound
                            q.always.add((orderedBy == null ? "ql_field" : orderedBy) + (name.equals("seekBefore") ? " < ?" : " > ?"));
                    case "groupBy" -> q.groupBy = " group by " + String.join(", ", args.stream()
                            .map(a -> field(a, q.aliases)).map(f -> f == null ? "ql_field" : f).toList());
                    case "forUpdate" -> q.lock = " for update";
                    default -> {
                        if (JOINS.contains(name)) {
                            if (args.size() != 1) {
                                return Optional.empty();
                            }
                            Optional<Table> t = table(args.get(0));
                            if (t.isEmpty()) {
                                return Optional.empty();
                            }
                            q.join(kind(name), t.get());
                            String on = joinCondition(chain, call, q);
                            q.from.append(on);
                        }
                        // orderBy, offset, seek, fetchSize, queryTimeout...: the rows stay the same
                    }
                }
            }
            if (q.firstAlias == null || q.unread) {
                return Optional.empty();
            }
            if (selected != null) {
                for (Expression a : selected) {
                    q.items.add(item(a, q));
                }
            }
            return Optional.of(q.query());
        }

        /**
         * A table of a FROM, also with joins written inside it ({@code from(BOOK.join(AUTHOR).on(..))}). False when a
         * table cannot be named.
         */
        private boolean from(Expression e, Builder q) {
            List<MethodCallExpr> joined = new ArrayList<>();
            Expression root = e;
            while (root instanceof MethodCallExpr m && m.getScope().isPresent() && (JOINS.contains(m.getNameAsString())
                    || Set.of("on", "onKey", "using", "and", "or").contains(m.getNameAsString()))) {
                joined.add(0, m);
                root = m.getScope().get();
            }
            Optional<Table> t = table(root);
            if (t.isEmpty()) {
                return false;
            }
            q.from(t.get());
            for (MethodCallExpr j : joined) {
                if (JOINS.contains(j.getNameAsString())) {
                    Optional<Table> other = j.getArguments().size() == 1 ? table(j.getArguments().get(0)) : Optional.empty();
                    if (other.isEmpty()) {
                        return false;
                    }
                    q.join(kind(j.getNameAsString()), other.get());
                    q.from.append(joinCondition(joined, j, q));
                }
            }
            return true;
        }

        private static String kind(String join) {
            return join.startsWith("left") || join.equals("naturalLeftOuterJoin") ? "left join"
                    : join.startsWith("right") ? "right join" : join.startsWith("full") ? "full join"
                    : join.equals("crossJoin") ? "cross join" : "join";
        }

        /** {@code BOOK.ID.desc()}: the field a sort is on. */
        private static Expression sortKey(Expression e) {
            return e instanceof MethodCallExpr m && m.getScope().isPresent()
                    && Set.of("asc", "desc", "nullsFirst", "nullsLast").contains(m.getNameAsString())
                    ? sortKey(m.getScope().get()) : e;
        }

        /** The join's condition, from the {@code on(..)} that follows it. */
        private String joinCondition(List<MethodCallExpr> chain, MethodCallExpr join, Builder q) {
            int at = chain.indexOf(join);
            if (at + 1 >= chain.size() || join.getNameAsString().equals("crossJoin")) {
                return "";
            }
            MethodCallExpr next = chain.get(at + 1);
            List<String> on = new ArrayList<>();
            if (next.getNameAsString().equals("on")) {
                for (Expression c : next.getArguments()) {
                    Optional<String> p = predicate(c, q.aliases);
                    on.add(p.orElse("1 = 1"));
                }
                for (int i = at + 2; i < chain.size() && chain.get(i).getNameAsString().equals("and"); i++) {
                    for (Expression c : chain.get(i).getArguments()) {
                        predicate(c, q.aliases).ifPresent(on::add);
                    }
                }
            }
            if (on.isEmpty()) {
                // onKey(), using(..): a foreign key jOOQ knows and QueryLint does not
                String joined = q.aliases.values().stream().reduce((a, b) -> b).orElse("t");
                on.add(joined + ".ql_key = " + q.firstAlias + ".ql_key");
            }
            return " on " + String.join(" and ", on);
        }

        /** An item of a select list: a field, a star, an aggregate, a whole record. */
        private String item(Expression a, Builder q) {
            Expression e = a instanceof MethodCallExpr as && as.getNameAsString().equals("as") && as.getScope().isPresent()
                    ? as.getScope().get() : a;
            if (e instanceof MethodCallExpr m) {
                String n = m.getNameAsString();
                if (n.equals("asterisk") && m.getArguments().isEmpty()) {
                    Optional<String> t = m.getScope().filter(s -> !isDsl(s)).flatMap(s -> table(s)).map(Table::alias);
                    return m.getScope().isPresent() && !isDsl(m.getScope().get()) ? t.orElse("ql_table") + ".*" : "*";
                }
                if (AGGREGATES.contains(n) && (m.getScope().isEmpty() || isDsl(m.getScope().get()))) {
                    String f = m.getArguments().isEmpty() ? "*" : field(m.getArguments().get(0), q.aliases);
                    return (n.equals("countDistinct") ? "count(distinct " : n + "(") + (f == null ? "ql_field" : f) + ")";
                }
                if (AGGREGATES.contains(n) && m.getScope().isPresent() && m.getArguments().isEmpty()
                        && field(m.getScope().get(), q.aliases) != null) {
                    String f = field(m.getScope().get(), q.aliases);
                    return n.equals("countDistinct") ? "count(distinct " + f + ")" : n + "(" + f + ")";
                }
                if (n.equals("fields") && m.getScope().isPresent()) {
                    return table(m.getScope().get()).map(Table::alias).orElse("ql_field");
                }
            }
            String f = field(e, q.aliases);
            return f == null ? "ql_field" : f;
        }

        /** A write chain as the statement it runs, for the tables it names: delete, update. */
        Optional<String> write(List<MethodCallExpr> chain) {
            MethodCallExpr start = chain.get(0);
            String name = start.getNameAsString();
            if (!(name.equals("deleteFrom") || name.equals("delete") || name.equals("update") || name.equals("insertInto")
                    || name.equals("mergeInto")) || start.getArguments().isEmpty()) {
                return Optional.empty();
            }
            Optional<Table> t = table(start.getArguments().get(0));
            if (t.isEmpty()) {
                return Optional.empty();
            }
            if (name.equals("insertInto") || name.equals("mergeInto")) {
                return Optional.of("insert into " + t.get().name() + " values (?)"); // the table it writes
            }
            Builder q = new Builder();
            q.from(t.get());
            for (MethodCallExpr c : chain) {
                if (c.getNameAsString().equals("where") || c.getNameAsString().equals("and")) {
                    q.where(c.getArguments());
                }
            }
            List<String> where = new ArrayList<>(q.always);
            where.addAll(q.sometimes);
            if (q.runTime || q.opaque) {
                where.add(ConstantFolderSupport.DYNAMIC);
            }
            String head = name.equals("update") ? "update " + t.get().name() + " set ql_field = ?"
                    : "delete from " + t.get().name();
            return Optional.of(head + (where.isEmpty() ? "" : " where " + String.join(" and ", where)));
        }

        /** Adds a condition of {@code where(..)}: read, built in the method, or one only the run time knows. */
        private void condition(Expression c, Builder q) {
            if (c instanceof StringLiteralExpr || c instanceof TextBlockLiteralExpr) {
                Optional<String> text = text(c);
                if (text.isPresent()) {
                    q.always.add("(" + text.get() + ")"); // where("1 = 1"): plain SQL
                    return;
                }
            }
            if (isNoCondition(c)) {
                return;
            }
            Optional<String> p = predicate(c, q.aliases);
            if (p.isPresent()) {
                q.always.add(p.get());
                return;
            }
            if (c instanceof NameExpr n && built(c, n.getNameAsString(), q)) {
                return;
            }
            if (mayBeEmpty(c)) {
                q.runTime = true; // a helper that may return noCondition(): the WHERE may vanish
            } else {
                q.opaque = true; // a parameter's, another class's: a condition QueryLint cannot read
            }
        }

        /**
         * Whether a condition QueryLint cannot read may be empty: a helper of the class that returns
         * {@code noCondition()}, {@code trueCondition()} or null on some path, or a local assigned one.
         */
        private static boolean mayBeEmpty(Expression c) {
            Node scope = null;
            if (c instanceof MethodCallExpr m && (m.getScope().isEmpty() || m.getScope().get() instanceof ThisExpr)) {
                for (Node t = c; t != null; t = t.getParentNode().orElse(null)) {
                    if (t instanceof com.github.javaparser.ast.body.TypeDeclaration<?> type) {
                        scope = type.getMethodsByName(m.getNameAsString()).stream()
                                .filter(d -> d.getParameters().size() == m.getArguments().size() && d.getBody().isPresent())
                                .findFirst().map(Node.class::cast).orElse(null);
                        if (scope != null) {
                            break;
                        }
                    }
                }
            } else if (c instanceof NameExpr n) {
                scope = c.findAncestor(CallableDeclaration.class).filter(d -> d.findAll(VariableDeclarator.class).stream()
                        .anyMatch(v -> v.getNameAsString().equals(n.getNameAsString()))).orElse(null);
            }
            if (scope == null) {
                return false;
            }
            return scope.findFirst(MethodCallExpr.class, x -> (x.getNameAsString().equals("noCondition")
                    || x.getNameAsString().equals("trueCondition")) && x.getArguments().isEmpty()).isPresent()
                    || c instanceof MethodCallExpr && scope.findAll(com.github.javaparser.ast.stmt.ReturnStmt.class).stream()
                    .anyMatch(r -> r.getExpression().filter(x -> x instanceof com.github.javaparser.ast.expr.NullLiteralExpr
                            || x.findFirst(com.github.javaparser.ast.expr.NullLiteralExpr.class).isPresent()
                            && x instanceof com.github.javaparser.ast.expr.ConditionalExpr).isPresent());
        }

        /**
         * The conditions a local collects: {@code Condition c = noCondition(); if (..) c = c.and(..);} or a
         * {@code List<Condition>} filled with {@code add(..)}. Those added whatever happens always filter, those under an
         * if may be left out. False when the local is not built here or holds a condition that cannot be read.
         */
        private boolean built(Expression use, String name, Builder q) {
            CallableDeclaration<?> method = use.findAncestor(CallableDeclaration.class).orElse(null);
            if (method == null) {
                return false;
            }
            VariableDeclarator declared = method.findAll(VariableDeclarator.class).stream()
                    .filter(v -> v.getNameAsString().equals(name)).findFirst().orElse(null);
            if (declared == null) {
                return false;
            }
            String type = CallSites.simpleType(declared.getType());
            boolean list = type.equals("List") || type.equals("ArrayList") || type.equals("Collection");
            if (!type.equals("Condition") && !list) {
                return false;
            }
            List<String> always = new ArrayList<>();
            List<String> sometimes = new ArrayList<>();
            Set<String> optional = new TreeSet<>();
            Node scope = declared.findAncestor(com.github.javaparser.ast.stmt.Statement.class)
                    .flatMap(Node::getParentNode).orElse(method);
            Expression init = declared.getInitializer().orElse(null);
            if (!list && init != null && !isNoCondition(init)) {
                Optional<String> p = predicate(init, q.aliases);
                if (p.isEmpty()) {
                    return false;
                }
                always.add(p.get());
            }
            List<Expression> added = new ArrayList<>();
            for (AssignExpr a : method.findAll(AssignExpr.class)) {
                if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) {
                    Expression v = a.getValue();
                    if (v instanceof MethodCallExpr and && and.getNameAsString().equals("and")
                            && and.getScope().orElse(null) instanceof NameExpr s && s.getNameAsString().equals(name)
                            && and.getArguments().size() == 1) {
                        added.add(and.getArguments().get(0));
                    } else if (a.getOperator() == AssignExpr.Operator.ASSIGN && !list) {
                        added.add(v);
                    } else {
                        return false;
                    }
                }
            }
            for (MethodCallExpr c : method.findAll(MethodCallExpr.class)) {
                if (c.getScope().orElse(null) instanceof NameExpr n && n.getNameAsString().equals(name)) {
                    if (list && c.getNameAsString().equals("add") && c.getArguments().size() == 1) {
                        added.add(c.getArguments().get(0));
                    } else if (list && !Set.of("isEmpty", "size", "toArray", "stream").contains(c.getNameAsString())
                            || !list && !c.getNameAsString().equals("and")) {
                        return false; // or(..), addAll(..): more than a list of conditions
                    }
                }
            }
            for (Expression a : added) {
                if (isNoCondition(a)) {
                    continue;
                }
                Optional<String> p = predicate(a, q.aliases);
                if (p.isEmpty()) {
                    return false;
                }
                if (Trees.runsSometimes(a, scope)) {
                    sometimes.add(p.get());
                    column(a).ifPresent(optional::add);
                } else {
                    always.add(p.get());
                }
            }
            q.always.addAll(always);
            q.sometimes.addAll(sometimes);
            q.optional.addAll(optional);
            return true;
        }

        /** The compared column of a comparison ({@code author_id} of {@code BOOK.AUTHOR_ID.eq(x)}). */
        private static Optional<String> column(Expression e) {
            return e instanceof MethodCallExpr m && m.getScope().orElse(null) instanceof FieldAccessExpr f
                    ? Optional.of(f.getNameAsString().toLowerCase(Locale.ROOT)) : Optional.empty();
        }

        private static boolean isNoCondition(Expression e) {
            return e instanceof MethodCallExpr m && m.getNameAsString().equals("noCondition") && m.getArguments().isEmpty();
        }

        /** A condition as SQL, or none for one that cannot be read. */
        Optional<String> predicate(Expression e, Map<String, String> aliases) {
            if (!(e instanceof MethodCallExpr m)) {
                return Optional.empty();
            }
            String name = m.getNameAsString();
            Optional<Expression> scope = m.getScope();
            boolean onDsl = scope.isEmpty() || isDsl(scope.get());
            if (onDsl) {
                switch (name) {
                    case "trueCondition" -> {
                        return Optional.of("1 = 1");
                    }
                    case "falseCondition" -> {
                        return Optional.of("1 = 0");
                    }
                    case "condition" -> {
                        return m.getArguments().isEmpty() ? Optional.empty() : text(m.getArguments().get(0))
                                .map(t -> "(" + t + ")");
                    }
                    case "and", "or" -> {
                        return combined(m.getArguments(), name, aliases);
                    }
                    case "not" -> {
                        return m.getArguments().size() == 1 ? predicate(m.getArguments().get(0), aliases)
                                .map(p -> "not " + p) : Optional.empty();
                    }
                    case "exists", "notExists" -> {
                        return Optional.of((name.equals("exists") ? "" : "not ")
                                + "exists (select 1 from " + ConstantFolderSupport.DYNAMIC + " s)");
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if ((name.equals("and") || name.equals("or") || name.equals("andNot") || name.equals("orNot"))
                    && m.getArguments().size() == 1 && !(scope.get() instanceof MethodCallExpr b
                    && b.getNameAsString().equals("between"))) {
                Optional<String> left = predicate(scope.get(), aliases);
                Optional<String> right = predicate(m.getArguments().get(0), aliases)
                        .map(r -> name.endsWith("Not") ? "not " + r : r);
                return left.isPresent() && right.isPresent() ? Optional.of("(" + left.get() + " "
                        + (name.startsWith("and") ? "and" : "or") + " " + right.get() + ")") : Optional.empty();
            }
            if (name.equals("not") && m.getArguments().isEmpty()) {
                return predicate(scope.get(), aliases).map(p -> "not " + p);
            }
            if ((name.equals("isTrue") || name.equals("isFalse")) && m.getArguments().isEmpty()) {
                String f = field(scope.get(), aliases);
                return f == null ? Optional.empty() : Optional.of(f + " = " + name.equals("isTrue"));
            }
            if (name.equals("and") && scope.get() instanceof MethodCallExpr b && b.getNameAsString().equals("between")) {
                String f = b.getScope().map(s -> field(s, aliases)).orElse(null);
                return f == null ? Optional.empty() : Optional.of(f + " between ? and ?");
            }
            String op = COMPARISONS.get(name);
            String f = op == null ? null : field(scope.get(), aliases);
            if (f == null) {
                return Optional.empty();
            }
            if (name.endsWith("IgnoreCase")) {
                f = "lower(" + f + ")";
            }
            return Optional.of(switch (op) {
                case "is null", "is not null" -> f + " " + op;
                case "in", "not in" -> f + " " + op + (m.getArguments().size() == 1
                        && m.getArguments().get(0) instanceof MethodCallExpr sub && subquery(sub)
                        ? " (select s.id from " + ConstantFolderSupport.DYNAMIC + " s)" : " (?)");
                case "between" -> f + " between ? and ?";
                default -> {
                    String other = m.getArguments().size() == 1 ? field(m.getArguments().get(0), aliases) : null;
                    yield f + " " + op + " " + (other != null && !(m.getArguments().get(0) instanceof NameExpr) ? other : "?");
                }
            });
        }

        private Optional<String> combined(List<Expression> args, String op, Map<String, String> aliases) {
            List<String> parts = new ArrayList<>();
            for (Expression a : args) {
                Optional<String> p = predicate(a, aliases);
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(p.get());
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of("(" + String.join(" " + op + " ", parts) + ")");
        }

        /** {@code DSL.select(..)...} or {@code select(..)...}: a subquery. */
        private static boolean subquery(MethodCallExpr m) {
            Expression e = m;
            MethodCallExpr last = m;
            while (e instanceof MethodCallExpr c) {
                last = c;
                e = c.getScope().orElse(null);
            }
            return last.getNameAsString().startsWith("select") && (e == null || isDsl(e));
        }

        private static boolean isDsl(Expression e) {
            return e instanceof NameExpr n && n.getNameAsString().equals("DSL")
                    || e instanceof FieldAccessExpr f && f.getNameAsString().equals("DSL");
        }

        /** A field as a column: {@code BOOK.TITLE} as {@code book.title}, {@code field("title")} as {@code title}. */
        String field(Expression e, Map<String, String> aliases) {
            if (e instanceof FieldAccessExpr f && upper(f.getNameAsString())) {
                String owner = owner(f.getScope(), aliases);
                return owner == null ? null : owner + "." + f.getNameAsString().toLowerCase(Locale.ROOT);
            }
            if (e instanceof MethodCallExpr m && (m.getScope().isEmpty() || isDsl(m.getScope().get()))
                    && m.getNameAsString().equals("field") && !m.getArguments().isEmpty()) {
                Expression a = m.getArguments().get(0);
                if (a instanceof MethodCallExpr n && n.getNameAsString().equals("name") && !n.getArguments().isEmpty()) {
                    List<String> parts = new ArrayList<>();
                    for (Expression p : n.getArguments()) {
                        Optional<String> t = text(p);
                        if (t.isEmpty()) {
                            return null;
                        }
                        parts.add(t.get());
                    }
                    return String.join(".", parts);
                }
                return text(a).filter(t -> t.matches("[\\w.\"`]+")).orElse(null);
            }
            if (e instanceof MethodCallExpr m && m.getScope().isPresent()
                    && Set.of("as", "cast", "coerce", "lower", "upper", "trim").contains(m.getNameAsString())) {
                return field(m.getScope().get(), aliases);
            }
            if (e instanceof MethodCallExpr m && AGGREGATES.contains(m.getNameAsString()) && m.getArguments().size() == 1
                    && (m.getScope().isEmpty() || isDsl(m.getScope().get()))) {
                String f = field(m.getArguments().get(0), aliases);
                return f == null ? null : m.getNameAsString() + "(" + f + ")"; // having(sum(STOCK.QUANTITY).lt(..))
            }
            if (e instanceof NameExpr n && upper(n.getNameAsString()) && !aliases.containsKey(n.getNameAsString())) {
                return n.getNameAsString().toLowerCase(Locale.ROOT); // a field constant: VALUE, by its column
            }
            return null;
        }

        /** The alias a field's owner stands for: {@code BOOK}, {@code b}, {@code Tables.BOOK}. */
        private String owner(Expression scope, Map<String, String> aliases) {
            if (scope instanceof NameExpr n && aliases.containsKey(n.getNameAsString())) {
                return aliases.get(n.getNameAsString());
            }
            if (scope instanceof FieldAccessExpr f && aliases.containsKey(f.getNameAsString())) {
                return aliases.get(f.getNameAsString());
            }
            return table(scope).map(Table::alias).orElse(null);
        }

        /** A table: a generated constant, an alias of one, {@code DSL.table("book")}. */
        Optional<Table> table(Expression e) {
            if (e instanceof MethodCallExpr m && m.getNameAsString().equals("as") && m.getScope().isPresent()
                    && !m.getArguments().isEmpty()) {
                Optional<String> alias = text(m.getArguments().get(0));
                return table(m.getScope().get()).flatMap(t -> alias.map(a -> new Table(t.name(), a.toLowerCase(Locale.ROOT),
                        e.toString())));
            }
            if (e instanceof MethodCallExpr m && m.getNameAsString().equals("table")
                    && (m.getScope().isEmpty() || isDsl(m.getScope().get())) && m.getArguments().size() == 1) {
                Expression a = m.getArguments().get(0);
                if (a instanceof MethodCallExpr n && n.getNameAsString().equals("name") && n.getArguments().size() >= 1) {
                    a = n.getArguments().get(n.getArguments().size() - 1);
                }
                return text(a).filter(t -> t.matches("[\\w.\"`]+")).map(t -> {
                    String name = t.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
                    String alias = name.substring(name.lastIndexOf('.') + 1);
                    return new Table(name, alias, e.toString());
                });
            }
            if (e instanceof FieldAccessExpr f && upper(f.getNameAsString())
                    && !(f.getScope() instanceof NameExpr s && upper(s.getNameAsString()))
                    && !(f.getScope() instanceof FieldAccessExpr s2 && upper(s2.getNameAsString()))) {
                String n = f.getNameAsString().toLowerCase(Locale.ROOT);
                return Optional.of(new Table(n, n, f.getNameAsString()));
            }
            if (!(e instanceof NameExpr n)) {
                return Optional.empty();
            }
            String name = n.getNameAsString();
            Optional<Expression> alias = localAlias(e, name);
            if (alias.isPresent()) {
                return table(alias.get()).map(t -> new Table(t.name(), t.alias(), name));
            }
            if (upper(name) && text(e).isEmpty()) { // FIND_ALL_SQL, a String constant, is no table
                String table = name.toLowerCase(Locale.ROOT);
                return Optional.of(new Table(table, table, name));
            }
            return Optional.empty();
        }

        /** {@code Book b = BOOK.as("b")}, a local or a field: the alias's initializer. */
        private Optional<Expression> localAlias(Expression use, String name) {
            Node scope = use.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(unit);
            for (VariableDeclarator v : scope.findAll(VariableDeclarator.class)) {
                if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
                    return v.getInitializer().filter(i -> i instanceof MethodCallExpr m && m.getNameAsString().equals("as"));
                }
            }
            for (FieldDeclaration f : unit.findAll(FieldDeclaration.class)) {
                for (VariableDeclarator v : f.getVariables()) {
                    if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
                        return v.getInitializer().filter(i -> i instanceof MethodCallExpr m && m.getNameAsString().equals("as"));
                    }
                }
            }
            return Optional.empty();
        }

        /** The constant text of an argument, or none. */
        private Optional<String> text(Expression e) {
            return folder.fold(e).map(ConstantFolder.Folded::text).filter(t -> !t.contains(ConstantFolderSupport.DYNAMIC));
        }

        /** Whether a generated table or field constant could be named so: {@code BOOK}, {@code ORDER_ITEM}. */
        private static boolean upper(String name) {
            boolean letter = false;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letter |= Character.isLetter(c);
            }
            return letter;
        }

    }
}
