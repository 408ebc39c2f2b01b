package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
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

    private static final Set<String> JOINS = Set.of("join", "innerJoin", "leftJoin", "rightJoin");

    private QuerydslCalls() {
    }

    static void calls(SourceFile file, CompilationUnit unit, CallSites callSites, List<QueryUnit> found) {
        if (unit.getImports().stream().noneMatch(i -> i.getNameAsString().startsWith("com.querydsl."))) {
            return;
        }
        for (MethodCallExpr terminal : Nodes.all(unit, MethodCallExpr.class)) {
            Cardinality cardinality = TERMINALS.get(terminal.getNameAsString());
            if (cardinality == null || !terminal.getArguments().isEmpty() || Mocks.onMock(terminal)) {
                continue;
            }
            List<MethodCallExpr> chain = chain(terminal);
            if (chain.isEmpty()) {
                continue;
            }
            MethodCallExpr start = chain.get(0);
            read(unit, chain).ifPresent(q -> {
                String bound = q.bound() ? "limit" : "";
                CallSite site = new CallSite(terminal.getNameAsString(), cardinality, bound, CallSites.inLoop(terminal),
                        CallSites.enclosingClass(terminal), CallSites.enclosingMethod(terminal));
                found.add(new QueryUnit(JavaSourceExtractor.location(file, start.getName()), QueryOrigin.QUERYDSL,
                        QueryLanguage.JPQL, q.jpql(), site, false, q.conditional(),
                        JavaSourceExtractor.Suppressions.of(start), List.of()));
            });
        }
    }

    /**
     * The calls from the one that starts the query to the terminal: along the chain, and through a variable that
     * keeps the query ({@code JPAQuery<Order> q = factory.selectFrom(order); q.where(..); return q.fetch();}).
     */
    private static List<MethodCallExpr> chain(MethodCallExpr terminal) {
        List<MethodCallExpr> calls = new ArrayList<>();
        Expression e = terminal;
        while (e instanceof MethodCallExpr m) {
            calls.add(0, m);
            if (m.getNameAsString().equals("selectFrom") || m.getNameAsString().equals("select")
                    && m.getScope().filter(s -> !(s instanceof MethodCallExpr)).isPresent()) {
                return calls;
            }
            e = m.getScope().orElse(null);
        }
        if (e instanceof NameExpr variable) {
            // the query kept in a variable: its initializer, and the calls made on it before the terminal
            CallableDeclaration<?> method = terminal.findAncestor(CallableDeclaration.class).orElse(null);
            if (method == null || handedOn(method, variable.getNameAsString())) {
                return List.of(); // query = applyFilters(query, ..): a helper may filter or page it
            }
            for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
                if (v.getNameAsString().equals(variable.getNameAsString()) && v.getInitializer().orElse(null)
                        instanceof MethodCallExpr init) {
                    List<MethodCallExpr> before = chainOf(init);
                    if (before.isEmpty()) {
                        return List.of();
                    }
                    List<MethodCallExpr> out = new ArrayList<>(before);
                    for (MethodCallExpr c : method.findAll(MethodCallExpr.class)) {
                        if (c.getScope().orElse(null) instanceof NameExpr n && n.getNameAsString().equals(variable.getNameAsString())
                                && c != calls.get(0) && c.getBegin().isPresent() && terminal.getBegin().isPresent()
                                && c.getBegin().get().isBefore(terminal.getBegin().get())) {
                            out.addAll(chainFrom(c));
                        }
                    }
                    out.addAll(calls);
                    return out;
                }
            }
        }
        return List.of();
    }

    /** Whether the query's variable is assigned again or passed to a call, which may add to it. */
    private static boolean handedOn(CallableDeclaration<?> method, String variable) {
        return method.findAll(AssignExpr.class).stream()
                .anyMatch(a -> a.getTarget() instanceof NameExpr n && n.getNameAsString().equals(variable))
                || method.findAll(MethodCallExpr.class).stream().anyMatch(c -> c.getArguments().stream()
                .anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(variable)));
    }

    /** The calls of an initializer, from the query's start. */
    private static List<MethodCallExpr> chainOf(MethodCallExpr last) {
        List<MethodCallExpr> calls = new ArrayList<>();
        Expression e = last;
        while (e instanceof MethodCallExpr m) {
            calls.add(0, m);
            if (m.getNameAsString().equals("selectFrom") || m.getNameAsString().equals("select")
                    && m.getScope().filter(s -> !(s instanceof MethodCallExpr)).isPresent()) {
                return calls;
            }
            e = m.getScope().orElse(null);
        }
        return List.of();
    }

    /** {@code q.where(a).limit(5)}: the call on the variable and those chained after it. */
    private static List<MethodCallExpr> chainFrom(MethodCallExpr first) {
        List<MethodCallExpr> calls = new ArrayList<>();
        calls.add(first);
        CallSites.chainTop(first, calls);
        return calls;
    }

    private record Query(String jpql, boolean conditional, boolean bound) {
    }

    private static Optional<Query> read(CompilationUnit unit, List<MethodCallExpr> chain) {
        Map<String, String> aliases = new LinkedHashMap<>(); // Q variable -> JPQL alias
        String entity = null;
        String select = null;
        boolean distinct = false;
        StringBuilder joins = new StringBuilder();
        List<String> always = new ArrayList<>();
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
                    }
                }
                case "selectDistinct" -> {
                    select = "e0";
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
                        } else if (!(a instanceof NullLiteralExpr)) {
                            runTime = true; // a helper's or a builder's predicate: Querydsl skips it when null
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
        StringBuilder jpql = new StringBuilder("select ").append(distinct ? "distinct " : "").append(select)
                .append(" from ").append(entity).append(" e0").append(joins);
        List<String> where = new ArrayList<>(always);
        if (runTime) {
            where.add(ConstantFolderSupport.DYNAMIC + " = true");
        }
        if (!where.isEmpty()) {
            jpql.append(" where ").append(String.join(" and ", where));
        }
        jpql.append(groupBy);
        return Optional.of(new Query(jpql.toString(), false, bound));
    }

    /** A comparison of a path with a value ({@code order.status.eq(s)}), or none for anything else. */
    private static Optional<String> predicate(Expression e, Map<String, String> aliases) {
        if (!(e instanceof MethodCallExpr m) || m.getScope().isEmpty()) {
            return Optional.empty();
        }
        if ((m.getNameAsString().equals("and")) && m.getArguments().size() == 1) {
            Optional<String> left = predicate(m.getScope().get(), aliases);
            Optional<String> right = predicate(m.getArguments().get(0), aliases);
            return left.isPresent() && right.isPresent() ? Optional.of(left.get() + " and " + right.get()) : Optional.empty();
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
            case "in", "not in" -> path + " " + op + " (:p)";
            case "between" -> path + " between :a and :b";
            default -> m.getArguments().size() == 1 && m.getArguments().get(0) instanceof FieldAccessExpr f
                    && path(f, aliases) != null ? path + " " + op + " " + path(f, aliases) : path + " " + op + " :p";
        });
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
