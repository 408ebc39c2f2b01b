package io.github.querylint.core.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query APIs: which method calls take a query text, in which argument, in which language,
 * and how their result is read. A call matches by its name and by what is known of its receiver
 * (declared type, or a telling name when the type is not declared in the file).
 */
final class ApiCalls {

    /**
     * @param origin          API family
     * @param language        query language
     * @param argumentIndex   which argument holds the query
     * @param cardinality     how the call itself reads the result (UNKNOWN: the chain decides)
     * @param distinctive     whether the method name alone identifies the API
     * @param needsQueryLookingText whether the text must look like a query to count
     * @param named           whether the argument is the name of a named query, not its text
     */
    record Api(QueryOrigin origin, QueryLanguage language, int argumentIndex, Cardinality cardinality,
               boolean distinctive, boolean needsQueryLookingText, boolean named) {

        Api(QueryOrigin origin, QueryLanguage language, int argumentIndex, Cardinality cardinality,
            boolean distinctive, boolean needsQueryLookingText) {
            this(origin, language, argumentIndex, cardinality, distinctive, needsQueryLookingText, false);
        }
    }

    private enum Family { JDBC, JDBC_TEMPLATE, JDBC_CLIENT, R2DBC_CLIENT, JPA, HIBERNATE, HIBERNATE_TEMPLATE, JDBI, JOOQ,
        VERTX_SQL, DBUTILS, SQL2O }

    /** The Vert.x (and Quarkus reactive) SQL client: {@code pool.preparedQuery("..").execute(Tuple.of(id))}, a RowSet. */
    private static final Set<String> VERTX_TYPES = Set.of("Pool", "PgPool", "MySQLPool", "OraclePool", "MSSQLPool",
            "DB2Pool", "SqlClient", "SqlConnection", "PgConnection", "MySQLConnection");
    private static final Set<String> VERTX_METHODS = Set.of("query", "preparedQuery");
    /** Apache Commons DbUtils: {@code runner.query(conn, sql, new BeanListHandler<>(..), args)}. */
    private static final Set<String> DBUTILS_TYPES = Set.of("QueryRunner", "AsyncQueryRunner");
    private static final Map<String, Cardinality> DBUTILS = Map.of("query", Cardinality.UNKNOWN,
            "update", Cardinality.UPDATE_COUNT, "insert", Cardinality.UPDATE_COUNT, "batch", Cardinality.UPDATE_COUNT,
            "insertBatch", Cardinality.UPDATE_COUNT, "execute", Cardinality.UPDATE_COUNT);

    private static final Set<String> JDBC_TYPES = Set.of("Connection", "Statement", "PreparedStatement",
            "CallableStatement");
    private static final Set<String> TEMPLATE_TYPES = Set.of("JdbcTemplate", "NamedParameterJdbcTemplate",
            "JdbcOperations", "NamedParameterJdbcOperations", "SimpleJdbcTemplate");
    private static final Set<String> CLIENT_TYPES = Set.of("JdbcClient");
    /** Spring's reactive client: {@code db.sql("...").bind(..).fetch().all()}. */
    private static final Set<String> R2DBC_CLIENT_TYPES = Set.of("DatabaseClient");
    private static final Set<String> JPA_TYPES = Set.of("EntityManager");
    private static final Set<String> HIBERNATE_TYPES = Set.of("Session", "StatelessSession", "SharedSessionContract",
            "QueryProducer");

    /** JDBI's Handle: SQL in {@code createQuery}, {@code select}, {@code createUpdate} and {@code execute}. */
    static final Map<String, Cardinality> JDBI = Map.of(
            "createQuery", Cardinality.UNKNOWN,
            "select", Cardinality.UNKNOWN,
            "createUpdate", Cardinality.UPDATE_COUNT,
            "execute", Cardinality.UPDATE_COUNT,
            "prepareBatch", Cardinality.UPDATE_COUNT);

    /** jOOQ's plain-SQL calls on a {@code DSLContext}: {@code dsl.fetch("select ..", args)}, {@code dsl.execute("..")}. */
    private static final Map<String, Cardinality> JOOQ = Map.ofEntries(
            Map.entry("fetch", Cardinality.COLLECTION), Map.entry("fetchMany", Cardinality.COLLECTION),
            Map.entry("fetchLazy", Cardinality.STREAM), Map.entry("fetchStream", Cardinality.STREAM),
            Map.entry("fetchOne", Cardinality.SINGLE), Map.entry("fetchSingle", Cardinality.SINGLE),
            Map.entry("fetchAny", Cardinality.SINGLE), Map.entry("fetchValue", Cardinality.SINGLE),
            Map.entry("fetchOptional", Cardinality.OPTIONAL), Map.entry("fetchOptionalValue", Cardinality.OPTIONAL),
            Map.entry("execute", Cardinality.UPDATE_COUNT), Map.entry("query", Cardinality.UNKNOWN),
            Map.entry("resultQuery", Cardinality.UNKNOWN));

    /** Spring's HibernateTemplate (HibernateDaoSupport's {@code getHibernateTemplate()}): HQL in, a List out. */
    private static final Set<String> HIBERNATE_TEMPLATE_TYPES = Set.of("HibernateTemplate", "HibernateOperations");
    private static final Map<String, Cardinality> HIBERNATE_TEMPLATE = Map.of(
            "find", Cardinality.COLLECTION,
            "loadAll", Cardinality.COLLECTION,
            "findByNamedParam", Cardinality.COLLECTION,
            "findByValueBean", Cardinality.COLLECTION,
            "iterate", Cardinality.STREAM,
            "bulkUpdate", Cardinality.UPDATE_COUNT,
            "findByNamedQuery", Cardinality.COLLECTION,
            "findByNamedQueryAndNamedParam", Cardinality.COLLECTION,
            "findByNamedQueryAndValueBean", Cardinality.COLLECTION);

    /**
     * HibernateTemplate's method names that other APIs use too ({@code find}, {@code iterate}): they count only on a
     * receiver known to be a template, so the pre-filter waits for one of {@link #TYPED_ONLY_RECEIVERS} instead.
     */
    static final Set<String> TYPED_ONLY_NAMES = Set.of("find", "iterate", "loadAll", "bulkUpdate");
    /** The words a file that runs HibernateTemplate's queries holds: its types, or the accessor of its DAO support. */
    static final Set<String> TYPED_ONLY_RECEIVERS = Set.of("HibernateTemplate", "HibernateOperations",
            "getHibernateTemplate", "hibernateTemplate");

    private static final Map<String, Cardinality> JDBC = Map.of(
            "executeQuery", Cardinality.COLLECTION,
            "prepareStatement", Cardinality.UNKNOWN,
            "prepareCall", Cardinality.UNKNOWN,
            "execute", Cardinality.UNKNOWN,
            "executeUpdate", Cardinality.UPDATE_COUNT,
            "executeLargeUpdate", Cardinality.UPDATE_COUNT,
            "addBatch", Cardinality.UPDATE_COUNT);
    private static final Map<String, Cardinality> TEMPLATE = Map.of(
            "query", Cardinality.COLLECTION,
            "queryForList", Cardinality.COLLECTION,
            "queryForObject", Cardinality.SINGLE,
            "queryForMap", Cardinality.SINGLE,
            "queryForStream", Cardinality.STREAM,
            "queryForRowSet", Cardinality.COLLECTION,
            "update", Cardinality.UPDATE_COUNT,
            "batchUpdate", Cardinality.UPDATE_COUNT,
            "execute", Cardinality.UNKNOWN);
    private static final Set<String> DISTINCTIVE = Set.of("executeQuery", "prepareStatement", "prepareCall",
            "executeUpdate", "executeLargeUpdate", "queryForList", "queryForObject", "queryForMap", "queryForStream",
            "queryForRowSet", "batchUpdate", "createQuery", "createNativeQuery", "createSelectionQuery",
            "createMutationQuery", "createSQLQuery", "createNativeMutationQuery", "createNamedQuery",
            "createNamedSelectionQuery", "createNamedMutationQuery", "getNamedQuery", "getNamedNativeQuery");

    /** Method names the switch in {@link #match} knows that no table above lists. */
    private static final Set<String> OTHER_NAMES = Set.of("createQuery", "createSelectionQuery", "createMutationQuery",
            "createNativeQuery", "createSQLQuery", "sql");

    /** Clients of other stores whose methods share the query APIs' names ({@code CqlTemplate.queryForList}). */
    private static final java.util.regex.Pattern OTHER_STORES = java.util.regex.Pattern.compile(
            "(Cql|Cassandra|Mongo|Neo4j|Elasticsearch|Redis|Couchbase|Solr|Influx|Ignite|Hazelcast)");

    private ApiCalls() {
    }

    /**
     * Every method name a query call can have: the pre-filter needs one of them in a file's text
     * (a test checks that each name {@link #match} tests is here).
     */
    static Set<String> methodNames() {
        return METHOD_NAMES;
    }

    private static final Set<String> METHOD_NAMES = methodNamesOf();

    private static Set<String> methodNamesOf() {
        Set<String> names = new java.util.TreeSet<>(DISTINCTIVE);
        names.addAll(JDBC.keySet());
        names.addAll(TEMPLATE.keySet());
        names.addAll(OTHER_NAMES);
        names.addAll(HIBERNATE_TEMPLATE.keySet());
        return java.util.Collections.unmodifiableSet(names);
    }

    static Optional<Api> match(MethodCallExpr call, CallSites sites) {
        String name = call.getNameAsString();
        if (call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        if (call.getScope().isEmpty() && ownHelper(call, name)) {
            return Optional.empty(); // a method of its own: a wrapper of it is QueryWrappers' business
        }
        String receiverType = call.getScope().map(sites::typeOf).orElse(null);
        if (receiverType != null && receiverType.contains("Criteria")) {
            return Optional.empty(); // CriteriaBuilder.createQuery(Customer.class) builds no text query
        }
        if (receiverType != null && OTHER_STORES.matcher(receiverType).lookingAt()) {
            return Optional.empty(); // CqlTemplate.queryForList("SELECT ..."): CQL on Cassandra, not SQL
        }
        Family family = family(call, sites);
        boolean distinctive = DISTINCTIVE.contains(name);
        if (family == null && !distinctive) {
            return Optional.empty();
        }
        if (family == Family.JDBI) {
            Cardinality c = JDBI.get(name);
            return c == null ? Optional.empty()
                    : Optional.of(new Api(QueryOrigin.JDBI, QueryLanguage.SQL, 0, c, true, false));
        }
        if (family == Family.JOOQ) {
            Cardinality c = JOOQ.get(name);
            return c == null ? Optional.empty()
                    : Optional.of(new Api(QueryOrigin.JOOQ, QueryLanguage.SQL, 0, c, true, false));
        }
        if (family == Family.VERTX_SQL) {
            return Optional.of(new Api(QueryOrigin.VERTX_SQL, QueryLanguage.SQL, 0, Cardinality.COLLECTION, true, false));
        }
        if (family == Family.SQL2O) {
            return Optional.of(new Api(QueryOrigin.SQL2O, QueryLanguage.SQL, 0, Cardinality.UNKNOWN, true, false));
        }
        if (family == Family.DBUTILS) {
            Cardinality c = DBUTILS.get(name);
            if (c == null) {
                return Optional.empty();
            }
            // query(conn, sql, handler, args) or query(sql, handler, args): the text follows a connection
            Expression first = call.getArguments().get(0);
            String firstName = receiverName(first).toLowerCase(Locale.ROOT);
            boolean connection = "Connection".equals(sites.typeOf(first)) || firstName.equals("conn")
                    || firstName.equals("con") || firstName.equals("c") || firstName.endsWith("connection");
            int at = connection && call.getArguments().size() >= 2 ? 1 : 0;
            return Optional.of(new Api(QueryOrigin.DBUTILS, QueryLanguage.SQL, at, c, true, false));
        }
        if (family == Family.HIBERNATE_TEMPLATE) {
            Cardinality c = HIBERNATE_TEMPLATE.get(name);
            if (c == null) {
                return Optional.empty(); // findByCriteria, findByExample, get, load: no text of a query
            }
            // legacy HQL (positional '?' parameters, "from Item") is Hibernate's own dialect
            return Optional.of(new Api(QueryOrigin.HIBERNATE, QueryLanguage.HQL, 0, c, true, false,
                    name.startsWith("findByNamedQuery")));
        }
        switch (name) {
            case "createQuery", "createSelectionQuery", "createMutationQuery" -> {
                if (family != null && family != Family.JPA && family != Family.HIBERNATE) {
                    return Optional.empty();
                }
                QueryLanguage language = family == Family.HIBERNATE || !name.equals("createQuery")
                        ? QueryLanguage.HQL : QueryLanguage.JPQL;
                QueryOrigin origin = language == QueryLanguage.HQL ? QueryOrigin.HIBERNATE : QueryOrigin.JPA;
                Cardinality c = name.equals("createMutationQuery") ? Cardinality.UPDATE_COUNT : Cardinality.UNKNOWN;
                return Optional.of(new Api(origin, language, 0, c, true, family == null));
            }
            case "createNamedQuery", "createNamedSelectionQuery", "createNamedMutationQuery", "getNamedQuery",
                 "getNamedNativeQuery" -> {
                // the text is declared elsewhere (@NamedQuery, orm.xml): the extractor looks it up by name
                if (family != null && family != Family.JPA && family != Family.HIBERNATE) {
                    return Optional.empty();
                }
                if (family == null && !call.getArguments().get(0).isStringLiteralExpr()
                        && !call.getArguments().get(0).isFieldAccessExpr() && !call.getArguments().get(0).isNameExpr()) {
                    return Optional.empty();
                }
                QueryOrigin origin = family == Family.HIBERNATE ? QueryOrigin.HIBERNATE : QueryOrigin.JPA;
                Cardinality c = name.equals("createNamedMutationQuery") ? Cardinality.UPDATE_COUNT : Cardinality.UNKNOWN;
                return Optional.of(new Api(origin, QueryLanguage.JPQL, 0, c, true, false, true));
            }
            case "createNativeMutationQuery" -> {
                if (family != null && family != Family.HIBERNATE) {
                    return Optional.empty();
                }
                return Optional.of(new Api(QueryOrigin.HIBERNATE, QueryLanguage.SQL, 0, Cardinality.UPDATE_COUNT, true,
                        family == null));
            }
            case "createNativeQuery", "createSQLQuery" -> {
                if (family != null && family != Family.JPA && family != Family.HIBERNATE) {
                    return Optional.empty();
                }
                QueryOrigin origin = family == Family.HIBERNATE ? QueryOrigin.HIBERNATE : QueryOrigin.JPA;
                return Optional.of(new Api(origin, QueryLanguage.SQL, 0, Cardinality.UNKNOWN, true, family == null));
            }
            case "sql" -> {
                if (family != Family.JDBC_CLIENT && family != Family.R2DBC_CLIENT) {
                    return Optional.empty();
                }
                return Optional.of(new Api(family == Family.JDBC_CLIENT ? QueryOrigin.JDBC_CLIENT : QueryOrigin.R2DBC_CLIENT,
                        QueryLanguage.SQL, 0, Cardinality.UNKNOWN, true, false));
            }
            default -> {
                // JDBC and JdbcTemplate below
            }
        }
        // a receiver of a type of its own (jBPM's persistenceContext.executeUpdate("DeleteTaskVariableForTask", params))
        // may take a query's text or a name of one: only a text that starts like a query counts
        boolean ownType = family == null && receiverType != null && !receiverType.equals("var");
        if (family == Family.JDBC_TEMPLATE || (family == null && TEMPLATE.containsKey(name) && !JDBC.containsKey(name))) {
            Cardinality c = TEMPLATE.get(name);
            if (c == null) {
                return Optional.empty();
            }
            if (name.equals("batchUpdate") && call.getArguments().get(0).toString().startsWith("new String")) {
                return Optional.empty(); // batchUpdate(String...) of many statements: each is a literal of its own
            }
            return Optional.of(new Api(QueryOrigin.JDBC_TEMPLATE, QueryLanguage.SQL, 0, c, distinctive,
                    !distinctive || ownType));
        }
        if (family == Family.JDBC || (family == null && JDBC.containsKey(name))) {
            Cardinality c = JDBC.get(name);
            if (c == null) {
                return Optional.empty();
            }
            return Optional.of(new Api(QueryOrigin.JDBC, QueryLanguage.SQL, 0, c, distinctive, !distinctive || ownType));
        }
        return Optional.empty();
    }

    /**
     * Whether a call without a receiver is a call of a helper of its own that runs no query: Java binds it to the
     * method of that name that the innermost type around it declares (a test's {@code createQuery(String)} that
     * builds an object of its own), not to an inherited query API. A helper whose body calls anything named like a
     * query API may wrap one ({@link QueryWrappers}), and one without a body is unknown: both still count.
     */
    private static boolean ownHelper(MethodCallExpr call, String name) {
        for (Node p = call.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            List<BodyDeclaration<?>> members = p instanceof TypeDeclaration<?> t ? t.getMembers()
                    : p instanceof ObjectCreationExpr o ? o.getAnonymousClassBody().orElse(null) : null;
            if (members == null) {
                continue;
            }
            List<MethodDeclaration> own = members.stream().filter(m -> m instanceof MethodDeclaration d
                    && d.getNameAsString().equals(name)).map(m -> (MethodDeclaration) m).toList();
            if (!own.isEmpty()) {
                return own.stream().allMatch(d -> d.getBody().isPresent() && d.getBody().get()
                        .findFirst(MethodCallExpr.class, c -> methodNames().contains(c.getNameAsString())).isEmpty());
            }
        }
        return false;
    }

    /** The API family of the call's receiver, from its declared type or, failing that, its name. */
    private static Family family(MethodCallExpr call, CallSites sites) {
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return null;
        }
        String type = sites.typeOf(scope.get());
        String name = call.getNameAsString();
        boolean untyped = type == null || type.equals("var");
        if (sites.imports("org.sql2o") && name.equals("createQuery") && (untyped || type.equals("Connection"))) {
            return Family.SQL2O; // Sql2o's con.createQuery("select ..") is SQL, not JPQL
        }
        if (VERTX_METHODS.contains(name) && (type != null && VERTX_TYPES.contains(type)
                || untyped && sites.imports("io.vertx") && !scope.get().toString().equals("em"))) {
            return Family.VERTX_SQL;
        }
        if (DBUTILS.containsKey(name) && (type != null && DBUTILS_TYPES.contains(type)
                || untyped && sites.imports("org.apache.commons.dbutils")
                && receiverName(scope.get()).toLowerCase(Locale.ROOT).contains("runner"))) {
            return Family.DBUTILS;
        }
        if (sites.jooq() && JOOQ.containsKey(call.getNameAsString()) && JooqCalls.context(scope.get(), sites)) {
            return Family.JOOQ; // a DSLContext, by its type, the call that gives it or its name
        }
        if ("Handle".equals(type) || sites.jdbi() && JDBI.containsKey(call.getNameAsString())
                && (type == null || type.equals("var")) && !scope.get().toString().equals("em")) {
            // a Handle, or in a file that imports JDBI, a receiver of no declared type (withHandle(h -> h.createQuery(..)))
            return Family.JDBI;
        }
        if (type != null) {
            if (JDBC_TYPES.contains(type)) {
                return Family.JDBC;
            }
            if (TEMPLATE_TYPES.contains(type)) {
                return Family.JDBC_TEMPLATE;
            }
            if (CLIENT_TYPES.contains(type)) {
                return Family.JDBC_CLIENT;
            }
            if (R2DBC_CLIENT_TYPES.contains(type)) {
                return Family.R2DBC_CLIENT;
            }
            if (JPA_TYPES.contains(type)) {
                return Family.JPA;
            }
            if (HIBERNATE_TYPES.contains(type)) {
                return Family.HIBERNATE;
            }
            if (HIBERNATE_TEMPLATE_TYPES.contains(type)) {
                return Family.HIBERNATE_TEMPLATE;
            }
            return null;
        }
        String receiver = receiverName(scope.get()).toLowerCase(Locale.ROOT);
        if (receiver.contains("jdbcclient")) {
            return Family.JDBC_CLIENT;
        }
        if (receiver.contains("databaseclient")) {
            return Family.R2DBC_CLIENT;
        }
        if (receiver.contains("hibernatetemplate")) {
            return Family.HIBERNATE_TEMPLATE;
        }
        if (receiver.contains("jdbctemplate") || receiver.equals("jdbc") || receiver.endsWith("template")
                || receiver.contains("jdbcoperations")) {
            return Family.JDBC_TEMPLATE;
        }
        if (receiver.equals("em") || receiver.contains("entitymanager")) {
            return Family.JPA;
        }
        if (receiver.endsWith("session")) {
            return Family.HIBERNATE;
        }
        if (receiver.equals("conn") || receiver.endsWith("connection") || receiver.equals("stmt")
                || receiver.endsWith("statement") || receiver.equals("ps") || receiver.equals("st")
                || receiver.equals("con") || receiver.equals("c")) {
            return Family.JDBC;
        }
        return null;
    }

    /** {@code jdbc} for {@code jdbc}, {@code this.jdbc} and {@code getJdbc()}. */
    static String receiverName(Expression scope) {
        if (scope.isNameExpr()) {
            return scope.asNameExpr().getNameAsString();
        }
        if (scope.isFieldAccessExpr()) {
            return scope.asFieldAccessExpr().getNameAsString();
        }
        if (scope.isMethodCallExpr()) {
            String n = scope.asMethodCallExpr().getNameAsString();
            return n.startsWith("get") && n.length() > 3 ? n.substring(3) : n;
        }
        return "";
    }
}
