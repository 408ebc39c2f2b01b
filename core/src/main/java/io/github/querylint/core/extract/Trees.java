package io.github.querylint.core.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;

/** Questions about a method's code that the folder, the provider reader and the criteria reader all ask. */
final class Trees {

    private Trees() {
    }

    /** The receiver a call chain starts from ({@code sb} of {@code sb.append(a).append(b)}), or null. */
    static Expression chainRoot(MethodCallExpr call) {
        Expression scope = call.getScope().orElse(null);
        while (scope instanceof MethodCallExpr inner) {
            scope = inner.getScope().orElse(null);
        }
        return scope;
    }

    /** Whether a branch always leaves the method: its last statement returns or throws. */
    static boolean endsAbruptly(Node branch) {
        Node last = branch;
        while (last instanceof BlockStmt b && !b.getStatements().isEmpty()) {
            last = b.getStatements().get(b.getStatements().size() - 1);
        }
        return last instanceof ReturnStmt || last instanceof ThrowStmt;
    }

    /** The method's own {@code return}s: not those of a lambda or of an anonymous class's method inside it. */
    static List<ReturnStmt> ownReturns(MethodDeclaration method) {
        List<ReturnStmt> returns = new ArrayList<>();
        method.getBody().ifPresent(body -> {
            for (ReturnStmt r : body.findAll(ReturnStmt.class)) {
                if (r.findAncestor(MethodDeclaration.class).orElse(null) == method
                        && r.findAncestor(LambdaExpr.class).map(l -> !l.isDescendantOf(method)).orElse(true)) {
                    returns.add(r);
                }
            }
        });
        return returns;
    }

    /**
     * Whether a node runs only sometimes within {@code within}: under an if, a case, a loop, a ternary or a lambda.
     * A branch whose sibling branch leaves the method ({@code if (user != null) add(...); else return List.of();})
     * runs whenever the code after the if does.
     */
    static boolean runsSometimes(Node node, Node within) {
        Node child = node;
        for (Node p = node.getParentNode().orElse(null); p != null && p != within;
             child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof IfStmt i) {
                Statement other = i.getThenStmt() == child ? i.getElseStmt().orElse(null) : i.getThenStmt();
                if (i.getCondition() != child && other != null && endsAbruptly(other)) {
                    continue;
                }
                return true;
            }
            if (p instanceof SwitchEntry || p instanceof ForStmt || p instanceof ForEachStmt || p instanceof WhileStmt
                    || p instanceof DoStmt || p instanceof ConditionalExpr || p instanceof LambdaExpr) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a step runs only sometimes when {@code use} runs: under a condition, a loop or a lambda within the
     * innermost node that holds both ({@code if (name != null) cq.where(..);} before {@code em.createQuery(cq)}).
     */
    static boolean runsSometimesBefore(Node node, Node use) {
        for (Node p = node.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p.containsWithinRange(use)) {
                return runsSometimes(node, p);
            }
        }
        return runsSometimes(node, node.findRootNode());
    }

    /** Whether a query kept in a variable is assigned again or passed to a call, which may add to it or page it. */
    private static boolean handedOn(com.github.javaparser.ast.body.CallableDeclaration<?> method, String variable) {
        return method.findAll(com.github.javaparser.ast.expr.AssignExpr.class).stream()
                .anyMatch(a -> a.getTarget() instanceof com.github.javaparser.ast.expr.NameExpr n
                        && n.getNameAsString().equals(variable))
                || method.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).stream().anyMatch(c -> c.getArguments()
                .stream().anyMatch(a -> a instanceof com.github.javaparser.ast.expr.NameExpr n
                        && n.getNameAsString().equals(variable)));
    }

    /**
     * The calls of a query a builder chain runs at {@code terminal}, from the call that starts it to the terminal:
     * {@code startIndex} picks the start among the chain's calls (first the one on the chain's root), or says -1. Also
     * through a local that keeps the query ({@code var q = factory.selectFrom(o).where(..); return q.limit(5).fetch();}):
     * its initializer from its start, the calls made on it before the terminal, then the terminal's chain. Empty when no
     * start is found, or when the local is assigned again or handed to a call, which may filter or page it.
     */
    static List<com.github.javaparser.ast.expr.MethodCallExpr> builtQuery(
            com.github.javaparser.ast.expr.MethodCallExpr terminal,
            java.util.function.ToIntFunction<List<com.github.javaparser.ast.expr.MethodCallExpr>> startIndex) {
        List<com.github.javaparser.ast.expr.MethodCallExpr> calls = callsFromRoot(terminal);
        int start = startIndex.applyAsInt(calls);
        if (start >= 0) {
            return calls.subList(start, calls.size());
        }
        if (!(calls.get(0).getScope().orElse(null) instanceof com.github.javaparser.ast.expr.NameExpr variable)) {
            return List.of();
        }
        String name = variable.getNameAsString();
        com.github.javaparser.ast.body.CallableDeclaration<?> method = terminal
                .findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).orElse(null);
        if (method == null || handedOn(method, name)) {
            return List.of();
        }
        for (com.github.javaparser.ast.body.VariableDeclarator v
                : method.findAll(com.github.javaparser.ast.body.VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name)
                    && v.getInitializer().orElse(null) instanceof com.github.javaparser.ast.expr.MethodCallExpr init) {
                List<com.github.javaparser.ast.expr.MethodCallExpr> before = callsFromRoot(init);
                int at = startIndex.applyAsInt(before);
                if (at < 0) {
                    return List.of();
                }
                List<com.github.javaparser.ast.expr.MethodCallExpr> out = new java.util.ArrayList<>(
                        before.subList(at, before.size()));
                for (com.github.javaparser.ast.expr.MethodCallExpr c
                        : method.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)) {
                    if (c.getScope().orElse(null) instanceof com.github.javaparser.ast.expr.NameExpr n
                            && n.getNameAsString().equals(name) && c != calls.get(0) && c.getBegin().isPresent()
                            && terminal.getBegin().isPresent() && c.getBegin().get().isBefore(terminal.getBegin().get())) {
                        out.add(c); // q.where(a).limit(5): the call on the local and those chained after it
                        CallSites.chainTop(c, out);
                    }
                }
                out.addAll(calls);
                return out;
            }
        }
        return List.of();
    }

    /** The calls of a chain that ends at {@code last}, the one on the chain's root first. */
    static List<com.github.javaparser.ast.expr.MethodCallExpr> callsFromRoot(com.github.javaparser.ast.expr.MethodCallExpr last) {
        List<com.github.javaparser.ast.expr.MethodCallExpr> calls = new java.util.ArrayList<>();
        com.github.javaparser.ast.expr.Expression e = last;
        while (e instanceof com.github.javaparser.ast.expr.MethodCallExpr m) {
            calls.add(0, m);
            e = m.getScope().orElse(null);
        }
        return calls;
    }
}
