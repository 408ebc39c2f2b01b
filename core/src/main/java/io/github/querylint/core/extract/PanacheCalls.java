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
 * completes it. Only reads of many rows are written out: {@code listAll}, {@code streamAll}, {@code list},
 * {@code stream}, and {@code find(..)}/{@code findAll()} ended by {@code list()} or {@code stream()}; a
 * {@code page(..)} or {@code range(..)} on the way bounds it, {@code firstResult()} and the like read one row.
 */
final class PanacheCalls {

    static final Set<String> ENTITY_BASES = Set.of("PanacheEntity", "PanacheEntityBase");
    static final Set<String> REPOSITORY_BASES = Set.of("PanacheRepository", "PanacheRepositoryBase");

    private static final Set<String> DIRECT = Set.of("listAll", "streamAll", "list", "stream");
    private static final Set<String> FINDERS = Set.of("find", "findAll");
    private static final Set<String> BOUNDS = Set.of("page", "range", "firstPage", "lastPage", "nextPage",
            "previousPage", "firstResult", "firstResultOptional", "singleResult", "singleResultOptional", "count");
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

    /** Second pass: the reads of many rows through Panache in a file. */
    static void calls(SourceFile file, CompilationUnit unit, CallSites callSites, ProjectConstants index,
                      ConstantFolder folder, List<QueryUnit> out) {
        if (!index.panache()) {
            return;
        }
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            String name = call.getNameAsString();
            MethodCallExpr source;
            Cardinality cardinality;
            if (DIRECT.contains(name) && !(call.getScope().orElse(null) instanceof MethodCallExpr)) {
                source = call; // Person.listAll(), repository.list("status", s)
                cardinality = name.startsWith("stream") ? Cardinality.STREAM : Cardinality.COLLECTION;
            } else if ((name.equals("list") || name.equals("stream")) && call.getArguments().isEmpty()
                    && call.getScope().orElse(null) instanceof MethodCallExpr finder) {
                // Person.find("status", s).list(): the finder, unless a page or range comes between
                MethodCallExpr at = finder;
                boolean bounded = false;
                while (!FINDERS.contains(at.getNameAsString()) && at.getScope().orElse(null) instanceof MethodCallExpr inner) {
                    bounded |= BOUNDS.contains(at.getNameAsString());
                    at = inner;
                }
                if (!FINDERS.contains(at.getNameAsString()) || bounded) {
                    continue;
                }
                source = at;
                cardinality = name.equals("stream") ? Cardinality.STREAM : Cardinality.COLLECTION;
            } else {
                continue;
            }
            if (Mocks.stubbedOrVerified(call, null)) {
                continue; // when(repository.listAll()).thenReturn(...): a test's stub runs nothing
            }
            Optional<String> entity = entity(source, callSites, index);
            if (entity.isEmpty() || source.getScope().isEmpty() && CallSites.callsOwnMethod(source)) {
                continue;
            }
            String hql = hql(source, entity.get(), folder);
            if (hql == null) {
                continue;
            }
            CallSite site = new CallSite(name, cardinality, "", CallSites.inLoop(call), CallSites.enclosingClass(call),
                    CallSites.enclosingMethod(call));
            out.add(new QueryUnit(JavaSourceExtractor.location(file, source.getName()), QueryOrigin.PANACHE,
                    QueryLanguage.HQL, hql, site, hql.contains(ConstantFolderSupport.DYNAMIC), false,
                    JavaSourceExtractor.Suppressions.of(call), List.of()));
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
