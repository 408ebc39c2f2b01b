package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryOrigin;
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
        // Hibernate's legacy Query.iterate(): every row, loaded one by one
        for (String s : List.of("getResultStream", "stream", "scroll", "queryForStream", "iterate")) {
            TERMINALS.put(s, Cardinality.STREAM);
        }
        for (String s : List.of("getSingleResult", "getSingleResultOrNull", "uniqueResult", "single", "singleRow",
                "singleValue", "queryForObject", "queryForMap", "getSingleResultOrNull")) {
            TERMINALS.put(s, Cardinality.SINGLE);
        }
        for (String s : List.of("getResultCount", "getKeyedResultList")) {
            TERMINALS.put(s, s.equals("getResultCount") ? Cardinality.SCALAR : Cardinality.COLLECTION);
        }
        for (String s : List.of("uniqueResultOptional", "optional", "optionalValue")) {
            TERMINALS.put(s, Cardinality.OPTIONAL);
        }
        for (String s : List.of("executeUpdate", "update", "executeLargeUpdate", "executeBatch", "executeLargeBatch")) {
            TERMINALS.put(s, Cardinality.UPDATE_COUNT);
        }
    }

    /** The accessors Spring's DAO support classes give their subclasses, by the type they return. */
    private static final Map<String, String> INHERITED_ACCESSORS = Map.of("getJdbcTemplate", "JdbcTemplate",
            "getNamedParameterJdbcTemplate", "NamedParameterJdbcTemplate", "getHibernateTemplate", "HibernateTemplate");

    /** Whether the file imports Mockito or a mock-bean annotation: only there can a receiver be a mock. */
    boolean mocks() {
        return mocks;
    }

    /** Whether the file imports something of that package ({@code org.sql2o}, {@code io.vertx}). */
    boolean imports(String pkg) {
        return unit.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith(pkg + ".")
                || i.getNameAsString().equals(pkg));
    }

    /** How Sql2o's {@code createQuery(..)} is read: {@code executeAndFetch} every row, {@code executeAndFetchFirst} one. */
    private static final Map<String, Cardinality> SQL2O_TERMINALS = Map.of("executeAndFetch", Cardinality.COLLECTION,
            "executeAndFetchTable", Cardinality.COLLECTION, "executeAndFetchLazy", Cardinality.STREAM,
            "executeAndFetchFirst", Cardinality.SINGLE, "executeScalar", Cardinality.SCALAR,
            "executeScalarList", Cardinality.COLLECTION, "executeUpdate", Cardinality.UPDATE_COUNT);

    /** DbUtils' handlers: a list of every row, or one row (or value). */
    private static Cardinality handlerReading(MethodCallExpr call, int sqlAt) {
        for (int i = sqlAt + 1; i < call.getArguments().size(); i++) {
            Expression a = unwrapped(call.getArguments().get(i));
            if (a instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isEmpty()) {
                String t = o.getType().getNameAsString();
                if (t.endsWith("ListHandler") || t.equals("KeyedHandler") || t.equals("BeanMapHandler")) {
                    return Cardinality.COLLECTION;
                }
                if (t.endsWith("Handler")) {
                    return Cardinality.SINGLE; // BeanHandler, MapHandler, ArrayHandler, ScalarHandler
                }
            }
            if (isCallback(a)) {
                return callbackReading(call);
            }
        }
        return Cardinality.UNKNOWN;
    }

    /** Whether the file imports jOOQ ({@code org.jooq...}). */
    boolean jooq() {
        return jooq;
    }

    /** Whether the file imports JDBI ({@code org.jdbi.v3...}). */
    boolean jdbi() {
        return jdbi;
    }

    /** How JDBI's {@code createQuery(..).mapTo(..)} is read, besides {@code list()} and {@code stream()}. */
    private static final Map<String, Cardinality> JDBI_TERMINALS = Map.ofEntries(Map.entry("one", Cardinality.SINGLE),
            Map.entry("first", Cardinality.SINGLE), Map.entry("findOnly", Cardinality.SINGLE),
            Map.entry("findOne", Cardinality.OPTIONAL), Map.entry("findFirst", Cardinality.OPTIONAL),
            Map.entry("iterator", Cardinality.STREAM), Map.entry("forEach", Cardinality.STREAM),
            Map.entry("collectIntoList", Cardinality.COLLECTION), Map.entry("toList", Cardinality.COLLECTION),
            Map.entry("collect", Cardinality.COLLECTION), Map.entry("reduceRows", Cardinality.COLLECTION),
            Map.entry("reduceResultSet", Cardinality.COLLECTION), Map.entry("collectRows", Cardinality.COLLECTION));

    /** How R2DBC's DatabaseClient reads the rows of {@code sql(...)}. */
    private static final Map<String, Cardinality> R2DBC_TERMINALS = Map.of("all", Cardinality.COLLECTION,
            "one", Cardinality.SINGLE, "first", Cardinality.SINGLE, "rowsUpdated", Cardinality.UPDATE_COUNT);

    /** Calls that take a list of rows and keep one: the code expects a single row. */
    private static final Set<String> SINGLE_RESULT_WRAPPERS = Set.of("singleResult", "uniqueResult",
            "requiredSingleResult", "requiredUniqueResult", "nullableSingleResult");

    /** Calls that bound the rows the database returns. */
    private static final Set<String> BOUNDS = Set.of("setMaxResults", "setMaxRows", "setLargeMaxRows", "setPage",
            "getKeyedResultList", "maxRows");

    private final Map<String, String> fieldTypes = new HashMap<>();
    /** Whether the file imports JDBI: a {@code createQuery} there is SQL on a Handle, not JPQL. */
    private final boolean jdbi;
    /** Whether the file imports Mockito or a mock-bean annotation. */
    private final boolean mocks;
    /** Whether the file imports jOOQ. */
    private final boolean jooq;
    private final Map<CallableDeclaration<?>, Map<String, String>> localTypes = new java.util.IdentityHashMap<>();
    private final CompilationUnit unit;

    CallSites(CompilationUnit unit) {
        this.unit = unit;
        this.jdbi = unit.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("org.jdbi."));
        this.jooq = JooqCalls.imports(unit);
        this.mocks = unit.getImports().stream().map(i -> i.getNameAsString()).anyMatch(n -> n.startsWith("org.mockito")
                || n.endsWith(".MockBean") || n.endsWith(".MockitoBean"));
        for (FieldDeclaration field : Nodes.all(unit, FieldDeclaration.class)) {
            for (VariableDeclarator v : field.getVariables()) {
                fieldTypes.putIfAbsent(v.getNameAsString(), writtenType(v.getType()));
            }
        }
        for (RecordDeclaration record : Nodes.all(unit, RecordDeclaration.class)) {
            for (Parameter component : record.getParameters()) {
                fieldTypes.putIfAbsent(component.getNameAsString(), writtenType(component.getType()));
            }
        }
    }

    /**
     * Whether a query argument is a criteria query or another object that is no text
     * ({@code em.createQuery(criteriaQuery)}, {@code jdbc.query(statementCreator, ...)}).
     */
    boolean isNonTextQuery(Expression argument) {
        String type = typeOf(argument);
        if (type != null) {
            return !type.equals("String") && !type.equals("CharSequence") && !type.equals("var");
        }
        if (argument instanceof MethodCallExpr m) {
            String name = m.getNameAsString();
            if (Set.of("select", "where", "multiselect", "orderBy", "groupBy", "distinct", "from", "createQuery",
                    "set", "having", "build").contains(name)) {
                return true;
            }
        }
        if (argument instanceof ObjectCreationExpr || argument instanceof LambdaExpr || argument instanceof ClassExpr
                || argument instanceof MethodReferenceExpr) {
            return true;
        }
        String text = argument.toString().toLowerCase(java.util.Locale.ROOT);
        return text.contains("criteria") || text.equals("cq");
    }

    /** A MyBatis mapper method annotated with its SQL. */
    CallSite ofMapperMethod(MethodDeclaration method) {
        ProjectConstants.MapperMethod m = RepositoryTypes.mapperMethod(method);
        return new CallSite(m.returnType(), m.cardinality(), m.bound(), false, enclosingClass(method),
                method.getNameAsString());
    }

    static String simpleType(Type type) {
        return simple(writtenType(type));
    }

    /** A type as the code writes it, without type arguments: {@code Repo}, or {@code com.x.Repo} when qualified. */
    static String writtenType(Type type) {
        String s = type.asString();
        int lt = s.indexOf('<');
        return lt >= 0 ? s.substring(0, lt) : s;
    }

    private static String simple(String written) {
        return written == null || !written.contains(".") ? written : written.substring(written.lastIndexOf('.') + 1);
    }

    /** The declared simple type of a receiver expression, or null when the file does not say. */
    String typeOf(Expression e) {
        return simple(writtenTypeOf(e));
    }

    /** The declared type of a receiver expression as written (qualified when the code qualifies it), or null. */
    String writtenTypeOf(Expression e) {
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
        if (e instanceof MethodCallExpr m && m.getArguments().isEmpty()
                && (m.getScope().isEmpty() || m.getScope().get().isThisExpr())) {
            // session(), getEntityManager(): an accessor of the class around the call, by its declared return type
            for (Node p = e.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
                if (p instanceof TypeDeclaration<?> type) {
                    for (MethodDeclaration method : type.getMethodsByName(m.getNameAsString())) {
                        if (method.getParameters().isEmpty() && !method.getType().isVoidType()) {
                            return writtenType(method.getType());
                        }
                    }
                }
            }
            // getJdbcTemplate() of a JdbcDaoSupport, getHibernateTemplate() of a HibernateDaoSupport: Spring's own
            return INHERITED_ACCESSORS.get(m.getNameAsString());
        }
        return null;
    }

    /**
     * The type arguments, as simple names, of a receiver's declared type ({@code Project} and {@code Long} of a
     * field {@code TenantScopedRepository<Project, Long> projects}), or none.
     */
    List<String> typeArguments(Expression e) {
        String name = e.isNameExpr() ? e.asNameExpr().getNameAsString()
                : e.isFieldAccessExpr() && e.asFieldAccessExpr().getScope().isThisExpr()
                ? e.asFieldAccessExpr().getNameAsString() : null;
        if (name == null) {
            return List.of();
        }
        for (Node p = e.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            List<Type> declared = new ArrayList<>();
            if (p instanceof CallableDeclaration<?> c) {
                c.getParameters().stream().filter(x -> x.getNameAsString().equals(name)).forEach(x -> declared.add(x.getType()));
                c.findAll(VariableDeclarator.class).stream().filter(v -> v.getNameAsString().equals(name))
                        .forEach(v -> declared.add(v.getType()));
            } else if (p instanceof TypeDeclaration<?> t) {
                t.getFields().forEach(f -> f.getVariables().stream().filter(v -> v.getNameAsString().equals(name))
                        .forEach(v -> declared.add(v.getType())));
            }
            if (declared.isEmpty()) {
                continue; // declared further out
            }
            if (declared.get(0) instanceof ClassOrInterfaceType c && c.getTypeArguments().isPresent()) {
                List<String> arguments = c.getTypeArguments().get().stream().map(CallSites::simpleType).toList();
                // Repo<T, ID> inside a generic class says no more than the repository's own declaration
                return arguments.stream().anyMatch(a -> a.startsWith("?") || typeVariable(a, e)) ? List.of() : arguments;
            }
            return List.of();
        }
        return List.of();
    }

    /**
     * Whether the class around a call declares a method of the call's name and arity: a call without a receiver
     * ({@code list("OPEN")}) then runs that method, not one inherited from a framework's base.
     */
    static boolean callsOwnMethod(MethodCallExpr call) {
        TypeDeclaration<?> type = call.findAncestor(TypeDeclaration.class).orElse(null);
        return type != null && type.getMethodsByName(call.getNameAsString()).stream()
                .anyMatch(m -> m.getParameters().size() == call.getArguments().size());
    }

    /** Whether a name is a type parameter of a method or class around a node. */
    private static boolean typeVariable(String name, Node from) {
        for (Node p = from.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof NodeWithTypeParameters<?> generic
                    && generic.getTypeParameters().stream().anyMatch(t -> t.getNameAsString().equals(name))) {
                return true;
            }
        }
        return false;
    }

    /** The declared types of a method's locals, first declaration of a name winning (computed once per method). */
    private static Map<String, String> declaredLocals(CallableDeclaration<?> c) {
        Map<String, String> types = new HashMap<>();
        for (VariableDeclarator v : c.findAll(VariableDeclarator.class)) {
            if (!v.getTypeAsString().equals("var")) {
                types.putIfAbsent(v.getNameAsString(), writtenType(v.getType()));
            }
        }
        return types;
    }

    private String localType(String name, Node from) {
        for (Node p = from.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> c) {
                for (Parameter param : c.getParameters()) {
                    if (param.getNameAsString().equals(name)) {
                        return writtenType(param.getType());
                    }
                }
                return localTypes.computeIfAbsent(c, CallSites::declaredLocals).get(name);
            }
            if (p instanceof LambdaExpr l) {
                for (Parameter param : l.getParameters()) {
                    if (param.getNameAsString().equals(name) && !param.getType().isUnknownType()) {
                        return writtenType(param.getType());
                    }
                }
            }
        }
        return null;
    }

    CallSite of(MethodCallExpr call, ApiCalls.Api api, String text) {
        List<MethodCallExpr> following = followingCalls(call);
        Cardinality cardinality = api.cardinality();
        String terminal = call.getNameAsString();
        boolean templateQuery = call.getNameAsString().equals("query") && api.origin() == QueryOrigin.JDBC_TEMPLATE;
        if (templateQuery) {
            cardinality = callbackReading(call);
        }
        if (api.origin() == QueryOrigin.DBUTILS && cardinality == Cardinality.UNKNOWN) {
            cardinality = handlerReading(call, api.argumentIndex());
        }
        if (cardinality == Cardinality.UNKNOWN) {
            // R2DBC's sql(..).bind(..).fetch() or .map(..) ends in all() (a Flux of every row), one(), first() or
            // rowsUpdated(); fetch() there is no terminal
            boolean r2dbc = api.origin() == QueryOrigin.R2DBC_CLIENT;
            Map<String, Cardinality> terminals = r2dbc ? R2DBC_TERMINALS : TERMINALS;
            for (MethodCallExpr next : following) {
                String name = next.getNameAsString();
                Cardinality c = terminals.get(name);
                if (c == null && api.origin() == QueryOrigin.JDBI) {
                    c = JDBI_TERMINALS.get(name);
                }
                if (c == null && api.origin() == QueryOrigin.SQL2O) {
                    c = SQL2O_TERMINALS.get(name);
                }
                if (api.origin() == QueryOrigin.JOOQ) {
                    c = JooqCalls.TERMINALS.get(name); // dsl.resultQuery("..").fetchOne()
                }
                if (name.equals("query") && api.origin() == QueryOrigin.JDBC_CLIENT
                        && next.getArguments().stream().anyMatch(CallSites::isCallback)) {
                    c = callbackReading(next); // .query(rs -> ...) of JdbcClient: a callback reads the rows
                }
                if (name.equals("executeQuery") && !r2dbc) {
                    c = Cardinality.COLLECTION;
                }
                if (c != null) {
                    cardinality = c;
                    terminal = r2dbc && c == Cardinality.COLLECTION ? "Flux" : name;
                    break;
                }
            }
        }
        if (api.origin() == QueryOrigin.JDBC && cardinality == Cardinality.COLLECTION) {
            MethodCallExpr execution = terminal.equals("executeQuery") && !call.getNameAsString().equals("executeQuery")
                    ? following.stream().filter(f -> f.getNameAsString().equals("executeQuery")).findFirst().orElse(call)
                    : call;
            cardinality = resultSetReading(execution);
        }
        if (cardinality == Cardinality.UNKNOWN && api.origin() == QueryOrigin.JDBC && SqlText.isSelectLike(text)
                && !call.getNameAsString().equals("prepareCall")) {
            cardinality = Cardinality.COLLECTION;
        }
        if (cardinality == Cardinality.UNKNOWN && SqlText.isModifying(text)) {
            cardinality = Cardinality.UPDATE_COUNT; // execute("UPDATE ...") returns no rows
        }
        if (cardinality.readsManyRows() || cardinality == Cardinality.UNKNOWN) {
            Cardinality wrapped = singleResultWrapper(chainTop(call, new ArrayList<>()));
            if (wrapped != null) {
                cardinality = wrapped;
            }
        }
        String bound = following.stream().map(MethodCallExpr::getNameAsString).filter(BOUNDS::contains).findFirst()
                .orElse("");
        if (bound.isEmpty() && call.getScope().isPresent()) {
            bound = receiverBound(call.getScope().get(), call);
        }
        if (api.origin() == QueryOrigin.VERTX_SQL && cardinality == Cardinality.COLLECTION) {
            terminal = "RowSet"; // pool.query(..).execute(): every row in the RowSet
        }
        boolean firstOnly = cardinality == Cardinality.COLLECTION && bound.isEmpty()
                && firstRowOnly(resultCall(call, following, terminal));
        return new CallSite(terminal, cardinality, bound, inLoop(call), enclosingClass(call), enclosingMethod(call),
                firstOnly);
    }

    /**
     * The call that hands the rows to the code: the query call itself ({@code jdbc.queryForList(..)}), or the terminal
     * call later in its chain or on the variable holding it ({@code q.getResultList()}).
     */
    private static MethodCallExpr resultCall(MethodCallExpr call, List<MethodCallExpr> following, String terminal) {
        if (call.getNameAsString().equals(terminal)) {
            return call;
        }
        for (MethodCallExpr next : following) {
            if (next.getNameAsString().equals(terminal)) {
                return next;
            }
        }
        return null;
    }

    /**
     * Whether the code uses only the first row of the list {@code result} gives: {@code result.get(0)},
     * {@code result.stream().findFirst()}, or a local variable holding the list whose every use is such a read, a test
     * of its emptiness or size, or a null check ({@code users.isEmpty() ? null : users.get(0)}). Any other use (the
     * list returned, passed on, iterated, {@code get(i)}) may read every row.
     */
    static boolean firstRowOnly(MethodCallExpr result) {
        if (result == null) {
            return false;
        }
        Expression top = result;
        while (top.getParentNode().orElse(null) instanceof Expression p && (p instanceof CastExpr || p instanceof EnclosedExpr)) {
            top = p;
        }
        if (readsFirst(top)) {
            return true;
        }
        String variable = assignedVariable(top);
        Optional<Node> body = enclosingBody(result);
        if (variable == null || body.isEmpty() || !declaresLocal(body.get(), variable)) {
            return false;
        }
        boolean first = false;
        for (NameExpr use : body.get().findAll(NameExpr.class)) {
            if (!use.getNameAsString().equals(variable) || !after(use, result)) {
                continue;
            }
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof AssignExpr a && a.getTarget() == use) {
                continue; // the variable given another list (a second query's): its reads are judged there
            }
            if (readsFirst(use)) {
                first = true;
            } else if (!testsOnly(use, parent)) {
                return false;
            }
        }
        return first;
    }

    /** {@code site}, told whether the code uses only the first row of the list {@code result} gives (see {@link #firstRowOnly}). */
    static CallSite withFirstRow(CallSite site, MethodCallExpr result) {
        return site.cardinality() == Cardinality.COLLECTION && !site.boundedByCode() && firstRowOnly(result)
                ? site.withFirstRowOnly(true) : site;
    }

    /** Helpers that take a list's first element: Hutool's {@code CollUtil.getFirst}, Guava's {@code Iterables.getFirst}, Spring's {@code CollectionUtils.firstElement}. */
    private static final Set<String> FIRST_ELEMENT_HELPERS = Set.of("getFirst", "firstElement");

    /** Helpers that test a list without reading a row: {@code CollectionUtils.isEmpty(list)}, {@code Objects.nonNull(list)}. */
    private static final Set<String> EMPTINESS_HELPERS = Set.of("isEmpty", "isNotEmpty", "isNull", "nonNull");

    /**
     * {@code e.get(0)}, {@code e.stream().findFirst()}, {@code e.iterator().next()}, or a helper that takes its first
     * element ({@code CollUtil.getFirst(e)}).
     */
    private static boolean readsFirst(Expression e) {
        if (!(e.getParentNode().orElse(null) instanceof MethodCallExpr m)) {
            return false;
        }
        if (m.getScope().orElse(null) != e) {
            return !m.getArguments().isEmpty() && m.getArgument(0) == e && FIRST_ELEMENT_HELPERS.contains(m.getNameAsString());
        }
        String name = m.getNameAsString();
        if (name.equals("get") && m.getArguments().size() == 1 && m.getArgument(0).isIntegerLiteralExpr()) {
            return m.getArgument(0).asIntegerLiteralExpr().getValue().equals("0");
        }
        if ((name.equals("stream") || name.equals("iterator")) && m.getArguments().isEmpty()
                && m.getParentNode().orElse(null) instanceof MethodCallExpr n && n.getScope().orElse(null) == m) {
            return n.getNameAsString().equals(name.equals("stream") ? "findFirst" : "next");
        }
        return false;
    }

    /** A use of a list that reads no row: {@code isEmpty()}, {@code size()} compared, {@code == null}, {@code CollectionUtils.isEmpty(list)}. */
    private static boolean testsOnly(NameExpr use, Node parent) {
        if (parent instanceof MethodCallExpr m && m.getScope().orElse(null) == use) {
            String name = m.getNameAsString();
            return m.getArguments().isEmpty() && (name.equals("isEmpty")
                    || name.equals("size") && m.getParentNode().orElse(null) instanceof BinaryExpr);
        }
        if (parent instanceof BinaryExpr b) {
            return b.getLeft().isNullLiteralExpr() || b.getRight().isNullLiteralExpr();
        }
        if (parent instanceof MethodCallExpr m && m.getArguments().size() == 1 && m.getArgument(0) == use) {
            return EMPTINESS_HELPERS.contains(m.getNameAsString());
        }
        return false;
    }

    /** Spring's {@code DataAccessUtils.singleResult(jdbc.query(...))}: the code expects at most one row. */
    private static Cardinality singleResultWrapper(Expression top) {
        if (top.getParentNode().orElse(null) instanceof MethodCallExpr outer && outer.getArguments().contains(top)) {
            String name = outer.getNameAsString();
            if (name.equals("optionalResult")) {
                return Cardinality.OPTIONAL;
            }
            if (SINGLE_RESULT_WRAPPERS.contains(name)) {
                return Cardinality.SINGLE;
            }
        }
        return null;
    }

    /** A callback as written, without the cast or parentheses around it ({@code (ResultSetExtractor<Long>) rs -> ...}). */
    private static Expression unwrapped(Expression e) {
        Expression out = e;
        while (out instanceof CastExpr || out instanceof EnclosedExpr) {
            out = out instanceof CastExpr c ? c.getExpression() : ((EnclosedExpr) out).getInner();
        }
        return out;
    }

    private static boolean isCallback(Expression e) {
        e = unwrapped(e);
        return e instanceof LambdaExpr || e instanceof MethodReferenceExpr
                || e instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent();
    }

    /**
     * JdbcTemplate's {@code query(sql, ..., callback)}: a {@code RowMapper} (two parameters) maps every
     * row into a List; a {@code ResultSetExtractor} or {@code RowCallbackHandler} (one parameter)
     * reads every row unless it reads the result set with {@code if (rs.next())}.
     */
    private static Cardinality callbackReading(MethodCallExpr call) {
        Expression last = call.getArguments().stream().skip(1).filter(CallSites::isCallback).findFirst()
                .map(CallSites::unwrapped).orElse(call.getArguments().isEmpty() ? null : call.getArguments().get(0));
        if (last instanceof LambdaExpr lambda && lambda.getParameters().size() == 1) {
            return nextReading(lambda.getBody(), lambda.getParameter(0).getNameAsString(), null);
        }
        if (last instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()
                && (creation.getType().getNameAsString().equals("ResultSetExtractor")
                || creation.getType().getNameAsString().equals("ResultSetHandler"))) {
            for (var member : creation.getAnonymousClassBody().get()) {
                if (member instanceof MethodDeclaration m && (m.getNameAsString().equals("extractData")
                        || m.getNameAsString().equals("handle"))
                        && m.getParameters().size() == 1 && m.getBody().isPresent()) {
                    return nextReading(m.getBody().get(), m.getParameter(0).getNameAsString(), null);
                }
            }
        }
        return Cardinality.COLLECTION;
    }

    /**
     * JDBC: a result set read with {@code if (rs.next())} (or {@code rs.next() ? ... : ...}) is one row;
     * with {@code while (rs.next())}, or handed elsewhere, it is every row.
     */
    private static Cardinality resultSetReading(MethodCallExpr execution) {
        Expression top = chainTop(execution, new ArrayList<>());
        String variable = assignedVariable(top);
        Optional<Node> body = enclosingBody(execution);
        if (variable == null || body.isEmpty()) {
            return Cardinality.COLLECTION;
        }
        return nextReading(body.get(), variable, execution);
    }

    /** How the code calls {@code next()} on the named result set inside {@code scope} (after {@code from}). */
    private static Cardinality nextReading(Node scope, String resultSet, Node from) {
        boolean loop = false;
        boolean single = false;
        for (MethodCallExpr next : scope.findAll(MethodCallExpr.class)) {
            if (!next.getNameAsString().equals("next") || !next.getArguments().isEmpty()
                    || !(next.getScope().orElse(null) instanceof NameExpr n) || !n.getNameAsString().equals(resultSet)
                    || (from != null && !after(next, from))) {
                continue;
            }
            Node child = next;
            for (Node p = next.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
                if (p instanceof WhileStmt w && w.getCondition() == child || p instanceof DoStmt d && d.getCondition() == child
                        || p instanceof ForStmt f && f.getCompare().orElse(null) == child) {
                    loop = true;
                    break;
                }
                if (p instanceof IfStmt i && i.getCondition() == child
                        || p instanceof ConditionalExpr c && c.getCondition() == child
                        || p instanceof Statement) {
                    single = true;
                    break;
                }
            }
        }
        return single && !loop ? Cardinality.SINGLE : Cardinality.COLLECTION;
    }

    /**
     * {@code jdbcTemplate.setMaxRows(n)} anywhere in the file bounds that template's queries; a local
     * {@code Statement st} is bounded only by its own method's {@code st.setMaxRows(n)}, not by another
     * method's statement of the same name.
     */
    private String receiverBound(Expression scope, MethodCallExpr call) {
        String receiver = ApiCalls.receiverName(scope);
        if (receiver.isEmpty()) {
            return "";
        }
        Node body = enclosingBody(call).filter(b -> scope instanceof NameExpr && declaresLocal(b, receiver)).orElse(null);
        for (MethodCallExpr c : body == null ? Nodes.all(unit, MethodCallExpr.class) : body.findAll(MethodCallExpr.class)) {
            if (BOUNDS.contains(c.getNameAsString()) && c.getScope().isPresent()
                    && ApiCalls.receiverName(c.getScope().get()).equals(receiver)) {
                return c.getNameAsString();
            }
        }
        return "";
    }

    /**
     * The calls made on the query's result: along the chain ({@code .setMaxResults(5).getResultList()}),
     * and on the variable it is stored in ({@code q.setMaxResults(5); q.getResultList()}).
     */
    static List<MethodCallExpr> followingCalls(MethodCallExpr call) {
        List<MethodCallExpr> calls = new ArrayList<>();
        Expression top = chainTop(call, calls);
        String variable = assignedVariable(top);
        if (variable != null) {
            Optional<Node> body = enclosingBody(call);
            body.ifPresent(b -> {
                for (MethodCallExpr c : b.findAll(MethodCallExpr.class)) {
                    if (c.getScope().isPresent() && c.getScope().get() instanceof NameExpr n
                            && n.getNameAsString().equals(variable) && after(c, call)) {
                        calls.add(c);
                        chainTop(c, calls);
                    }
                }
            });
        }
        return calls;
    }

    static Expression chainTop(MethodCallExpr call, List<MethodCallExpr> calls) {
        Expression current = call;
        while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().isPresent() && parent.getScope().get() == current) {
            calls.add(parent);
            current = parent;
        }
        return current;
    }

    /** The variable a chain's outermost call is stored in ({@code Query q = ...;} or {@code q = ...;}), or null. */
    static String assignedVariable(Expression top) {
        Node parent = top.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator v) {
            return v.getNameAsString();
        }
        if (parent instanceof AssignExpr a && a.getTarget().isNameExpr()) {
            return a.getTarget().asNameExpr().getNameAsString();
        }
        return null;
    }

    private static boolean declaresLocal(Node body, String name) {
        return body.findAll(VariableDeclarator.class).stream()
                .anyMatch(v -> v.getNameAsString().equals(name))
                || body.findAll(Parameter.class).stream()
                .anyMatch(p -> p.getNameAsString().equals(name));
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
