package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.AnnotationExpr;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.source.SourceFile;
import java.util.Optional;

/**
 * JPA and Hibernate named queries declared in Java: {@code @NamedQuery(name, query)} and
 * {@code @NamedNativeQuery}, alone or inside {@code @NamedQueries}. The declaration is a unit of
 * its own; calls that run it by name ({@code createNamedQuery}) and Spring Data repository
 * methods named after it ({@code User.findByEmail}) carry its text to their own site.
 */
final class NamedQueries {

    private NamedQueries() {
    }

    /** First pass: every named query of the file into the project index. */
    static void collect(SourceFile file, CompilationUnit unit, ProjectConstants index) {
        ConstantFolder folder = new ConstantFolder(unit, ProjectConstants.EMPTY);
        for (AnnotationExpr annotation : Nodes.all(unit, AnnotationExpr.class)) {
            declaration(file, annotation, folder).ifPresent(index::addNamedQuery);
        }
    }

    /** The named query an annotation declares, or empty when it is none or its text is not known. */
    static Optional<ProjectConstants.NamedQuery> declaration(SourceFile file, AnnotationExpr annotation,
                                                             ConstantFolder folder) {
        String name = annotation.getNameAsString();
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        if (!simple.equals("NamedQuery") && !simple.equals("NamedNativeQuery")) {
            return Optional.empty();
        }
        Optional<ConstantFolder.Folded> query = JavaSourceExtractor.foldMember(annotation, "query", folder);
        if (query.isEmpty() || query.get().text().isBlank()) {
            return Optional.empty();
        }
        String queryName = JavaSourceExtractor.foldMember(annotation, "name", folder)
                .filter(f -> !f.dynamic()).map(ConstantFolder.Folded::text).orElse("");
        QueryLanguage language = simple.equals("NamedNativeQuery") ? QueryLanguage.SQL : QueryLanguage.JPQL;
        return Optional.of(new ProjectConstants.NamedQuery(queryName, query.get().text(), language,
                JavaSourceExtractor.location(file, annotation), query.get().dynamic()));
    }
}
