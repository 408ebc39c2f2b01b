package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quarkus' Hibernate ORM with Panache: the HQL that an entity's static methods ({@code Person.listAll()},
 * {@code Person.list("status", s)}, {@code Person.find("name", n).list()}) and a {@code PanacheRepository}'s
 * methods run, read at their calls. A Panache query is HQL, an {@code order by} alone, a property name
 * ({@code "status"} is {@code status = ?1}) or a WHERE condition ({@code "status = ?1 and age > ?2"}), as Panache
 * completes it, at the call that names it ({@code listAll}, {@code streamAll}, {@code list}, {@code stream},
 * {@code find}, {@code findAll}). How its rows are read comes from the calls made on it, along its chain or on
 * the variable that keeps it: {@code list()} and {@code stream()} read them all, {@code page(..)} and
 * {@code range(..)} a page, {@code firstResult()} and the like one row, {@code count()} one value.
 */
final class PanacheCalls {

    static final Set<String> ENTITY_BASES = Set.of("PanacheEntity", "PanacheEntityBase");
    static final Set<String> REPOSITORY_BASES = Set.of("PanacheRepository", "PanacheRepositoryBase");

    /** The calls that name a query. */
    private static final Set<String> SOURCES = Set.of("listAll", "streamAll", "list", "stream", "find", "findAll",
            "count");
    /** The calls on a query that read a page of it. */
    private static final Set<String> PAGES = Set.of("page", "range", "firstPage", "lastPage", "nextPage",
            "previousPage");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][\\w.]*");

    private PanacheCalls() {
    }

    /** First pass: the entity a class is (a Panache entity is its own) or manages (a Panache repository). */
    static Optional<String> managedEntity(ClassOrInterfaceDeclaration type) {
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            if (ENTITY_BASES.contains(parent.getNameAsString())) {
                return Optional.of(type.getNameAsString());
            }
        }
        for (ClassOrInterfaceType parent : type.getImplementedTypes()) {
            if (REPOSITORY_BASES.contains(parent.getNameAsString()) && parent.getTypeArguments().isPresent()
                    && !parent.getTypeArguments().get().isEmpty()) {
                return Optional.of(CallSites.simpleType(parent.getTypeArguments().get().get(0)));
            }
        }
        return Optional.empty();
    }

    /** Second pass: the queries Panache runs in a file, each with how its rows are read. */
    static void calls(SourceFile file, CompilationUnit unit, CallSites callSites, ProjectConstants index,
                      ConstantFolder folder, List<QueryUnit> out) {
        if (!index.panache()) {
            return;
        }
        for (MethodCallExpr source : Nodes.all(unit, MethodCallExpr.class)) {
            String name = source.getNameAsString();
            // a query is named by listAll(), list(q, ..), find(q, ..)...: not by list() on a query already made
            if (!SOURCES.contains(name) || source.getScope().orElse(null) instanceof MethodCallExpr
                    || source.getArguments().isEmpty() && !name.endsWith("All") && !name.equals("count")) {
                continue;
            }
            Optional<String> entity = entity(source, callSites, index);
            if (entity.isEmpty() || source.getScope().isEmpty() && CallSites.callsOwnMethod(source)) {
                continue;
            }
            // the calls made on the query, along its chain or on the variable that keeps it
            List<MethodCallExpr> reads = CallSites.followingCalls(source);
            Expression top = CallSites.chainTop(source, new ArrayList<>());
            if (Mocks.stubbedOrVerified(source, null) || top instanceof MethodCallExpr t && Mocks.stubbedOrVerified(t, null)) {
                continue; // when(repository.listAll()).thenReturn(...): a test's stub runs nothing
            }
            String hql = hql(source, entity.get(), folder);
            if (hql == null) {
                continue;
            }
            Cardinality cardinality = name.startsWith("stream") ? Cardinality.STREAM
                    : name.startsWith("list") ? Cardinality.COLLECTION
                    : name.equals("count") ? Cardinality.SCALAR : Cardinality.UNKNOWN;
            String bound = "";
            String terminal = name;
            // list(..) and listAll() return a java.util.List: what is called on it reads no query
            for (MethodCallExpr read : name.startsWith("find") ? reads : List.<MethodCallExpr>of()) {
                String r = read.getNameAsString();
                if (PAGES.contains(r)) {
                    bound = r;
                } else if (r.startsWith("first") || r.startsWith("single")) {
                    cardinality = Cardinality.SINGLE;
                    terminal = r;
                } else if (r.equals("count")) {
                    cardinality = Cardinality.SCALAR;
                    terminal = r;
                } else if ((r.equals("list") || r.equals("stream")) && cardinality == Cardinality.UNKNOWN) {
                    cardinality = r.equals("stream") ? Cardinality.STREAM : Cardinality.COLLECTION;
                    terminal = r;
                }
            }
            CallSite site = new CallSite(terminal, cardinality, bound, CallSites.inLoop(source),
                    CallSites.enclosingClass(source), CallSites.enclosingMethod(source));
            out.add(new QueryUnit(JavaSourceExtractor.location(file, source.getName()), QueryOrigin.PANACHE,
                    QueryLanguage.HQL, hql, site, hql.contains(ConstantFolderSupport.DYNAMIC), false,
                    JavaSourceExtractor.Suppressions.of(source), List.of()));
        }
    }

    /**
     * The entity a call reads: {@code Person.list(..)} on an entity class, a receiver declared with a Panache
     * repository of the tree, or a call without a receiver inside either.
     */
    private static Optional<String> entity(MethodCallExpr call, CallSites callSites, ProjectConstants index) {
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty() || scope.get().isThisExpr()) {
            ClassOrInterfaceDeclaration type = call.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
            return type == null ? Optional.empty() : index.panacheEntity(type.getNameAsString());
        }
        if (scope.get() instanceof NameExpr n && callSites.typeOf(n) == null) {
            // Person.listAll(): a class name, when it is a Panache entity of the tree
            return index.panacheEntity(n.getNameAsString()).filter(e -> e.equals(n.getNameAsString()));
        }
        String type = callSites.typeOf(scope.get());
        return type == null ? Optional.empty() : index.panacheEntity(type).filter(e -> !e.equals(type));
    }

    /** The HQL Panache runs for a call's query argument, or null when the call runs none Panache would. */
    private static String hql(MethodCallExpr call, String entity, ConstantFolder folder) {
        String name = call.getNameAsString();
        if (name.equals("count")) {
            // count("status", s): Panache counts the rows its query reads
            String from = call.getArguments().isEmpty() ? "from " + entity : hqlOf(call, entity, folder);
            return from == null || !from.toLowerCase(Locale.ROOT).startsWith("from ") ? null : "select count(*) " + from;
        }
        return hqlOf(call, entity, folder);
    }

    private static String hqlOf(MethodCallExpr call, String entity, ConstantFolder folder) {
        String name = call.getNameAsString();
        if (name.equals("listAll") || name.equals("streamAll") || name.equals("findAll")) {
            return "from " + entity;
        }
        if (call.getArguments().isEmpty()) {
            return null;
        }
        Expression argument = call.getArguments().get(0);
        String query = folder.fold(argument).map(ConstantFolder.Folded::text).orElse(ConstantFolderSupport.DYNAMIC).strip();
        if (query.equals(ConstantFolderSupport.DYNAMIC)) {
            if (!argument.isStringLiteralExpr() && !argument.isNameExpr() && !argument.isFieldAccessExpr()
                    && !argument.isBinaryExpr()) {
                return null; // list(Sort.by("name")), find(Parameters): no query text
            }
            return "from " + entity + " where " + ConstantFolderSupport.DYNAMIC + " = true";
        }
        String lower = query.toLowerCase(Locale.ROOT);
        if (lower.startsWith("from ") || lower.startsWith("select ")) {
            return query;
        }
        if (lower.startsWith("order by")) {
            return "from " + entity + " " + query;
        }
        if (lower.startsWith("update ") || lower.startsWith("delete ")) {
            return null;
        }
        if (PROPERTY.matcher(query).matches()) {
            return "from " + entity + " where " + query + " = ?1"; // list("status", s)
        }
        return "from " + entity + " where " + query;
    }
}
