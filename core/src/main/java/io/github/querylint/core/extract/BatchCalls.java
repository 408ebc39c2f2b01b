package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spring Batch's database readers and writers, and Spring's JDBC object classes: SQL handed to a reader or a query
 * object rather than to a template. A cursor reader ({@code new JdbcCursorItemReaderBuilder<T>().sql("...")},
 * {@code setSql(..)}) streams every row its query returns; a paging reader
 * ({@code selectClause(..).fromClause(..).whereClause(..)}) reads page by page, so only what its text says (a star,
 * joins, tables, syntax) is judged; a writer's SQL is a write. A {@code MappingSqlQuery} subclass's SQL
 * ({@code super(ds, "select ...")}) is read as its callers in the file read it: {@code execute(..)} a list,
 * {@code findObject(..)} one row. Each finding points at the call or constructor that holds the SQL.
 */
final class BatchCalls {

    private enum Kind { CURSOR, PAGING, WRITER, QUERY_OBJECT, UPDATE_OBJECT, FUNCTION_OBJECT }

    /** Readers, writers and JDBC objects by their class (or builder), and how they read rows. */
    private static final Map<String, Kind> CLASSES = Map.ofEntries(
            Map.entry("JdbcCursorItemReader", Kind.CURSOR), Map.entry("JdbcCursorItemReaderBuilder", Kind.CURSOR),
            Map.entry("HibernateCursorItemReader", Kind.CURSOR), Map.entry("HibernateCursorItemReaderBuilder", Kind.CURSOR),
            Map.entry("JpaCursorItemReader", Kind.CURSOR), Map.entry("JpaCursorItemReaderBuilder", Kind.CURSOR),
            Map.entry("JdbcPagingItemReader", Kind.PAGING), Map.entry("JdbcPagingItemReaderBuilder", Kind.PAGING),
            Map.entry("JpaPagingItemReader", Kind.PAGING), Map.entry("JpaPagingItemReaderBuilder", Kind.PAGING),
            Map.entry("HibernatePagingItemReader", Kind.PAGING), Map.entry("HibernatePagingItemReaderBuilder", Kind.PAGING),
            Map.entry("SqlPagingQueryProviderFactoryBean", Kind.PAGING),
            Map.entry("JdbcBatchItemWriter", Kind.WRITER), Map.entry("JdbcBatchItemWriterBuilder", Kind.WRITER),
            Map.entry("MappingSqlQuery", Kind.QUERY_OBJECT), Map.entry("MappingSqlQueryWithParameters", Kind.QUERY_OBJECT),
            Map.entry("SqlQuery", Kind.QUERY_OBJECT), Map.entry("UpdatableSqlQuery", Kind.QUERY_OBJECT),
            Map.entry("GenericSqlQuery", Kind.QUERY_OBJECT), Map.entry("SqlUpdate", Kind.UPDATE_OBJECT),
            Map.entry("BatchSqlUpdate", Kind.UPDATE_OBJECT), Map.entry("SqlFunction", Kind.FUNCTION_OBJECT));

    /** The calls that hold a reader's, writer's or query object's SQL (or JPQL), for the pre-filter too. */
    static final Set<String> METHODS = Set.of("sql", "setSql", "queryString", "setQueryString", "selectClause",
            "setSelectClause");

    private BatchCalls() {
    }

    private static Kind kind(String type) {
        Kind k = CLASSES.get(type);
        return k != null ? k : type.endsWith("PagingQueryProvider") ? Kind.PAGING : null;
    }

    static void calls(SourceFile file, CompilationUnit unit, CallSites callSites, ConstantFolder folder,
                      List<QueryUnit> found, ExtractionSink out) {
        if (unit.getImports().stream().noneMatch(i -> i.getNameAsString().startsWith("org.springframework.batch.")
                || i.getNameAsString().startsWith("org.springframework.jdbc.object"))) {
            return;
        }
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (!METHODS.contains(name) || call.getArguments().size() != 1) {
                continue;
            }
            Optional<String> owner = ownerClass(call, callSites);
            Kind kind = owner.map(BatchCalls::kind).orElse(null);
            if (kind == null) {
                continue;
            }
            QueryLanguage language = owner.get().startsWith("Jpa") ? QueryLanguage.JPQL
                    : owner.get().startsWith("Hibernate") ? QueryLanguage.HQL : QueryLanguage.SQL;
            boolean jpa = language != QueryLanguage.SQL;
            if (name.endsWith("electClause")) {
                pagingQuery(file, call, callSites, folder, found, out);
                continue;
            }
            if (jpa != name.toLowerCase(java.util.Locale.ROOT).endsWith("querystring")) {
                continue; // sql(..) of a JPA reader, queryString(..) of a JDBC one: no such call
            }
            Cardinality cardinality = cardinality(kind, owner.get(), call, unit);
            String bound = kind == Kind.PAGING ? "page" : maxRows(call);
            text(file, call, call.getArguments().get(0), kind == Kind.QUERY_OBJECT || kind == Kind.UPDATE_OBJECT
                    || kind == Kind.FUNCTION_OBJECT ? QueryOrigin.JDBC_TEMPLATE : QueryOrigin.SPRING_BATCH, language,
                    site(call, cardinality, bound), folder, found, out);
        }
        // class CustomersByRegion extends MappingSqlQuery<Customer> { CustomersByRegion(DataSource ds) { super(ds, "..");
        for (ExplicitConstructorInvocationStmt sup : Nodes.all(unit, ExplicitConstructorInvocationStmt.class)) {
            if (sup.isThis() || sup.getArguments().size() < 2) {
                continue;
            }
            ClassOrInterfaceDeclaration type = sup.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
            String parent = type == null || type.getExtendedTypes().isEmpty() ? null
                    : type.getExtendedTypes().get(0).getNameAsString();
            Kind kind = parent == null ? null : CLASSES.get(parent);
            if (kind == Kind.QUERY_OBJECT || kind == Kind.UPDATE_OBJECT || kind == Kind.FUNCTION_OBJECT) {
                text(file, sup, sup.getArguments().get(1), QueryOrigin.JDBC_TEMPLATE, QueryLanguage.SQL,
                        site(sup, objectCardinality(kind, type.getNameAsString(), unit), ""), folder, found, out);
            }
        }
        // new MappingSqlQuery<Customer>(ds, "select ..") { protected Customer mapRow(..) }
        for (ObjectCreationExpr created : Nodes.all(unit, ObjectCreationExpr.class)) {
            Kind kind = CLASSES.get(created.getType().getNameAsString());
            if ((kind == Kind.QUERY_OBJECT || kind == Kind.UPDATE_OBJECT || kind == Kind.FUNCTION_OBJECT)
                    && created.getArguments().size() >= 2) {
                String variable = CallSites.assignedVariable(created);
                text(file, created, created.getArguments().get(1), QueryOrigin.JDBC_TEMPLATE, QueryLanguage.SQL,
                        site(created, objectCardinality(kind, variable, unit), ""), folder, found, out);
            }
        }
    }

    /**
     * The class a call's receiver is: the builder a chain starts with ({@code new JdbcCursorItemReaderBuilder<>()}), a
     * variable's declared or created type, or, for an unqualified call, the class the enclosing class extends.
     */
    private static Optional<String> ownerClass(MethodCallExpr call, CallSites sites) {
        Expression e = call.getScope().orElse(null);
        while (e instanceof MethodCallExpr m) {
            e = m.getScope().orElse(null);
        }
        if (e == null || e instanceof ThisExpr) {
            return call.findAncestor(ClassOrInterfaceDeclaration.class)
                    .flatMap(t -> t.getExtendedTypes().stream().findFirst()).map(t -> t.getNameAsString());
        }
        if (e instanceof ObjectCreationExpr created) {
            return Optional.of(created.getType().getNameAsString());
        }
        if (e instanceof NameExpr n) {
            String type = sites.typeOf(n);
            if (type != null && !type.equals("var")) {
                return Optional.of(type);
            }
            Node scope = n.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).map(Node.class::cast)
                    .orElse(null);
            if (scope != null) {
                for (VariableDeclarator v : scope.findAll(VariableDeclarator.class)) {
                    if (v.getNameAsString().equals(n.getNameAsString())
                            && v.getInitializer().orElse(null) instanceof ObjectCreationExpr created) {
                        return Optional.of(created.getType().getNameAsString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Cardinality cardinality(Kind kind, String owner, MethodCallExpr call, CompilationUnit unit) {
        return switch (kind) {
            case CURSOR -> Cardinality.STREAM;
            case PAGING -> Cardinality.COLLECTION;
            case WRITER, UPDATE_OBJECT -> Cardinality.UPDATE_COUNT;
            case FUNCTION_OBJECT -> Cardinality.SCALAR;
            case QUERY_OBJECT -> objectCardinality(kind, call.findAncestor(ClassOrInterfaceDeclaration.class)
                    .map(t -> t.getNameAsString()).orElse(owner), unit);
        };
    }

    /**
     * How the file runs a query object of this class (or in this variable): {@code execute(..)} reads a list,
     * {@code findObject(..)} one row; unknown when the file does not say.
     */
    private static Cardinality objectCardinality(Kind kind, String classOrVariable, CompilationUnit unit) {
        if (kind == Kind.UPDATE_OBJECT) {
            return Cardinality.UPDATE_COUNT;
        }
        if (kind == Kind.FUNCTION_OBJECT) {
            return Cardinality.SCALAR;
        }
        if (classOrVariable == null) {
            return Cardinality.UNKNOWN;
        }
        // the variables that hold one: fields and locals of that class, or the variable itself
        Set<String> holders = new java.util.HashSet<>();
        holders.add(classOrVariable);
        for (VariableDeclarator v : unit.findAll(VariableDeclarator.class)) {
            if (CallSites.simpleType(v.getType()).equals(classOrVariable)
                    || v.getInitializer().orElse(null) instanceof ObjectCreationExpr c
                    && c.getType().getNameAsString().equals(classOrVariable)) {
                holders.add(v.getNameAsString());
            }
        }
        boolean list = false;
        boolean single = false;
        for (MethodCallExpr c : unit.findAll(MethodCallExpr.class)) {
            if (c.getScope().isEmpty() || !holders.contains(ApiCalls.receiverName(c.getScope().get()))) {
                continue;
            }
            String n = c.getNameAsString();
            list |= n.equals("execute") || n.equals("executeByNamedParam");
            single |= n.equals("findObject") || n.equals("findObjectByNamedParam");
        }
        return list ? Cardinality.COLLECTION : single ? Cardinality.SINGLE : Cardinality.UNKNOWN;
    }

    /** {@code .maxRows(100)} or {@code setMaxRows(100)} anywhere on the builder or the reader: a bound. */
    private static String maxRows(MethodCallExpr call) {
        for (MethodCallExpr m : wholeChain(call)) {
            if (m.getNameAsString().equals("maxRows") || m.getNameAsString().equals("maxItemCount")) {
                return m.getNameAsString();
            }
        }
        Node body = call.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).orElse(null);
        if (body != null && call.getScope().isEmpty()) {
            return body.findAll(MethodCallExpr.class).stream().map(MethodCallExpr::getNameAsString)
                    .filter(n -> n.equals("setMaxRows") || n.equals("setMaxItemCount")).findFirst().orElse("");
        }
        if (body != null && call.getScope().orElse(null) instanceof NameExpr reader) {
            return body.findAll(MethodCallExpr.class).stream().filter(m -> m.getScope().orElse(null) instanceof NameExpr r
                            && r.getNameAsString().equals(reader.getNameAsString()))
                    .map(MethodCallExpr::getNameAsString)
                    .filter(n -> n.equals("setMaxRows") || n.equals("setMaxItemCount")).findFirst().orElse("");
        }
        return "";
    }

    /** Every call of the chain a call stands in, before and after it ({@code new Builder<>().a(..).sql(..).b()}). */
    private static List<MethodCallExpr> wholeChain(MethodCallExpr call) {
        Expression top = CallSites.chainTop(call, new ArrayList<>());
        return top instanceof MethodCallExpr last ? Trees.callsFromRoot(last) : List.of(call);
    }

    /**
     * A paging reader's query from its clauses: {@code selectClause(..)}, {@code fromClause(..)},
     * {@code whereClause(..)} on the builder chain, or their setters on the same variable; read page by page.
     */
    private static void pagingQuery(SourceFile file, MethodCallExpr select, CallSites callSites, ConstantFolder folder,
                                    List<QueryUnit> found, ExtractionSink out) {
        List<MethodCallExpr> clauses = new ArrayList<>();
        if (select.getScope().orElse(null) instanceof NameExpr variable) {
            Node body = select.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).orElse(null);
            if (body != null) {
                body.findAll(MethodCallExpr.class).stream().filter(m -> m.getScope().orElse(null) instanceof NameExpr n
                        && n.getNameAsString().equals(variable.getNameAsString())).forEach(clauses::add);
            }
        } else {
            clauses.addAll(wholeChain(select));
        }
        String from = null;
        String where = null;
        String group = null;
        for (MethodCallExpr c : clauses) {
            if (c.getArguments().size() != 1) {
                continue;
            }
            String n = c.getNameAsString();
            Optional<ConstantFolder.Folded> text = folder.fold(c.getArguments().get(0));
            if (n.equals("fromClause") || n.equals("setFromClause")) {
                from = text.map(ConstantFolder.Folded::text).orElse(null);
            } else if (n.equals("whereClause") || n.equals("setWhereClause")) {
                where = text.map(ConstantFolder.Folded::text).orElse(null);
            } else if (n.equals("groupClause") || n.equals("setGroupClause")) {
                group = text.map(ConstantFolder.Folded::text).orElse(null);
            }
        }
        Optional<ConstantFolder.Folded> selected = folder.fold(select.getArguments().get(0));
        if (selected.isEmpty() || from == null) {
            return;
        }
        String list = selected.get().text().strip();
        String sql = (list.regionMatches(true, 0, "select", 0, 6) ? list : "SELECT " + list)
                + (from.strip().regionMatches(true, 0, "from", 0, 4) ? " " + from.strip() : " FROM " + from.strip())
                + (where == null || where.isBlank() ? "" : where.strip().regionMatches(true, 0, "where", 0, 5)
                ? " " + where.strip() : " WHERE " + where.strip())
                + (group == null || group.isBlank() ? "" : " GROUP BY " + group.strip());
        Location at = JavaSourceExtractor.location(file, select.getName());
        found.add(new QueryUnit(at, QueryOrigin.SPRING_BATCH, QueryLanguage.SQL, sql,
                site(select, Cardinality.COLLECTION, "page"), sql.contains(ConstantFolderSupport.DYNAMIC), false,
                JavaSourceExtractor.Suppressions.of(select), List.of()));
    }

    private static CallSite site(Node at, Cardinality cardinality, String bound) {
        return new CallSite(at instanceof MethodCallExpr m ? m.getNameAsString() : "constructor", cardinality, bound,
                CallSites.inLoop(at), CallSites.enclosingClass(at), CallSites.enclosingMethod(at));
    }

    /** The unit of a text the code hands over, or a notice when nothing of it is known here. */
    private static void text(SourceFile file, Node at, Expression argument, QueryOrigin origin, QueryLanguage language,
                             CallSite site, ConstantFolder folder, List<QueryUnit> found, ExtractionSink out) {
        Node named = at instanceof MethodCallExpr m ? m.getName() : at;
        Location location = JavaSourceExtractor.location(file, named);
        Optional<ConstantFolder.Folded> folded = folder.fold(argument);
        if (folded.isEmpty()) {
            return;
        }
        String text = folded.get().text();
        if (text.strip().equals(ConstantFolderSupport.DYNAMIC) || text.isBlank()) {
            out.notice(JavaSourceExtractor.builtElsewhere(location, "held by "
                    + (at instanceof MethodCallExpr m ? m.getNameAsString() + "(...)" : "this query object"), argument));
            return;
        }
        if (!text.startsWith(ConstantFolderSupport.DYNAMIC) && !SqlText.looksLikeQuery(text)) {
            return; // setSql("SQL") in a test: a stand-in, no query
        }
        found.add(new QueryUnit(location, origin, language, text, site, folded.get().dynamic(),
                folded.get().filterConditional(), JavaSourceExtractor.Suppressions.of(at), List.of(),
                folded.get().optional()));
    }
}
