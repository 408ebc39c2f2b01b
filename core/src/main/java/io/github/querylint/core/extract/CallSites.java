package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.Type;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the code around a query call: receiver types, the chain of calls on the result, loops. */
final class CallSites {

    private static final Map<String, Cardinality> TERMINALS = new HashMap<>();

    static {
        for (String s : List.of("getResultList", "list", "listOfRows", "set", "fetch", "queryForList")) {
            TERMINALS.put(s, Cardinality.COLLECTION);
        }
        for (String s : List.of("getResultStream", "stream", "scroll", "queryForStream")) {
            TERMINALS.put(s, Cardinality.STREAM);
        }
        for (String s : List.of("getSingleResult", "getSingleResultOrNull", "uniqueResult", "single", "singleRow",
                "singleValue", "queryForObject", "queryForMap", "getSingleResultOrNull")) {
            TERMINALS.put(s, Cardinality.SINGLE);
        }
        for (String s : List.of("uniqueResultOptional", "optional", "optionalValue")) {
            TERMINALS.put(s, Cardinality.OPTIONAL);
        }
        for (String s : List.of("executeUpdate", "update", "executeLargeUpdate")) {
            TERMINALS.put(s, Cardinality.UPDATE_COUNT);
        }
    }

    /** Calls that bound the rows the database returns. */
    private static final Set<String> BOUNDS = Set.of("setMaxResults", "setMaxRows", "setLargeMaxRows");

    private final Map<String, String> fieldTypes = new HashMap<>();
    private final CompilationUnit unit;

    CallSites(CompilationUnit unit) {
        this.unit = unit;
        for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
            for (VariableDeclarator v : field.getVariables()) {
                fieldTypes.putIfAbsent(v.getNameAsString(), simpleType(v.getType()));
            }
        }
    }

    static String simpleType(Type type) {
        String s = type.asString();
        int lt = s.indexOf('<');
        if (lt >= 0) {
            s = s.substring(0, lt);
        }
        return s.contains(".") ? s.substring(s.lastIndexOf('.') + 1) : s;
    }

    /** The declared simple type of a receiver expression, or null when the file does not say. */
    String typeOf(Expression e) {
        if (e.isNameExpr()) {
            String name = e.asNameExpr().getNameAsString();
            String local = localType(name, e);
            if (local != null) {
                return local;
            }
            return fieldTypes.get(name);
        }
        if (e.isFieldAccessExpr() && e.asFieldAccessExpr().getScope().isThisExpr()) {
            return fieldTypes.get(e.asFieldAccessExpr().getNameAsString());
        }
        return null;
    }

    private static String localType(String name, Node from) {
        for (Node p = from.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> c) {
                for (Parameter param : c.getParameters()) {
                    if (param.getNameAsString().equals(name)) {
                        return simpleType(param.getType());
                    }
                }
                for (VariableDeclarator v : c.findAll(VariableDeclarator.class)) {
                    if (v.getNameAsString().equals(name) && !v.getTypeAsString().equals("var")) {
                        return simpleType(v.getType());
                    }
                }
                return null;
            }
            if (p instanceof LambdaExpr l) {
                for (Parameter param : l.getParameters()) {
                    if (param.getNameAsString().equals(name) && !param.getType().isUnknownType()) {
                        return simpleType(param.getType());
                    }
                }
            }
        }
        return null;
    }

    CallSite of(MethodCallExpr call, ApiCalls.Api api) {
        List<String> following = followingCalls(call);
        Cardinality cardinality = api.cardinality();
        String terminal = call.getNameAsString();
        if (cardinality == Cardinality.UNKNOWN || call.getNameAsString().equals("query")) {
            for (String name : following) {
                Cardinality c = TERMINALS.get(name);
                if (c != null) {
                    cardinality = c;
                    terminal = name;
                    break;
                }
                if (name.equals("executeQuery")) {
                    cardinality = Cardinality.COLLECTION;
                    terminal = name;
                }
            }
        }
        if (cardinality == Cardinality.COLLECTION && api.origin() == io.github.querylint.core.query.QueryOrigin.JDBC) {
            cardinality = resultSetReading(call, following);
        }
        if (cardinality == Cardinality.UNKNOWN && SqlText.isSelectLike(call.getArguments().get(0).toString().replace("\"", ""))
                && api.origin() == io.github.querylint.core.query.QueryOrigin.JDBC) {
            cardinality = Cardinality.COLLECTION;
        }
        String bound = following.stream().filter(BOUNDS::contains).findFirst().orElse("");
        if (bound.isEmpty() && call.getScope().isPresent()) {
            bound = receiverBound(call.getScope().get());
        }
        return new CallSite(terminal, cardinality, bound, inLoop(call), enclosingClass(call), enclosingMethod(call));
    }

    /**
     * JDBC: a result set read with {@code if (rs.next())} is one row; with {@code while (rs.next())},
     * or handed elsewhere, it is every row.
     */
    private Cardinality resultSetReading(MethodCallExpr call, List<String> following) {
        Optional<Node> body = enclosingBody(call);
        if (body.isEmpty()) {
            return Cardinality.COLLECTION;
        }
        boolean whileNext = false;
        boolean ifNext = false;
        for (MethodCallExpr next : body.get().findAll(MethodCallExpr.class)) {
            if (!next.getNameAsString().equals("next") || !next.getArguments().isEmpty() || !after(next, call)) {
                continue;
            }
            Node parent = next.getParentNode().orElse(null);
            if (parent instanceof WhileStmt || parent instanceof DoStmt) {
                whileNext = true;
            } else if (parent instanceof IfStmt) {
                ifNext = true;
            }
        }
        return ifNext && !whileNext ? Cardinality.SINGLE : Cardinality.COLLECTION;
    }

    /** {@code jdbcTemplate.setMaxRows(n)} anywhere in the file bounds that template's queries. */
    private String receiverBound(Expression scope) {
        String receiver = ApiCalls.receiverName(scope);
        if (receiver.isEmpty()) {
            return "";
        }
        for (MethodCallExpr c : unit.findAll(MethodCallExpr.class)) {
            if (BOUNDS.contains(c.getNameAsString()) && c.getScope().isPresent()
                    && ApiCalls.receiverName(c.getScope().get()).equals(receiver)) {
                return c.getNameAsString();
            }
        }
        return "";
    }

    /**
     * The calls made on the query's result: along the chain ({@code .setMaxResults(5).getResultList()}),
     * and on the variable it is stored in ({@code q.setMaxResults(5); q.getResultList()}), one level
     * further for JDBC ({@code ps.executeQuery()} then {@code rs.next()}).
     */
    private List<String> followingCalls(MethodCallExpr call) {
        List<String> names = new ArrayList<>();
        Expression top = chainTop(call, names);
        String variable = assignedVariable(top);
        if (variable != null) {
            Optional<Node> body = enclosingBody(call);
            body.ifPresent(b -> {
                for (MethodCallExpr c : b.findAll(MethodCallExpr.class)) {
                    if (c.getScope().isPresent() && c.getScope().get() instanceof NameExpr n
                            && n.getNameAsString().equals(variable) && after(c, call)) {
                        names.add(c.getNameAsString());
                        List<String> chained = new ArrayList<>();
                        chainTop(c, chained);
                        names.addAll(chained);
                    }
                }
            });
        }
        return names;
    }

    private static Expression chainTop(MethodCallExpr call, List<String> names) {
        Expression current = call;
        while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().isPresent() && parent.getScope().get() == current) {
            names.add(parent.getNameAsString());
            current = parent;
        }
        return current;
    }

    private static String assignedVariable(Expression top) {
        Node parent = top.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator v) {
            return v.getNameAsString();
        }
        if (parent instanceof AssignExpr a && a.getTarget().isNameExpr()) {
            return a.getTarget().asNameExpr().getNameAsString();
        }
        return null;
    }

    private static Optional<Node> enclosingBody(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?>) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean after(Node a, Node b) {
        return a.getBegin().isPresent() && b.getBegin().isPresent() && !a.getBegin().get().isBefore(b.getBegin().get());
    }

    static boolean inLoop(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof ForStmt || p instanceof ForEachStmt || p instanceof WhileStmt || p instanceof DoStmt) {
                return true;
            }
            if (p instanceof LambdaExpr l && l.getParentNode().orElse(null) instanceof MethodCallExpr m
                    && (m.getNameAsString().equals("forEach") || m.getNameAsString().equals("map"))) {
                return true;
            }
            if (p instanceof CallableDeclaration<?>) {
                return false;
            }
        }
        return false;
    }

    static String enclosingClass(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> t) {
                return t.getNameAsString();
            }
        }
        return "";
    }

    static String enclosingMethod(Node n) {
        for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> c) {
                return c.getNameAsString();
            }
        }
        return "";
    }

    /**
     * A repository or mapper method: its return type says how the rows are read; a
     * {@code Pageable}, {@code Limit} or {@code RowBounds} parameter bounds them.
     */
    CallSite ofRepositoryMethod(MethodDeclaration method) {
        String returnType = method.getType().asString();
        Cardinality cardinality = RepositoryTypes.cardinality(method.getType());
        String bound = RepositoryTypes.boundingParameter(method);
        if (bound.isEmpty() && RepositoryTypes.isPageLike(method.getType())) {
            bound = simpleType(method.getType());
        }
        return new CallSite(returnType, cardinality, bound, false, enclosingClass(method), method.getNameAsString());
    }
}
