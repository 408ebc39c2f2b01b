package io.github.querylint.core.extract;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JPA criteria query that a method builds and runs itself ({@code CriteriaQuery<Order> cq =
 * cb.createQuery(Order.class); cq.select(cq.from(Order.class)); em.createQuery(cq).getResultList()}), written as
 * the JPQL it stands for, so that the rules judge it as they judge the same query written as text. Only a query
 * whose whole shape the method shows is read: no {@code having} or {@code groupBy} on it, its root
 * entity a class literal, its joins and fetches by attribute name or metamodel field, its {@code where}
 * predicates comparisons of paths with values ({@link Predicates}). A query with any other predicate, or handed
 * to a helper that may add one, is left alone: a wrong guess about code costs more than the silence.
 */
final class CriteriaQueries {

    private static final Set<String> AGGREGATES = Set.of("count", "countDistinct", "max", "min", "sum", "avg",
            "greatest", "least", "sumAsLong", "sumAsDouble");

    private CriteriaQueries() {
    }

    /**
     * A criteria query as JPQL.
     *
     * @param conditional whether its WHERE is set only under a condition (without it, the query is unfiltered)
     */
    record Jpql(String text, boolean conditional) {
    }

    /** The JPQL of the criteria query a {@code createQuery(cq)} argument names, when the method shows it. */
    static Optional<Jpql> jpql(Expression argument) {
        // em.createQuery(cq.orderBy(..)): the query's own fluent calls give back the query
        Expression named = argument;
        while (named instanceof MethodCallExpr m && FLUENT.contains(m.getNameAsString()) && m.getScope().isPresent()) {
            named = m.getScope().get();
        }
        if (!(named instanceof NameExpr name)) {
            return Optional.empty();
        }
        CallableDeclaration<?> method = argument.findAncestor(CallableDeclaration.class).orElse(null);
        if (method == null) {
            return Optional.empty();
        }
        String variable = name.getNameAsString();
        VariableDeclarator declared = null;
        for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(variable)) {
                if (declared != null) {
                    return Optional.empty(); // two of that name: which one reaches the call is not told
                }
                declared = v;
            }
        }
        if (declared == null || declared.getInitializer().isEmpty()
                || !(declared.getInitializer().get() instanceof MethodCallExpr init)
                || !init.getNameAsString().equals("createQuery") || init.getArguments().size() != 1
                || !(init.getArguments().get(0) instanceof ClassExpr)) {
            return Optional.empty();
        }
        // the query's root and the joins made from it, by variable: another query's joins in the same method
        // are not this one's
        Set<String> paths = new HashSet<>();
        for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
            if (v.getInitializer().orElse(null) instanceof MethodCallExpr m
                    && (m.getNameAsString().equals("from") && rootIn(m, Set.of(variable))
                    || (m.getNameAsString().equals("join") || m.getNameAsString().equals("fetch")) && rootIn(m, paths))) {
                paths.add(v.getNameAsString());
            }
        }
        String entity = null;
        boolean aggregate = false;
        List<String> joins = new ArrayList<>();
        List<String> joinAliases = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>(); // root and join variables, as the JPQL names them
        MethodCallExpr where = null;
        List<String> groupBy = null;
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            String called = call.getNameAsString();
            if (call.getArguments().stream().anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(variable))
                    && call != argument.getParentNode().orElse(null)) {
                return Optional.empty(); // handed to a helper (a Specification's toPredicate): it may filter
            }
            if (rootIn(call, Set.of(variable))) {
                switch (called) {
                    case "where" -> {
                        if (where != null) {
                            return Optional.empty();
                        }
                        where = call;
                    }
                    case "groupBy" -> {
                        // one row per group: grouped by attributes of the root, as the JPQL writes them
                        if (groupBy != null) {
                            return Optional.empty();
                        }
                        groupBy = new ArrayList<>();
                        for (Expression a : call.getArguments()) {
                            if (!(a instanceof MethodCallExpr get) || !get.getNameAsString().equals("get")
                                    || get.getArguments().size() != 1 || !(get.getScope().orElse(null) instanceof NameExpr r)
                                    || !"e".equals(aliases.get(r.getNameAsString()))
                                    || attribute(get.getArguments().get(0)).isEmpty()) {
                                return Optional.empty();
                            }
                            groupBy.add("e." + attribute(get.getArguments().get(0)).get());
                        }
                    }
                    case "having" -> {
                        return Optional.empty(); // groups kept by an aggregate's value
                    }
                    case "from" -> {
                        if (entity != null || call.getArguments().size() != 1
                                || !(call.getArguments().get(0) instanceof ClassExpr c)) {
                            return Optional.empty(); // two roots, or one not named here
                        }
                        entity = CallSites.simpleType(c.getType());
                        if (call.getParentNode().orElse(null) instanceof VariableDeclarator v) {
                            aliases.put(v.getNameAsString(), "e");
                        }
                    }
                    case "join", "fetch" -> { // cq.from(Order.class).join("lines")
                        if (!call.getArguments().isEmpty()) {
                            attribute(call.getArguments().get(0)).ifPresent(a -> {
                                joins.add(a);
                                joinAliases.add("j" + joins.size());
                            });
                        }
                    }
                    case "select", "multiselect" -> aggregate |= call.getArguments().stream()
                            .allMatch(a -> a instanceof MethodCallExpr m && AGGREGATES.contains(m.getNameAsString()));
                    default -> {
                        // orderBy, distinct, select of the root: the rows stay the same
                    }
                }
            } else if ((called.equals("join") || called.equals("fetch")) && !call.getArguments().isEmpty()
                    && rootIn(call, paths)) {
                Optional<String> joined = attribute(call.getArguments().get(0));
                if (joined.isPresent()) {
                    joins.add(joined.get());
                    // the join's variable names it in the JPQL ("filtered by customer.id"), as a user would write it
                    String alias = call.getParentNode().orElse(null) instanceof VariableDeclarator v
                            && !v.getNameAsString().equals("e") ? v.getNameAsString() : "j" + joins.size();
                    joinAliases.add(alias);
                    if (call.getParentNode().orElse(null) instanceof VariableDeclarator v) {
                        aliases.put(v.getNameAsString(), alias);
                    }
                }
            }
        }
        if (entity == null) {
            return Optional.empty();
        }
        String filter = "";
        // if (name != null) cq.where(...): without it the query runs unfiltered
        boolean conditional = where != null && Trees.runsSometimesBefore(where, argument);
        if (where != null) {
            List<String> parts = new ArrayList<>();
            for (Expression predicate : where.getArguments()) {
                String p = new Predicates(method, aliases).of(predicate, 0);
                if (p == null && conditional) {
                    parts = List.of(DYNAMIC); // not read here, but only sometimes there
                    conditional = false;
                    break;
                }
                if (p == null) {
                    return Optional.empty(); // a predicate of a kind not read here: left alone
                }
                parts.add(p);
            }
            filter = parts.isEmpty() ? "" : " where " + String.join(" and ", parts);
        }
        String select = groupBy != null && !groupBy.isEmpty() ? "select " + String.join(", ", groupBy) + " from "
                : aggregate ? "select count(e) from " : "select e from ";
        StringBuilder jpql = new StringBuilder(select).append(entity).append(" e");
        for (int i = 0; i < joins.size(); i++) {
            jpql.append(" join e.").append(joins.get(i)).append(' ').append(joinAliases.get(i));
        }
        jpql.append(filter);
        if (groupBy != null && !groupBy.isEmpty()) {
            jpql.append(" group by ").append(String.join(", ", groupBy));
        }
        return Optional.of(new Jpql(jpql.toString(), conditional));
    }

    /**
     * The JPQL condition of a Specification written as a lambda of plain comparisons
     * ({@code (root, query, cb) -> cb.equal(root.get("orderNumber"), number)} is {@code e.orderNumber = ?}), so
     * that a key lookup and the columns compared are told; empty for any other lambda.
     */
    static Optional<String> specificationWhere(com.github.javaparser.ast.expr.LambdaExpr lambda) {
        CallableDeclaration<?> method = lambda.findAncestor(CallableDeclaration.class).orElse(null);
        if (method == null || lambda.getParameters().size() != 3 || lambda.getExpressionBody().isEmpty()) {
            return Optional.empty();
        }
        String where = new Predicates(method, Map.of(lambda.getParameter(0).getNameAsString(), "e"))
                .of(lambda.getExpressionBody().get(), 0);
        return where == null || where.contains(DYNAMIC) ? Optional.empty() : Optional.of(where);
    }

    /** A CriteriaQuery's own calls that give back the query itself. */
    private static final Set<String> FLUENT = Set.of("select", "multiselect", "where", "orderBy", "distinct", "groupBy");

    /** Whether a call is made on one of these variables, directly or down a chain ({@code cq.select(r).orderBy(..)}). */
    private static boolean rootIn(MethodCallExpr call, Set<String> variables) {
        return Trees.chainRoot(call) instanceof NameExpr n && variables.contains(n.getNameAsString());
    }

    /**
     * A criteria predicate as JPQL: comparisons of a path with a value ({@code cb.equal(root.get("status"), s)} is
     * {@code e.status = ?}), null tests, {@code and}/{@code or}/{@code not}, {@code path.in(...)}, and a predicate
     * variable's initializer. Predicates gathered in a list ({@code predicates.toArray(...)}) are written
     * {@code ql_dynamic = true}, the form of a condition built at run time. Anything else: null.
     */
    private record Predicates(CallableDeclaration<?> method, Map<String, String> aliases) {

        private static final Map<String, String> COMPARISONS = Map.ofEntries(
                Map.entry("equal", "="), Map.entry("notEqual", "<>"),
                Map.entry("greaterThan", ">"), Map.entry("gt", ">"),
                Map.entry("greaterThanOrEqualTo", ">="), Map.entry("ge", ">="),
                Map.entry("lessThan", "<"), Map.entry("lt", "<"),
                Map.entry("lessThanOrEqualTo", "<="), Map.entry("le", "<="),
                Map.entry("like", "like"), Map.entry("notLike", "not like"));

        String of(Expression e, int depth) {
            if (depth > 8) {
                return null;
            }
            if (e instanceof NameExpr n) {
                VariableDeclarator declared = null;
                for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
                    if (v.getNameAsString().equals(n.getNameAsString())) {
                        if (declared != null) {
                            return null;
                        }
                        declared = v;
                    }
                }
                if (declared == null || declared.getInitializer().isEmpty()) {
                    return null;
                }
                String type = declared.getTypeAsString();
                if (type.endsWith("[]") || type.startsWith("List") || type.startsWith("ArrayList")) {
                    return gathered(n.getNameAsString(), depth);
                }
                return of(declared.getInitializer().get(), depth + 1);
            }
            if (!(e instanceof MethodCallExpr m)) {
                return null;
            }
            String name = m.getNameAsString();
            List<Expression> args = m.getArguments();
            if (name.equals("toArray")) {
                return m.getScope().orElse(null) instanceof NameExpr list ? gathered(list.getNameAsString(), depth)
                        : DYNAMIC;
            }
            if (COMPARISONS.containsKey(name) && args.size() == 2) {
                String path = path(args.get(0));
                return path == null ? null : path + " " + COMPARISONS.get(name) + " " + value(args.get(1));
            }
            if (name.equals("between") && args.size() == 3) {
                String path = path(args.get(0));
                return path == null ? null : path + " between ? and ?";
            }
            if (args.size() == 1 && (name.equals("isNull") || name.equals("isNotNull") || name.equals("isTrue")
                    || name.equals("isFalse"))) {
                String path = path(args.get(0));
                String test = switch (name) {
                    case "isNull" -> " is null";
                    case "isNotNull" -> " is not null";
                    case "isTrue" -> " = true";
                    default -> " = false";
                };
                return path == null ? null : path + test;
            }
            if ((name.equals("and") || name.equals("or")) && !args.isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (Expression a : args) {
                    String p = of(a, depth + 1);
                    if (p == null) {
                        return null;
                    }
                    parts.add(p);
                }
                return "(" + String.join(" " + name + " ", parts) + ")";
            }
            if (name.equals("not") && args.size() == 1) {
                String p = of(args.get(0), depth + 1);
                return p == null ? null : "not (" + p + ")";
            }
            if (name.equals("in") && m.getScope().isPresent()) {
                String path = path(m.getScope().get());
                return path == null ? null : path + " in (?)";
            }
            return null;
        }

        /**
         * Predicates gathered in a list ({@code predicates.add(...)}): those added whatever happens always filter
         * (one of them not read here leaves the query alone); one added under an {@code if} is a condition built at
         * run time. With none of the first kind, the whole filter may vanish.
         */
        String gathered(String list, int depth) {
            List<String> always = new ArrayList<>();
            boolean sometimes = false;
            for (MethodCallExpr add : method.findAll(MethodCallExpr.class)) {
                if (!add.getNameAsString().equals("add") || add.getArguments().size() != 1
                        || !(add.getScope().orElse(null) instanceof NameExpr n) || !n.getNameAsString().equals(list)) {
                    continue;
                }
                if (Trees.runsSometimes(add, method)) {
                    sometimes = true;
                    continue;
                }
                String p = of(add.getArguments().get(0), depth + 1);
                if (p == null) {
                    return null; // a filter that always applies but is not read here: the query is left alone
                }
                always.add(p);
            }
            if (always.isEmpty()) {
                return DYNAMIC;
            }
            return String.join(" and ", always) + (sometimes ? " and " + DYNAMIC : "");
        }

        /** {@code root.get("status")}, {@code lines.get(Line_.sku)}, {@code root.get("customer").get("id")}. */
        String path(Expression e) {
            if (e instanceof NameExpr n) {
                return aliases.get(n.getNameAsString());
            }
            if (e instanceof MethodCallExpr m && m.getNameAsString().equals("get") && m.getArguments().size() == 1
                    && m.getScope().isPresent()) {
                String scope = path(m.getScope().get());
                Optional<String> attribute = attribute(m.getArguments().get(0));
                return scope == null || attribute.isEmpty() ? null : scope + "." + attribute.get();
            }
            return null;
        }

        /** The other side of a comparison: another path, or a value bound at run time. */
        String value(Expression e) {
            String path = path(e);
            return path != null ? path : "?";
        }
    }

    private static final String DYNAMIC = ConstantFolderSupport.DYNAMIC + " = true";

    /** The attribute a join names: {@code "lines"}, or the metamodel's {@code Order_.lines}. */
    private static Optional<String> attribute(Expression e) {
        if (e instanceof StringLiteralExpr s && s.asString().matches("[A-Za-z_]\\w*")) {
            return Optional.of(s.asString());
        }
        if (e instanceof FieldAccessExpr f && f.getScope().toString().endsWith("_")) {
            return Optional.of(f.getNameAsString());
        }
        return Optional.empty();
    }

}
