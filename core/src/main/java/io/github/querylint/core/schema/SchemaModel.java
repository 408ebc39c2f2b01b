package io.github.querylint.core.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Tables, their columns and keys, as far as the code base declares them, and production row
 * counts when a sizes file gives them. Empty when nothing is known: rules then fall back to
 * documented naming heuristics.
 *
 * @param tables     tables by name (case-insensitive), from migrations, schema scripts or, when there are none,
 *                   JPA entities
 * @param rows       production rows by table name (case-insensitive; schema-qualified names are also found by
 *                   their simple name), from {@code querylint-sizes.yml}
 * @param entities   JPA entities by entity name (case-sensitive): which table a JPQL name reads, which column a
 *                   property maps to
 * @param views      views (and other relations without keys) that queries may name
 * @param migrations whether the tables come from migrations or schema scripts that look like the whole schema
 *                   (at most one change in ten alters a table they never create), so that a table missing from
 *                   them is worth a note
 * @param dropped    tables a migration dropped or renamed, and that none created again: a query that still reads
 *                   one is stale
 */
public record SchemaModel(Map<String, Table> tables, Map<String, Long> rows, Map<String, Entity> entities,
                          java.util.Set<String> views, boolean migrations, java.util.Set<String> dropped) {

    public static final SchemaModel EMPTY = new SchemaModel(Map.of(), Map.of());

    public SchemaModel {
        TreeMap<String, Table> t = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        t.putAll(tables);
        tables = java.util.Collections.unmodifiableMap(t);
        TreeMap<String, Long> r = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.putAll(rows);
        rows = java.util.Collections.unmodifiableMap(r);
        TreeMap<String, Entity> e = new TreeMap<>(); // entity names are case-sensitive, as in JPQL
        e.putAll(entities == null ? Map.of() : entities);
        entities = java.util.Collections.unmodifiableMap(e);
        java.util.TreeSet<String> v = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        v.addAll(views == null ? java.util.Set.of() : views);
        views = java.util.Collections.unmodifiableSet(v);
        java.util.TreeSet<String> d = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        d.addAll(dropped == null ? java.util.Set.of() : dropped);
        dropped = java.util.Collections.unmodifiableSet(d);
    }

    public SchemaModel(Map<String, Table> tables, Map<String, Long> rows, Map<String, Entity> entities,
                       java.util.Set<String> views, boolean migrations) {
        this(tables, rows, entities, views, migrations, java.util.Set.of());
    }

    public SchemaModel(Map<String, Table> tables, Map<String, Long> rows) {
        this(tables, rows, Map.of(), java.util.Set.of(), false);
    }

    /** The same schema with production row counts. */
    public SchemaModel withRows(Map<String, Long> value) {
        return new SchemaModel(tables, value, entities, views, migrations, dropped);
    }

    /** Whether anything is known about tables or entities. */
    public boolean isEmpty() {
        return tables.isEmpty() && entities.isEmpty() && views.isEmpty();
    }

    /**
     * A table by name, schema-qualified or not, case-insensitive; a JPQL entity name finds the
     * table its entity maps to.
     */
    public Optional<Table> table(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Table table = tables.get(name);
        if (table == null && name.contains(".")) {
            table = tables.get(name.substring(name.lastIndexOf('.') + 1));
        }
        if (table == null) {
            Entity entity = entities.get(name);
            if (entity != null && !entity.table().equalsIgnoreCase(name)) {
                return table(entity.table());
            }
        }
        return Optional.ofNullable(table);
    }

    /** The table a name reads: the entity's table for a JPQL entity name, else the name itself. */
    public String tableName(String name) {
        if (name == null || tables.containsKey(name)) {
            return name;
        }
        Entity entity = entities.get(name);
        return entity != null ? entity.table() : name;
    }

    /** Whether a table, view or entity of that name, or a table an entity maps, is known (schema-qualified or not). */
    public boolean knows(String name) {
        return entities.containsKey(name) || knowsTable(name);
    }

    /**
     * {@link #knows}, for a table an SQL query names: an entity's name (or its class's) is JPQL's, and in SQL names
     * nothing unless a table or view is called so ({@code FROM OrderLine} when the entity maps {@code OrderLines}).
     */
    public boolean knowsTable(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        if (tables.containsKey(name) || tables.containsKey(simple) || views.contains(name)) {
            return true;
        }
        // a table only a JPA entity maps (Hibernate may create it, or its migration lives elsewhere)
        return views.contains(simple) || entities.values().stream().anyMatch(e -> e.table().equalsIgnoreCase(simple));
    }

    /** Whether a migration dropped or renamed the table of that name (schema-qualified or not), and none made it again. */
    public boolean wasDropped(String name) {
        return name != null && dropped.contains(name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name);
    }

    /**
     * The column a name in a query stands for: for a JPQL entity, the column its property maps to
     * ({@code @Column(name)}, {@code @JoinColumn}), else a column of the table spelt the same, or in
     * snake_case ({@code createdAt} -> {@code created_at}, Spring Boot's default naming); otherwise
     * the name as written.
     */
    public String column(String tableOrEntity, String name) {
        Entity entity = tableOrEntity == null ? null : entities.get(tableOrEntity);
        if (entity != null && !tables.containsKey(tableOrEntity)) {
            String mapped = entity.columns().get(name);
            if (mapped != null) {
                return mapped;
            }
            // Spring Data's findByAssigneeId: the id of the association assignee, its join column
            if (name.length() > 2 && name.endsWith("Id")) {
                String association = entity.columns().get(name.substring(0, name.length() - 2));
                if (association != null) {
                    return association;
                }
            }
        }
        Optional<Table> table = table(tableOrEntity);
        if (table.isPresent()) {
            if (table.get().hasColumn(name)) {
                return table.get().columns().stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(name);
            }
            String snake = Entity.snakeCase(name);
            if (table.get().hasColumn(snake)) {
                return snake;
            }
        }
        return name;
    }

    /** Production rows of a table (or of an entity's table), if the sizes file gives them. */
    public Optional<Long> rowsOf(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Long n = rows.get(name);
        if (n == null && name.contains(".")) {
            n = rows.get(name.substring(name.lastIndexOf('.') + 1));
        }
        if (n == null) {
            Entity entity = entities.get(name);
            if (entity != null && !entity.table().equalsIgnoreCase(name)) {
                return rowsOf(entity.table());
            }
        }
        return Optional.ofNullable(n);
    }

    /**
     * A JPA entity: what JPQL names resolve to.
     *
     * @param name    the entity name ({@code @Entity(name)}, else the simple class name)
     * @param table   the table ({@code @Table(name)}, else the entity name in snake_case)
     * @param columns property name to column name, for every mapped property (ids, columns, join columns)
     * @param basic   the properties known to be mapped as a plain column that is no key (JPQL's {@code p.brand} is a
     *                value, {@code p.owner} an entity, {@code p.id} the key); a property not here may be any of them
     */
    public record Entity(String name, String table, Map<String, String> columns, java.util.Set<String> basic) {

        public Entity {
            TreeMap<String, String> c = new TreeMap<>();
            c.putAll(columns);
            columns = java.util.Collections.unmodifiableMap(c);
            basic = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(basic));
        }

        /** An entity whose mapping does not say which properties are plain columns. */
        public Entity(String name, String table, Map<String, String> columns) {
            this(name, table, columns, java.util.Set.of());
        }

        /** {@code createdAt} -> {@code created_at}, {@code OrderItem} -> {@code order_item}. */
        public static String snakeCase(String name) {
            return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                    .toLowerCase(Locale.ROOT);
        }
    }

    /** A foreign key: {@code columns} reference {@code refColumns} of {@code refTable}. */
    public record ForeignKey(List<String> columns, String refTable, List<String> refColumns) {
        public ForeignKey {
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
        }
    }

    /**
     * @param columns    column names in declaration order
     * @param primaryKey primary key columns, empty when none is declared
     * @param uniqueKeys unique constraints and unique indexes, each a list of columns
     */
    public record Table(String name, List<String> columns, List<String> primaryKey, List<List<String>> uniqueKeys,
                        List<List<String>> indexes, List<ForeignKey> foreignKeys) {

        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
            indexes = indexes == null ? List.of() : indexes.stream().map(List::copyOf).toList();
            foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        }

        public Table(String name, List<String> columns, List<String> primaryKey, List<List<String>> uniqueKeys) {
            this(name, columns, primaryKey, uniqueKeys, List.of(), List.of());
        }

        public boolean hasColumn(String column) {
            return columns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
        }

        /**
         * Whether an index can find rows by this column: it leads the primary key, a unique key or an
         * index (a column further right in a composite index only helps after the ones before it).
         */
        public boolean indexedOn(String column) {
            if (!primaryKey.isEmpty() && primaryKey.get(0).equalsIgnoreCase(column)) {
                return true;
            }
            return java.util.stream.Stream.concat(uniqueKeys.stream(), indexes.stream())
                    .anyMatch(k -> !k.isEmpty() && k.get(0).equalsIgnoreCase(column));
        }

        /** Whether equality on these columns selects at most one row. */
        public boolean isUniqueOn(java.util.Set<String> equalColumns) {
            java.util.Set<String> lower = new java.util.HashSet<>();
            equalColumns.forEach(c -> lower.add(c.toLowerCase(Locale.ROOT)));
            if (!primaryKey.isEmpty() && primaryKey.stream().allMatch(c -> lower.contains(c.toLowerCase(Locale.ROOT)))) {
                return true;
            }
            return uniqueKeys.stream().anyMatch(k -> !k.isEmpty()
                    && k.stream().allMatch(c -> lower.contains(c.toLowerCase(Locale.ROOT))));
        }
    }
}
