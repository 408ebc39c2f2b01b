package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles the text of a query from Java expressions: literals, text blocks, {@code +}
 * concatenation, constants of the same class and of other classes of the scanned tree,
 * effectively-final locals, {@code StringBuilder} append chains, {@code String.format} and
 * {@code formatted}. What cannot be known becomes a placeholder that keeps the query parseable.
 */
final class ConstantFolder {

    /** The result of folding: the text, and whether a part of it was not known. */
    record Folded(String text, boolean dynamic, boolean conditional, boolean filterConditional, Set<String> optional) {

        Folded(String text, boolean dynamic, boolean conditional) {
            this(text, dynamic, conditional, false, Set.of());
        }

        Folded(String text, boolean dynamic, boolean conditional, boolean filterConditional) {
            this(text, dynamic, conditional, filterConditional, Set.of());
        }

        Folded append(Folded other) {
            String right = other.text;
            if (dynamic && text.endsWith("?") && !right.isEmpty()
                    && (Character.isLetter(right.charAt(0)) || right.charAt(0) == '_')) {
                // "= " + prefix() + "tenant": a parameter prefix chosen at run time (':' or '?') and the name
                // after it are one bind parameter
                right = right.substring(nameEnd(right));
            }
            Set<String> both = optional.isEmpty() ? other.optional : other.optional.isEmpty() ? optional
                    : union(optional, other.optional);
            // a WHERE that may vanish stays so when what follows adds no condition (" ORDER BY id"), and comes with
            // a fragment that holds it ("FROM t" + where, a builder of optional conditions)
            boolean whereMayVanish = filterConditional && (right.isBlank() || CLAUSE_END.matcher(right.strip()).lookingAt())
                    || other.filterConditional && !WHERE_WORD.matcher(text).find();
            return new Folded(join(text, right), dynamic || other.dynamic, conditional || other.conditional,
                    whereMayVanish, both);
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> out = new java.util.TreeSet<>(a);
            out.addAll(b);
            return out;
        }

        /** Whether some of the text is known characters, not only placeholders: then it is a String. */
        boolean holdsText() {
            return !text.replace(ConstantFolderSupport.DYNAMIC, "").replace("?", "").isBlank();
        }
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Where the run of name characters at the start of {@code s} ends. */
    private static int nameEnd(String s) {
        int k = 0;
        while (k < s.length() && isNamePart(s.charAt(k))) {
            k++;
        }
        return k;
    }

    /** Concatenates, keeping a placeholder a word of its own: "select" + ql_dynamic + "where" must not fuse. */
    static String join(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return left + right;
        }
        // table + "_copy", "t_" + name: an unknown name with a prefix or suffix is one unknown name
        if (left.endsWith(ConstantFolderSupport.DYNAMIC) && right.charAt(0) == '_') {
            return left + right.substring(nameEnd(right));
        }
        if (right.startsWith(ConstantFolderSupport.DYNAMIC) && left.charAt(left.length() - 1) == '_') {
            int k = left.length();
            while (k > 0 && isNamePart(left.charAt(k - 1))) {
                k--;
            }
            return left.substring(0, k) + right;
        }
        boolean fuse = Character.isLetterOrDigit(left.charAt(left.length() - 1))
                && (Character.isLetterOrDigit(right.charAt(0)) || right.charAt(0) == '_');
        boolean placeholder = left.endsWith(ConstantFolderSupport.DYNAMIC) || right.startsWith(ConstantFolderSupport.DYNAMIC);
        return fuse && placeholder ? left + " " + right : left + right;
    }

    private static final Pattern UP_TO_LAST_FROM = Pattern.compile("(?is).*\\bfrom\\b");

    /** A row bound written as a clause: LIMIT, OFFSET .. FETCH, FETCH FIRST/NEXT, or TOP after SELECT. */
    private static final Pattern BOUND_CLAUSE = Pattern.compile(
            "(?is)\\blimit\\s+(\\d|\\?|:|#|\\$|ql_dynamic)|\\bfetch\\s+(first|next)\\b|\\bselect\\s+(distinct\\s+)?top\\b|\\brownum\\s*(<|=)");
    /** A text that is a statement of its own, not a part of one. */
    private static final Pattern STATEMENT = Pattern.compile("(?is)\\s*(select|with)\\b");
    /** A part that is a row bound and nothing else: " LIMIT ?", " LIMIT 20 OFFSET ?", " FETCH FIRST ? ROWS ONLY". */
    private static final Pattern BOUND_PART = Pattern.compile(
            "(?is)\\s*(limit\\b|fetch\\s+(first|next)\\b|offset\\b.*\\bfetch\\b).*");

    /**
     * The branch, when a part appended under a condition is the statement's only row bound and the condition has no
     * other branch: {@code if (size != null) sql.append(" LIMIT ").append(size)}. Without it, the query reads every
     * matching row, so what that branch appends is left out of the text the rules judge (an OFFSET alone, or a bound the text
     * already has, changes nothing and stays). A test of a Spring {@code Pageable} ({@code pageable.isPaged()}) is
     * the caller's page, as a {@code Pageable} parameter is.
     */
    private static Node optionalBound(Node part, String text, String soFar) {
        if (!BOUND_PART.matcher(text).matches() || BOUND_CLAUSE.matcher(soFar).find()) {
            return null;
        }
        IfStmt branch = part.findAncestor(IfStmt.class).orElse(null);
        // if (pageable.isPaged()): the caller's Pageable decides, and an unpaged one is the caller's explicit choice
        return branch != null && branch.getElseStmt().isEmpty()
                && !PAGEABLE_TEST.matcher(branch.getCondition().toString()).find() ? branch.getThenStmt() : null;
    }

    private static final Pattern PAGEABLE_TEST = Pattern.compile("\\bis(Paged|Unpaged)\\(|(?i)pageable");

    /**
     * Of two branches that are WHERE and AND ({@code status != null ? "and" : "where"}), the one the text before
     * calls for: AND once the last FROM has its WHERE, WHERE before; null for any other pair.
     */
    private static String whereOrAnd(String a, String b, String before) {
        String x = a.strip().toLowerCase(java.util.Locale.ROOT);
        String y = b.strip().toLowerCase(java.util.Locale.ROOT);
        if (!(x.equals("where") && y.equals("and") || x.equals("and") && y.equals("where"))) {
            return null;
        }
        Matcher from = UP_TO_LAST_FROM.matcher(before);
        String tail = from.lookingAt() ? before.substring(from.end()) : before;
        boolean hasWhere = WHERE_WORD.matcher(tail).find();
        return (hasWhere ? x.equals("and") : x.equals("where")) ? a : b;
    }

    /**
     * A named parameter followed by an unknown part and then an operator ({@code :option ql_dynamic in elements(..)},
     * of {@code " and :option" + option.getId() + " in elements(..)"}): the unknown part ends the parameter's name.
     * Not before a clause ({@code = :kind ql_dynamic order by}), where it is a clause of its own.
     */
    private static final Pattern PARAMETER_NAME_SUFFIX = Pattern.compile("(?i)((?<![:\\w]):[A-Za-z_]\\w*) "
            + ConstantFolderSupport.DYNAMIC + "(?=\\s*(\\b(in|member|is|not|like|between)\\b|[=<>!]))");
    private static final Pattern VALUE_POSITION = Pattern.compile(
            "(?is).*(=|<|>|<>|!=|\\(|,|\\blike|\\bin|\\blimit|\\boffset|\\bthen|\\belse|\\bbetween|\\band|\\bvalues|\\btop)\\s*$");
    /** {@code FROM (}, {@code JOIN (}, {@code EXISTS (}: a subquery goes there, not a value. */
    private static final Pattern SUBQUERY_OPEN = Pattern.compile("(?is).*\\b(from|join|exists|lateral)\\s*\\($");
    private static final Pattern FORMAT_SPEC = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[sdfnxXbBcCeEgGoaAhHtT%]");

    /** Calls that read a builder handed to them and add nothing to it (logging, collections). */
    private static final Set<String> NOT_BUILDING = Set.of("debug", "info", "warn", "error", "trace", "println", "print",
            "printf", "add", "put", "equals", "valueOf", "requireNonNull", "isEmpty", "isBlank", "hasText", "contains");
    private static final char CONDITIONAL_PART = '\u0001';
    private static final Pattern WHERE_WORD = Pattern.compile("(?i)\\bwhere\\b");
    private static final Pattern FROM_WORD = Pattern.compile("(?i)\\bfrom\\b");
    private static final Pattern CLAUSE_END = Pattern.compile(
            "(?i)\\b(order\\s+by|group\\s+by|having|limit|offset|fetch|union|for\\s+update)\\b");
    private static final Pattern TRIVIAL = Pattern.compile(
            "(?is)(\\s|\\(|\\)|\\band\\b|\\bor\\b|1\\s*=\\s*1|\\btrue\\b|0\\s*=\\s*0)*");
    private static final Pattern REPEATED_PLACEHOLDER = Pattern.compile(
            ConstantFolderSupport.DYNAMIC + "(\\s+" + ConstantFolderSupport.DYNAMIC + ")+\\b");
    private static final Pattern SELECT_MODIFIER = Pattern.compile("(?i)\\b(select(?:\\s+distinct)?)\\s+"
            + ConstantFolderSupport.DYNAMIC + "\\s+(?=[A-Za-z_]\\w*\\.[\\w*]|[A-Za-z_]\\w*\\s*,|[A-Za-z_]\\w*\\s+as\\b|\\*)");
    private static final Pattern DANGLING_OPEN = Pattern.compile("\\(\\s*,\\s*");
    private static final Pattern DANGLING_CLOSE = Pattern.compile("\\s*,\\s*\\)");
    /** {@code if (i > 0) sql.append(", ")} in a loop, folded once: "select , a" is that pass's artefact. */
    private static final Pattern LEADING_SEPARATOR = Pattern.compile("(?i)\\b(select(?:\\s+distinct)?|by|set)\\s*,\\s*");
    /** {@code if (sql.length() > 0) sql.append(" UNION ")} before each part, folded once: no statement starts so. */
    private static final Pattern LEADING_UNION = Pattern.compile("(?i)^\\s*union(\\s+all)?\\s+");
    /**
     * {@code if (where.length() > 0) where.append(" AND ")} before each condition, every branch folded: "WHERE AND a"
     * and "a AND AND b" are artefacts of taking every branch, as is a connector left before ORDER BY or the end.
     */
    private static final Pattern STACKED_CONNECTOR = Pattern.compile("(?i)\\b(where|having|on|and|or)(\\s+(?:and|or))+\\b");
    private static final Pattern TRAILING_CONNECTOR = Pattern.compile(
            "(?i)\\s+(?:and|or)\\s*(?=(?:order\\s+by|group\\s+by|limit|\\)|$))");
    /** An INSERT's column list or a PARTITION list: a name goes there, not a value. */
    private static final Pattern NAME_LIST = Pattern.compile(
            "(?is).*(\\binsert\\s+(?:into\\s+)?[\\w.$\"`\\[\\]]+\\s*|\\bpartition\\s*)\\([^()']*");

    private final CompilationUnit unit;
    private final ProjectConstants project;
    /** Every field of the file by name (several types of one file may each have a {@code schema}). */
    private final Map<String, List<VariableDeclarator>> fields = new HashMap<>();
    private final Set<Object> active = new HashSet<>();
    /** The arguments of the calls being inlined ({@link #foldCallWithArguments}), by method and parameter name. */
    private final Map<CallableDeclaration<?>, Map<String, Folded>> bindings = new java.util.IdentityHashMap<>();
    private final Set<String> typeNames = new HashSet<>();
    /** The declarations of other files' query-building methods this file calls, parsed once per file. */
    private final Templates templates = new Templates();
    /** How many templates of other files this folder is nested in: a template may call another, not without end. */
    private final int depth;
    private static final int MAX_TEMPLATE_DEPTH = 3;

    ConstantFolder(CompilationUnit unit, ProjectConstants project) {
        this(unit, project, 0);
    }

    private ConstantFolder(CompilationUnit unit, ProjectConstants project, int depth) {
        this.depth = depth;
        this.unit = unit;
        this.project = project;
        for (FieldDeclaration field : Nodes.all(unit, FieldDeclaration.class)) {
            for (VariableDeclarator v : field.getVariables()) {
                fields.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>()).add(v);
            }
        }
        for (TypeDeclaration<?> type : Nodes.all(unit, TypeDeclaration.class)) {
            typeNames.add(type.getNameAsString());
        }
    }

    /**
     * A helper that writes one word the first time and another after (DHIS2's {@code sqlHelper.whereAnd()}: "where",
     * then "and"; {@code sqlHelper.or()}: nothing, then "or"), as a mark that {@link #connectors} writes out once the
     * whole text is known.
     */
    private record Connector(char mark, String first, String later) {
    }

    private static final Map<String, Connector> CONNECTOR_HELPERS = Map.of(
            "whereAnd", new Connector('\u0004', " where ", " and "),
            "havingAnd", new Connector('\u0005', " having ", " and "),
            "betweenAnd", new Connector('\u0006', " between ", " and "),
            "andOr", new Connector('\u0007', " and ", " or "),
            "and", new Connector('\u000e', " ", " and "),
            "or", new Connector('\u000f', " ", " or "));

    /** Each connector helper's mark: its first word at its first place in the text, its other word at the next ones. */
    private static Folded connectors(Folded f) {
        String text = writeConnectors(f.text());
        return text.equals(f.text()) ? f
                : new Folded(text, f.dynamic(), f.conditional(), f.filterConditional(), f.optional());
    }

    private static String writeConnectors(String text) {
        StringBuilder sb = null;
        java.util.Set<Character> seen = new java.util.HashSet<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Connector connector = c < ' ' ? CONNECTORS_BY_MARK.get(c) : null;
            if (connector == null) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            sb.append(seen.add(c) ? connector.first() : connector.later());
        }
        return sb == null ? text : sb.toString();
    }

    private static final Map<Character, Connector> CONNECTORS_BY_MARK = CONNECTOR_HELPERS.values().stream()
            .collect(java.util.stream.Collectors.toMap(Connector::mark, c -> c));

    /** Folds an expression to text, or empty when it holds nothing textual at all. */
    Optional<Folded> fold(Expression e) {
        Folded f = foldOrPlaceholder(e, "");
        if (f == null) {
            return Optional.empty();
        }
        f = connectors(f);
        if (f.dynamic() || f.conditional()) {
            // one pass of a loop that writes separators: "IN (, ?)" and "a, b, )" are artefacts of that pass
            String tidy = DANGLING_OPEN.matcher(f.text()).replaceAll("(");
            tidy = DANGLING_CLOSE.matcher(tidy).replaceAll(")");
            tidy = LEADING_SEPARATOR.matcher(tidy).replaceAll("$1 ");
            tidy = LEADING_UNION.matcher(tidy).replaceFirst("");
            tidy = STACKED_CONNECTOR.matcher(tidy).replaceAll("$1");
            tidy = TRAILING_CONNECTOR.matcher(tidy).replaceAll("");
            // unknown parts side by side are one unknown part
            tidy = REPEATED_PLACEHOLDER.matcher(tidy).replaceAll(ConstantFolderSupport.DYNAMIC);
            tidy = PARAMETER_NAME_SUFFIX.matcher(tidy).replaceAll("$1");
            // "select " + dialect.calcFoundRows() + " t.id, ...": an unknown modifier before the select list
            tidy = SELECT_MODIFIER.matcher(tidy).replaceAll("$1 ");
            f = new Folded(tidy, f.dynamic(), f.conditional(), f.filterConditional(), f.optional());
        }
        return Optional.of(f);
    }

    /**
     * Folds an expression of a method's body with one of its parameters standing as {@code mark}
     * ({@code sql + " LIMIT " + n} of a wrapper: the caller's text at the mark, {@code n} a bind value).
     */
    Optional<String> foldWith(CallableDeclaration<?> method, String parameter, String mark, Expression e) {
        bindings.put(method, Map.of(parameter, new Folded(mark, false, false)));
        try {
            return fold(e).map(Folded::text);
        } finally {
            bindings.remove(method);
        }
    }

    /** Whether an expression is a string literal or something assembled from literals. */
    boolean hasText(Expression e) {
        Optional<Folded> f = fold(e);
        return f.isPresent() && !f.get().text().isBlank() && !f.get().text().equals(ConstantFolderSupport.DYNAMIC);
    }

    private Folded foldOrPlaceholder(Expression e, String before) {
        Folded f = foldKnown(e, before);
        if (f != null) {
            return f;
        }
        return placeholder(before);
    }

    static Folded placeholder(String before) {
        String trimmed = before.stripTrailing();
        if (trimmed.endsWith("'") && (count(before, '\'') % 2 == 1)) {
            return new Folded(ConstantFolderSupport.DYNAMIC, true, false); // inside a string literal
        }
        if (VALUE_POSITION.matcher(trimmed).matches() && !NAME_LIST.matcher(trimmed).matches()
                && !SUBQUERY_OPEN.matcher(trimmed).matches()) {
            return new Folded("?", true, false);
        }
        return new Folded(ConstantFolderSupport.DYNAMIC, true, false);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private Folded foldKnown(Expression e, String before) {
        if (e instanceof StringLiteralExpr s) {
            return new Folded(s.asString(), false, false);
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return new Folded(t.asString(), false, false);
        }
        if (e instanceof CharLiteralExpr c) {
            return new Folded(String.valueOf(c.asChar()), false, false);
        }
        if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr) {
            return new Folded(e.toString().replaceAll("[lL_]", ""), false, false);
        }
        if (e instanceof EnclosedExpr en) {
            return foldKnown(en.getInner(), before);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Folded left = foldOrPlaceholder(b.getLeft(), before);
            Folded right = foldOrPlaceholder(b.getRight(), before + left.text());
            // two unknown operands may be numbers; one side that holds known text makes it a String concatenation
            if (!left.dynamic() || !right.dynamic() || isTextual(b.getLeft()) || isTextual(b.getRight())
                    || left.holdsText() || right.holdsText()) {
                return left.append(right);
            }
            return null;
        }
        if (e instanceof ConditionalExpr c) {
            Folded a = foldKnown(c.getThenExpr(), before);
            Folded b = foldKnown(c.getElseExpr(), before);
            if (a != null && b != null) {
                // (first ? " where " : " and "): the connector the text so far calls for
                String connector = whereOrAnd(a.text(), b.text(), before);
                if (connector != null) {
                    return new Folded(connector, false, true);
                }
                // both branches known: of a bounded and an unbounded statement, the unbounded one runs too
                // (limit > 0 ? sql + " LIMIT " + limit : sql); else the longer (it usually holds the optional clause)
                boolean boundA = BOUND_CLAUSE.matcher(a.text()).find();
                boolean boundB = BOUND_CLAUSE.matcher(b.text()).find();
                Folded pick = boundA != boundB && STATEMENT.matcher(a.text()).lookingAt()
                        && STATEMENT.matcher(b.text()).lookingAt() ? (boundA ? b : a)
                        : a.text().length() >= b.text().length() ? a : b;
                return new Folded(pick.text(), pick.dynamic(), true);
            }
            return null;
        }
        if (e instanceof com.github.javaparser.ast.expr.SwitchExpr sw) {
            // String sql = switch (view) { case A -> "..."; case B -> "..."; default -> throw ..; }: like a ternary
            Folded pick = null;
            for (com.github.javaparser.ast.stmt.SwitchEntry entry : sw.getEntries()) {
                if (entry.getType() == com.github.javaparser.ast.stmt.SwitchEntry.Type.THROWS_STATEMENT) {
                    continue;
                }
                List<com.github.javaparser.ast.stmt.Statement> body = entry.getStatements();
                if (body.size() == 1 && body.get(0) instanceof com.github.javaparser.ast.stmt.BlockStmt block) {
                    body = block.getStatements(); // case B -> { yield "..."; }
                }
                Expression value = body.size() == 1 && body.get(0) instanceof com.github.javaparser.ast.stmt.ExpressionStmt es
                        ? es.getExpression()
                        : body.size() == 1 && body.get(0) instanceof com.github.javaparser.ast.stmt.YieldStmt y
                        ? y.getExpression() : null;
                Folded f = value == null ? null : foldKnown(value, before);
                if (f == null) {
                    return null;
                }
                pick = pick == null || f.text().length() > pick.text().length() ? f : pick;
            }
            return pick == null ? null : new Folded(pick.text(), pick.dynamic(), true);
        }
        if (e instanceof NameExpr n) {
            return resolveName(n, before);
        }
        if (e instanceof FieldAccessExpr fa) {
            String scope = fa.getScope().toString();
            String simpleScope = scope.contains(".") ? scope.substring(scope.lastIndexOf('.') + 1) : scope;
            if (scope.equals("this")) {
                return resolveField(fa.getNameAsString(), enclosingType(fa), before);
            }
            if (typeNames.contains(simpleScope) && fields.containsKey(fa.getNameAsString())) {
                return resolveField(fa.getNameAsString(), typeNamed(simpleScope), before); // Customer.VIP in its own file
            }
            return project.lookup(scope, fa.getNameAsString(), unit)
                    .map(text -> new Folded(text, text.contains(ConstantFolderSupport.DYNAMIC), false))
                    .orElse(null);
        }
        if (e instanceof MethodCallExpr call) {
            Folded f = foldCall(call, before);
            if (f == null && call.getNameAsString().equals("limit") && call.getScope().isPresent()
                    && !call.getArguments().isEmpty() && call.getArguments().size() <= 2) {
                // a dialect helper's sqlGenerator.limit(n) or limit(n, offset): the row bound, in whatever syntax
                return new Folded(call.getArguments().size() == 1 ? "LIMIT ?" : "LIMIT ? OFFSET ?", true, false);
            }
            return f;
        }
        return null;
    }

    private static boolean isTextual(Expression e) {
        return e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr;
    }

    private Folded foldCall(MethodCallExpr call, String before) {
        String name = call.getNameAsString();
        // "from " + Order.class.getSimpleName(): the entity's name (JPA's default entity name is the class's simple
        // name; HQL takes the full name getName() gives as well, and rules name the class by its simple name)
        if ((name.equals("getSimpleName") || name.equals("getName") || name.equals("getCanonicalName"))
                && call.getArguments().isEmpty()
                && call.getScope().orElse(null) instanceof com.github.javaparser.ast.expr.ClassExpr type) {
            return new Folded(name.equals("getSimpleName") ? CallSites.simpleType(type.getType())
                    : CallSites.writtenType(type.getType()), false, false);
        }
        if (name.equals("toString") && call.getArguments().isEmpty() && call.getScope().isPresent()) {
            Expression scope = call.getScope().get();
            if (scope instanceof NameExpr n) {
                Folded built = foldBuilder(n, call);
                if (built != null) {
                    return built;
                }
            }
            return foldKnown(scope, before);
        }
        if ((name.equals("formatted") && call.getScope().isPresent())
                || (name.equals("format") && call.getScope().map(s -> s.toString().equals("String")).orElse(false))) {
            Expression template = name.equals("formatted") ? call.getScope().get()
                    : call.getArguments().isEmpty() ? null : call.getArguments().get(0);
            if (template == null) {
                return null;
            }
            Folded t = foldKnown(template, before);
            if (t == null) {
                return null;
            }
            List<Expression> args = name.equals("formatted") ? call.getArguments()
                    : call.getArguments().subList(1, call.getArguments().size());
            return format(t, args);
        }
        if (name.equals("format") && call.getScope().map(s -> s.toString().endsWith("MessageFormat")).orElse(false)
                && !call.getArguments().isEmpty()) {
            // MessageFormat.format("SELECT .. FROM {0}triggers WHERE sched = {1}", prefix, name)
            Folded t = foldKnown(call.getArguments().get(0), before);
            if (t == null) {
                return null;
            }
            List<Expression> args = call.getArguments().subList(1, call.getArguments().size());
            if (args.size() == 1 && args.get(0) instanceof com.github.javaparser.ast.expr.ArrayCreationExpr array
                    && array.getInitializer().isPresent()) {
                args = array.getInitializer().get().getValues();
            }
            return messageFormat(t, args, before);
        }
        if (name.equals("join") && call.getScope().map(s -> s.toString().equals("String")).orElse(false)
                && call.getArguments().size() >= 2) {
            Folded sep = foldKnown(call.getArguments().get(0), before);
            if (sep == null) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            boolean dynamic = false;
            for (int i = 1; i < call.getArguments().size(); i++) {
                Folded part = foldOrPlaceholder(call.getArguments().get(i), before + sb);
                if (i > 1) {
                    sb.append(sep.text());
                }
                sb.append(part.text());
                dynamic |= part.dynamic();
            }
            return new Folded(sb.toString(), dynamic, false);
        }
        // replaceAll("#", timeout) with a pattern that is plain text replaces as replace does
        boolean plainPattern = name.equals("replaceAll") && call.getArguments().size() == 2
                && call.getArguments().get(0) instanceof com.github.javaparser.ast.expr.StringLiteralExpr pattern
                && pattern.asString().matches("[\\w#@%&:=, <>-]+");
        boolean replaceOnText = (name.equals("replace") || plainPattern) && call.getScope().isPresent()
                && call.getArguments().size() == 2 && !call.getScope().get().toString().endsWith("StringUtils");
        // Spring's and Commons' StringUtils.replace(text, target, replacement), as Spring Batch and Spring Session
        // put a table prefix into their query templates
        boolean replaceByUtility = name.equals("replace") && call.getArguments().size() == 3
                && call.getScope().map(sc -> sc.toString().endsWith("StringUtils")).orElse(false);
        if (replaceOnText || replaceByUtility) {
            // "SELECT id FROM {schema}.orders".replace("{schema}", schema): the known template, the unknown value
            int first = replaceByUtility ? 1 : 0;
            Folded f = foldKnown(replaceByUtility ? call.getArguments().get(0) : call.getScope().get(), before);
            Folded target = foldKnown(call.getArguments().get(first), "");
            if (f == null || target == null || target.text().isEmpty()) {
                return null;
            }
            int at = f.text().indexOf(target.text());
            if (at < 0) {
                return f;
            }
            Folded replacement = foldOrPlaceholder(call.getArguments().get(first + 1), before + f.text().substring(0, at));
            if (!replacement.dynamic()) {
                return new Folded(f.text().replace(target.text(), replacement.text()), f.dynamic(), f.conditional());
            }
            // an unknown prefix stays a word of its own: "{0}TRIGGERS" is an unknown part and a name
            String[] parts = f.text().split(Pattern.quote(target.text()), -1);
            String replaced = parts[0];
            for (int i = 1; i < parts.length; i++) {
                replaced = join(join(replaced, replacement.text()), parts[i]);
            }
            return new Folded(replaced, true, f.conditional());
        }
        if (call.getArguments().isEmpty() && call.getScope().isPresent() && CONNECTOR_HELPERS.containsKey(name)) {
            return new Folded(String.valueOf(CONNECTOR_HELPERS.get(name).mark()), false, false);
        }
        if (call.getArguments().isEmpty() && !name.equals("toString")) {
            Folded inlined = foldZeroArgumentMethod(call, before);
            if (inlined != null) {
                return inlined;
            }
        }
        if (!call.getArguments().isEmpty() && (call.getScope().isEmpty() || call.getScope().get().isThisExpr())) {
            Folded inlined = foldCallWithArguments(call, before);
            if (inlined != null) {
                return inlined;
            }
            inlined = foldInheritedCall(call, before);
            if (inlined != null) {
                return inlined;
            }
        }
        if (!call.getArguments().isEmpty() && call.getScope().isPresent()) {
            Folded built = foldTemplateCall(call, before);
            if (built != null) {
                return built;
            }
        }
        if ((name.equals("trim") || name.equals("strip") || name.equals("stripIndent") || name.equals("intern"))
                && call.getScope().isPresent()) {
            Folded f = foldKnown(call.getScope().get(), before);
            return f == null ? null : new Folded(f.text().strip(), f.dynamic(), f.conditional());
        }
        return null;
    }

    /**
     * {@code MessageFormat}'s pattern: {@code {n}} (or {@code {n,number}}) is the n-th argument, a quote pair
     * {@code ''} one quote, and a quoted run is written as it is, without its quotes.
     */
    private Folded messageFormat(Folded template, List<Expression> args, String before) {
        String p = template.text();
        StringBuilder sb = new StringBuilder();
        boolean dynamic = template.dynamic();
        boolean quoted = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\'') {
                if (i + 1 < p.length() && p.charAt(i + 1) == '\'') {
                    sb.append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                }
                continue;
            }
            int close = c == '{' && !quoted ? p.indexOf('}', i) : -1;
            if (close < 0) {
                sb.append(c);
                continue;
            }
            String spec = p.substring(i + 1, close).strip();
            int comma = spec.indexOf(',');
            String index = comma < 0 ? spec : spec.substring(0, comma).strip();
            if (!index.matches("\\d{1,2}")) {
                return null; // no pattern MessageFormat would accept
            }
            int k = Integer.parseInt(index);
            Folded arg = k < args.size() ? foldKnown(args.get(k), before + sb) : null;
            if (arg == null) {
                arg = placeholder(before + sb);
            }
            String joined = join(sb.toString(), arg.text());
            sb.setLength(0);
            sb.append(joined);
            dynamic |= arg.dynamic();
            // what follows a placeholder stays a word of its own: "{0}triggers" is an unknown prefix and a name
            if (arg.dynamic() && close + 1 < p.length() && isNamePart(p.charAt(close + 1))) {
                sb.append(' ');
            }
            i = close;
        }
        return new Folded(sb.toString(), dynamic, template.conditional());
    }

    /**
     * {@code Sqls.selectByXid(table)}: a static method of another file of the tree that returns a query built from its
     * parameters ({@link ProjectConstants#template}). Its declaration is folded here, each argument known at the call
     * standing for its parameter; the result is kept when at most a table name and bind values stay unknown.
     */
    private Folded foldTemplateCall(MethodCallExpr call, String before) {
        Expression scope = call.getScope().get();
        String type = scope instanceof NameExpr n ? n.getNameAsString()
                : scope instanceof FieldAccessExpr fa ? fa.getNameAsString() : null;
        if (type == null || type.isEmpty() || !Character.isUpperCase(type.charAt(0)) || fields.containsKey(type)
                || project == null || depth >= MAX_TEMPLATE_DEPTH) {
            return null;
        }
        return foldTemplate(call, project.template(type, call.getNameAsString(), call.getArguments().size()), before);
    }

    /**
     * {@code rtp(SELECT_TRIGGER)} in a subclass, the method declared by a class it extends in another file: the
     * nearest declaration, folded as {@link #foldTemplateCall} folds a static one. Only when this file declares no
     * method of that name and arity (its own would run, or override).
     */
    private Folded foldInheritedCall(MethodCallExpr call, String before) {
        TypeDeclaration<?> owner = enclosingType(call);
        if (project == null || depth >= MAX_TEMPLATE_DEPTH
                || !(owner instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c)
                || c.getExtendedTypes().isEmpty()) {
            return null;
        }
        int arity = call.getArguments().size();
        for (com.github.javaparser.ast.body.MethodDeclaration m : Nodes.all(unit,
                com.github.javaparser.ast.body.MethodDeclaration.class)) {
            if (m.getNameAsString().equals(call.getNameAsString()) && m.getParameters().size() == arity) {
                return null;
            }
        }
        return foldTemplate(call, project.inheritedTemplate(c.getExtendedTypes().get(0).getNameAsString(),
                call.getNameAsString(), arity), before);
    }

    private Folded foldTemplate(MethodCallExpr call, Optional<String> source, String before) {
        com.github.javaparser.ast.body.MethodDeclaration method = source.map(templates::parse).orElse(null);
        if (method == null || !active.add(method)) {
            return null;
        }
        try {
            return inline(call, method, templates.folder(method, project, depth + 1), before);
        } finally {
            active.remove(method);
        }
    }

    private Folded format(Folded template, List<Expression> args) {
        var m = FORMAT_SPEC.matcher(template.text());
        StringBuilder sb = new StringBuilder();
        int argIndex = 0;
        boolean dynamic = template.dynamic();
        int last = 0;
        while (m.find()) {
            sb.append(template.text(), last, m.start());
            last = m.end();
            String spec = m.group();
            if (spec.equals("%%")) {
                sb.append('%');
                continue;
            }
            if (spec.equals("%n")) {
                sb.append('\n');
                continue;
            }
            Folded arg = argIndex < args.size() ? foldKnown(args.get(argIndex), sb.toString()) : null;
            argIndex++;
            if (arg == null) {
                arg = placeholder(sb.toString());
            }
            sb.append(arg.text());
            dynamic |= arg.dynamic();
        }
        sb.append(template.text().substring(last));
        return new Folded(sb.toString(), dynamic, template.conditional());
    }

    private Folded resolveName(NameExpr n, String before) {
        String name = n.getNameAsString();
        Optional<Node> scope = enclosingBody(n);
        if (scope.isPresent()) {
            Folded local = resolveLocal(name, n, scope.get(), before);
            // a lambda's body may read a local of the method around it ({@code session -> session
            // .createNativeQuery(sql)}): captured, so effectively final, and declared before the lambda
            for (Node body = scope.get(); local == null && body instanceof LambdaExpr lambda
                    && lambda.getParameters().stream().noneMatch(p -> p.getNameAsString().equals(name)); ) {
                body = enclosingBody(body).orElse(null);
                if (body == null) {
                    break;
                }
                local = resolveLocal(name, n, body, before);
            }
            if (local != null) {
                return local;
            }
            if (isParameter(name, n)) {
                return boundParameter(name, n); // a parameter: unknown, unless an inlined call passes a known text
            }
        }
        Folded field = resolveField(name, enclosingType(n), before);
        if (field != null) {
            return field;
        }
        Optional<String> found = project.lookupStatic(name, unit);
        // a constant of an interface the class implements (or a class it extends) in another file of the tree
        for (TypeDeclaration<?> t = enclosingType(n); found.isEmpty() && t != null; t = enclosingType(t)) {
            if (t instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c) {
                for (var parent : c.getImplementedTypes()) {
                    found = found.or(() -> project.lookup(parent.getNameAsString(), name, unit));
                }
                for (var parent : c.getExtendedTypes()) {
                    found = found.or(() -> project.lookup(parent.getNameAsString(), name, unit));
                }
            }
        }
        return found.map(text -> new Folded(text, text.contains(ConstantFolderSupport.DYNAMIC), false)).orElse(null);
    }

    private static boolean isParameter(String name, Node from) {
        for (Node p = from; p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> c) {
                return c.getParameters().stream().anyMatch(param -> param.getNameAsString().equals(name));
            }
            if (p instanceof LambdaExpr l && l.getParameters().stream().anyMatch(param -> param.getNameAsString().equals(name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A field of the file: the one declared by {@code owner} (or its enclosing types) when there is one,
     * from its initializer or, failing that, from what a constructor assigns it
     * ({@code this.schema = sb.toString()}).
     */
    private Folded resolveField(String name, TypeDeclaration<?> owner, String before) {
        List<VariableDeclarator> candidates = fields.get(name);
        if (candidates == null) {
            return null;
        }
        VariableDeclarator field = candidates.get(0);
        for (TypeDeclaration<?> t = owner; t != null; t = enclosingType(t)) {
            TypeDeclaration<?> type = t;
            Optional<VariableDeclarator> own = candidates.stream()
                    .filter(v -> v.findAncestor(TypeDeclaration.class).orElse(null) == type).findFirst();
            if (own.isPresent()) {
                field = own.get();
                break;
            }
        }
        if (changesAtRunTime(field)) {
            return null;
        }
        // a template the class fills in once (selectorSql = MessageFormat.format(selectorSql, table, id)): the filled
        // text is what its queries run, each filling over the one before it, down to the initializer
        List<AssignExpr> fillings = fillings(field);
        for (int i = fillings.size() - 1; i >= 0; i--) {
            Expression filled = fillings.get(i).getValue();
            if (active.add(filled)) {
                try {
                    return foldKnown(filled, before);
                } finally {
                    active.remove(filled);
                }
            }
        }
        Expression value = field.getInitializer().orElse(null);
        if (value == null) {
            value = constructorAssignment(field).orElse(null);
        }
        if (value == null || !active.add(value)) {
            return null;
        }
        try {
            return foldKnown(value, before);
        } finally {
            active.remove(value);
        }
    }

    /**
     * Annotations through which a framework sets a field at run time (Spring's {@code @Value}, MicroProfile's
     * {@code @ConfigProperty}, Micronaut's {@code @Property}, injection, Maven's and picocli's parameters): the
     * initializer of such a field is only its default.
     */
    private static final Set<String> SET_AT_RUN_TIME = Set.of("Value", "ConfigProperty", "Property", "Inject", "Autowired",
            "Resource", "Parameter", "Option");

    /**
     * Whether a field that is not final is set by a framework at run time ({@code @Value("${schema}") String schema
     * = ""}): what it starts with is only a default. A field that a method of its own class assigns keeps its
     * initializer as its most likely value (Quartz's {@code tablePrefix = "QRTZ_"}, which {@code initialize()} may
     * change): the table names in the messages are worth more than an unknown part.
     */
    private static boolean changesAtRunTime(VariableDeclarator field) {
        if (!(field.getParentNode().orElse(null) instanceof FieldDeclaration declaration) || declaration.isFinal()) {
            return false;
        }
        return declaration.getAnnotations().stream().anyMatch(a -> SET_AT_RUN_TIME.contains(a.getName().getIdentifier()));
    }

    /** The calls that fill a template in: a format or a replacement whose template is the text they are called on. */
    private static final Set<String> FILLING_CALLS = Set.of("format", "formatted", "replace", "replaceAll");

    /**
     * The assignments of a field that is not final to a filling of its own text ({@code sql = MessageFormat.format(sql,
     * params)}, {@code sql = sql.replace("#", timeout)}), in the order of the type's text.
     */
    private List<AssignExpr> fillings(VariableDeclarator field) {
        if (!(field.getParentNode().orElse(null) instanceof FieldDeclaration declaration) || declaration.isFinal()) {
            return List.of();
        }
        return fillingsByField.computeIfAbsent(field, ConstantFolder::findFillings);
    }

    /** {@link #fillings} of each field asked about: a walk of its type's tree once per field. */
    private final Map<VariableDeclarator, List<AssignExpr>> fillingsByField = new java.util.IdentityHashMap<>();

    private static List<AssignExpr> findFillings(VariableDeclarator field) {
        Optional<TypeDeclaration> type = field.findAncestor(TypeDeclaration.class);
        if (type.isEmpty()) {
            return List.of();
        }
        String name = field.getNameAsString();
        List<AssignExpr> found = new ArrayList<>();
        for (AssignExpr a : Nodes.all(type.get(), AssignExpr.class)) {
            String target = a.getTarget().toString();
            if (a.getOperator() == AssignExpr.Operator.ASSIGN && (target.equals(name) || target.equals("this." + name))
                    && a.getValue() instanceof MethodCallExpr call && FILLING_CALLS.contains(call.getNameAsString())
                    && fills(call, name)) {
                found.add(a);
            }
        }
        return found;
    }

    /** Whether a call fills in the field's own text: its receiver, or its first argument for a static format. */
    private static boolean fills(MethodCallExpr call, String name) {
        Optional<Expression> scope = call.getScope();
        boolean staticFormat = call.getNameAsString().equals("format") && scope.isPresent()
                && scope.get().toString().matches("(java\\.text\\.)?MessageFormat|String");
        Expression template = staticFormat ? call.getArguments().isEmpty() ? null : call.getArguments().get(0)
                : scope.orElse(null);
        String text = template == null ? "" : template.toString();
        return text.equals(name) || text.equals("this." + name);
    }

    /** What the declaring type's constructors assign to a field without initializer (the first such assignment). */
    private static Optional<Expression> constructorAssignment(VariableDeclarator field) {
        Optional<TypeDeclaration> type = field.findAncestor(TypeDeclaration.class);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String name = field.getNameAsString();
        for (Object member : type.get().getMembers()) {
            if (member instanceof com.github.javaparser.ast.body.ConstructorDeclaration constructor) {
                for (AssignExpr a : constructor.findAll(AssignExpr.class)) {
                    String target = a.getTarget().toString();
                    if (a.getOperator() == AssignExpr.Operator.ASSIGN
                            && (target.equals(name) || target.equals("this." + name))) {
                        return Optional.of(a.getValue());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static TypeDeclaration<?> enclosingType(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> t) {
                return t;
            }
        }
        return null;
    }

    private TypeDeclaration<?> typeNamed(String simpleName) {
        for (TypeDeclaration<?> t : Nodes.all(unit, TypeDeclaration.class)) {
            if (t.getNameAsString().equals(simpleName)) {
                return t;
            }
        }
        return null;
    }

    /**
     * {@code rm.schema()} or {@code schema()}: a method of this file without parameters whose body
     * returns a text ({@code return " r.id, r.name from m_rate r ";}, or a builder's {@code toString()}).
     * The receiver's declared type, or the calling type, picks among methods of the same name.
     */
    private Folded foldZeroArgumentMethod(MethodCallExpr call, String before) {
        String name = call.getNameAsString();
        List<com.github.javaparser.ast.body.MethodDeclaration> candidates = new ArrayList<>();
        for (com.github.javaparser.ast.body.MethodDeclaration m : Nodes.all(unit, com.github.javaparser.ast.body.MethodDeclaration.class)) {
            if (m.getNameAsString().equals(name) && m.getParameters().isEmpty() && m.getBody().isPresent()
                    && CallSites.simpleType(m.getType()).matches("String|CharSequence|StringBuilder")) {
                candidates.add(m);
            }
        }
        TypeDeclaration<?> owner = call.getScope().isPresent() ? receiverType(call.getScope().get()) : enclosingType(call);
        if (candidates.isEmpty() || owner == null && call.getScope().isPresent()) {
            // a mapper of another file: rm.schema() with rm declared as a type the first pass indexed
            String type = call.getScope().map(this::receiverTypeName).orElse(null);
            return type == null ? null : project.methodText(type, name)
                    .map(text -> new Folded(text, text.contains(ConstantFolderSupport.DYNAMIC), false)).orElse(null);
        }
        com.github.javaparser.ast.body.MethodDeclaration method = candidates.get(0);
        for (com.github.javaparser.ast.body.MethodDeclaration m : candidates) {
            if (owner != null && m.findAncestor(TypeDeclaration.class).orElse(null) == owner) {
                method = m;
            }
        }
        if (owner == null && (candidates.size() > 1 || call.getScope().isPresent())) {
            return null; // nothing says which method runs: another type's, or one of several
        }
        if (!active.add(method)) {
            return null;
        }
        try {
            List<com.github.javaparser.ast.stmt.ReturnStmt> returns = method.findAll(com.github.javaparser.ast.stmt.ReturnStmt.class);
            if (returns.isEmpty() || returns.get(0).getExpression().isEmpty()) {
                return null;
            }
            Folded f = foldKnown(returns.get(0).getExpression().get(), before);
            return f == null ? null : new Folded(f.text(), f.dynamic(), f.conditional() || returns.size() > 1);
        } finally {
            active.remove(method);
        }
    }

    /**
     * A call of a method of the calling class (or a class around it) that takes arguments and returns one text
     * ({@code getOrgUnitTablesUids(username, "usermembership")}): its return, folded with each argument known here
     * standing for its parameter; an argument not known leaves its parameter unknown, as before. One method of
     * that name and arity only, with one {@code return}: otherwise nothing says which text runs.
     */
    private Folded foldCallWithArguments(MethodCallExpr call, String before) {
        com.github.javaparser.ast.body.MethodDeclaration method = ownMethod(call);
        if (method == null || !CallSites.simpleType(method.getType()).matches("String|CharSequence") || !active.add(method)) {
            return null;
        }
        try {
            return inline(call, method, this, before);
        } finally {
            active.remove(method);
        }
    }

    /**
     * The method a call without a receiver runs: the one of that name and arity, with a body and no varargs, that
     * the file declares in the calling class or a class around it; null when there is none, or several (overloads
     * of one arity: which runs depends on the argument types).
     */
    private com.github.javaparser.ast.body.MethodDeclaration ownMethod(MethodCallExpr call) {
        String name = call.getNameAsString();
        int arity = call.getArguments().size();
        com.github.javaparser.ast.body.MethodDeclaration found = null;
        for (com.github.javaparser.ast.body.MethodDeclaration m : Nodes.all(unit, com.github.javaparser.ast.body.MethodDeclaration.class)) {
            if (m.getNameAsString().equals(name) && m.getParameters().size() == arity) {
                if (found != null) {
                    return null;
                }
                found = m;
            }
        }
        return found == null || found.getBody().isEmpty() || found.getParameters().stream().anyMatch(p -> p.isVarArgs())
                || !enclosesCall(found.findAncestor(TypeDeclaration.class).orElse(null), call) ? null : found;
    }

    /**
     * The one text a method returns, folded by the folder of its declaration with each argument of the call that is
     * known here standing for its parameter (an argument not known leaves its parameter unknown). A text whose
     * structure is still unknown (a column, a clause built elsewhere) is no better than the call unread: only unknown
     * values (a bind value, a quoted literal) and a table's name may remain.
     */
    private Folded inline(MethodCallExpr call, com.github.javaparser.ast.body.MethodDeclaration method,
                          ConstantFolder declaring, String before) {
        List<com.github.javaparser.ast.stmt.ReturnStmt> returns = Trees.ownReturns(method);
        if (returns.size() != 1 || returns.get(0).getExpression().isEmpty()) {
            return null;
        }
        Map<String, Folded> bound = new HashMap<>();
        for (int i = 0; i < call.getArguments().size(); i++) {
            Folded argument = foldKnown(call.getArguments().get(i), "");
            if (argument != null && !argument.dynamic()) {
                bound.put(method.getParameter(i).getNameAsString(), argument);
            }
        }
        declaring.bindings.put(method, bound);
        try {
            Folded f = declaring.foldKnown(returns.get(0).getExpression().get(), before);
            return f == null || unknownClause(f.text()) ? null : f;
        } finally {
            declaring.bindings.remove(method);
        }
    }

    private static final Set<String> TABLE_WORDS = Set.of("from", "join", "into", "update", "table");

    /**
     * Whether a placeholder stands outside a quoted literal, and not where a table is named: some column or clause is
     * unknown ({@code "SELECT * FROM " + table + " WHERE xid = ?"} knows all but the table).
     */
    static boolean unknownClause(String text) {
        return !everyUnknownAfter(text, (t, at) -> {
            int end = at;
            while (end > 0 && Character.isWhitespace(t.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && isNamePart(t.charAt(start - 1))) {
                start--;
            }
            return TABLE_WORDS.contains(t.substring(start, end).toLowerCase(java.util.Locale.ROOT));
        });
    }

    /** Whether every placeholder outside a quoted literal passes {@code allowed}, given the text and where it starts. */
    static boolean everyUnknownAfter(String text, java.util.function.BiPredicate<String, Integer> allowed) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && text.startsWith(ConstantFolderSupport.DYNAMIC, i)) {
                if (!allowed.test(text, i)) {
                    return false;
                }
                i += ConstantFolderSupport.DYNAMIC.length() - 1;
            }
        }
        return true;
    }

    /** Whether the call is made inside that type (or a type within it): the method is the caller's own. */
    private static boolean enclosesCall(TypeDeclaration<?> type, Node call) {
        return type != null && call.isDescendantOf(type);
    }

    /** The argument an inlined call passes for a parameter of that name, when it is known. */
    private Folded boundParameter(String name, Node from) {
        if (bindings.isEmpty()) {
            return null;
        }
        for (Node p = from; p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> c) {
                Map<String, Folded> bound = bindings.get(c);
                return bound == null ? null : bound.get(name);
            }
            if (p instanceof LambdaExpr l && l.getParameters().stream().anyMatch(param -> param.getNameAsString().equals(name))) {
                return null;
            }
        }
        return null;
    }

    /** The type of this file a receiver is declared with ({@code final RateMapper rm = new RateMapper()}), if any. */
    private TypeDeclaration<?> receiverType(Expression scope) {
        if (scope.isThisExpr()) {
            return enclosingType(scope);
        }
        String name = receiverTypeName(scope);
        return name == null ? null : typeNamed(name);
    }

    /** The simple name of the type a receiver is declared with ({@code rm}, {@code this.mapper}, {@code new X()}). */
    private String receiverTypeName(Expression scope) {
        String variable = scope.isNameExpr() ? scope.asNameExpr().getNameAsString()
                : scope.isFieldAccessExpr() && scope.asFieldAccessExpr().getScope().isThisExpr()
                ? scope.asFieldAccessExpr().getNameAsString() : null;
        if (variable == null) {
            return scope.isObjectCreationExpr() ? scope.asObjectCreationExpr().getType().getNameAsString() : null;
        }
        Optional<Node> body = enclosingBody(scope);
        List<VariableDeclarator> declarations = new ArrayList<>();
        body.ifPresent(b -> b.findAll(VariableDeclarator.class).stream()
                .filter(v -> v.getNameAsString().equals(variable)).forEach(declarations::add));
        declarations.addAll(fields.getOrDefault(variable, List.of()));
        String fallback = null;
        for (VariableDeclarator v : declarations) {
            String type = CallSites.simpleType(v.getType());
            if (type.equals("var") && v.getInitializer().orElse(null) instanceof ObjectCreationExpr creation) {
                type = creation.getType().getNameAsString();
            }
            if (typeNamed(type) != null) {
                return type;
            }
            if (fallback == null && !type.equals("var")) {
                fallback = type;
            }
        }
        return fallback;
    }

    /** First pass: what a method without parameters returns, when it is a text (for other files' calls). */
    Optional<Folded> foldReturn(com.github.javaparser.ast.body.MethodDeclaration method) {
        List<com.github.javaparser.ast.stmt.ReturnStmt> returns = method.findAll(com.github.javaparser.ast.stmt.ReturnStmt.class);
        if (returns.size() != 1 || returns.get(0).getExpression().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(foldKnown(returns.get(0).getExpression().get(), "")).map(ConstantFolder::connectors);
    }

    private static Optional<Node> enclosingBody(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * A local variable: its initializer plus the {@code +=} and {@code append} that come before the
     * use, in source order; those inside an {@code if} make the text conditional.
     */
    private Folded resolveLocal(String name, NameExpr use, Node body, String before) {
        VariableDeclarator declarator = null;
        for (VariableDeclarator v : Nodes.all(body, VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name) && before(v, use)) {
                declarator = v;
            }
        }
        if (declarator == null || !active.add(declarator)) {
            return null;
        }
        try {
            if (declarator.getInitializer().isEmpty()) {
                // String sql; if (...) sql = "..."; else sql = "...";
                List<AssignExpr> assigns = new ArrayList<>();
                for (AssignExpr a : Nodes.all(body, AssignExpr.class)) {
                    if (a.getTarget().toString().equals(name) && a.getOperator() == AssignExpr.Operator.ASSIGN
                            && before(a, use) && !otherBranch(a, use)) {
                        assigns.add(a);
                    }
                }
                if (assigns.isEmpty()) {
                    return null;
                }
                Folded first = foldKnown(assigns.get(0).getValue(), before);
                return first == null ? null : new Folded(first.text(), first.dynamic(), assigns.size() > 1);
            }
            Expression init = declarator.getInitializer().get();
            ObjectCreationExpr creation = builderCreation(init);
            if (creation != null) {
                return foldBuilder(new NameExpr(name), use, body, creation);
            }
            Folded value = foldKnown(init, before);
            if (value == null) {
                return null;
            }
            // String sql = "SELECT .. FROM t" + where + " ORDER BY id": the initializer's WHERE may vanish, unless a
            // later append adds to it
            boolean initialWhereMayVanish = value.filterConditional();
            StringBuilder skeleton = new StringBuilder(value.text());
            for (AssignExpr a : Nodes.all(body, AssignExpr.class)) {
                if (!a.getTarget().toString().equals(name) || !before(a, use) || otherBranch(a, use)) {
                    continue;
                }
                Boolean fits = connectorFits(a, name, value.text());
                if (fits != null ? !fits : laterBranch(a, body, name, use)) {
                    continue;
                }
                List<Expression> appended = selfAppend(a, name);
                if (appended != null) {
                    Folded part = new Folded("", false, false);
                    for (Expression e : appended) {
                        part = part.append(foldOrPlaceholder(e, before + value.text() + part.text()));
                    }
                    boolean conditional = insideBranch(a, body, use);
                    if (conditional && optionalBound(a, part.text(), value.text()) != null) {
                        value = new Folded(value.text(), value.dynamic(), true);
                        continue;
                    }
                    skeleton.append(conditional ? CONDITIONAL_PART : part.text());
                    value = new Folded(join(value.text(), part.text()), value.dynamic() || part.dynamic(),
                            value.conditional() || conditional);
                } else if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
                    Folded replaced = foldKnown(a.getValue(), before);
                    if (replaced == null) {
                        return null;
                    }
                    value = new Folded(replaced.text(), replaced.dynamic(), true);
                    skeleton = new StringBuilder(replaced.text());
                }
            }
            boolean unchanged = skeleton.toString().equals(value.text());
            return new Folded(value.text(), value.dynamic(), value.conditional(),
                    conditionalWhere(skeleton, value.text()) || initialWhereMayVanish && unchanged);
        } finally {
            active.remove(declarator);
        }
    }

    private static boolean isBuilder(ObjectCreationExpr creation) {
        String type = creation.getType().getNameAsString();
        return type.equals("StringBuilder") || type.equals("StringBuffer") || type.equals("StringJoiner");
    }

    /** The builder an initializer makes: {@code new StringBuilder(BASE)}, alone or with appends chained on it. */
    private static ObjectCreationExpr builderCreation(Expression init) {
        Expression e = init;
        while (e instanceof MethodCallExpr m && m.getNameAsString().equals("append")) {
            e = m.getScope().orElse(null);
        }
        return e instanceof ObjectCreationExpr c && isBuilder(c) ? c : null;
    }

    /** Whether a call is chained on that very object ({@code new StringBuilder(BASE).append(" WHERE 1=1")}). */
    private static boolean chainedOn(MethodCallExpr call, ObjectCreationExpr creation) {
        return Trees.chainRoot(call) == creation;
    }

    private Folded foldBuilder(NameExpr name, MethodCallExpr toStringCall) {
        Optional<Node> body = enclosingBody(toStringCall);
        if (body.isEmpty()) {
            return null;
        }
        for (VariableDeclarator v : Nodes.all(body.get(), VariableDeclarator.class)) {
            ObjectCreationExpr c = v.getInitializer().map(ConstantFolder::builderCreation).orElse(null);
            if (v.getNameAsString().equals(name.getNameAsString()) && c != null) {
                return foldBuilder(name, toStringCall, body.get(), c);
            }
        }
        return null;
    }

    private Folded foldBuilder(NameExpr name, Node use, Node body, ObjectCreationExpr creation) {
        // query = new StringBuilder(); or query.setLength(0): the text the use sees starts there
        Node restart = null;
        ObjectCreationExpr restartedWith = null;
        String variable = name.getNameAsString();
        for (AssignExpr a : Nodes.all(body, AssignExpr.class)) {
            ObjectCreationExpr c = a.getOperator() == AssignExpr.Operator.ASSIGN && a.getTarget() instanceof NameExpr t
                    && t.getNameAsString().equals(variable) ? builderCreation(a.getValue()) : null;
            if (c != null && before(a, use) && !a.containsWithinRange(use) && !otherBranch(a, use)
                    && !insideBranch(a, body, use) && (restart == null || before(restart, a))) {
                restart = a;
                restartedWith = c;
            }
        }
        for (MethodCallExpr call : Nodes.all(body, MethodCallExpr.class)) {
            if (call.getNameAsString().equals("setLength") && call.getArguments().size() == 1
                    && call.getArguments().get(0) instanceof IntegerLiteralExpr zero && zero.asNumber().intValue() == 0
                    && call.getScope().map(sc -> sc instanceof NameExpr n && n.getNameAsString().equals(variable)).orElse(false)
                    && before(call, use) && !otherBranch(call, use) && !insideBranch(call, body, use)
                    && (restart == null || before(restart, call))) {
                restart = call;
                restartedWith = null;
            }
        }
        return foldBuilder(name, use, body, restart == null ? creation : restartedWith, restart);
    }

    /**
     * @param creation the builder's creation, or null when it was emptied ({@code setLength(0)})
     * @param from     where the text starts again (a new builder in the variable, or emptied), or null
     */
    private Folded foldBuilder(NameExpr name, Node use, Node body, ObjectCreationExpr creation, Node from) {
        Folded value = new Folded("", false, false);
        String type = creation == null ? "StringBuilder" : creation.getType().getNameAsString();
        String separator = null;
        String joinerSuffix = "";
        if (creation != null && !creation.getArguments().isEmpty()) {
            Expression argument = creation.getArguments().get(0);
            // new StringBuilder(256) is a capacity, not a text
            Folded init = argument instanceof IntegerLiteralExpr ? null : foldKnown(argument, "");
            if (type.equals("StringJoiner")) {
                separator = init == null ? " " : init.text();
                if (creation.getArguments().size() == 3) {
                    // new StringJoiner(" AND ", " WHERE ", ""): the prefix before the first part, the suffix after the
                    // last (with setEmptyValue(""), no prefix when nothing was added: the parts decide, as they do)
                    Folded prefix = foldKnown(creation.getArguments().get(1), "");
                    Folded suffix = foldKnown(creation.getArguments().get(2), "");
                    if (prefix != null && suffix != null) {
                        value = prefix;
                        joinerSuffix = suffix.text();
                    }
                }
            } else if (init != null) {
                value = init;
            } else if (unknownText(argument)) {
                value = placeholder(""); // new StringBuilder(mapper.schema(true)): an unknown start
            }
        }
        String variable = name.getNameAsString();
        List<MethodCallExpr> calls = new ArrayList<>();
        for (MethodCallExpr call : Nodes.all(body, MethodCallExpr.class)) {
            if (from != null && !before(from, call)) {
                continue; // built before the text started again
            }
            if (before(call, use) && (rootIs(call, variable) || creation != null && chainedOn(call, creation))
                    && !otherBranch(call, use)) {
                calls.add(call);
            } else if (before(call, use) && passes(call, variable) && !otherBranch(call, use)
                    && !call.containsWithinRange(use)) { // sql.append(where) uses where, adds nothing to it
                calls.add(call); // searchUtil.buildCondition(..., sql, ...): appends we cannot see
            }
        }
        // sb.append(a).append(b): the inner call comes first in the text, though later in the tree walk
        calls.sort((a, b) -> a.getName().getBegin().get().compareTo(b.getName().getBegin().get()));
        Appends appends = new Appends(value, separator);
        for (MethodCallExpr call : calls) {
            String method = call.getNameAsString();
            if (!rootIs(call, variable) && (creation == null || !chainedOn(call, creation))) {
                Helper helper = separator == null ? Helper.of(call, variable, ownMethod(call)) : null;
                if (helper != null) {
                    // appendCriteria(sql, args, c): the class's own helper appends to the builder it is handed
                    boolean called = insideBranch(call, body, use);
                    for (MethodCallExpr inner : helper.appends()) {
                        appends.add(inner, helper.parameter(), helper.body(), helper.body(), called);
                    }
                    continue;
                }
                Folded unknown = placeholder(appends.value.text());
                appends.skeleton.append(unknown.text());
                appends.value = new Folded(join(appends.value.text(), unknown.text()), true, appends.value.conditional());
                continue;
            }
            if ((method.equals("deleteCharAt") || method.equals("setLength")) && call.getArguments().size() == 1) {
                int cut = trailingCut(call.getArguments().get(0), variable, method);
                Folded v = appends.value;
                if (cut > 0 && v.text().length() >= cut) {
                    appends.value = new Folded(v.text().substring(0, v.text().length() - cut), v.dynamic(), v.conditional());
                    appends.skeleton.setLength(Math.max(0, appends.skeleton.length() - cut));
                }
                continue;
            }
            if ((method.equals("append") || method.equals("add")) && call.getArguments().size() == 1) {
                appends.add(call, variable, body, use, false);
            }
        }
        value = appends.value;
        StringBuilder skeleton = appends.skeleton;
        StringBuilder sometimes = appends.sometimes;
        if (!joinerSuffix.isEmpty()) {
            value = new Folded(join(value.text(), joinerSuffix), value.dynamic(), value.conditional());
            skeleton.append(joinerSuffix);
        }
        // if (id != null) sql.append(" AND id = ?"): a key compared only sometimes makes no key lookup
        Set<String> optional = sometimes.isEmpty() ? Set.of() : Equalities.columns(sometimes);
        if (!optional.isEmpty()) {
            optional = new java.util.TreeSet<>(optional);
            optional.removeAll(Equalities.columns(skeleton));
        }
        return new Folded(value.text(), value.dynamic(), value.conditional(), conditionalWhere(skeleton, value.text()),
                optional);
    }

    /**
     * Whether the outer WHERE clause of a text built in steps holds nothing but parts added under a
     * condition ({@code WHERE 1=1} then {@code if (x) sql.append(" AND x = ?")}): the query may run
     * unfiltered. The skeleton holds the unconditional text with a marker for each conditional part.
     */
    static boolean conditionalWhere(CharSequence skeleton, String text) {
        // a connector helper's mark stands for its first word where it first appears ({@link #connectors})
        String s = writeConnectors(skeleton.toString());
        text = writeConnectors(text);
        Matcher where = WHERE_WORD.matcher(s);
        int at = -1;
        while (where.find()) {
            at = where.end();
        }
        if (at < 0) {
            // the WHERE itself is added under a condition, after a FROM that is not (when the whole statement is
            // written in a loop's body, one SELECT per pass joined by UNION, its WHERE comes with it)
            return s.indexOf(CONDITIONAL_PART) >= 0 && WHERE_WORD.matcher(text).find() && FROM_WORD.matcher(s).find();
        }
        String clause = s.substring(at);
        Matcher end = CLAUSE_END.matcher(clause);
        if (end.find()) {
            clause = clause.substring(0, end.start());
        }
        return clause.indexOf(CONDITIONAL_PART) >= 0 && TRIVIAL.matcher(clause.replace(CONDITIONAL_PART, ' ')).matches();
    }

    /** Whether a builder's constructor argument is an unknown text rather than a capacity. */
    private static boolean unknownText(Expression argument) {
        if (argument instanceof MethodCallExpr m) {
            return !m.getNameAsString().matches("length|size|.*(?i:capacity).*");
        }
        if (argument instanceof NameExpr n) {
            return !n.getNameAsString().matches("[A-Z0-9_]+|.*(?i:capacity|size|length|count).*");
        }
        return argument instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
                && b.toString().contains("\"");
    }

    /**
     * {@code sb.deleteCharAt(sb.length() - 1)} and {@code sb.setLength(sb.length() - n)}: how many
     * characters they cut from the end (a trailing comma or AND), 0 when the form is another.
     */
    private static int trailingCut(Expression argument, String variable, String method) {
        if (argument instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.MINUS
                && b.getLeft() instanceof MethodCallExpr length && length.getNameAsString().equals("length")
                && length.getScope().map(sc -> sc.toString().equals(variable)).orElse(false)
                && b.getRight() instanceof IntegerLiteralExpr n) {
            return method.equals("deleteCharAt") ? 1 : n.asNumber().intValue();
        }
        return 0;
    }

    /**
     * Whether a part sits in the {@code else} of an {@code if} (or a later {@code case} of a switch)
     * whose first branch already builds the same variable: one branch at a time, the first standing
     * for the others, or the text would hold {@code ORDER BY a ORDER BY b}.
     */
    private static boolean laterBranch(Node node, Node body, String variable, Node use) {
        Node child = node;
        for (Node p = node.getParentNode().orElse(null); p != null && p != body; child = p, p = p.getParentNode().orElse(null)) {
            if (child.containsWithinRange(use)) {
                return false; // the use is in this branch too: the part reaches it
            }
            if (p instanceof IfStmt i && i.getElseStmt().orElse(null) == child && builds(i.getThenStmt(), variable)) {
                return true;
            }
            if (p instanceof com.github.javaparser.ast.stmt.SwitchStmt sw && child instanceof SwitchEntry entry) {
                for (SwitchEntry e : sw.getEntries()) {
                    if (e == entry) {
                        break;
                    }
                    if (builds(e, variable)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final Pattern LEADING_WHERE = Pattern.compile("(?is)\\s*where\\b.*");
    private static final Pattern LEADING_CONNECTOR = Pattern.compile("(?is)\\s*(and|or)\\b.*");

    /**
     * For an append in a branch of an if/else whose branches each append one literal, a WHERE in one
     * and an AND or OR in the other (code that picks the connector by whether a condition came
     * before): whether it is the branch that fits the text built so far, a WHERE when the select has
     * none yet and the connector once it has. Null when the append is in no such if/else.
     */
    static Boolean connectorFits(Node part, String variable, String soFar) {
        Node child = part;
        for (Node p = part.getParentNode().orElse(null); p != null && !(p instanceof CallableDeclaration<?>);
             child = p, p = p.getParentNode().orElse(null)) {
            if (!(p instanceof IfStmt i) || i.getElseStmt().isEmpty()
                    || (child != i.getThenStmt() && child != i.getElseStmt().get())) {
                continue;
            }
            String then = onlyAppend(i.getThenStmt(), variable);
            String otherwise = onlyAppend(i.getElseStmt().get(), variable);
            if (then == null || otherwise == null) {
                return null;
            }
            boolean thenWhere = LEADING_WHERE.matcher(then).matches();
            boolean elseWhere = LEADING_WHERE.matcher(otherwise).matches();
            if (!(thenWhere && LEADING_CONNECTOR.matcher(otherwise).matches())
                    && !(elseWhere && LEADING_CONNECTOR.matcher(then).matches())) {
                return null;
            }
            boolean mineIsWhere = child == i.getThenStmt() ? thenWhere : elseWhere;
            return mineIsWhere != hasWhere(soFar);
        }
        return null;
    }

    /**
     * The literal of the one append to the variable a branch makes ({@code sb.append(" and")} or
     * {@code sql += " and"}), or null when it changes the variable otherwise or more than once. What
     * it does to other variables (a count query built alongside) does not matter.
     */
    private static String onlyAppend(Node branch, String variable) {
        List<MethodCallExpr> calls = new ArrayList<>();
        for (MethodCallExpr c : Nodes.all(branch, MethodCallExpr.class)) {
            if (rootIs(c, variable)) {
                calls.add(c);
            }
        }
        List<AssignExpr> assigns = new ArrayList<>();
        for (AssignExpr a : Nodes.all(branch, AssignExpr.class)) {
            if (a.getTarget().toString().equals(variable)) {
                assigns.add(a);
            }
        }
        if (calls.size() == 1 && assigns.isEmpty() && calls.get(0).getNameAsString().equals("append")
                && calls.get(0).getArguments().size() == 1
                && calls.get(0).getArguments().get(0) instanceof StringLiteralExpr literal) {
            return literal.asString();
        }
        if (assigns.size() == 1 && calls.isEmpty() && assigns.get(0).getOperator() == AssignExpr.Operator.PLUS
                && assigns.get(0).getValue() instanceof StringLiteralExpr literal) {
            return literal.asString();
        }
        return null;
    }

    /** Whether the select the text ends in has a WHERE already: one at the depth of the text's end, after its SELECT. */
    static boolean hasWhere(String text) {
        int depth = 0;
        int[] selectAt = new int[64];
        int[] whereAt = new int[64];
        java.util.Arrays.fill(selectAt, -1);
        java.util.Arrays.fill(whereAt, -1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = text.indexOf(c, i + 1);
                i = close < 0 ? text.length() : close;
                continue;
            }
            if (c == '(') {
                depth = Math.min(depth + 1, 63);
                selectAt[depth] = -1;
                whereAt[depth] = -1;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                if (text.regionMatches(true, i, "select", 0, 6) && wordEnds(text, i + 6)) {
                    selectAt[depth] = i;
                    whereAt[depth] = -1;
                } else if (text.regionMatches(true, i, "where", 0, 5) && wordEnds(text, i + 5)) {
                    whereAt[depth] = i;
                }
            }
        }
        return whereAt[depth] >= 0 && whereAt[depth] > selectAt[depth];
    }

    private static boolean wordEnds(String text, int at) {
        return at >= text.length() || !Character.isLetterOrDigit(text.charAt(at)) && text.charAt(at) != '_';
    }

    /** Whether the node appends to or assigns the variable. */
    private static boolean builds(Node node, String variable) {
        for (MethodCallExpr c : node.findAll(MethodCallExpr.class)) {
            if ((c.getNameAsString().equals("append") || c.getNameAsString().equals("add")) && rootIs(c, variable)) {
                return true;
            }
        }
        for (AssignExpr a : node.findAll(AssignExpr.class)) {
            if (a.getTarget().toString().equals(variable)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What an assignment appends to the variable: the value of {@code sql += x}, or the operands after
     * {@code sql} in {@code sql = sql + x + y}; null when it is no append.
     */
    private static List<Expression> selfAppend(AssignExpr a, String name) {
        if (a.getOperator() == AssignExpr.Operator.PLUS) {
            return List.of(a.getValue());
        }
        if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
            return null;
        }
        List<Expression> operands = new ArrayList<>();
        Expression e = a.getValue();
        while (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            operands.add(0, b.getRight());
            e = b.getLeft();
        }
        if (operands.isEmpty() || !(e instanceof NameExpr n) || !n.getNameAsString().equals(name)) {
            return null;
        }
        return operands;
    }

    /** The text of a builder as its appends make it, with the unconditional skeleton and the parts added sometimes. */
    private final class Appends {
        Folded value;
        final StringBuilder skeleton;
        final StringBuilder sometimes = new StringBuilder();
        private final String separator;
        private boolean first = true;
        /** The branch of a bound added only sometimes: what else it appends goes with it. */
        private Node dropped;

        Appends(Folded start, String separator) {
            this.value = start;
            this.skeleton = new StringBuilder(start.text());
            this.separator = separator;
        }

        /**
         * One append to {@code variable} in {@code body} (the method that builds, or a helper it calls), as the text
         * seen at {@code use} holds it; {@code called}: the helper's call itself runs only sometimes.
         */
        void add(MethodCallExpr call, String variable, Node body, Node use, boolean called) {
            if (dropped != null && dropped.containsWithinRange(call)) {
                return; // the rest of a bound appended only sometimes: .append(" LIMIT ").append(size)
            }
            Boolean fits = connectorFits(call, variable, value.text());
            if (fits != null ? !fits : laterBranch(call, body, variable, use)) {
                return;
            }
            Folded part = foldOrPlaceholder(call.getArguments().get(0), value.text());
            boolean conditional = called || insideBranch(call, body, use);
            Node bound = conditional ? optionalBound(call, part.text(), value.text()) : null;
            if (bound != null) {
                dropped = bound;
                value = new Folded(value.text(), value.dynamic(), true);
                return;
            }
            String text = separator != null && !first ? separator + part.text() : part.text();
            first = false;
            skeleton.append(conditional ? CONDITIONAL_PART : text);
            if (conditional) {
                sometimes.append(text).append(' ');
            }
            value = new Folded(join(value.text(), text), value.dynamic() || part.dynamic(), value.conditional() || conditional);
        }
    }

    /**
     * A method of the class that a builder is handed to and that only appends to it ({@code appendCriteria(sql, args,
     * criteria)}, each {@code sql.append(" AND x = ?")} maybe under an {@code if}): its appends in order, its body and
     * the builder's name there. Anything else it does with the builder (hands it on,
     * cuts it, inserts) makes it no such helper: the folder then reads an unknown part, as before.
     */
    private record Helper(List<MethodCallExpr> appends, Node body, String parameter) {

        /** @param method what the call runs ({@link #ownMethod}), or null */
        static Helper of(MethodCallExpr call, String variable, com.github.javaparser.ast.body.MethodDeclaration method) {
            if (method == null
                    || call.getScope().isPresent() && !(call.getScope().get() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
                return null;
            }
            int at = -1;
            for (int i = 0; i < call.getArguments().size(); i++) {
                if (call.getArgument(i) instanceof NameExpr n && n.getNameAsString().equals(variable)) {
                    if (at >= 0) {
                        return null;
                    }
                    at = i;
                }
            }
            if (at < 0) {
                return null;
            }
            int index = at;
            String builderType = method.getParameter(index).getType().asString();
            if (!builderType.equals("StringBuilder") && !builderType.equals("StringBuffer")) {
                return null;
            }
            String parameter = method.getParameter(index).getNameAsString();
            Node body = method.getBody().get();
            List<MethodCallExpr> appends = new ArrayList<>();
            for (NameExpr use : body.findAll(NameExpr.class, n -> n.getNameAsString().equals(parameter))) {
                if (!(use.getParentNode().orElse(null) instanceof MethodCallExpr first) || first.getScope().orElse(null) != use) {
                    return null; // handed on, or assigned
                }
            }
            for (MethodCallExpr inner : body.findAll(MethodCallExpr.class, c -> rootIs(c, parameter))) {
                if (!inner.getNameAsString().equals("append") || inner.getArguments().size() != 1) {
                    return null;
                }
                appends.add(inner);
            }
            if (appends.isEmpty()) {
                return null;
            }
            appends.sort((a, b) -> a.getName().getBegin().get().compareTo(b.getName().getBegin().get()));
            return new Helper(appends, body, parameter);
        }
    }

    /** Whether a call that is no append hands the builder to a method ({@code helper.where(sql, params)}). */
    private static boolean passes(MethodCallExpr call, String variable) {
        if (NOT_BUILDING.contains(call.getNameAsString())) {
            return false;
        }
        return call.getArguments().stream().anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(variable));
    }

    /**
     * Whether a part sits in one branch of an {@code if} and the use in the other, or in a branch
     * that returns or throws before the use: the part never reaches the use
     * ({@code if (a) { sql += x; query(sql); } else { query(sql); }},
     * {@code if (one) { sql += " limit 1"; return query(sql); } return query(sql);}).
     */
    private static boolean otherBranch(Node part, Node use) {
        Node child = part;
        for (Node p = part.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof IfStmt i && i.getElseStmt().isPresent()) {
                boolean partInThen = child == i.getThenStmt();
                boolean partInElse = child == i.getElseStmt().get();
                if (partInThen && i.getElseStmt().get().containsWithinRange(use)
                        || partInElse && i.getThenStmt().containsWithinRange(use)) {
                    return true;
                }
            }
            if (p instanceof IfStmt i && (child == i.getThenStmt() || i.getElseStmt().orElse(null) == child)
                    && !child.containsWithinRange(use) && Trees.endsAbruptly(child)) {
                return true;
            }
            if (p instanceof CallableDeclaration<?>) {
                return false;
            }
        }
        return false;
    }

    /** Whether a call chain {@code sb.append(a).append(b)} starts at the named variable. */
    private static boolean rootIs(MethodCallExpr call, String name) {
        return Trees.chainRoot(call) instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    /** Whether a part is added under a condition (or in a loop) that the use itself is not under. */
    private static boolean insideBranch(Node node, Node body, Node use) {
        for (Node p = node.getParentNode().orElse(null); p != null && p != body; p = p.getParentNode().orElse(null)) {
            if (p.containsWithinRange(use)) {
                return false; // the use sits in the same branch: whenever it runs, so did the part
            }
            if (p instanceof IfStmt || p instanceof SwitchEntry || p instanceof ConditionalExpr) {
                return true;
            }
            if (p instanceof BlockStmt && p.getParentNode().map(pp -> pp instanceof com.github.javaparser.ast.stmt.ForStmt
                    || pp instanceof com.github.javaparser.ast.stmt.ForEachStmt
                    || pp instanceof com.github.javaparser.ast.stmt.WhileStmt).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean before(Node a, Node b) {
        return a.getBegin().isPresent() && b.getBegin().isPresent() && a.getBegin().get().isBefore(b.getBegin().get());
    }

    /** Parses each template ({@link ProjectConstants#template}) once per file: a small class declaring one method. */
    private static final class Templates {
        private final Map<String, com.github.javaparser.ast.body.MethodDeclaration> parsed = new HashMap<>();
        private final Map<com.github.javaparser.ast.body.MethodDeclaration, ConstantFolder> folders =
                new java.util.IdentityHashMap<>();

        com.github.javaparser.ast.body.MethodDeclaration parse(String source) {
            return parsed.computeIfAbsent(source, s -> JavaParsers.newParser().parse(s).getResult()
                    .flatMap(u -> u.findFirst(com.github.javaparser.ast.body.MethodDeclaration.class)).orElse(null));
        }

        ConstantFolder folder(com.github.javaparser.ast.body.MethodDeclaration method, ProjectConstants project, int depth) {
            return folders.computeIfAbsent(method, m -> new ConstantFolder(m.findCompilationUnit().orElseThrow(), project,
                    depth));
        }
    }
}
