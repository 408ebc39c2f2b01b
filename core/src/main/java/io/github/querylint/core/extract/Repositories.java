package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.TypeParameter;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Data repository interfaces: derived query methods become JPQL units at their declaration;
 * calls of the methods every repository inherits ({@code findAll()}, {@code findAllById(ids)} ...)
 * on a receiver typed with a repository of the tree become units at the call.
 */
final class Repositories {

    /** Spring Data's own base interfaces (relational, reactive and the executors); the first type argument is the entity. */
    static final Set<String> SPRING_DATA_BASES = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository", "JpaRepository", "JpaRepositoryImplementation",
            "JpaSpecificationExecutor", "QueryByExampleExecutor", "ListQueryByExampleExecutor",
            "QuerydslPredicateExecutor", "ListQuerydslPredicateExecutor", "RevisionRepository", "EnversRevisionRepository",
            "ReactiveCrudRepository", "ReactiveSortingRepository", "R2dbcRepository", "RxJava2CrudRepository",
            "RxJava3CrudRepository", "RxJava2SortingRepository", "RxJava3SortingRepository", "CoroutineCrudRepository",
            "CoroutineSortingRepository", "ReactiveQueryByExampleExecutor",
            // Micronaut Data's (CrudRepository and JpaRepository share Spring's names)
            "GenericRepository", "PageableRepository", "AsyncCrudRepository", "AsyncPageableRepository",
            "ReactiveStreamsCrudRepository", "ReactiveStreamsPageableRepository", "ReactorCrudRepository",
            "ReactorPageableRepository", "CoroutinePageableCrudRepository",
            // Jakarta Data 1.0's (its CrudRepository too)
            "DataRepository", "BasicRepository");

    /** Stores whose queries are not SQL or JPQL: their repositories and {@code @Query} texts are left alone. */
    private static final Set<String> NON_RELATIONAL_BASES = Set.of("MongoRepository", "ReactiveMongoRepository",
            "ElasticsearchRepository", "ReactiveElasticsearchRepository", "Neo4jRepository", "ReactiveNeo4jRepository",
            "CassandraRepository", "ReactiveCassandraRepository", "CouchbaseRepository", "ReactiveCouchbaseRepository",
            "KeyValueRepository", "SolrCrudRepository", "SolrRepository", "GemfireRepository", "AerospikeRepository",
            "ArangoRepository", "CosmosRepository", "ReactiveCosmosRepository", "DynamoDBCrudRepository",
            "DynamoDBPagingAndSortingRepository", "RedisRepository", "LdapRepository");
    private static final List<String> NON_RELATIONAL_PACKAGES = List.of("org.springframework.data.mongodb",
            "org.springframework.data.elasticsearch", "org.springframework.data.neo4j", "org.springframework.data.cassandra",
            "org.springframework.data.couchbase", "org.springframework.data.redis", "org.springframework.data.keyvalue",
            "org.springframework.data.solr", "org.springframework.data.gemfire", "org.springframework.data.aerospike",
            "com.arangodb", "com.azure.spring.data.cosmos", "org.socialsignin.spring.data.dynamodb",
            "org.springframework.data.ldap", "org.springframework.ldap", "io.micronaut.data.mongodb",
            "io.micronaut.data.cosmos");

    /**
     * The annotations that map a class in those stores (MongoDB's and Couchbase's {@code @Document}, Cassandra's
     * {@code @Table}, Redis' {@code @RedisHash}, LDAP's {@code @Entry}...): a class that carries one, in a file that
     * imports such a store and not JPA, is no table of a relational database.
     */
    static final Set<String> STORE_ANNOTATIONS = Set.of("Document", "Node", "RelationshipProperties", "RedisHash",
            "KeySpace", "Entry", "Container", "SolrDocument", "DynamoDBTable", "Table", "Region", "Edge");

    /** Cheap test for the first pass: the file names a non-relational store's package. */
    static boolean mayDeclareStoreDocument(String text) {
        for (String p : NON_RELATIONAL_PACKAGES) {
            if (text.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class is mapped by a store that is not relational (see {@link #STORE_ANNOTATIONS}). */
    static boolean isStoreDocument(TypeDeclaration<?> type, CompilationUnit unit) {
        if ((type instanceof ClassOrInterfaceDeclaration c && c.isInterface()) || !imports(unit, NON_RELATIONAL_PACKAGES)
                || imports(unit, JPA_PACKAGES)) { // mapped by JPA as well
            return false;
        }
        return type.getAnnotations().stream().anyMatch(a -> STORE_ANNOTATIONS.contains(a.getName().getIdentifier()));
    }

    /** CrudRepository's own methods: not derived queries even when their names look like one. */
    /** Parameters that page, sort or limit a derived query's rows, and are no criteria of it. */
    private static final Set<String> PAGING_PARAMETERS = Set.of("Pageable", "Sort", "Limit", "ScrollPosition");

    private static final Set<String> CRUD_METHODS = Set.of("findAllById", "findById", "existsById", "deleteById",
            "deleteAllById", "deleteAllByIdInBatch", "getById", "getReferenceById", "findAll", "count", "deleteAll");

    private Repositories() {
    }

    /** The entity a repository interface manages: the first type argument of the *Repository it extends. */
    static Optional<String> entityOf(ClassOrInterfaceDeclaration type) {
        if (!type.isInterface()) {
            return Optional.empty();
        }
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            String name = parent.getNameAsString();
            if ((SPRING_DATA_BASES.contains(name) || name.endsWith("Repository")) && !NON_RELATIONAL_BASES.contains(name)
                    && parent.getTypeArguments().isPresent() && !parent.getTypeArguments().get().isEmpty()) {
                String entity = CallSites.simpleType(parent.getTypeArguments().get().get(0));
                boolean typeParameter = type.getTypeParameters().stream().map(TypeParameter::getNameAsString)
                        .anyMatch(entity::equals);
                return typeParameter ? Optional.empty() : Optional.of(entity);
            }
        }
        return definitionDomainClass(type);
    }

    /** {@code @RepositoryDefinition(domainClass = User.class, idClass = Long.class)}. */
    private static Optional<String> definitionDomainClass(ClassOrInterfaceDeclaration type) {
        return type.getAnnotationByName("RepositoryDefinition")
                .flatMap(a -> JavaSourceExtractor.member(a, "domainClass"))
                .filter(ClassExpr.class::isInstance)
                .map(e -> CallSites.simpleType(((ClassExpr) e).getType()));
    }

    /** Whether the file's repository or query belongs to a store that is not relational (MongoDB, Neo4j...). */
    static boolean nonRelational(CompilationUnit unit, ClassOrInterfaceDeclaration type) {
        if (type != null && type.getExtendedTypes().stream().anyMatch(t -> NON_RELATIONAL_BASES.contains(t.getNameAsString()))) {
            return true;
        }
        return imports(unit, NON_RELATIONAL_PACKAGES);
    }

    private static final List<String> JPA_PACKAGES = List.of("jakarta.persistence", "javax.persistence");
    private static final List<String> DATA_FRAMEWORKS = List.of("org.springframework.data", "io.micronaut.data",
            "jakarta.data");

    private static boolean importsDataFramework(CompilationUnit unit) {
        return imports(unit, DATA_FRAMEWORKS);
    }

    /** Whether the file imports anything from one of these packages. */
    private static boolean imports(CompilationUnit unit, List<String> packages) {
        for (ImportDeclaration imp : unit.getImports()) {
            String name = imp.getNameAsString();
            for (String p : packages) {
                if (name.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the interface is a repository of a store that is not relational (it extends a base, in a MongoDB file). */
    static boolean isOtherStoreRepository(ClassOrInterfaceDeclaration type, CompilationUnit unit) {
        return type.isInterface() && !type.getExtendedTypes().isEmpty() && nonRelational(unit, type)
                && definitionDomainClass(type).isEmpty();
    }

    /** First pass: what the project index keeps of a repository interface. */
    static Optional<ProjectConstants.Repository> describe(ClassOrInterfaceDeclaration type, CompilationUnit unit) {
        if (!type.isInterface() || type.getExtendedTypes().isEmpty() || nonRelational(unit, type)) {
            return definitionDomainClass(type).map(entity -> new ProjectConstants.Repository(type.getNameAsString(),
                    entity, List.of(), Map.of(), declaredQueryMethods(type), true, ProjectConstants.TypeScope.of(unit)));
        }
        Map<String, String> parents = new LinkedHashMap<>();
        String entity = "";
        boolean base = false;
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            String first = parent.getTypeArguments().filter(args -> !args.isEmpty())
                    .map(args -> CallSites.simpleType(args.get(0))).orElse("");
            parents.put(parent.getNameAsString(), first);
            if (!base && SPRING_DATA_BASES.contains(parent.getNameAsString()) && !first.isEmpty()) {
                entity = first;
                base = true;
            }
        }
        List<String> typeParameters = type.getTypeParameters().stream().map(TypeParameter::getNameAsString).toList();
        if (!base && parents.values().stream().allMatch(String::isEmpty)) {
            return Optional.empty(); // extends nothing generic: not a repository
        }
        return Optional.of(new ProjectConstants.Repository(type.getNameAsString(), entity, typeParameters, parents,
                declaredQueryMethods(type), base, ProjectConstants.TypeScope.of(unit)));
    }

    /**
     * Methods the interface gives a query of its own ({@code @Query}): their calls are not the inherited ones. A
     * {@code findAll()} or {@code findAll(Sort)} declared again (for an {@code @EntityGraph}) is judged at its
     * declaration; it is recorded with its arguments ({@link #redeclared}), so that only the calls of that overload
     * are its own, not a {@code findAll(pageable)} or {@code findAll(spec)}.
     */
    private static Set<String> declaredQueryMethods(ClassOrInterfaceDeclaration type) {
        Set<String> names = new TreeSet<>();
        for (MethodDeclaration m : type.getMethods()) {
            if (m.getAnnotationByName("Query").isPresent() || m.getAnnotationByName("NativeQuery").isPresent()
                    || m.getBody().isPresent()) {
                names.add(m.getNameAsString());
            } else if (!m.isDefault() && !m.isStatic() && redeclaredFindAll(m)) {
                names.add(m.getParameters().isEmpty() ? "findAll()" : "findAll(Sort)");
            }
        }
        return names;
    }

    /** How a call names the overload of a redeclared {@code findAll} it runs, as {@link #declaredQueryMethods} records it. */
    private static String redeclared(MethodCallExpr call, Inherited inherited) {
        if (!call.getNameAsString().equals("findAll")) {
            return "";
        }
        if (call.getArguments().isEmpty()) {
            return "findAll()";
        }
        // one argument that neither pages nor filters: a Sort
        return call.getArguments().size() == 1 && inherited.filter() == Filter.NONE && inherited.bound().isEmpty()
                ? "findAll(Sort)" : "";
    }

    /**
     * The language of a {@code @Query}: JPQL for Spring Data JPA (SQL with {@code nativeQuery}), SQL for
     * Spring Data JDBC and R2DBC and Micronaut's JDBC repositories; empty for other stores.
     */
    static Optional<QueryLanguage> queryLanguage(CompilationUnit unit, AnnotationExpr annotation) {
        String written = annotation.getNameAsString();
        String qualified = written.contains(".") ? written : null;
        if (qualified == null) {
            for (ImportDeclaration imp : unit.getImports()) {
                if (!imp.isStatic() && !imp.isAsterisk() && imp.getNameAsString().endsWith("." + written)) {
                    qualified = imp.getNameAsString();
                }
            }
        }
        if (qualified == null) {
            for (ImportDeclaration imp : unit.getImports()) {
                String name = imp.getNameAsString();
                if (imp.isAsterisk() && (name.startsWith("org.springframework.data.") || name.startsWith("io.micronaut.data")
                        || name.startsWith("jakarta.data"))) {
                    qualified = name + "." + written;
                    break;
                }
            }
        }
        String q = qualified == null ? "" : qualified.toLowerCase(Locale.ROOT);
        if (NON_RELATIONAL_PACKAGES.stream().anyMatch(q::startsWith)) {
            return Optional.empty();
        }
        if (q.startsWith("org.springframework.data.jdbc") || q.startsWith("org.springframework.data.r2dbc")) {
            return Optional.of(QueryLanguage.SQL);
        }
        if (q.startsWith("jakarta.data")) {
            return Optional.of(QueryLanguage.HQL); // Jakarta Data's JDQL, a subset of HQL
        }
        if (q.startsWith("io.micronaut.data")) {
            ClassOrInterfaceDeclaration type = annotation.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
            boolean jdbc = type != null && (type.getAnnotationByName("JdbcRepository").isPresent()
                    || type.getAnnotationByName("R2dbcRepository").isPresent());
            return Optional.of(jdbc ? QueryLanguage.SQL : QueryLanguage.JPQL);
        }
        if (q.isEmpty() && nonRelational(unit, annotation.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null))) {
            return Optional.empty();
        }
        return Optional.of(QueryLanguage.JPQL);
    }

    static void derivedQueries(SourceFile file, CompilationUnit unit, CallSites callSites, ProjectConstants index,
                               List<QueryUnit> out) {
        for (ClassOrInterfaceDeclaration type : Nodes.all(unit, ClassOrInterfaceDeclaration.class)) {
            if (!type.isInterface() || nonRelational(unit, type)) {
                continue;
            }
            // a repository of the index reaches a Spring Data base; without the index, only a file that
            // imports Spring Data (or Micronaut Data) is trusted: a DDD "OrderRepository" is no Spring one
            ProjectConstants.TypeScope scope = ProjectConstants.TypeScope.of(unit);
            Optional<String> entity = indexedEntity(type, scope, index);
            if (entity.isEmpty() && importsDataFramework(unit)) {
                entity = entityOf(type);
            }
            if (entity.isEmpty() || index.storeDocument(scope, entity.get())) {
                continue;
            }
            for (MethodDeclaration method : type.getMethods()) {
                if (method.isDefault() || method.isStatic() || method.getBody().isPresent()
                        || method.getAnnotationByName("Query").isPresent()
                        || method.getAnnotationByName("NativeQuery").isPresent()
                        || method.getAnnotationByName("Procedure").isPresent()
                        || CRUD_METHODS.contains(method.getNameAsString()) && !redeclaredFindAll(method)) {
                    continue;
                }
                CallSite site = callSites.ofRepositoryMethod(method);
                if (redeclaredFindAll(method)) {
                    // List<Book> findAll() declared again (for @EntityGraph, @Join, a List instead of an Iterable): its
                    // calls run the repository's own method, so it is judged here, as Spring Data runs it
                    String jpql = "select e from " + entity.get() + " e";
                    out.add(new QueryUnit(JavaSourceExtractor.location(file, method.getName()),
                            QueryOrigin.SPRING_DATA_DERIVED, QueryLanguage.JPQL, jpql, site, false, false,
                            JavaSourceExtractor.Suppressions.of(method), List.of()));
                    continue;
                }
                // Spring Data runs a named query called Entity.method instead of deriving one
                Optional<ProjectConstants.NamedQuery> named = index.namedQuery(entity.get() + "." + method.getNameAsString());
                if (named.isPresent() && index.readByRepositoryMethod(entity.get() + "." + method.getNameAsString())) {
                    continue; // judged at its declaration, this method one of its readings (NamedQueryCalls)
                }
                if (named.isPresent()) {
                    ProjectConstants.NamedQuery q = named.get();
                    out.add(new QueryUnit(JavaSourceExtractor.location(file, method.getName()),
                            QueryOrigin.SPRING_DATA_QUERY, q.language(), q.text(), site, q.dynamic(), false,
                            JavaSourceExtractor.Suppressions.of(method), List.of(q.location())));
                    continue;
                }
                boolean criteria = method.getParameters().stream().anyMatch(p -> !PAGING_PARAMETERS.contains(
                        CallSites.simpleType(p.getType())));
                Optional<DerivedQueries.Derived> derived = DerivedQueries.derive(method.getNameAsString(), entity.get(),
                        criteria);
                if (derived.isEmpty()) {
                    continue;
                }
                if (derived.get().rowLimit() > 0 && !site.boundedByCode()) {
                    site = site.withRowBound(derived.get().limitKeyword());
                }
                if (derived.get().kind() == DerivedQueries.Kind.COUNT || derived.get().kind() == DerivedQueries.Kind.EXISTS) {
                    site = site.withCardinality(site.terminalCall(), Cardinality.SCALAR);
                } else if (derived.get().kind() == DerivedQueries.Kind.DELETE) {
                    site = site.withCardinality(site.terminalCall(), Cardinality.UPDATE_COUNT);
                }
                out.add(new QueryUnit(JavaSourceExtractor.location(file, method.getName()), QueryOrigin.SPRING_DATA_DERIVED,
                        QueryLanguage.JPQL, derived.get().jpql(), site, false, false,
                        JavaSourceExtractor.Suppressions.of(method), List.of()));
            }
        }
    }

    private static final Pattern JDQL_WITHOUT_FROM = Pattern.compile("(?is)\\s*(where|order\\s+by)\\b.*");

    /**
     * Jakarta Data's JDQL may leave out SELECT and FROM ({@code @Query("where status = :status")}): the repository's
     * entity is the one read, as Jakarta Data completes it.
     */
    static ConstantFolder.Folded completeJdql(ConstantFolder.Folded f, MethodDeclaration method, CompilationUnit unit,
                                              ProjectConstants index) {
        if (method == null || !JDQL_WITHOUT_FROM.matcher(f.text()).matches()
                || !(method.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration type)) {
            return f;
        }
        Optional<String> entity = indexedEntity(type, ProjectConstants.TypeScope.of(unit), index).or(() -> entityOf(type));
        return entity.map(e -> new ConstantFolder.Folded("from " + e + " " + f.text().strip(), f.dynamic(),
                f.conditional(), f.filterConditional(), f.optional())).orElse(f);
    }

    /** {@code findAll()} or {@code findAll(Sort)} declared on the repository itself. */
    private static boolean redeclaredFindAll(MethodDeclaration method) {
        return method.getNameAsString().equals("findAll") && (method.getParameters().isEmpty()
                || method.getParameters().size() == 1 && CallSites.simpleType(method.getParameter(0).getType()).equals("Sort"));
    }

    /** The domain type of a repository interface of the index, following its generic bases. */
    private static Optional<String> indexedEntity(ClassOrInterfaceDeclaration type, ProjectConstants.TypeScope scope,
                                                  ProjectConstants index) {
        return index.repository(scope, type.getFullyQualifiedName().orElse(type.getNameAsString()))
                .flatMap(r -> index.entityOf(r.repository(), 0));
    }

    private static final Pattern ENTITY_NAME = Pattern.compile("#\\{\\s*#entityName\\s*}");

    /**
     * A {@code @Query} text with Spring Data's {@code #{#entityName}} replaced by the repository's domain type,
     * as Spring Data does before it runs the query (a generic base repository's query stays as written).
     */
    static String withEntityName(String text, MethodDeclaration method, CompilationUnit unit, ProjectConstants index) {
        if (!text.contains("#entityName") || method == null
                || !(method.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration type)) {
            return text;
        }
        Optional<String> entity = indexedEntity(type, ProjectConstants.TypeScope.of(unit), index).or(() -> entityOf(type));
        return entity.map(e -> ENTITY_NAME.matcher(text).replaceAll(Matcher.quoteReplacement(e)))
                .orElse(text);
    }

    /**
     * Calls of the methods every repository inherits ({@code CrudRepository}, {@code PagingAndSortingRepository},
     * {@code JpaSpecificationExecutor}, {@code QueryByExampleExecutor} and their reactive siblings) on a
     * receiver declared with a repository type of the tree: the query Spring Data runs, at the call.
     */
    static void inheritedCalls(SourceFile file, CompilationUnit unit, CallSites callSites, ProjectConstants index,
                               List<QueryUnit> out) {
        if (index.repositoryNames().isEmpty()) {
            return;
        }
        ProjectConstants.TypeScope scope = null;
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            Optional<Inherited> inherited = Inherited.of(call);
            if (inherited.isEmpty() || Mocks.stubbedOrVerified(call, null) || Mocks.onMock(call, callSites)) {
                continue; // a test's stand-in for the repository: no query runs there
            }
            // a default method of the repository calling its own inherited findAll(..): the receiver is the repository
            boolean own = call.getScope().isEmpty() || call.getScope().get().isThisExpr();
            String type = own ? ownInterface(call) : callSites.writtenTypeOf(call.getScope().get());
            if (type == null) {
                continue;
            }
            scope = scope == null ? ProjectConstants.TypeScope.of(unit) : scope;
            List<String> arguments = own ? List.of() : callSites.typeArguments(call.getScope().get());
            Optional<ProjectConstants.Resolved> resolved = index.repository(scope, type, !arguments.isEmpty());
            if (resolved.isEmpty() || index.declares(resolved.get().repository(), call.getNameAsString(), 0)) {
                continue;
            }
            String overload = redeclared(call, inherited.get());
            if (!overload.isEmpty() && index.declares(resolved.get().repository(), overload, 0)) {
                continue; // the repository declares this findAll again: judged at that declaration
            }
            ProjectConstants.Repository repository = resolved.get().repository();
            String entity = index.entityOf(repository, 0).or(() -> typeArgumentEntity(repository, arguments))
                    .orElse("");
            if (entity.isEmpty()) {
                continue; // a generic base whose domain type the receiver does not say
            }
            // which of two repositories of one name a call means, when neither the file's imports nor its packages
            // tell, is a guess: the call is then read as a query, as a relational store's would be
            if (resolved.get().certain() && index.storeDocument(repository.scope(), entity)) {
                continue;
            }
            Inherited i = inherited.get().readingPredicate(call, entity);
            String where = switch (i.filter()) {
                case NONE -> "";
                case ID -> " where e.id = ?1";
                case IDS -> " where e.id in (?1)";
                case DYNAMIC -> " where " + ConstantFolderSupport.DYNAMIC + " = true";
                // a condition QueryLint does not read, but one that always applies
                case OPAQUE -> " where e." + ConstantFolderSupport.DYNAMIC + " = ?1";
                case READ -> " where " + i.condition();
            };
            String select = i.cardinality() == Cardinality.SCALAR ? "select count(e)" : "select e";
            CallSite site = CallSites.withFirstRow(new CallSite(call.getNameAsString(), i.cardinality(), i.bound(),
                    CallSites.inLoop(call), CallSites.enclosingClass(call), CallSites.enclosingMethod(call)), call);
            out.add(new QueryUnit(JavaSourceExtractor.location(file, call.getName()), QueryOrigin.SPRING_DATA_INHERITED,
                    QueryLanguage.JPQL, select + " from " + entity + " e" + where, site,
                    i.filter() == Filter.DYNAMIC || i.filter() == Filter.OPAQUE,
                    false, JavaSourceExtractor.Suppressions.of(call), List.of()));
        }
    }

    /** The interface whose default method holds the call, or null when the call is in a class. */
    private static String ownInterface(MethodCallExpr call) {
        return call.findAncestor(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class)
                .filter(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration::isInterface)
                .map(t -> t.getNameAsString()).orElse(null);
    }

    /**
     * The domain type a receiver declared with a generic base gives it ({@code TenantScopedRepository<Project, Long>}
     * of a {@code @NoRepositoryBean} base that extends {@code JpaRepository<T, ID>}).
     */
    private static Optional<String> typeArgumentEntity(ProjectConstants.Repository repository, List<String> arguments) {
        int at = repository.typeParameters().indexOf(repository.entity());
        return repository.springDataBase() && at >= 0 && at < arguments.size() ? Optional.of(arguments.get(at))
                : Optional.empty();
    }

    private enum Filter { NONE, ID, IDS, DYNAMIC, OPAQUE, READ }

    /**
     * What an inherited repository method runs, read from its name and its arguments.
     *
     * @param condition for {@link Filter#READ}: the JPQL condition of the Specification lambda it is handed
     */
    private record Inherited(Filter filter, Cardinality cardinality, String bound, String condition) {

        Inherited(Filter filter, Cardinality cardinality, String bound) {
            this(filter, cardinality, bound, "");
        }

        /**
         * A Querydsl predicate written in the call ({@code findAll(customer.city.eq(c))}) is read like a
         * Specification's lambda: its comparisons become the condition; one this code cannot read stays dynamic.
         */
        Inherited readingPredicate(MethodCallExpr call, String entity) {
            if (filter != Filter.DYNAMIC || !call.getNameAsString().equals("findAll") || call.getArguments().isEmpty()) {
                return this;
            }
            return QuerydslCalls.executorPredicate(call.getArguments().get(0), entity)
                    .map(c -> new Inherited(Filter.READ, cardinality, bound, c)).orElse(this);
        }

        static Optional<Inherited> of(MethodCallExpr call) {
            List<Expression> args = call.getArguments();
            String name = call.getNameAsString();
            switch (name) {
                case "findAll" -> {
                    if (args.isEmpty()) {
                        return Optional.of(new Inherited(Filter.NONE, Cardinality.COLLECTION, ""));
                    }
                    Filter filter = Filter.NONE;
                    String bound = "";
                    String condition = "";
                    for (Expression a : args) {
                        switch (kind(a)) {
                            case "page" -> bound = "Pageable";
                            case "sort" -> {
                                // ordering bounds nothing
                            }
                            // a Specification, an Example, a Querydsl Predicate: one may be empty
                            default -> {
                                Optional<String> read = a instanceof com.github.javaparser.ast.expr.LambdaExpr l
                                        ? CriteriaQueries.specificationWhere(l) : Optional.empty();
                                condition = read.orElse("");
                                filter = read.isPresent() ? Filter.READ : call.findCompilationUnit()
                                        .filter(u -> Specifications.alwaysFilters(a, u)).isPresent()
                                        ? Filter.OPAQUE : Filter.DYNAMIC;
                            }
                        }
                    }
                    return Optional.of(new Inherited(filter, Cardinality.COLLECTION, bound, condition));
                }
                case "findAllById" -> {
                    return args.size() == 1 ? Optional.of(new Inherited(Filter.IDS, Cardinality.COLLECTION, ""))
                            : Optional.empty();
                }
                case "findById" -> {
                    return args.size() == 1 ? Optional.of(new Inherited(Filter.ID, Cardinality.OPTIONAL, ""))
                            : Optional.empty();
                }
                case "existsById" -> {
                    return args.size() == 1 ? Optional.of(new Inherited(Filter.ID, Cardinality.SCALAR, ""))
                            : Optional.empty();
                }
                case "count", "exists" -> {
                    if (args.size() > 1 || name.equals("exists") && args.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Inherited(args.isEmpty() ? Filter.NONE : Filter.DYNAMIC, Cardinality.SCALAR, ""));
                }
                case "findOne" -> {
                    return args.size() == 1 ? Optional.of(new Inherited(Filter.DYNAMIC, Cardinality.OPTIONAL, ""))
                            : Optional.empty();
                }
                case "findBy" -> {
                    return args.size() == 2 ? fluent(args.get(1)) : Optional.empty();
                }
                default -> {
                    return Optional.empty();
                }
            }
        }

        /**
         * Spring Data's fluent query ({@code findBy(spec, q -> q.sortBy(..).all())}, of Specifications, Examples and
         * Querydsl predicates): how the rows are read is the lambda's last call.
         */
        private static Optional<Inherited> fluent(Expression function) {
            List<String> calls = new java.util.ArrayList<>();
            if (function instanceof com.github.javaparser.ast.expr.MethodReferenceExpr ref) {
                calls.add(ref.getIdentifier());
            } else if (function instanceof com.github.javaparser.ast.expr.LambdaExpr lambda
                    && lambda.getExpressionBody().orElse(null) instanceof MethodCallExpr last) {
                for (Expression e = last; e instanceof MethodCallExpr c; e = c.getScope().orElse(null)) {
                    calls.add(c.getNameAsString());
                }
            }
            if (calls.isEmpty()) {
                return Optional.empty();
            }
            String bound = calls.contains("limit") ? "limit" : "";
            return switch (calls.get(0)) {
                case "all" -> Optional.of(new Inherited(Filter.DYNAMIC, Cardinality.COLLECTION, bound));
                case "stream" -> Optional.of(new Inherited(Filter.DYNAMIC, Cardinality.STREAM, bound));
                case "page", "slice" -> Optional.of(new Inherited(Filter.DYNAMIC, Cardinality.COLLECTION, "Pageable"));
                case "scroll" -> Optional.of(new Inherited(Filter.DYNAMIC, Cardinality.COLLECTION, "Window"));
                case "first", "one" -> Optional.of(new Inherited(Filter.DYNAMIC, Cardinality.OPTIONAL, ""));
                case "firstValue", "oneValue" -> Optional.of(new Inherited(Filter.DYNAMIC, Cardinality.SINGLE, ""));
                case "count", "exists" -> Optional.of(new Inherited(Filter.DYNAMIC, Cardinality.SCALAR, ""));
                default -> Optional.empty();
            };
        }

        /** "page", "sort" or "filter", from the argument as written ({@code PageRequest.of(0, 20)}, {@code sort}). */
        private static String kind(Expression a) {
            if (a instanceof com.github.javaparser.ast.expr.LambdaExpr) {
                return "filter"; // (root, query, cb) -> cb.equal(root.get("orderId"), id) orders nothing
            }
            String s = a.toString().toLowerCase(Locale.ROOT);
            if (s.contains("page") || s.contains("unpaged") || s.contains("limit")) {
                return "page";
            }
            if (s.contains("sort") || s.contains("order")) {
                return "sort";
            }
            return "filter";
        }
    }
}
