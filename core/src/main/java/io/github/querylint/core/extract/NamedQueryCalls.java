package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.github.querylint.core.query.CallSite;
import java.util.Optional;

/**
 * A JPA or Hibernate named query is judged at its declaration ({@code @NamedQuery}, {@code <named-query>} in orm.xml),
 * where a finding about it points, by how the code runs it: {@code em.createNamedQuery("Ticket.open").getResultList()}
 * says there that every row is read, {@code .setMaxResults(20)} that the rows are bounded. The first pass records,
 * for each name called so, the widest reading of any call (as {@link StatementCalls} does for MyBatis statements run
 * by id): many rows beat one, a call that bounds nothing beats one that does.
 *
 * <p>A call names the query by a literal (or a constant of its own class), recorded under the name, or by another
 * type's constant ({@code Ticket.OPEN}), recorded under that reference and resolved with the project's constants
 * when the declaration asks. A call whose name is built otherwise is judged at the call, as before.
 */
final class NamedQueryCalls {

    private NamedQueryCalls() {
    }

    /**
     * What the declaration is judged by: the widest reading. No line of a call is kept, so that a call moving in its
     * file changes nothing project-wide (the cache compares the project's index).
     */
    record Read(CallSite site, boolean test) {

        /**
         * The reading that takes more rows, the same whatever the order in which the files were read. What production
         * code runs comes first: a test that lists every row of a query the application reads one row of says nothing
         * of the application.
         */
        Read wider(Read other) {
            if (test != other.test) {
                return test ? other : this;
            }
            int a = rank(site);
            int b = rank(other.site);
            if (a != b) {
                return a > b ? this : other;
            }
            return site.toString().compareTo(other.site.toString()) <= 0 ? this : other;
        }

        private static int rank(CallSite s) {
            if (s.cardinality().readsManyRows()) {
                return s.boundedByCode() ? 4 : 5;
            }
            return switch (s.cardinality()) {
                case SINGLE, OPTIONAL -> 3;
                case SCALAR -> 2;
                case UPDATE_COUNT -> 1;
                default -> 0;
            };
        }
    }

    /** First pass: every call of the file that runs a named query by a name known here, into the index. */
    static void collect(CompilationUnit unit, boolean test, ProjectConstants index) {
        CallSites sites = null;
        ConstantFolder own = null;
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            if (!call.getNameAsString().contains("Named")) {
                continue;
            }
            sites = sites == null ? new CallSites(unit) : sites;
            Optional<ApiCalls.Api> api = ApiCalls.match(call, sites);
            if (api.isEmpty() || !api.get().named() || call.getArguments().size() <= api.get().argumentIndex()
                    || Mocks.stubbedOrVerified(call, null) || Mocks.onMock(call, sites)) {
                continue;
            }
            own = own == null ? new ConstantFolder(unit, ProjectConstants.EMPTY) : own;
            Optional<String> key = key(call.getArgument(api.get().argumentIndex()), own);
            if (key.isPresent()) {
                index.addNamedQueryCall(key.get(), new Read(sites.of(call, api.get(), ""), test));
            }
        }
    }

    /**
     * First pass: Spring Data runs the named query {@code Entity.method} for a repository method that declares no
     * query of its own, and the one {@code @Query(name = "..")} names: each such method is a reading of that name, as
     * a call is, so that the declaration judges it (the method's return type and paging parameters say how the rows
     * are read). The entity is the one {@link Repositories#entityOf} reads from the interface; a method of an interface
     * whose entity is not written there (a generic base's) stays judged at the method.
     */
    static void collectRepositoryMethods(CompilationUnit unit, boolean test, ProjectConstants index) {
        CallSites sites = null;
        ConstantFolder own = null;
        for (ClassOrInterfaceDeclaration type : Nodes.all(unit, ClassOrInterfaceDeclaration.class)) {
            if (!type.isInterface()) {
                continue;
            }
            String entity = Repositories.entityOf(type).orElse(null);
            for (MethodDeclaration method : type.getMethods()) {
                if (method.isDefault() || method.isStatic() || method.getBody().isPresent()
                        || method.getAnnotationByName("NativeQuery").isPresent()
                        || method.getAnnotationByName("Procedure").isPresent()) {
                    continue;
                }
                String name;
                Optional<AnnotationExpr> query = method.getAnnotationByName("Query");
                if (query.isPresent()) {
                    if (JavaSourceExtractor.member(query.get(), "value").isPresent()) {
                        continue; // a query of its own
                    }
                    own = own == null ? new ConstantFolder(unit, ProjectConstants.EMPTY) : own;
                    Optional<ConstantFolder.Folded> folded = JavaSourceExtractor.member(query.get(), "name").flatMap(own::fold);
                    if (folded.isEmpty() || folded.get().dynamic() || folded.get().text().isBlank()) {
                        continue;
                    }
                    name = folded.get().text();
                } else if (entity != null) {
                    name = entity + "." + method.getNameAsString();
                } else {
                    continue;
                }
                sites = sites == null ? new CallSites(unit) : sites;
                index.addRepositoryNamedRead(name, new Read(sites.ofRepositoryMethod(method), test));
            }
        }
    }

    /**
     * How the first pass records the name a call passes: {@code =name} for a name its own file knows,
     * {@code Type.FIELD} for another type's constant (resolved when asked); empty for a name built otherwise. The
     * second pass asks the same, to know whether the declaration judges the call.
     */
    static Optional<String> key(Expression argument, ConstantFolder ownFile) {
        Optional<ConstantFolder.Folded> folded = ownFile.fold(argument);
        if (folded.isPresent() && !folded.get().dynamic() && !folded.get().conditional()
                && !folded.get().text().isBlank()) {
            return Optional.of("=" + folded.get().text());
        }
        if (argument instanceof FieldAccessExpr field && (field.getScope().isNameExpr() || field.getScope().isFieldAccessExpr())) {
            return Optional.of(field.getScope() + "." + field.getNameAsString());
        }
        return Optional.empty();
    }
}
