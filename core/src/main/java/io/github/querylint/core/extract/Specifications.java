package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a Spring Data {@code Specification} handed to {@code findAll(..)} always filters. One that may be empty
 * (a parameter, a lambda returning {@code null} or {@code cb.conjunction()} under a condition, predicates gathered in a
 * list) makes a query that may read every row; one that always applies a predicate makes a filtered query.
 *
 * <p>Always filtering, as far as the file shows: a lambda each of whose returns is a call of the criteria builder or
 * of a path ({@code cb.equal(..)}, {@code root.get("id").in(ids)}, {@code cb.and(..)} of such calls); a method of the
 * same file that returns only such lambdas or such methods' results; {@code Specification.where(s)} and
 * {@code s.and(t)} of one that does. A named filter of another class is not read from here: search specifications
 * are mostly written to return {@code null} when their value is absent ({@code status == null ? null : ..}), so it
 * may be empty.
 */
final class Specifications {

    /** Calls that add no condition: the always-true predicate, or a list of predicates that may be empty. */
    private static final Set<String> NO_CONDITION = Set.of("conjunction", "toArray", "toPredicate");

    private Specifications() {
    }

    /** Whether the specification {@code spec}, an argument in {@code unit}, applies a condition on every run. */
    static boolean alwaysFilters(Expression spec, CompilationUnit unit) {
        return filters(spec, unit, 0);
    }

    private static boolean filters(Expression e, CompilationUnit unit, int depth) {
        if (depth > 4) {
            return false;
        }
        if (e instanceof LambdaExpr lambda) {
            if (lambda.getParameters().size() != 3) {
                return false;
            }
            String root = lambda.getParameter(0).getNameAsString();
            String cb = lambda.getParameter(2).getNameAsString();
            List<Expression> returned = returned(lambda);
            return !returned.isEmpty() && returned.stream().allMatch(r -> condition(r, root, cb));
        }
        if (!(e instanceof MethodCallExpr call)) {
            return false; // a parameter or a field: what it holds is told elsewhere, and may be empty
        }
        String name = call.getNameAsString();
        if (name.equals("where") && call.getArguments().size() == 1) {
            return filters(call.getArguments().get(0), unit, depth + 1); // Specification.where(s)
        }
        if (call.getScope().isPresent() && !isTypeName(call.getScope().get())
                && (name.equals("and") || name.equals("or")) && call.getArguments().size() == 1) {
            boolean left = filters(call.getScope().get(), unit, depth + 1);
            boolean right = filters(call.getArguments().get(0), unit, depth + 1);
            return name.equals("and") ? left || right : left && right;
        }
        if (call.getScope().isPresent() && !isTypeName(call.getScope().get())) {
            return false; // a builder's or a service's product: what it holds is not told here
        }
        List<MethodDeclaration> declared = new ArrayList<>();
        String owner = call.getScope().map(Expression::toString).orElse(null);
        for (MethodDeclaration m : Nodes.all(unit, MethodDeclaration.class)) {
            if (m.getNameAsString().equals(name) && m.getParameters().size() == call.getArguments().size()
                    && m.getBody().isPresent() && (owner == null || m.findAncestor(
                    com.github.javaparser.ast.body.TypeDeclaration.class).map(t -> t.getNameAsString().equals(owner))
                    .orElse(false))) {
                declared.add(m);
            }
        }
        if (declared.size() == 1) {
            List<ReturnStmt> returns = Trees.ownReturns(declared.get(0));
            return !returns.isEmpty() && returns.stream().allMatch(r -> r.getExpression()
                    .map(x -> filters(x, unit, depth + 1)).orElse(false));
        }
        // overloads of one arity (which one runs is not told), or another class's (ActionSpecs.byTarget(id)): not
        // read from here
        return false;
    }

    /** The expressions a lambda returns: its expression body, or each return of its own block. */
    private static List<Expression> returned(LambdaExpr lambda) {
        List<Expression> out = new ArrayList<>();
        if (lambda.getExpressionBody().isPresent()) {
            out.add(lambda.getExpressionBody().get());
            return out;
        }
        for (ReturnStmt r : lambda.getBody().findAll(ReturnStmt.class)) {
            if (r.findAncestor(LambdaExpr.class).orElse(null) == lambda) {
                if (r.getExpression().isEmpty()) {
                    return List.of();
                }
                out.add(r.getExpression().get());
            }
        }
        return out;
    }

    /**
     * A predicate made on every run: a call of the criteria builder ({@code cb.equal(..)}; {@code cb.and} of at least
     * one such predicate, {@code cb.or} and {@code cb.not} of only such predicates) or of a path ({@code root.get("id").in(ids)}). A helper's predicate
     * ({@code QueryHelp.getPredicate(root, criteria, cb)}, built from a criteria object that may be empty), the
     * always-true {@code cb.conjunction()} and predicates gathered in a list are not known to filter.
     */
    private static boolean condition(Expression e, String root, String cb) {
        if (e instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
            return condition(enclosed.getInner(), root, cb);
        }
        if (!(e instanceof MethodCallExpr call) || !(Trees.chainRoot(call) instanceof NameExpr owner)) {
            return false;
        }
        String name = call.getNameAsString();
        if (owner.getNameAsString().equals(root)) {
            return !name.equals("get") && call.findAll(ConditionalExpr.class).isEmpty(); // root.get("id").in(ids)
        }
        if (!owner.getNameAsString().equals(cb) || !call.getScope().map(sc -> sc instanceof NameExpr).orElse(false)
                || NO_CONDITION.contains(name) || !call.findAll(ConditionalExpr.class).isEmpty()
                || call.findAll(MethodCallExpr.class).stream().anyMatch(m -> NO_CONDITION.contains(m.getNameAsString()))) {
            return false;
        }
        if (name.equals("and")) {
            return call.getArguments().stream().anyMatch(x -> condition(x, root, cb)); // one comparison is enough
        }
        if (name.equals("or") || name.equals("not")) {
            return !call.getArguments().isEmpty() && call.getArguments().stream().allMatch(x -> condition(x, root, cb));
        }
        return true; // equal, like, between, isTrue, isNull, greaterThan ...: a comparison of the builder
    }

    /** {@code ActionSpecs} in {@code ActionSpecs.byTarget(id)}: a type, by Java's naming. */
    private static boolean isTypeName(Expression scope) {
        return scope instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0))
                || scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                && Character.isUpperCase(f.getNameAsString().charAt(0));
    }
}
