package io.github.querylint.core.extract;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.type.Type;
import io.github.querylint.core.query.Cardinality;
import java.util.Set;

/** What Spring Data and MyBatis make of a repository method's signature. */
final class RepositoryTypes {

    private static final Set<String> COLLECTIONS = Set.of("List", "Collection", "Set", "Iterable", "Streamable",
            "SortedSet", "LinkedList", "ArrayList", "HashSet", "Map", "Flux", "Cursor");
    /** A Stream, or JDBI's lazily read {@code ResultIterable} and {@code Iterator}. */
    private static final Set<String> STREAMS = Set.of("Stream", "ResultIterable", "Iterator");
    private static final Set<String> PAGES = Set.of("Page", "Slice", "Window", "GeoPage");
    private static final Set<String> OPTIONALS = Set.of("Optional", "Mono", "Maybe");
    private static final Set<String> SCALARS = Set.of("long", "Long", "int", "Integer", "boolean", "Boolean",
            "BigDecimal", "BigInteger", "double", "Double", "short", "Short", "float", "Float");
    /** Parameters that bound the rows Spring Data or MyBatis fetch. */
    private static final Set<String> BOUNDING = Set.of("Pageable", "Limit", "ScrollPosition", "RowBounds",
            "PageRequest", "OffsetScrollPosition", "KeysetScrollPosition", "IPage");

    private RepositoryTypes() {
    }

    static Cardinality cardinality(Type type) {
        String simple = CallSites.simpleType(type);
        if (type.isArrayType()) {
            return Cardinality.COLLECTION;
        }
        if (type.isVoidType()) {
            return Cardinality.UPDATE_COUNT;
        }
        if (COLLECTIONS.contains(simple) || PAGES.contains(simple)) {
            return Cardinality.COLLECTION;
        }
        if (STREAMS.contains(simple)) {
            return Cardinality.STREAM;
        }
        if (OPTIONALS.contains(simple)) {
            return Cardinality.OPTIONAL;
        }
        if (SCALARS.contains(simple)) {
            return Cardinality.SCALAR;
        }
        return Cardinality.SINGLE;
    }

    static boolean isPageLike(Type type) {
        return PAGES.contains(CallSites.simpleType(type));
    }

    /**
     * A MyBatis mapper method: {@code List}, {@code Cursor}, a {@code Map} with {@code @MapKey} or a
     * {@code ResultHandler} parameter read every row, a single object (a {@code Map} without {@code @MapKey} too)
     * one, a number one value; a {@code RowBounds} parameter bounds the rows.
     */
    static ProjectConstants.MapperMethod mapperMethod(MethodDeclaration method) {
        String bound = boundingParameter(method);
        for (Parameter p : method.getParameters()) {
            if (CallSites.simpleType(p.getType()).equals("ResultHandler")) {
                return new ProjectConstants.MapperMethod("ResultHandler", Cardinality.COLLECTION, bound);
            }
        }
        Cardinality cardinality = method.getType().isVoidType() ? Cardinality.UNKNOWN : cardinality(method.getType());
        if (CallSites.simpleType(method.getType()).matches("(Hash|LinkedHash|Tree|Sorted)?Map")
                && method.getAnnotationByName("MapKey").isEmpty()) {
            cardinality = Cardinality.SINGLE; // without @MapKey, MyBatis reads one row into the Map (selectOne)
        }
        if (bound.isEmpty() && isPageLike(method.getType())) {
            bound = CallSites.simpleType(method.getType());
        }
        return new ProjectConstants.MapperMethod(method.getType().asString(), cardinality, bound);
    }

    static String boundingParameter(MethodDeclaration method) {
        for (Parameter p : method.getParameters()) {
            String simple = CallSites.simpleType(p.getType());
            if (BOUNDING.contains(simple)) {
                return simple;
            }
        }
        return "";
    }
}
