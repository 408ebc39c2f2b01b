package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Querydsl JPA ({@code queryFactory.selectFrom(order).where(order.status.eq(s)).fetch()}): the chain written as the
 * JPQL it runs, at the {@code selectFrom}/{@code select} call that starts it, so that the rules judge it as the same
 * query written as text. Q-types name their entity ({@code QOrder} reads {@code Order}); comparisons of paths become
 * predicates; a predicate from a helper method or a {@code BooleanBuilder} is one Querydsl may leave out (it skips
 * null), so it is a condition built at run time; {@code limit(..)} bounds the rows; {@code fetch()} reads them all,
 * {@code fetchOne()} and {@code fetchFirst()} one, {@code fetchCount()} a number.
 */
final class QuerydslCalls {

    /** The calls that start a query, for the pre-filter. */
    static final Set<String> METHODS = Set.of("selectFrom");

    private static final Map<String, Cardinality> TERMINALS = Map.of("fetch", Cardinality.COLLECTION,
            "fetchResults", Cardinality.COLLECTION, "fetchOne", Cardinality.SINGLE, "fetchFirst", Cardinality.SINGLE,
            "fetchCount", Cardinality.SCALAR, "stream", Cardinality.STREAM, "iterate", Cardinality.STREAM);

    private static final Map<String, String> COMPARISONS = Map.ofEntries(Map.entry("eq", "="), Map.entry("ne", "<>"),
            Map.entry("gt", ">"), Map.entry("goe", ">="), Map.entry("lt", "<"), Map.entry("loe", "<="),
            Map.entry("after", ">"), Map.entry("before", "<"), Map.entry("like", "like"),
            Map.entry("likeIgnoreCase", "like"), Map.entry("contains", "like"), Map.entry("containsIgnoreCase", "like"),
            Map.entry("startsWith", "like"), Map.entry("startsWithIgnoreCase", "like"), Map.entry("endsWith", "like"),
            Map.entry("in", "in"), Map.entry("notIn", "not in"), Map.entry("between", "between"),
            Map.entry("isNull", "is null"), Map.entry("isNotNull", "is not null"), Map.entry("eqIgnoreCase", "="));

    private QuerydslCalls() {
    }

    static void calls(SourceFile file, CompilationUnit unit, CallSites callSites, List<QueryUnit> found) {
        if (unit.getImports().stream().noneMatch(i -> i.getNameAsString().startsWith("com.querydsl."))) {
            return;
        }
        for (MethodCallExpr terminal : Nodes.all(unit, MethodCallExpr.class)) {
            Cardinality cardinality = TERMINALS.get(terminal.getNameAsString());
            if (cardinality == null || !terminal.getArguments().isEmpty() || Mocks.onMock(terminal, callSites)) {
                continue;
            }
            List<MethodCallExpr> chain = chain(terminal);
            if (chain.isEmpty() || chain.subList(0, chain.size() - 1).stream()
                    .anyMatch(c -> TERMINALS.containsKey(c.getNameAsString()) && c.getArguments().isEmpty())) {
                continue; // fetch().stream(): the query ran at fetch(), which has its unit
            }
            MethodCallExpr start = chain.get(0);
            read(unit, chain).ifPresent(q -> {
                String bound = q.bound() ? "limit" : "";
                CallSite site = CallSites.withFirstRow(new CallSite(terminal.getNameAsString(), cardinality, bound,
                        CallSites.inLoop(terminal), CallSites.enclosingClass(terminal), CallSites.enclosingMethod(terminal)),
                        terminal);
                found.add(new QueryUnit(JavaSourceExtractor.location(file, start.getName()), QueryOrigin.QUERYDSL,
                        QueryLanguage.JPQL, q.jpql(), site, false, q.conditional(),
                        JavaSourceExtractor.Suppressions.of(start), List.of(), q.optional()));
            });
        }
    }

    /**
     * The calls from the one that starts the query to the terminal, along the chain or through a variable that keeps
     * the query: the start nearest the terminal ({@code factory.selectFrom(o)}, not a {@code select} before it).
     */
    private static List<MethodCallExpr> chain(MethodCallExpr terminal) {
        return Trees.builtQuery(terminal, calls -> {
            for (int i = calls.size() - 1; i >= 0; i--) {
                if (start(calls.get(i))) {
                    return i;
                }
            }
            return -1;
        });
    }

    /**
     * The call that starts a query: the factory's {@code selectFrom}, {@code select} or {@code selectDistinct}, and
     * {@code from(..)} of a {@code QuerydslRepositorySupport} (no receiver) or of {@code new JPAQuery<>(em)}.
     */
    private static boolean start(MethodCallExpr m) {
        String name = m.getNameAsString();
        Optional<Expression> scope = m.getScope();
        if (name.equals("selectFrom")) {
            return true;
        }
        if (name.equals("select") || name.equals("selectDistinct")) {
            return scope.filter(x -> !(x instanceof MethodCallExpr)).isPresent();
        }
        return name.equals("from") && (scope.isEmpty() || scope.get() instanceof ObjectCreationExpr);
    }

    private record Query(String jpql, boolean conditional, boolean bound, Set<String> optional) {
    }

    private static Optional<Query> read(CompilationUnit unit, List<MethodCallExpr> chain) {
        Map<String, String> aliases = new LinkedHashMap<>(); // Q variable -> JPQL alias
        String entity = null;
        String select = null;
        boolean distinct = false;
        StringBuilder joins = new StringBuilder();
        List<Expression> selected = List.of();
        List<String> always = new ArrayList<>();
        List<String> sometimes = new ArrayList<>();
        Set<String> optional = new java.util.TreeSet<>();
        boolean runTime = false;
        boolean bound = false;
        String groupBy = "";
        for (MethodCallExpr call : chain) {
            String name = call.getNameAsString();
            switch (name) {
                case "selectFrom", "from" -> {
                    if (entity != null || call.getArguments().size() != 1) {
                        return Optional.empty(); // two roots, or a from of the query's own select
                    }
                    if (name.equals("from") && select == null) {
                        select = "e0"; // QuerydslRepositorySupport's from(r): the root's rows
                    }
                    Optional<String> q = qType(unit, call.getArguments().get(0));
                    if (q.isEmpty()) {
                        return Optional.empty();
                    }
                    entity = q.get();
                    aliases.put(variable(call.getArguments().get(0)), "e0");
                    if (name.equals("selectFrom")) {
                        select = "e0";
                    }
                }
                case "select" -> {
                    if (call.getArguments().size() == 1 && call.getArguments().get(0) instanceof MethodCallExpr agg
                            && Set.of("count", "countDistinct", "max", "min", "sum", "avg").contains(agg.getNameAsString())
                            && agg.getArguments().isEmpty()) {
                        select = "count(e0)";
                    } else {
                        select = "e0";
                        selected = call.getArguments(); // read once the roots' aliases are known
                    }
                }
                case "selectDistinct" -> {
                    select = select == null ? "e0" : select;
                    distinct = true;
                }
                case "distinct" -> distinct = true;
                case "join", "innerJoin", "leftJoin", "rightJoin" -> {
                    if (call.getArguments().isEmpty()) {
                        return Optional.empty();
                    }
                    String path = path(call.getArguments().get(0), aliases);
                    if (path == null) {
                        return Optional.empty(); // a join of a root of its own (theta join): not read here
                    }
                    String alias = "e" + (aliases.size());
                    if (call.getArguments().size() > 1) {
                        aliases.put(variable(call.getArguments().get(1)), alias);
                    }
                    joins.append(name.equals("leftJoin") ? " left join " : " join ").append(path).append(' ').append(alias);
                }
                case "fetchJoin" -> {
                    int at = Math.max(joins.lastIndexOf(" join "), -1);
                    if (at >= 0) {
                        joins.insert(at + " join".length(), " fetch");
                    }
                }
                case "where", "and" -> {
                    for (Expression a : call.getArguments()) {
                        Optional<String> predicate = predicate(a, aliases);
                        if (predicate.isPresent()) {
                            always.add(predicate.get());
                        } else if (a instanceof NameExpr n && builder(call, n.getNameAsString()) != null) {
                            runTime |= !builderPredicates(call, n.getNameAsString(), aliases, always, sometimes, optional);
                        } else if (!(a instanceof NullLiteralExpr)) {
                            runTime = true; // a helper's predicate: Querydsl skips it when null
                        }
                    }
                }
                case "limit" -> bound = true;
                case "groupBy" -> {
                    String g = call.getArguments().isEmpty() ? null : path(call.getArguments().get(0), aliases);
                    groupBy = g == null ? " group by e0.id" : " group by " + g;
                }
                default -> {
                    // orderBy, offset, having, fetch...: the rows stay the same
                }
            }
        }
        if (entity == null || select == null) {
            return Optional.empty();
        }
        List<String> items = selectItems(selected, aliases);
        if (!items.isEmpty()) {
            select = String.join(", ", items); // select(order.id, order.member.name): its paths join as written
        }
        StringBuilder jpql = new StringBuilder("select ").append(distinct ? "distinct " : "").append(select)
                .append(" from ").append(entity).append(" e0").append(joins);
        List<String> where = new ArrayList<>(always);
        where.addAll(sometimes);
        if (runTime) {
            where.add(ConstantFolderSupport.DYNAMIC + " = true");
        }
        if (!where.isEmpty()) {
            jpql.append(" where ").append(String.join(" and ", where));
        }
        jpql.append(groupBy);
        // every condition added under an if: the WHERE may vanish
        boolean conditional = always.isEmpty() && !sometimes.isEmpty() && !runTime;
        return Optional.of(new Query(jpql.toString(), conditional, bound, optional));
    }

    /** The declaration of a local {@code BooleanBuilder} of that name in the method around the call, or null. */
    private static VariableDeclarator builder(MethodCallExpr call, String name) {
        CallableDeclaration<?> method = call.findAncestor(CallableDeclaration.class).orElse(null);
        if (method == null) {
            return null;
        }
        return method.findAll(VariableDeclarator.class).stream()
                .filter(v -> v.getNameAsString().equals(name) && CallSites.simpleType(v.getType()).equals("BooleanBuilder"))
                .findFirst().orElse(null);
    }

    /**
     * The predicates a {@code BooleanBuilder} collects ({@code where.and(order.store.eq(s))}, or in its constructor): those
     * added whatever happens always filter, those under an if may be left out. False when one of them cannot be read
     * (an or, a helper's): the builder is then a filter built at run time.
     */
    private static boolean builderPredicates(MethodCallExpr use, String name, Map<String, String> aliases, List<String> always,
                                             List<String> sometimes, Set<String> optional) {
        VariableDeclarator declared = builder(use, name);
        CallableDeclaration<?> method = use.findAncestor(CallableDeclaration.class).orElseThrow();
        if (declared.getInitializer().orElse(null) instanceof ObjectCreationExpr init && !init.getArguments().isEmpty()) {
            Optional<String> p = predicate(init.getArguments().get(0), aliases);
            if (p.isEmpty()) {
                return false;
            }
            always.add(p.get());
        }
        // conditions around an and(..) that are not around the builder's declaration: it is added only sometimes
        Node scope = declared.findAncestor(com.github.javaparser.ast.stmt.Statement.class)
                .flatMap(Node::getParentNode).orElse(method);
        for (MethodCallExpr c : method.findAll(MethodCallExpr.class)) {
            if (!(c.getScope().orElse(null) instanceof NameExpr n) || !n.getNameAsString().equals(name)) {
                continue;
            }
            if (!c.getNameAsString().equals("and") || c.getArguments().size() != 1) {
                return false; // or(..), andAnyOf(..), not(): more than a list of conditions
            }
            Optional<String> p = predicate(c.getArguments().get(0), aliases);
            if (p.isEmpty()) {
                return false;
            }
            if (Trees.runsSometimes(c, scope)) {
                sometimes.add(p.get());
                column(c.getArguments().get(0)).ifPresent(optional::add);
            } else {
                always.add(p.get());
            }
        }
        return true;
    }

    /**
     * A predicate written in a call of a Querydsl repository ({@code findAll(customer.city.eq(c).and(..))} of
     * {@code QuerydslPredicateExecutor}) as a JPQL condition on alias {@code e}, when every comparison in it starts at
     * one Q-type of {@code entity} and is one this reader knows; empty otherwise (a {@code BooleanBuilder}, a predicate
     * handed over, a path this reader does not follow), which the caller reads as a filter that may be empty.
     */
    static Optional<String> executorPredicate(Expression e, String entity) {
        if (!(e instanceof MethodCallExpr) || entity.isEmpty()) {
            return Optional.empty();
        }
        // customer of customer.city.eq(c): the paths the reader follows start at a variable of the Q-type
        Expression root = Trees.chainRoot((MethodCallExpr) e);
        while (root instanceof FieldAccessExpr f) {
            root = f.getScope();
        }
        CompilationUnit unit = e.findCompilationUnit().orElse(null);
        if (unit == null || !(root instanceof NameExpr variable) || !qType(unit, variable).filter(entity::equals).isPresent()) {
            return Optional.empty();
        }
        return predicate(e, Map.of(variable.getNameAsString(), "e"));
    }

    /** The compared property of a comparison ({@code id} of {@code order.id.eq(x)}), lower case. */
    private static Optional<String> column(Expression e) {
        return e instanceof MethodCallExpr m && m.getScope().orElse(null) instanceof FieldAccessExpr f
                ? Optional.of(f.getNameAsString().toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /** A comparison of a path with a value ({@code order.status.eq(s)}), or none for anything else. */
    private static Optional<String> predicate(Expression e, Map<String, String> aliases) {
        if (!(e instanceof MethodCallExpr m) || m.getScope().isEmpty()) {
            return Optional.empty();
        }
        if ((m.getNameAsString().equals("and") || m.getNameAsString().equals("or")) && m.getArguments().size() == 1) {
            Optional<String> left = predicate(m.getScope().get(), aliases);
            Optional<String> right = predicate(m.getArguments().get(0), aliases);
            return left.isPresent() && right.isPresent()
                    ? Optional.of("(" + left.get() + " " + m.getNameAsString() + " " + right.get() + ")") : Optional.empty();
        }
        if ((m.getNameAsString().equals("isTrue") || m.getNameAsString().equals("isFalse")) && m.getArguments().isEmpty()) {
            String flag = path(m.getScope().get(), aliases);
            return flag == null ? Optional.empty()
                    : Optional.of(flag + " = " + m.getNameAsString().equals("isTrue"));
        }
        String op = COMPARISONS.get(m.getNameAsString());
        String path = op == null ? null : path(m.getScope().get(), aliases);
        if (path == null) {
            return Optional.empty();
        }
        if (m.getNameAsString().endsWith("IgnoreCase")) {
            path = "lower(" + path + ")";
        }
        return Optional.of(switch (op) {
            case "is null", "is not null" -> path + " " + op;
            // in(JPAExpressions.select(..)...): the rows of a subquery, not values the caller holds
            case "in", "not in" -> path + " " + op + (m.getArguments().size() == 1
                    && m.getArguments().get(0) instanceof MethodCallExpr sub && subquery(sub)
                    ? " (select s.id from " + ConstantFolderSupport.DYNAMIC + " s)" : " (:p)");
            case "between" -> path + " between :a and :b";
            default -> m.getArguments().size() == 1 && m.getArguments().get(0) instanceof FieldAccessExpr f
                    && path(f, aliases) != null ? path + " " + op + " " + path(f, aliases) : path + " " + op + " :p";
        });
    }

    /**
     * The paths a select list names ({@code order.member.username}), also inside {@code Projections.constructor(..)},
     * {@code fields(..)}, {@code bean(..)} or a {@code new QOrderDto(..)}, and under {@code .as("x")}.
     */
    private static List<String> selectItems(List<Expression> arguments, Map<String, String> aliases) {
        List<String> items = new ArrayList<>();
        for (Expression a : arguments) {
            Expression e = a instanceof MethodCallExpr as && as.getNameAsString().equals("as") && as.getScope().isPresent()
                    ? as.getScope().get() : a;
            String p = path(e, aliases);
            if (p != null) {
                items.add(p);
            } else if (e instanceof MethodCallExpr m && m.getScope().filter(x -> x.toString().equals("Projections")).isPresent()
                    && m.getArguments().size() > 1) {
                items.addAll(selectItems(m.getArguments().subList(1, m.getArguments().size()), aliases));
            } else if (e instanceof ObjectCreationExpr o) {
                items.addAll(selectItems(o.getArguments(), aliases));
            }
        }
        return items;
    }

    /** {@code JPAExpressions.select(..).from(..)...}: a subquery. */
    private static boolean subquery(MethodCallExpr m) {
        Expression e = m;
        while (e instanceof MethodCallExpr c) {
            e = c.getScope().orElse(null);
        }
        return e != null && (e.toString().equals("JPAExpressions") || e.toString().endsWith(".JPAExpressions"));
    }

    /** {@code order.member.name} as {@code e0.member.name}, when it starts at a known alias. */
    private static String path(Expression e, Map<String, String> aliases) {
        if (e instanceof NameExpr n) {
            return aliases.get(n.getNameAsString());
        }
        if (e instanceof FieldAccessExpr f) {
            String scope = path(f.getScope(), aliases);
            return scope == null ? null : scope + "." + f.getNameAsString();
        }
        return null;
    }

    /** The name a Q-type is used by: {@code order} of {@code order}, {@code QOrder.order}, {@code o}. */
    private static String variable(Expression e) {
        return e instanceof NameExpr n ? n.getNameAsString() : e instanceof FieldAccessExpr f ? f.getNameAsString()
                : e.toString();
    }

    /** The entity a Q-type expression reads: {@code QOrder.order}, a static import of it, a QOrder variable. */
    private static Optional<String> qType(CompilationUnit unit, Expression e) {
        if (e instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr scope) {
            return entityOf(scope.getNameAsString());
        }
        if (!(e instanceof NameExpr n)) {
            return Optional.empty();
        }
        String name = n.getNameAsString();
        for (ImportDeclaration i : unit.getImports()) {
            if (i.isStatic() && !i.isAsterisk() && i.getName().getIdentifier().equals(name)) {
                return i.getName().getQualifier().flatMap(q -> entityOf(q.getIdentifier()));
            }
        }
        // a local or a field declared with its Q-type, or made with new QOrder("o")
        Node scope = e.findAncestor(CallableDeclaration.class).map(Node.class::cast).orElse(unit);
        for (VariableDeclarator v : scope.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name)) {
                return entityOf(CallSites.simpleType(v.getType()));
            }
        }
        for (FieldDeclaration f : unit.findAll(FieldDeclaration.class)) {
            for (VariableDeclarator v : f.getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    return entityOf(CallSites.simpleType(v.getType())).or(() -> v.getInitializer()
                            .filter(ObjectCreationExpr.class::isInstance)
                            .flatMap(i -> entityOf(((ObjectCreationExpr) i).getType().getNameAsString())));
                }
            }
        }
        for (ImportDeclaration i : unit.getImports()) {
            if (i.isStatic() && i.isAsterisk() && i.getName().getIdentifier().startsWith("Q")) {
                return entityOf(i.getName().getIdentifier()); // import static ...QOrder.*
            }
        }
        return Optional.empty();
    }

    private static Optional<String> entityOf(String qType) {
        return qType != null && qType.length() > 1 && qType.charAt(0) == 'Q' && Character.isUpperCase(qType.charAt(1))
                ? Optional.of(qType.substring(1)) : Optional.empty();
    }
}
