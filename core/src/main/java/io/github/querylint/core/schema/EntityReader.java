package io.github.querylint.core.schema;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.beans.Introspector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads JPA mappings from Java source: {@code @Entity}, {@code @MappedSuperclass} and
 * {@code @Embeddable} classes, their {@code @Table} (name, unique constraints, indexes), {@code @Id},
 * {@code @Column(name, unique)}, {@code @JoinColumn} and association fields. Names not given default
 * to Spring Boot's naming ({@code createdAt} -> {@code created_at}). A table or column name given as a
 * constant ({@code @Table(name = ModelConstants.ALARM_TABLE)}) is the class's own constant, or is looked up
 * once the first pass has indexed the tree's constants ({@link #resolve}); one that cannot be found falls
 * back to the default.
 */
public final class EntityReader {

    /** Files worth parsing for mappings. */
    public static final Pattern CANDIDATE = Pattern.compile("@(jakarta\\.persistence\\.|javax\\.persistence\\.)?"
            + "(Entity|MappedSuperclass|Embeddable)\\b|@(Table|MappedEntity)\\b");

    private static final Set<String> NOT_COLUMNS = Set.of("Transient", "OneToMany", "ManyToMany", "ElementCollection",
            "Formula");
    private static final Set<String> TO_ONE = Set.of("ManyToOne", "OneToOne");

    private EntityReader() {
    }

    /**
     * One mapped class as written, before superclasses are merged.
     *
     * @param kind       {@code Entity}, {@code MappedSuperclass} or {@code Embeddable}
     * @param tableGiven whether {@code @Table(name)} names the table (else it is the default name)
     * @param columns    property to column, in declaration order
     * @param idColumns  columns of {@code @Id} properties ({@code @EmbeddedId}: the property, resolved later)
     * @param embeddedId the property type of an {@code @EmbeddedId}, or empty
     * @param embedded   property type of each {@code @Embedded} property
     * @param supertypes the simple names of the types the class extends and implements
     * @param basic      the properties mapped as a plain column that is no key (no id, association or embedded
     *                   object); empty when the mapping does not tell
     */
    public record MappedClass(String className, String superClass, String kind, String entityName, String table,
                              boolean tableGiven, Map<String, String> columns, List<String> idColumns, String embeddedId,
                              List<List<String>> uniqueKeys, List<List<String>> indexes, List<String> embedded,
                              List<String> supertypes, List<String> basic) {
        public MappedClass {
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
            idColumns = List.copyOf(idColumns);
            uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
            indexes = indexes.stream().map(List::copyOf).toList();
            embedded = List.copyOf(embedded);
            supertypes = List.copyOf(supertypes);
            basic = List.copyOf(basic);
        }

        /** A mapping read from XML, which names no supertypes. */
        public MappedClass(String className, String superClass, String kind, String entityName, String table,
                           boolean tableGiven, Map<String, String> columns, List<String> idColumns, String embeddedId,
                           List<List<String>> uniqueKeys, List<List<String>> indexes, List<String> embedded) {
            this(className, superClass, kind, entityName, table, tableGiven, columns, idColumns, embeddedId, uniqueKeys,
                    indexes, embedded, List.of(), List.of());
        }

        public boolean entity() {
            return kind.equals("Entity");
        }
    }

    /** The mapped classes of one compilation unit. */
    public static List<MappedClass> read(CompilationUnit unit) {
        List<MappedClass> out = new ArrayList<>();
        // Spring Data JDBC's @Table and Micronaut Data's @MappedEntity map an aggregate to a table as @Entity does
        boolean relational = unit.getImports().stream().map(i -> i.getNameAsString())
                .anyMatch(i -> i.startsWith("org.springframework.data.relational.core.mapping")
                        || i.startsWith("io.micronaut.data.annotation"));
        for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            String kind = type.getAnnotations().stream().map(a -> simple(a.getNameAsString()))
                    .filter(n -> n.equals("Entity") || n.equals("MappedSuperclass") || n.equals("Embeddable"))
                    .findFirst().orElse(null);
            if (kind == null && relational && type.getAnnotations().stream().map(a -> simple(a.getNameAsString()))
                    .anyMatch(n -> n.equals("Table") || n.equals("MappedEntity"))) {
                kind = "Entity";
            }
            if (kind == null || type.isInterface()) {
                continue;
            }
            out.add(mapped(type, kind));
        }
        return out;
    }

    private static MappedClass mapped(ClassOrInterfaceDeclaration type, String kind) {
        String className = type.getNameAsString();
        String entityName = annotation(type.getAnnotations(), "Entity").flatMap(a -> string(a, "name")).orElse(className);
        Optional<AnnotationExpr> table = annotation(type.getAnnotations(), "Table")
                .or(() -> annotation(type.getAnnotations(), "MappedEntity"));
        // JPA's @Table(name = ..); Spring Data JDBC's @Table("members") and Micronaut's @MappedEntity("plans")
        String tableName = orDefault(table.flatMap(a -> name(a, "name").or(() -> name(a, "value"))),
                SchemaModel.Entity.snakeCase(entityName));
        List<List<String>> unique = new ArrayList<>();
        List<List<String>> indexes = new ArrayList<>();
        table.ifPresent(t -> {
            for (AnnotationExpr u : annotations(t, "uniqueConstraints")) {
                unique.add(strings(u, "columnNames").stream().map(EntityReader::unquote).toList());
            }
            for (AnnotationExpr i : annotations(t, "indexes")) {
                List<String> columns = string(i, "columnList").map(EntityReader::columnList).orElse(List.of());
                if (bool(i, "unique")) {
                    unique.add(columns);
                } else {
                    indexes.add(columns);
                }
            }
        });
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        List<String> embedded = new ArrayList<>();
        List<String> basic = new ArrayList<>();
        String[] embeddedId = {""};
        for (FieldDeclaration field : type.getFields()) {
            if (field.isStatic() || field.isTransient()) {
                continue;
            }
            for (VariableDeclarator v : field.getVariables()) {
                property(v.getNameAsString(), v.getTypeAsString(), field.getAnnotations(), columns, ids, unique,
                        embedded, embeddedId, basic);
            }
        }
        for (MethodDeclaration method : type.getMethods()) {
            // property access: the mapping annotations sit on the getters
            String name = method.getNameAsString();
            if (method.isStatic() || method.getParameters().isNonEmpty() || method.getAnnotations().isEmpty()
                    || !(name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2)) {
                continue;
            }
            boolean mapping = method.getAnnotations().stream().map(a -> simple(a.getNameAsString()))
                    .anyMatch(n -> n.equals("Id") || n.equals("Column") || n.equals("JoinColumn") || TO_ONE.contains(n)
                            || n.equals("EmbeddedId"));
            if (mapping) {
                String property = Introspector.decapitalize(name.substring(name.startsWith("get") ? 3 : 2));
                property(property, method.getTypeAsString(), method.getAnnotations(), columns, ids, unique, embedded,
                        embeddedId, basic);
            }
        }
        String superClass = type.getExtendedTypes().isEmpty() ? "" : type.getExtendedTypes().get(0).getNameAsString();
        if (superClass.equals("PanacheEntity") && ids.isEmpty()) {
            // Quarkus' PanacheEntity declares the key for its subclasses: a generated Long id
            columns.putIfAbsent("id", "id");
            ids.add("id");
        }
        boolean given = table.flatMap(a -> name(a, "name")).isPresent();
        List<String> supertypes = new ArrayList<>();
        type.getExtendedTypes().forEach(t -> supertypes.add(t.getNameAsString()));
        type.getImplementedTypes().forEach(t -> supertypes.add(t.getNameAsString()));
        return new MappedClass(className, superClass, kind, entityName, tableName, given, columns, ids, embeddedId[0], unique,
                indexes, embedded, supertypes, basic);
    }

    private static void property(String name, String type, NodeList<AnnotationExpr> annotations,
                                 Map<String, String> columns, List<String> ids, List<List<String>> unique,
                                 List<String> embedded, String[] embeddedId, List<String> basic) {
        Set<String> names = new java.util.HashSet<>();
        annotations.forEach(a -> names.add(simple(a.getNameAsString())));
        if (names.stream().anyMatch(NOT_COLUMNS::contains)) {
            return;
        }
        if ((names.contains("OneToOne")) && annotation(annotations, "OneToOne").flatMap(a -> string(a, "mappedBy")).isPresent()) {
            return; // the inverse side: the column sits in the other table
        }
        if (names.contains("EmbeddedId")) {
            embeddedId[0] = rawType(type);
            return;
        }
        if (names.contains("Embedded")) {
            embedded.add(rawType(type));
            return;
        }
        String column;
        boolean isUnique;
        if (names.stream().anyMatch(TO_ONE::contains) || names.contains("JoinColumn")) {
            Optional<AnnotationExpr> join = annotation(annotations, "JoinColumn");
            column = orDefault(join.flatMap(a -> name(a, "name")), SchemaModel.Entity.snakeCase(name) + "_id");
            isUnique = join.map(a -> bool(a, "unique")).orElse(false);
        } else {
            Optional<AnnotationExpr> col = annotation(annotations, "Column");
            column = orDefault(col.flatMap(a -> name(a, "name").or(() -> name(a, "value"))),
                    SchemaModel.Entity.snakeCase(name));
            isUnique = col.map(a -> bool(a, "unique")).orElse(false);
            if (!names.contains("Id")) {
                basic.add(name); // a key is no value that groups rows: one row per entity
            }
        }
        columns.put(name, column);
        if (names.contains("Id")) {
            ids.add(column);
        }
        if (isUnique) {
            unique.add(List.of(column));
        }
    }

    private static String rawType(String type) {
        int lt = type.indexOf('<');
        String raw = lt < 0 ? type : type.substring(0, lt);
        return raw.contains(".") ? raw.substring(raw.lastIndexOf('.') + 1) : raw;
    }

    private static String simple(String name) {
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    }

    private static Optional<AnnotationExpr> annotation(NodeList<AnnotationExpr> annotations, String name) {
        return annotations.stream().filter(a -> simple(a.getNameAsString()).equals(name)).findFirst();
    }

    private static Optional<Expression> member(AnnotationExpr a, String name) {
        if (a instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(p -> p.getNameAsString().equals(name)).map(p -> p.getValue())
                    .findFirst();
        }
        if (a instanceof SingleMemberAnnotationExpr single && name.equals("value")) {
            return Optional.of(single.getMemberValue());
        }
        return Optional.empty();
    }

    private static Optional<String> string(AnnotationExpr a, String name) {
        return member(a, name).flatMap(EntityReader::literal).filter(s -> !s.isBlank());
    }

    /** Starts a name given as a constant: the keys it may be indexed under, then {@link #FALLBACK} and the default. */
    private static final char REFERENCE = '\u0000';
    private static final char FALLBACK = '\u0001';

    /** A table or column name: a literal, the class's own constant, or a reference to another's ({@link #resolve}). */
    private static Optional<String> name(AnnotationExpr a, String member) {
        return member(a, member).flatMap(e -> literal(e).or(() -> reference(e))).filter(s -> !s.isBlank());
    }

    private static String orDefault(Optional<String> name, String fallback) {
        return name.map(n -> n.charAt(0) == REFERENCE ? n + FALLBACK + fallback : unquote(n)).orElse(fallback);
    }

    /**
     * A constant as an annotation names it: {@code T.NAME} or {@code a.b.T.NAME} (indexed as {@code T.NAME} and
     * {@code a.b.T.NAME}), or a bare {@code NAME} that the class declares with a literal (read here) or that a
     * static import brings in.
     */
    private static Optional<String> reference(Expression e) {
        List<String> keys = new ArrayList<>();
        if (e instanceof FieldAccessExpr f) {
            String scope = f.getScope().toString();
            keys.add(scope + "." + f.getNameAsString());
            if (scope.contains(".")) {
                keys.add(scope.substring(scope.lastIndexOf('.') + 1) + "." + f.getNameAsString());
            }
        } else if (e instanceof NameExpr n) {
            String name = n.getNameAsString();
            for (ClassOrInterfaceDeclaration type = e.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
                 type != null; type = type.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null)) {
                Optional<String> own = type.getFieldByName(name).flatMap(field -> field.getVariables().stream()
                        .filter(v -> v.getNameAsString().equals(name)).findFirst())
                        .flatMap(VariableDeclarator::getInitializer).flatMap(EntityReader::literal);
                if (own.isPresent()) {
                    return own;
                }
                keys.add(type.getNameAsString() + "." + name);
            }
            for (ImportDeclaration imp : e.findCompilationUnit().map(CompilationUnit::getImports).orElse(new NodeList<>())) {
                if (!imp.isStatic()) {
                    continue;
                }
                if (imp.isAsterisk()) {
                    keys.add(imp.getNameAsString() + "." + name);
                } else if (imp.getName().getIdentifier().equals(name)) {
                    keys.add(imp.getNameAsString());
                }
            }
        }
        return keys.isEmpty() ? Optional.empty()
                : Optional.of(REFERENCE + String.join(String.valueOf(REFERENCE), keys));
    }

    /**
     * The mapping with each name given as another file's constant looked up in the tree's String constants (call
     * after the first pass); a constant not found leaves the default name, as if none had been given.
     */
    public static MappedClass resolve(MappedClass m, Function<String, Optional<String>> constant) {
        Function<String, String> name = s -> isReference(s)
                ? lookup(s, constant).orElse(s.substring(s.indexOf(FALLBACK) + 1)) : s;
        boolean tableFound = !isReference(m.table()) || lookup(m.table(), constant).isPresent();
        Map<String, String> columns = new LinkedHashMap<>();
        m.columns().forEach((property, column) -> columns.put(property, name.apply(column)));
        return new MappedClass(m.className(), m.superClass(), m.kind(), m.entityName(), name.apply(m.table()),
                m.tableGiven() && tableFound, columns, m.idColumns().stream().map(name).toList(), m.embeddedId(),
                m.uniqueKeys().stream().map(k -> k.stream().map(name).toList()).toList(), m.indexes(), m.embedded(),
                m.supertypes(), m.basic());
    }

    private static boolean isReference(String s) {
        return !s.isEmpty() && s.charAt(0) == REFERENCE;
    }

    /** The value of the first key of a reference that the tree's constants hold. */
    private static Optional<String> lookup(String reference, Function<String, Optional<String>> constant) {
        for (String key : reference.substring(1, reference.indexOf(FALLBACK)).split(String.valueOf(REFERENCE))) {
            Optional<String> value = constant.apply(key).map(EntityReader::unquote).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> literal(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return Optional.of(s.asString());
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return Optional.of(t.asString());
        }
        return Optional.empty();
    }

    private static List<String> strings(AnnotationExpr a, String name) {
        Optional<Expression> value = member(a, name);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof ArrayInitializerExpr array) {
            return array.getValues().stream().map(EntityReader::literal).flatMap(Optional::stream).toList();
        }
        return literal(value.get()).map(List::of).orElse(List.of());
    }

    private static List<AnnotationExpr> annotations(AnnotationExpr a, String name) {
        Optional<Expression> value = member(a, name);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof ArrayInitializerExpr array) {
            return array.getValues().stream().filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast).toList();
        }
        return value.get() instanceof AnnotationExpr single ? List.of(single) : List.of();
    }

    private static boolean bool(AnnotationExpr a, String name) {
        return member(a, name).map(e -> e instanceof BooleanLiteralExpr b && b.getValue()).orElse(false);
    }

    /** {@code "a, b DESC"} -> {@code [a, b]}. */
    private static List<String> columnList(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> unquote(s.replaceAll("(?i)\\s+(asc|desc)$", ""))).toList();
    }

    private static String unquote(String name) {
        return name.replace("\"", "").replace("`", "").replace("[", "").replace("]", "").strip();
    }
}
