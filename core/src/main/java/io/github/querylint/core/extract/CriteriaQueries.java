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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JPA criteria query that a method builds and runs itself ({@code CriteriaQuery<Order> cq =
 * cb.createQuery(Order.class); cq.select(cq.from(Order.class)); em.createQuery(cq).getResultList()}), written as
 * the JPQL it stands for, so that the rules judge it as they judge the same query written as text. Only a query
 * whose whole shape the method shows is read: no {@code where} (or {@code having}) anywhere on it, its root
 * entity a class literal, its joins and fetches by attribute name or metamodel field. A query with a filter is
 * left alone: its predicates are code, and a wrong guess about them costs more than the silence.
 */
final class CriteriaQueries {

    private static final Set<String> AGGREGATES = Set.of("count", "countDistinct", "max", "min", "sum", "avg",
            "greatest", "least", "sumAsLong", "sumAsDouble");

    private CriteriaQueries() {
    }

    /** The JPQL of the unfiltered criteria query a {@code createQuery(cq)} argument names, when the method shows it. */
    static Optional<String> jpql(Expression argument) {
        if (!(argument instanceof NameExpr name)) {
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
        Set<String> paths = new java.util.HashSet<>();
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
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            String called = call.getNameAsString();
            if (call.getArguments().stream().anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(variable))
                    && call != argument.getParentNode().orElse(null)) {
                return Optional.empty(); // handed to a helper (a Specification's toPredicate): it may filter
            }
            if (rootIn(call, Set.of(variable))) {
                switch (called) {
                    case "where", "having", "groupBy" -> {
                        return Optional.empty(); // filtered or grouped: its predicates are code
                    }
                    case "from" -> {
                        if (entity != null || call.getArguments().size() != 1
                                || !(call.getArguments().get(0) instanceof ClassExpr c)) {
                            return Optional.empty(); // two roots, or one not named here
                        }
                        entity = CallSites.simpleType(c.getType());
                    }
                    case "join", "fetch" -> { // cq.from(Order.class).join("lines")
                        if (!call.getArguments().isEmpty()) {
                            attribute(call.getArguments().get(0)).ifPresent(joins::add);
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
                attribute(call.getArguments().get(0)).ifPresent(joins::add);
            }
        }
        if (entity == null) {
            return Optional.empty();
        }
        StringBuilder jpql = new StringBuilder(aggregate ? "select count(e) from " : "select e from ").append(entity)
                .append(" e");
        for (int i = 0; i < joins.size(); i++) {
            jpql.append(" join e.").append(joins.get(i)).append(" j").append(i + 1);
        }
        return Optional.of(jpql.toString());
    }

    /** Whether a call is made on one of these variables, directly or down a chain ({@code cq.select(r).orderBy(..)}). */
    private static boolean rootIn(MethodCallExpr call, Set<String> variables) {
        Expression scope = call.getScope().orElse(null);
        while (scope instanceof MethodCallExpr inner) {
            scope = inner.getScope().orElse(null);
        }
        return scope instanceof NameExpr n && variables.contains(n.getNameAsString());
    }

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
