package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.SourceFile;
import java.util.List;
import java.util.Optional;

/** Spring Data repository interfaces: their derived query methods become JPQL query units. */
final class Repositories {

    private Repositories() {
    }

    /** The entity a repository interface manages: the first type argument of the *Repository it extends. */
    static Optional<String> entityOf(ClassOrInterfaceDeclaration type) {
        if (!type.isInterface()) {
            return Optional.empty();
        }
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            if (parent.getNameAsString().endsWith("Repository") && parent.getTypeArguments().isPresent()
                    && !parent.getTypeArguments().get().isEmpty()) {
                return Optional.of(CallSites.simpleType(parent.getTypeArguments().get().get(0)));
            }
        }
        return Optional.empty();
    }

    static void derivedQueries(SourceFile file, CompilationUnit unit, CallSites callSites, List<QueryUnit> out) {
        for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            Optional<String> entity = entityOf(type);
            if (entity.isEmpty()) {
                continue;
            }
            for (MethodDeclaration method : type.getMethods()) {
                if (method.isDefault() || method.isStatic() || method.getBody().isPresent()
                        || method.getAnnotationByName("Query").isPresent()
                        || method.getAnnotationByName("NativeQuery").isPresent()
                        || method.getAnnotationByName("Procedure").isPresent()) {
                    continue;
                }
                Optional<DerivedQueries.Derived> derived = DerivedQueries.derive(method.getNameAsString(), entity.get());
                if (derived.isEmpty()) {
                    continue;
                }
                CallSite site = callSites.ofRepositoryMethod(method);
                if (derived.get().rowLimit() > 0 && !site.boundedByCode()) {
                    site = site.withRowBound(derived.get().limitKeyword());
                }
                if (derived.get().kind() == DerivedQueries.Kind.COUNT || derived.get().kind() == DerivedQueries.Kind.EXISTS) {
                    site = site.withCardinality(site.terminalCall(), io.github.querylint.core.query.Cardinality.SCALAR);
                }
                out.add(new QueryUnit(JavaSourceExtractor.location(file, method.getName()), QueryOrigin.SPRING_DATA_DERIVED,
                        QueryLanguage.JPQL, derived.get().jpql(), site, false, false,
                        JavaSourceExtractor.Suppressions.of(method), List.of()));
            }
        }
    }
}
