package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * String constants of the whole scanned tree ({@code Queries.BASE}), gathered in a first pass so
 * that a query assembled from another class's constants is still read whole.
 */
public final class ProjectConstants {

    public static final ProjectConstants EMPTY = new ProjectConstants();

    /** "SimpleClassName.FIELD" and "fully.qualified.Name.FIELD" to the folded text. */
    private final Map<String, String> constants = new ConcurrentHashMap<>();

    /** Records the string constants of a compilation unit (call during the first pass). */
    public void collect(CompilationUnit unit) {
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        ConstantFolder folder = new ConstantFolder(unit, EMPTY);
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            for (FieldDeclaration field : type.getFields()) {
                if (!field.isStatic() && !type.isClassOrInterfaceDeclaration()) {
                    continue;
                }
                boolean constant = field.isStatic() && field.isFinal()
                        || type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface();
                if (!constant) {
                    continue;
                }
                for (VariableDeclarator v : field.getVariables()) {
                    if (!v.getTypeAsString().equals("String") || v.getInitializer().isEmpty()) {
                        continue;
                    }
                    Expression init = v.getInitializer().get();
                    folder.fold(init).ifPresent(f -> {
                        constants.put(type.getNameAsString() + "." + v.getNameAsString(), f.text());
                        constants.put(pkg + type.getNameAsString() + "." + v.getNameAsString(), f.text());
                    });
                }
            }
        }
    }

    public boolean isEmpty() {
        return constants.isEmpty();
    }

    /** {@code Scope.NAME}, with the scope as written ({@code Queries} or {@code com.x.Queries}). */
    Optional<String> lookup(String scope, String name, CompilationUnit from) {
        String direct = constants.get(scope + "." + name);
        if (direct != null) {
            return Optional.of(direct);
        }
        String simple = scope.contains(".") ? scope.substring(scope.lastIndexOf('.') + 1) : scope;
        return Optional.ofNullable(constants.get(simple + "." + name));
    }

    /** A bare name brought in by {@code import static a.b.Queries.NAME} or {@code import static a.b.Queries.*}. */
    Optional<String> lookupStatic(String name, CompilationUnit from) {
        for (ImportDeclaration imp : from.getImports()) {
            if (!imp.isStatic()) {
                continue;
            }
            String id = imp.getNameAsString();
            if (imp.isAsterisk()) {
                String value = constants.get(id + "." + name);
                if (value != null) {
                    return Optional.of(value);
                }
            } else if (id.endsWith("." + name)) {
                String value = constants.get(id);
                if (value != null) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
