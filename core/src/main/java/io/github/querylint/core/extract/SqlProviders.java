package io.github.querylint.core.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL a MyBatis provider method returns ({@code @SelectProvider(type = UserSql.class, method = "byRole")}): a text
 * the method assembles, or a statement it builds with MyBatis' {@code SQL} builder, as an anonymous subclass
 * ({@code new SQL() {{ SELECT("id"); FROM("users"); }}.toString()}), a chain ({@code new SQL().SELECT("id")...}) or a
 * variable. The builder writes its clauses in SQL's order whatever the order of the calls; a call under an
 * {@code if} or in a loop is kept (it stands for what the query may hold), and a {@code WHERE} all of whose
 * conditions are added that way may vanish at run time.
 */
final class SqlProviders {

    /**
     * What a provider method returns.
     *
     * @param text              the statement, with an unknown part as a placeholder
     * @param dynamic           whether some part is only known at run time
     * @param filterConditional whether every condition of its WHERE is added under a condition
     */
    record Provided(String text, boolean dynamic, boolean filterConditional) {
    }

    /** MyBatis' {@code org.apache.ibatis.jdbc.SQL}. */
    private static final Set<String> BUILDER_TYPES = Set.of("SQL");

    private SqlProviders() {
    }

    /** The statement a provider method returns, when its one {@code return} can be read. */
    static Optional<Provided> fold(MethodDeclaration method, ConstantFolder folder) {
        if (method.getBody().isEmpty()) {
            return Optional.empty();
        }
        List<ReturnStmt> returns = Trees.ownReturns(method);
        if (returns.size() != 1 || returns.get(0).getExpression().isEmpty()) {
            return Optional.empty();
        }
        Expression value = returns.get(0).getExpression().get();
        Optional<Provided> built = built(value, method, folder);
        if (built.isPresent()) {
            return built;
        }
        return folder.fold(value).filter(f -> SqlText.looksLikeQuery(f.text()))
                .map(f -> new Provided(f.text(), f.dynamic(), f.filterConditional()));
    }

    /** {@code builder.toString()}, or the builder itself when the method returns it as a CharSequence. */
    private static Optional<Provided> built(Expression value, MethodDeclaration method, ConstantFolder folder) {
        Expression builder = value instanceof MethodCallExpr m && m.getNameAsString().equals("toString")
                && m.getArguments().isEmpty() ? m.getScope().orElse(null) : value;
        if (builder == null) {
            return Optional.empty();
        }
        List<MethodCallExpr> calls = new ArrayList<>();
        ObjectCreationExpr creation = chain(builder, calls);
        if (creation == null && builder instanceof NameExpr name) {
            // SQL sql = new SQL(); ... sql.WHERE("..."); return sql.toString();
            VariableDeclarator declared = null;
            for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
                if (v.getNameAsString().equals(name.getNameAsString()) && v.getInitializer().isPresent()) {
                    declared = v;
                }
            }
            if (declared == null) {
                return Optional.empty();
            }
            creation = chain(declared.getInitializer().get(), calls);
            if (creation == null) {
                return Optional.empty();
            }
            for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
                if (call.getScope().orElse(null) instanceof NameExpr n && n.getNameAsString().equals(name.getNameAsString())
                        && !(call.getParentNode().orElse(null) instanceof VariableDeclarator)) {
                    calls.add(call);
                    collectChain(call, calls);
                }
            }
        }
        if (creation == null) {
            return Optional.empty();
        }
        creation.getAnonymousClassBody().ifPresent(members -> members.stream()
                .filter(InitializerDeclaration.class::isInstance)
                .forEach(init -> init.findAll(MethodCallExpr.class).stream()
                        .filter(c -> c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr)
                        .forEach(calls::add)));
        calls.sort((a, b) -> a.getName().getBegin().get().compareTo(b.getName().getBegin().get()));
        Statement statement = new Statement();
        for (MethodCallExpr call : calls) {
            statement.add(call, Trees.runsSometimes(call, method), folder);
        }
        return statement.isEmpty() ? Optional.empty() : Optional.of(statement.provided());
    }

    /** The {@code new SQL()} a chain of builder calls starts from (the calls gathered), or null. */
    private static ObjectCreationExpr chain(Expression e, List<MethodCallExpr> calls) {
        while (e instanceof MethodCallExpr m) {
            calls.add(m);
            e = m.getScope().orElse(null);
        }
        return e instanceof ObjectCreationExpr c && BUILDER_TYPES.contains(c.getType().getNameAsString()) ? c : null;
    }

    /** The calls chained on a call ({@code sql.SELECT("a").FROM("t")}: the FROM). */
    private static void collectChain(MethodCallExpr call, List<MethodCallExpr> calls) {
        Node parent = call.getParentNode().orElse(null);
        while (parent instanceof MethodCallExpr outer && outer.getScope().orElse(null) == call) {
            calls.add(outer);
            call = outer;
            parent = call.getParentNode().orElse(null);
        }
    }

    /** The clauses of one builder, kept in SQL's order. */
    private static final class Statement {
        private final Map<String, List<String>> clauses = new LinkedHashMap<>();
        private boolean distinct;
        private boolean dynamic;
        private int whereAlways;
        private int whereSometimes;
        private String kind = "";
        /** The connector of the next WHERE (or HAVING) condition after {@code OR()}. */
        private String connector = " AND ";

        /** Whether no statement was begun (no SELECT, INSERT_INTO, UPDATE or DELETE_FROM). */
        boolean isEmpty() {
            return kind.isEmpty();
        }

        void add(MethodCallExpr call, boolean conditional, ConstantFolder folder) {
            String name = call.getNameAsString();
            List<String> args = new ArrayList<>();
            for (Expression a : call.getArguments()) {
                ConstantFolder.Folded f = folder.fold(a).orElse(ConstantFolder.placeholder(""));
                dynamic |= f.dynamic();
                args.add(f.text());
            }
            switch (name) {
                case "SELECT", "SELECT_DISTINCT" -> {
                    kind = "select";
                    distinct |= name.equals("SELECT_DISTINCT");
                    put("SELECT", args);
                }
                case "FROM" -> put("FROM", args);
                case "JOIN", "INNER_JOIN", "LEFT_OUTER_JOIN", "RIGHT_OUTER_JOIN", "OUTER_JOIN" -> {
                    String keyword = name.replace('_', ' ');
                    for (String a : args) {
                        put("JOINS", List.of(keyword + " " + a));
                    }
                }
                case "WHERE" -> {
                    for (String a : args) {
                        condition("WHERE", a);
                        if (conditional) {
                            whereSometimes++;
                        } else {
                            whereAlways++;
                        }
                    }
                }
                case "OR" -> connector = " OR ";
                case "AND" -> connector = " AND ";
                case "GROUP_BY" -> put("GROUP BY", args);
                case "HAVING" -> args.forEach(a -> condition("HAVING", a));
                case "ORDER_BY" -> put("ORDER BY", args);
                case "LIMIT", "OFFSET", "OFFSET_ROWS" -> put(name.startsWith("OFFSET") ? "OFFSET" : "LIMIT", bound(args));
                case "FETCH_FIRST_ROWS_ONLY" -> put("FETCH FIRST", bound(args));
                case "INSERT_INTO" -> {
                    kind = "insert";
                    put("INSERT INTO", args);
                }
                case "VALUES" -> {
                    if (args.size() == 2) {
                        put("COLUMNS", List.of(args.get(0)));
                        put("VALUES", List.of(args.get(1)));
                    }
                }
                case "INTO_COLUMNS" -> put("COLUMNS", args);
                case "INTO_VALUES" -> put("VALUES", args);
                case "UPDATE" -> {
                    kind = "update";
                    put("UPDATE", args);
                }
                case "SET" -> put("SET", args);
                case "DELETE_FROM" -> {
                    kind = "delete";
                    put("DELETE FROM", args);
                }
                default -> {
                    // toString, usingAppender, or a helper of the provider's own: nothing the statement shows
                }
            }
        }

        /** A row count: a value the code passes ({@code LIMIT(limit)}) is a bind parameter. */
        private static List<String> bound(List<String> args) {
            return args.isEmpty() || args.get(0).equals(ConstantFolderSupport.DYNAMIC) ? List.of("?") : args;
        }

        private void put(String clause, List<String> values) {
            clauses.computeIfAbsent(clause, k -> new ArrayList<>()).addAll(values);
        }

        private void condition(String clause, String value) {
            List<String> list = clauses.computeIfAbsent(clause, k -> new ArrayList<>());
            list.add(list.isEmpty() ? "(" + value + ")" : connector.trim() + " (" + value + ")");
            connector = " AND ";
        }

        Provided provided() {
            StringBuilder sb = new StringBuilder();
            switch (kind) {
                case "insert" -> {
                    sb.append("INSERT INTO ").append(join("INSERT INTO", ", "));
                    if (clauses.containsKey("COLUMNS")) {
                        sb.append(" (").append(join("COLUMNS", ", ")).append(")");
                    }
                    sb.append(" VALUES (").append(join("VALUES", ", ")).append(")");
                    return new Provided(sb.toString(), dynamic, false);
                }
                case "update" -> sb.append("UPDATE ").append(join("UPDATE", ", ")).append(" SET ").append(join("SET", ", "));
                case "delete" -> sb.append("DELETE FROM ").append(join("DELETE FROM", ", "));
                default -> {
                    sb.append(distinct ? "SELECT DISTINCT " : "SELECT ").append(join("SELECT", ", "));
                    if (clauses.containsKey("FROM")) {
                        sb.append(" FROM ").append(join("FROM", ", "));
                    }
                    if (clauses.containsKey("JOINS")) {
                        sb.append(' ').append(join("JOINS", " "));
                    }
                }
            }
            if (clauses.containsKey("WHERE")) {
                sb.append(" WHERE ").append(join("WHERE", " "));
            }
            for (String clause : List.of("GROUP BY", "HAVING", "ORDER BY", "LIMIT", "OFFSET")) {
                if (clauses.containsKey(clause)) {
                    sb.append(' ').append(clause).append(' ').append(join(clause, clause.equals("HAVING") ? " " : ", "));
                }
            }
            if (clauses.containsKey("FETCH FIRST")) {
                sb.append(" FETCH FIRST ").append(join("FETCH FIRST", "")).append(" ROWS ONLY");
            }
            boolean filterConditional = whereSometimes > 0 && whereAlways == 0;
            return new Provided(sb.toString(), dynamic, filterConditional);
        }

        private String join(String clause, String separator) {
            return String.join(separator, clauses.getOrDefault(clause, List.of()));
        }
    }
}
