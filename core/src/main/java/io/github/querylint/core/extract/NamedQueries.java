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

    /**
     * First pass: every named query of the file into the project index. One whose name or text is another file's
     * constant ({@code @NamedNativeQuery(name = Repo.FIND_ALL, query = Repo.FIND_ALL_QUERY)}) is kept as source, and
     * folded again once the first pass has indexed every file ({@link ProjectConstants#resolveDeferredNamedQueries}).
     */
    static void collect(SourceFile file, CompilationUnit unit, ProjectConstants index) {
        ConstantFolder folder = new ConstantFolder(unit, ProjectConstants.EMPTY);
        for (AnnotationExpr annotation : Nodes.all(unit, AnnotationExpr.class)) {
            if (!isNamedQuery(annotation)) {
                continue;
            }
            Optional<ProjectConstants.NamedQuery> declared = declaration(file, annotation, folder);
            if (declared.isPresent() && !declared.get().name().isEmpty()) {
                index.addNamedQuery(declared.get());
                continue;
            }
            annotation.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).ifPresent(type -> {
                String pkg = unit.getPackageDeclaration().map(Object::toString).orElse("");
                String name = type.getNameAsString();
                String source = pkg + ProjectConstants.imports(unit) + annotation + "\nclass " + name + "$Named"
                        + (type instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration c && c.isInterface()
                        ? " implements " : " extends ") + name + " {\n}\n";
                index.deferNamedQuery(source, JavaSourceExtractor.location(file, annotation));
            });
        }
    }

    private static boolean isNamedQuery(AnnotationExpr annotation) {
        String name = annotation.getNameAsString();
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return simple.equals("NamedQuery") || simple.equals("NamedNativeQuery");
    }

    /** The named query an annotation declares, or empty when it is none or its text is not known. */
    static Optional<ProjectConstants.NamedQuery> declaration(SourceFile file, AnnotationExpr annotation,
                                                             ConstantFolder folder) {
        return declaration(JavaSourceExtractor.location(file, annotation), annotation, folder);
    }

    /** {@link #declaration(SourceFile, AnnotationExpr, ConstantFolder)}, reported at {@code at}. */
    static Optional<ProjectConstants.NamedQuery> declaration(io.github.querylint.core.source.Location at,
                                                             AnnotationExpr annotation, ConstantFolder folder) {
        if (!isNamedQuery(annotation)) {
            return Optional.empty();
        }
        Optional<ConstantFolder.Folded> query = JavaSourceExtractor.foldMember(annotation, "query", folder);
        if (query.isEmpty() || query.get().text().isBlank()) {
            return Optional.empty();
        }
        String queryName = JavaSourceExtractor.foldMember(annotation, "name", folder)
                .filter(f -> !f.dynamic()).map(ConstantFolder.Folded::text).orElse("");
        QueryLanguage language = annotation.getNameAsString().endsWith("NamedNativeQuery") ? QueryLanguage.SQL
                : QueryLanguage.JPQL;
        return Optional.of(new ProjectConstants.NamedQuery(queryName, query.get().text(), language, at,
                query.get().dynamic()));
    }
}
