package io.github.querylint.core.extract;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the queries in a Java file: strings that reach a query API (JDBC, JdbcTemplate,
 * JdbcClient, JPA, Hibernate), query annotations ({@code @Query}, {@code @NamedQuery},
 * MyBatis {@code @Select}...), and Spring Data repository methods.
 */
public final class JavaSourceExtractor implements Extractor {

    private final ProjectConstants constants;
    private final boolean prefilter;

    public JavaSourceExtractor(ProjectConstants constants) {
        this(constants, true);
    }

    private JavaSourceExtractor(ProjectConstants constants, boolean prefilter) {
        this.constants = constants;
        this.prefilter = prefilter;
    }

    /** An extractor that parses every file, for the tests that prove the pre-filter changes no finding. */
    public static JavaSourceExtractor withoutPrefilter(ProjectConstants constants) {
        return new JavaSourceExtractor(constants, false);
    }

    public JavaSourceExtractor() {
        this(ProjectConstants.EMPTY);
    }

    @Override
    public boolean accepts(SourceFile file) {
        return file.kind() == SourceKind.JAVA;
    }

    /** The cheap pre-filter: whether the text can hold a query at all (see {@link Prefilter}). */
    public static boolean mayHoldQuery(String text) {
        return Prefilter.mayHoldQuery(text);
    }

    static JavaParser newParser() {
        return JavaParsers.newParser();
    }

    /** Parses a file; empty with a notice when it does not parse. */
    public static Optional<CompilationUnit> parse(SourceFile file, String text, ExtractionSink out) {
        ParseResult<CompilationUnit> result;
        try {
            result = newParser().parse(text);
        } catch (StackOverflowError e) {
            out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), 1, 1),
                    "Java file nests expressions too deeply for the parser (StackOverflowError); its queries were not"
                            + " analysed: exclude it if it is generated, or simplify the nesting"));
            return Optional.empty();
        } catch (RuntimeException e) {
            out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), 1, 1),
                    "Java file could not be parsed (" + e.getClass().getSimpleName()
                            + "); its queries were not analysed, please report this"));
            return Optional.empty();
        }
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            Problem problem = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
            int line = problem == null ? 1 : problem.getLocation()
                    .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
            String message = problem == null ? "unknown syntax error" : problem.getMessage().lines().findFirst().orElse("")
                    .replaceFirst(",\\s*expected one of.*", "");
            if (message.length() > 160) {
                message = message.substring(0, 160) + "...";
            }
            out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), line, 1),
                    "Java file has a syntax error, its queries were not analysed (fix it or exclude the file): "
                            + message));
            return Optional.empty();
        }
        return result.getResult();
    }

    @Override
    public void extract(SourceFile file, String text, ExtractionSink out) {
        if (prefilter && !mayHoldQuery(text) && !constants.mentionedIn(text)) {
            return;
        }
        Optional<CompilationUnit> parsed = parse(file, text, out);
        if (parsed.isEmpty()) {
            return;
        }
        extract(file, parsed.get(), out);
    }

    public void extract(SourceFile file, CompilationUnit unit, ExtractionSink out) {
        ConstantFolder folder = new ConstantFolder(unit, constants);
        CallSites callSites = new CallSites(unit);
        List<QueryUnit> found = new ArrayList<>();
        List<QueryUnit> wrapped = new ArrayList<>();
        Set<MethodCallExpr> wrapperCalls = QueryWrappers.calls(file, unit, callSites, folder, constants, wrapped);
        QueryWrappers.unreadNamedWrapperCalls(file, unit, callSites, constants, out);
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            if (call.getScope().isEmpty() && wrapperCalls.contains(call)) {
                continue; // the wrapper's unit, with the place inside it
            }
            ApiCalls.match(call, callSites).ifPresent(api -> apiCall(file, call, api, folder, callSites, found, out));
        }
        for (AnnotationExpr annotation : Nodes.all(unit, AnnotationExpr.class)) {
            annotationQueries(file, unit, annotation, folder, callSites, found, out);
        }
        Repositories.derivedQueries(file, unit, callSites, constants, found);
        Repositories.inheritedCalls(file, unit, callSites, constants, found);
        MybatisPlusCalls.calls(file, unit, callSites, constants, found);
        PanacheCalls.calls(file, unit, callSites, constants, folder, found);
        LegacyCriteria.calls(file, unit, callSites, found);
        QuerydslCalls.calls(file, unit, callSites, found);
        JooqCalls.calls(file, unit, callSites, folder, found);
        BatchCalls.calls(file, unit, callSites, folder, found, out);
        found.addAll(wrapped);
        found.forEach(out::query);
    }

    private void apiCall(SourceFile file, MethodCallExpr call, ApiCalls.Api api, ConstantFolder folder,
                         CallSites callSites, List<QueryUnit> found, ExtractionSink out) {
        if (call.getArguments().size() <= api.argumentIndex()) {
            return;
        }
        Expression argument = call.getArguments().get(api.argumentIndex());
        if (Mocks.stubbedOrVerified(call, argument) || Mocks.onMock(call, callSites)) {
            return; // a call on a mock in a test: no query runs there
        }
        Location at = location(file, call.getName());
        if (argument.isClassExpr()) {
            // HibernateTemplate.loadAll(Item.class): every row of the entity, with no text of its own
            if (api.origin() == QueryOrigin.HIBERNATE && call.getNameAsString().equals("loadAll")) {
                String jpql = "select e from " + argument.asClassExpr().getType().asString() + " e";
                found.add(new QueryUnit(at, api.origin(), QueryLanguage.HQL, jpql, callSites.of(call, api, jpql), false,
                        false, Suppressions.of(call), List.of()));
            }
            return;
        }
        if (QueryWrappers.isWrapperCall(call, argument, constants)) {
            return; // a wrapper's own call with its caller's text (and maybe a clause of its own): judged at each caller
        }
        Optional<ConstantFolder.Folded> folded = folder.fold(argument);
        if (folded.isEmpty()) {
            return;
        }
        String queryText = completeUnknownStart(folded.get().text());
        if (api.named()) {
            namedQueryCall(file, call, api, folded.get(), callSites, found, out);
            return;
        }
        if (api.origin() == QueryOrigin.JOOQ && queryText.strip().equals(ConstantFolderSupport.DYNAMIC)
                && !"String".equals(callSites.typeOf(argument))) {
            return; // dsl.fetch(BOOK), dsl.fetchOne(query): a table or a query object, which JooqCalls reads
        }
        if (queryText.strip().equals(ConstantFolderSupport.DYNAMIC) || queryText.isBlank()) {
            // no text at all: a criteria query the method builds itself is the JPQL it stands for
            Optional<CriteriaQueries.Jpql> criteria = api.language() != QueryLanguage.SQL && callSites.isNonTextQuery(argument)
                    ? CriteriaQueries.jpql(argument) : Optional.empty();
            if (criteria.isPresent()) {
                String jpql = criteria.get().text();
                found.add(new QueryUnit(at, api.origin(), QueryLanguage.JPQL, jpql, callSites.of(call, api, jpql), false,
                        criteria.get().conditional(), Suppressions.of(call), List.of()));
                return;
            }
            // nothing of the text is known here: say so once, unless it is no text at all (a CriteriaQuery)
            boolean typedReceiver = call.getScope().map(callSites::typeOf).isPresent();
            if ((api.distinctive() || typedReceiver) && !callSites.isNonTextQuery(argument)) {
                out.notice(builtElsewhere(at, "run by " + call.getNameAsString() + "(...)", argument));
            }
            return;
        }
        // a receiver of a declared query type is trusted; one known only by its name must pass a stricter test
        boolean typed = call.getScope().map(callSites::typeOf).isPresent();
        // "ql_dynamic and x = ?": the start is unknown, but a query API takes it
        boolean unknownStart = queryText.startsWith(ConstantFolderSupport.DYNAMIC) && (typed || api.distinctive());
        if (folded.get().text().strip().startsWith(ConstantFolderSupport.DYNAMIC) && nothingKnown(queryText)) {
            // "ql_dynamic WHERE ql_dynamic" (sql + " WHERE " + condition): no table, column or value is known here
            out.notice(builtElsewhere(at, "run by " + call.getNameAsString() + "(...)", argument));
            return;
        }
        boolean strict = !typed && !unknownStart;
        if (!unknownStart && (strict || api.needsQueryLookingText())
                && !(strict ? SqlText.looksLikeSql(queryText) : SqlText.looksLikeQuery(queryText))) {
            return; // an ambiguous call with a text that is no query
        }
        if (call.getNameAsString().equals("batchUpdate") && call.getArguments().size() > 1
                && api.origin() == QueryOrigin.JDBC_TEMPLATE) {
            // batchUpdate(String... sql): every argument is a statement of its own
            List<ConstantFolder.Folded> statements = new ArrayList<>();
            for (Expression e : call.getArguments()) {
                folder.fold(e).filter(f -> SqlText.looksLikeSql(f.text())).ifPresent(statements::add);
            }
            if (statements.size() == call.getArguments().size()) {
                CallSite site = callSites.of(call, api, queryText);
                for (ConstantFolder.Folded f : statements) {
                    found.add(new QueryUnit(at, api.origin(), api.language(), f.text(), site, f.dynamic(), false,
                            Suppressions.of(call), List.of()));
                }
                return;
            }
        }
        CallSite site = callSites.of(call, api, queryText);
        found.add(new QueryUnit(at, api.origin(), api.language(), queryText, site, folded.get().dynamic(),
                folded.get().filterConditional(), Suppressions.of(call), List.of(), folded.get().optional()));
    }

    /**
     * {@code createNamedQuery("User.byEmail")}: the text declared by {@code @NamedQuery} or orm.xml. A call
     * that names it by a literal or a constant ({@link NamedQueryCalls#key}) is judged at the declaration, where
     * a finding about a named query points, with the widest reading of its calls; one whose name is built
     * otherwise is judged here, with this call's facts ({@code getResultList}, {@code setMaxResults}).
     */
    private void namedQueryCall(SourceFile file, MethodCallExpr call, ApiCalls.Api api, ConstantFolder.Folded name,
                                CallSites callSites, List<QueryUnit> found, ExtractionSink out) {
        Location at = location(file, call.getName());
        if (name.dynamic()) {
            if (QueryWrappers.isNamedWrapperCall(call, call.getArgument(api.argumentIndex()), constants)) {
                return; // a helper's own call with its caller's name: each caller's reading goes to the declaration
            }
            out.notice(new Notice(Notice.Kind.SKIPPED_QUERY, at, "the named query run by " + call.getNameAsString()
                    + "(...) is chosen at run time; it was not analysed here"));
            return;
        }
        Optional<ProjectConstants.NamedQuery> declared = constants.namedQuery(name.text());
        if (declared.isEmpty()) {
            out.notice(new Notice(Notice.Kind.SKIPPED_QUERY, at, "named query '" + name.text()
                    + "' is not declared in the scanned sources (@NamedQuery, orm.xml or jpa-named-queries.properties);"
                    + " its call was not analysed"));
            return;
        }
        if (NamedQueryCalls.key(call.getArgument(api.argumentIndex()), new ConstantFolder(
                call.findCompilationUnit().orElseThrow(), ProjectConstants.EMPTY)).isPresent()) {
            return; // the first pass gave this call's reading to the declaration, which is judged and reported there
        }
        ProjectConstants.NamedQuery q = declared.get();
        CallSite site = callSites.of(call, api, q.text());
        QueryLanguage language = q.language() == QueryLanguage.SQL ? QueryLanguage.SQL
                : api.origin() == QueryOrigin.HIBERNATE ? QueryLanguage.HQL : q.language();
        found.add(new QueryUnit(at, api.origin(), language, q.text(), site, q.dynamic(), false, Suppressions.of(call),
                List.of(q.location())));
    }

    private static final Pattern KEYWORDS_ONLY = Pattern.compile("(?i)(\\s|[?,()=<>*]|\\b(select|from|where|and|or|not"
            + "|order|group|by|having|limit|offset|asc|desc|join|inner|left|outer|on|in|is|null|like)\\b)*");

    /** Whether a text holds nothing but unknown parts and keywords: no table, column or value of its own. */
    static boolean nothingKnown(String text) {
        return KEYWORDS_ONLY.matcher(text.replace(ConstantFolderSupport.DYNAMIC, " ")).matches();
    }

    private static final Pattern UNKNOWN_SELECT_LIST = Pattern.compile(
            "(?is)^\\s*" + ConstantFolderSupport.DYNAMIC + "\\s+(?=from\\b)");
    private static final Pattern UNKNOWN_SELECT_FROM = Pattern.compile(
            "(?is)^\\s*" + ConstantFolderSupport.DYNAMIC + "\\s+(?=(where|order\\s+by|group\\s+by|join|left|inner)\\b)");

    /**
     * A whole query whose start is unknown ({@code mapper.schema() + " where c.id = ?"}, the mapper in
     * another file): the unknown start stands for a select list, or a select list and its FROM, so
     * that the known filter and order still parse.
     */
    private static String completeUnknownStart(String text) {
        String t = UNKNOWN_SELECT_LIST.matcher(text).replaceFirst("SELECT " + ConstantFolderSupport.DYNAMIC + " ");
        return UNKNOWN_SELECT_FROM.matcher(t).replaceFirst("SELECT " + ConstantFolderSupport.DYNAMIC + " FROM "
                + ConstantFolderSupport.DYNAMIC + " ");
    }

    /** The notice for a query whose text this file does not hold: {@code holder} says who runs or holds it. */
    static Notice builtElsewhere(Location at, String holder, Expression argument) {
        return new Notice(Notice.Kind.SKIPPED_QUERY, at, "the text of the query " + holder + " is built elsewhere ("
                + describe(argument) + "); it was not analysed here, pass a constant or review the callers");
    }

    private static String describe(Expression argument) {
        if (argument.isNameExpr()) {
            return "'" + argument.asNameExpr().getNameAsString() + "'";
        }
        if (argument.isMethodCallExpr()) {
            return "the result of " + argument.asMethodCallExpr().getNameAsString() + "()";
        }
        String s = argument.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private void annotationQueries(SourceFile file, CompilationUnit unit, AnnotationExpr annotation,
                                   ConstantFolder folder, CallSites callSites, List<QueryUnit> found, ExtractionSink out) {
        String name = annotation.getNameAsString();
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        switch (simple) {
            case "Query", "NativeQuery" -> springDataQuery(file, unit, annotation, simple, folder, callSites, found);
            case "NamedQuery", "NamedNativeQuery" -> NamedQueries.declaration(file, annotation, folder)
                    // judged by how the code's calls run it by name (createNamedQuery), reported here
                    .ifPresent(q -> found.add(new QueryUnit(q.location(), QueryOrigin.NAMED_QUERY, q.language(), q.text(),
                            constants.namedQueryReading(q.name()),
                            q.dynamic(), false, Suppressions.of(annotation), List.of())));
            case "Select", "Update", "Insert", "Delete" -> {
                if (!(annotation.getParentNode().orElse(null) instanceof MethodDeclaration method)) {
                    return;
                }
                Optional<Expression> value = member(annotation, "value");
                if (value.isEmpty()) {
                    return;
                }
                foldAnnotation(value.get(), folder).ifPresent(f -> {
                    if (!SqlText.looksLikeQuery(f.text().replaceAll("(?is)^\\s*<script>", ""))) {
                        return;
                    }
                    String text = f.text().replaceAll("(?is)</?script>", " ");
                    MapperSql.Flat flat = MapperSql.flatten(text);
                    CallSite site = simple.equals("Select") ? pagedByCaller(callSites.ofMapperMethod(method), method)
                            : callSites.ofRepositoryMethod(method).withCardinality("", Cardinality.UPDATE_COUNT);
                    found.add(new QueryUnit(location(file, annotation), QueryOrigin.MYBATIS_ANNOTATION,
                            QueryLanguage.SQL, flat.text(), site, f.dynamic() || flat.dynamic(), flat.filterConditional(),
                            Suppressions.of(annotation), List.of(), flat.optionalColumns()));
                });
            }
            case "SqlQuery", "SqlUpdate", "SqlBatch" -> jdbiAnnotation(file, annotation, simple, folder, callSites, found);
            case "SelectProvider", "UpdateProvider", "InsertProvider", "DeleteProvider" ->
                    providerQuery(file, annotation, simple, folder, callSites, found, out);
            default -> {
                // not a query annotation
            }
        }
    }

    /**
     * MyBatis' {@code @SelectProvider(type = UserSql.class, method = "byRole")}: the statement the provider method
     * returns ({@link SqlProviders}), judged at the mapper method. Without {@code method}, MyBatis calls the
     * provider's method of the mapper method's name. A provider the tree does not hold, or whose statement cannot
     * be read, is a notice: the query is not analysed, and the report says so.
     */
    /** JDBI's template arguments: {@code <ids>} of a {@code @BindList}, {@code <table>} of a {@code @Define}. */
    private static final Pattern JDBI_TEMPLATE_ARGUMENT = Pattern.compile("<([A-Za-z_]\\w*)>");

    /**
     * JDBI's SqlObject: {@code @SqlQuery("select ...")} on a method, read as the method returns it ({@code List},
     * {@code Optional}, {@code Stream}, {@code ResultIterable}), bounded by {@code @MaxRows}. Its template arguments
     * are parts written at run time. A {@code @SqlQuery} without text reads a SQL file the scan judges as one.
     */
    private void jdbiAnnotation(SourceFile file, AnnotationExpr annotation, String simple, ConstantFolder folder,
                                CallSites callSites, List<QueryUnit> found) {
        if (!(annotation.getParentNode().orElse(null) instanceof MethodDeclaration method)
                || !callSites.jdbi() && !annotation.getNameAsString().contains("jdbi")) {
            return;
        }
        Optional<Expression> value = member(annotation, "value");
        if (value.isEmpty()) {
            return;
        }
        foldAnnotation(value.get(), folder).ifPresent(f -> {
            if (f.text().isBlank()) {
                return;
            }
            String text = JDBI_TEMPLATE_ARGUMENT.matcher(f.text()).replaceAll("\\${$1}");
            CallSite site = simple.equals("SqlQuery") ? callSites.ofRepositoryMethod(method)
                    : callSites.ofRepositoryMethod(method).withCardinality("", Cardinality.UPDATE_COUNT);
            if (method.getAnnotationByName("MaxRows").isPresent()) {
                site = site.withRowBound("MaxRows");
            }
            found.add(new QueryUnit(location(file, annotation), QueryOrigin.JDBI, QueryLanguage.SQL, text, site,
                    f.dynamic() || text.contains("${"), false, Suppressions.of(annotation), List.of()));
        });
    }

    /** A mapper method that a caller runs right after PageHelper.startPage is bounded by it. */
    private CallSite pagedByCaller(CallSite site, MethodDeclaration method) {
        if (site.boundedByCode()) {
            return site;
        }
        Optional<String> type = method.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
                .map(t -> t.getNameAsString());
        return type.isPresent() && constants.pagedByPageHelper(type.get(), method.getNameAsString())
                ? site.withRowBound("PageHelper.startPage") : site;
    }

    private void providerQuery(SourceFile file, AnnotationExpr annotation, String simple, ConstantFolder folder,
                               CallSites callSites, List<QueryUnit> found, ExtractionSink out) {
        if (!(annotation.getParentNode().orElse(null) instanceof MethodDeclaration method)) {
            return;
        }
        Optional<String> type = member(annotation, "type").or(() -> member(annotation, "value"))
                .filter(ClassExpr.class::isInstance).map(e -> CallSites.simpleType(((ClassExpr) e).getType()));
        String providerMethod = foldMember(annotation, "method", folder).filter(f -> !f.dynamic())
                .map(ConstantFolder.Folded::text).orElse(method.getNameAsString());
        Optional<SqlProviders.Provided> provided = type.flatMap(t -> constants.providerText(t, providerMethod));
        Location at = location(file, annotation);
        if (provided.isEmpty()) {
            out.notice(new Notice(Notice.Kind.SKIPPED_QUERY, at, "the SQL of " + method.getNameAsString()
                    + "(...) is built by the provider method " + type.orElse("?") + "." + providerMethod
                    + ", which QueryLint could not read (not in the scanned tree, or not one statement it can"
                    + " follow); it was not analysed, review the provider"));
            return;
        }
        String text = provided.get().text().replaceAll("(?is)</?script>", " ");
        MapperSql.Flat flat = MapperSql.flatten(text);
        CallSite site = simple.equals("SelectProvider") ? pagedByCaller(callSites.ofMapperMethod(method), method)
                : callSites.ofRepositoryMethod(method).withCardinality("", Cardinality.UPDATE_COUNT);
        found.add(new QueryUnit(at, QueryOrigin.MYBATIS_ANNOTATION, QueryLanguage.SQL, flat.text(), site,
                provided.get().dynamic() || flat.dynamic(), provided.get().filterConditional() || flat.filterConditional(),
                Suppressions.of(annotation), List.of(), flat.optionalColumns()));
    }

    /**
     * Spring Data's {@code @Query}: JPQL, or SQL with {@code nativeQuery = true}, {@code @NativeQuery},
     * or when it is Spring Data JDBC's or R2DBC's annotation. The {@code countQuery} Spring Data runs
     * for a {@code Page} is a unit of its own, read as one value. Other stores' {@code @Query}
     * (MongoDB JSON, Cypher) are not SQL and are left alone.
     */
    private void springDataQuery(SourceFile file, CompilationUnit unit, AnnotationExpr annotation, String simple,
                                 ConstantFolder folder, CallSites callSites, List<QueryUnit> found) {
        Optional<Expression> value = member(annotation, "value");
        MethodDeclaration method = annotation.getParentNode().filter(MethodDeclaration.class::isInstance)
                .map(MethodDeclaration.class::cast).orElse(null);
        if (value.isEmpty()) {
            // @Query(name = "User.byDomain"): the named query runs with this method's facts
            // (judged at its declaration when the first pass took this method for one of its readings)
            foldMember(annotation, "name", folder).filter(f -> !f.dynamic())
                    .filter(f -> !constants.readByRepositoryMethod(f.text()))
                    .flatMap(f -> constants.namedQuery(f.text()))
                    .filter(q -> method != null)
                    .ifPresent(q -> found.add(new QueryUnit(location(file, annotation), QueryOrigin.SPRING_DATA_QUERY,
                            q.language(), q.text(), callSites.ofRepositoryMethod(method), q.dynamic(), false,
                            Suppressions.of(annotation), List.of(q.location()))));
            return;
        }
        Optional<QueryLanguage> store = Repositories.queryLanguage(unit, annotation);
        if (store.isEmpty()) {
            return; // a non-relational store's @Query
        }
        boolean nativeQuery = simple.equals("NativeQuery") || store.get() == QueryLanguage.SQL
                || member(annotation, "nativeQuery").map(e -> e instanceof BooleanLiteralExpr b && b.getValue()).orElse(false);
        boolean jdql = store.get() == QueryLanguage.HQL;
        QueryLanguage language = nativeQuery ? QueryLanguage.SQL : jdql ? QueryLanguage.HQL : QueryLanguage.JPQL;
        boolean modifying = method != null && method.getAnnotationByName("Modifying").isPresent();
        foldAnnotation(value.get(), folder).map(f -> jdql ? Repositories.completeJdql(f, method, unit, constants) : f)
                .ifPresent(f -> {
            if (!SqlText.looksLikeQuery(f.text())) {
                return; // @Query("name") of some other framework
            }
            CallSite site = method == null ? CallSite.UNKNOWN : callSites.ofRepositoryMethod(method);
            if (modifying || !SqlText.isSelectLike(f.text()) && site.cardinality() == Cardinality.SCALAR) {
                site = site.withCardinality(site.terminalCall(), Cardinality.UPDATE_COUNT);
            }
            found.add(new QueryUnit(location(file, annotation), QueryOrigin.SPRING_DATA_QUERY, language,
                    Repositories.withEntityName(f.text(), method, unit, constants), site, f.dynamic(), false,
                    Suppressions.of(annotation), List.of()));
        });
        member(annotation, "countQuery").flatMap(e -> foldAnnotation(e, folder))
                .filter(f -> SqlText.looksLikeQuery(f.text()))
                .ifPresent(f -> {
                    CallSite site = method == null ? CallSite.UNKNOWN : new CallSite("countQuery", Cardinality.SCALAR, "",
                            false, CallSites.enclosingClass(method), method.getNameAsString());
                    found.add(new QueryUnit(location(file, annotation), QueryOrigin.SPRING_DATA_QUERY, language,
                            Repositories.withEntityName(f.text(), method, unit, constants), site, f.dynamic(), false,
                            Suppressions.of(annotation), List.of()));
                });
    }

    /** An annotation's value: a string, or an array of strings joined with spaces (MyBatis). */
    static Optional<ConstantFolder.Folded> foldAnnotation(Expression value, ConstantFolder folder) {
        if (value instanceof ArrayInitializerExpr array) {
            StringBuilder sb = new StringBuilder();
            boolean dynamic = false;
            for (Expression e : array.getValues()) {
                Optional<ConstantFolder.Folded> part = folder.fold(e);
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(part.get().text());
                dynamic |= part.get().dynamic();
            }
            return Optional.of(new ConstantFolder.Folded(sb.toString(), dynamic, false));
        }
        return folder.fold(value);
    }

    static Optional<ConstantFolder.Folded> foldMember(AnnotationExpr annotation, String name, ConstantFolder folder) {
        return member(annotation, name).flatMap(e -> foldAnnotation(e, folder));
    }

    static Optional<Expression> member(AnnotationExpr annotation, String name) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return name.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(name)) {
                    return Optional.of(pair.getValue());
                }
            }
        }
        return Optional.empty();
    }

    static Location location(SourceFile file, Node node) {
        return node.getBegin().map(p -> new Location(file.path(), p.line, p.column))
                .orElse(new Location(file.path(), 1, 1));
    }

    /** Rule ids suppressed by {@code @SuppressWarnings} on the node's enclosing declarations. */
    static final class Suppressions {
        private Suppressions() {
        }

        static Set<String> of(Node node) {
            Set<String> ids = new java.util.TreeSet<>();
            for (Node p = node; p != null; p = p.getParentNode().orElse(null)) {
                if (p instanceof com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> annotated) {
                    for (AnnotationExpr a : annotated.getAnnotations()) {
                        if (!a.getNameAsString().equals("SuppressWarnings")
                                && !a.getNameAsString().equals("java.lang.SuppressWarnings")) {
                            continue;
                        }
                        member(a, "value").ifPresent(v -> {
                            List<Expression> values = v instanceof ArrayInitializerExpr arr ? arr.getValues() : List.of(v);
                            for (Expression e : values) {
                                if (e.isStringLiteralExpr()) {
                                    String s = e.asStringLiteralExpr().asString();
                                    if (s.equals("querylint")) {
                                        ids.add("*");
                                    } else if (s.startsWith("querylint:")) {
                                        ids.add(s.substring("querylint:".length()).trim());
                                    }
                                }
                            }
                        });
                    }
                }
            }
            return ids;
        }
    }

    /** Whether a type declaration is an interface. */
    static boolean isInterface(TypeDeclaration<?> type) {
        return type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
    }
}
