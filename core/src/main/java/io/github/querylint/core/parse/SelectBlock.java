package io.github.querylint.core.parse;

import java.util.List;

/**
 * One SELECT ... FROM ... block of a query, with the facts rules need.
 *
 * @param role          where it sits
 * @param stars         star items of its select list
 * @param tables        tables or entities it reads, the driving one first
 * @param joinCount     explicit joins, comma joins and (JPQL) path joins
 * @param filter        what its WHERE clause says
 * @param limit         its row limit
 * @param aggregateOnly whether every select item is an aggregate and there is no GROUP BY (one row)
 * @param grouped       whether it has GROUP BY
 * @param distinct      whether it is SELECT DISTINCT
 * @param hasFrom       whether it reads a table at all ({@code SELECT 1}, {@code SELECT now()} do not)
 * @param entitySelect  (JPQL) whether it selects entities rather than columns
 * @param selected      the plain columns (JPQL: paths) its select list names
 */
public record SelectBlock(BlockRole role, List<StarItem> stars, List<TableRef> tables, int joinCount, Filter filter,
                          RowLimit limit, boolean aggregateOnly, boolean grouped, boolean distinct, boolean hasFrom,
                          boolean entitySelect, List<ColumnRef> selected) {

    public SelectBlock {
        selected = selected == null ? List.of() : List.copyOf(selected);
        stars = stars == null ? List.of() : List.copyOf(stars);
        tables = tables == null ? List.of() : List.copyOf(tables);
        filter = filter == null ? Filter.NONE : filter;
        limit = limit == null ? RowLimit.NONE : limit;
    }

    /** The driving table (first item of FROM), or null. */
    public TableRef drivingTable() {
        return tables.stream().filter(TableRef::driving).findFirst().orElse(tables.isEmpty() ? null : tables.get(0));
    }

    /**
     * Whether the filter proves the block returns at most one row: equality on the primary key or
     * on every column of a unique key of the driving table. Without a schema, a documented naming
     * heuristic stands in for the key: {@code id}, or {@code <table>_id} / {@code <table>Id} with the
     * table name in singular. Equality on a joined table's key proves nothing about the driving rows.
     */
    public boolean keyLookup(io.github.querylint.core.schema.SchemaModel schema) {
        return coversKey(filter.equalities(), schema);
    }

    /**
     * {@link #keyLookup(io.github.querylint.core.schema.SchemaModel)}, without the equalities on columns the code
     * compares only in a part that may be left out ({@code <if test="id != null"> AND id = #{id}</if>}): the query
     * is then a list that may, or may not, be narrowed to one row.
     */
    public boolean keyLookup(io.github.querylint.core.schema.SchemaModel schema, java.util.Set<String> optional) {
        if (optional.isEmpty()) {
            return keyLookup(schema);
        }
        return coversKey(filter.equalities().stream()
                .filter(c -> !optional.contains(c.column().toLowerCase(java.util.Locale.ROOT))).toList(), schema);
    }

    /**
     * Whether it returns one row per group: GROUP BY, or SELECT DISTINCT over named columns that are not a key
     * of the driving table ({@code SELECT DISTINCT status}, one row per status). DISTINCT over the key
     * ({@code SELECT DISTINCT u.id, u.email FROM users u JOIN orders o ...}) only drops the copies a join
     * made: one row per user, as many as there are users. So does DISTINCT over a column that holds another
     * table's key ({@code SELECT DISTINCT user_id FROM orders WHERE product_id = ?}: every buyer of a product).
     * In JPQL a path may name an association as well as a column ({@code select distinct t.owner}: one row per
     * owner, many): there DISTINCT groups only over properties the mappings show as plain columns
     * ({@code select distinct p.brand}).
     *
     * @param jpql whether the block is JPQL/HQL, whose selected paths are properties, not columns
     */
    public boolean onePerGroup(io.github.querylint.core.schema.SchemaModel schema, boolean jpql) {
        if (grouped) {
            return true;
        }
        if (!distinct || !stars.isEmpty() || entitySelect || jpql && selected.isEmpty() || coversKey(selected, schema)) {
            return false;
        }
        for (ColumnRef c : selected) {
            // columns chosen at run time (MyBatis Generator's select distinct ${columns}) may be the key
            if (c.column().equalsIgnoreCase(io.github.querylint.core.query.QueryUnit.DYNAMIC_PLACEHOLDER)
                    || manyReferences(c) || jpql && !plainProperty(c, schema)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A column named as a reference to a key, which the filter does not pin to values the caller passes ({@code
     * WHERE item_id IN (:ids)} gives no more item ids than it was given).
     */
    private boolean manyReferences(ColumnRef c) {
        return reference(c.column()) && filter.equalities().stream().noneMatch(e -> e.column().equalsIgnoreCase(c.column())
                && (e.qualifier().isEmpty() || c.qualifier().isEmpty() || e.qualifier().equalsIgnoreCase(c.qualifier())));
    }

    /** A column named as a key or a reference to one: {@code id}, {@code user_id}, {@code userId}, {@code uuid}. */
    static boolean reference(String column) {
        String lower = column.toLowerCase(java.util.Locale.ROOT);
        int n = column.length();
        return lower.equals("id") || lower.endsWith("_id") || lower.equals("uuid") || lower.endsWith("_uuid")
                || n > 2 && column.endsWith("Id") && Character.isLowerCase(column.charAt(n - 3));
    }

    /**
     * A JPQL path {@code alias.property} (or a bare {@code property} of the one entity read) whose entity maps the
     * property as a plain column.
     */
    private boolean plainProperty(ColumnRef c, io.github.querylint.core.schema.SchemaModel schema) {
        TableRef table = c.qualifier().isEmpty() ? (tables.size() == 1 ? tables.get(0) : null)
                : tables.stream().filter(t -> t.answersTo(c.qualifier())).findFirst().orElse(null);
        var entity = table == null ? null : schema.entities().get(table.name());
        return entity != null && entity.basic().contains(c.column());
    }

    /**
     * The column of {@code table} that a JPQL path to an association's key names: {@code b.warehouse.id}, or
     * {@code warehouse.id} in HQL without an alias (Panache's {@code "warehouse.id = ?1"}) when the block reads that
     * one entity. It is the entity's join column for the association, which Hibernate reads without a join; null
     * for any other reference.
     */
    public String associationKeyColumn(ColumnRef c, TableRef table, io.github.querylint.core.schema.SchemaModel schema) {
        if (!c.column().equalsIgnoreCase("id") || !schema.entities().containsKey(table.name())) {
            return null;
        }
        String qualifier = c.qualifier();
        int dot = qualifier.indexOf('.');
        if (dot > 0) {
            return qualifier.indexOf('.', dot + 1) < 0 && table.answersTo(qualifier.substring(0, dot))
                    ? schema.column(table.name(), qualifier.substring(dot + 1)) : null;
        }
        List<TableRef> read = tables.stream().filter(t -> !t.name().startsWith("(")).toList();
        boolean unaliased = !qualifier.isEmpty() && read.size() == 1 && read.get(0) == table
                && tables.stream().noneMatch(t -> t.answersTo(qualifier));
        return unaliased ? schema.column(table.name(), qualifier) : null;
    }

    /** Whether the columns hold a key of the driving table (its primary key, a unique key, or by the naming heuristic). */
    private boolean coversKey(List<ColumnRef> refs, io.github.querylint.core.schema.SchemaModel schema) {
        TableRef driving = drivingTable();
        if (driving == null || refs.isEmpty()) {
            return false;
        }
        java.util.Set<String> columns = new java.util.HashSet<>();
        for (ColumnRef c : refs) {
            boolean onDriving = c.qualifier().isEmpty() ? true : driving.answersTo(c.qualifier());
            if (onDriving) {
                columns.add(schema.column(driving.name(), c.column())); // a JPQL property names its column
            } else {
                String joinColumn = associationKeyColumn(c, driving, schema); // b.warehouse.id
                if (joinColumn != null) {
                    columns.add(joinColumn);
                }
            }
        }
        if (columns.isEmpty()) {
            return false;
        }
        var table = schema.table(driving.name());
        if (table.isPresent() && (!table.get().primaryKey().isEmpty() || !table.get().uniqueKeys().isEmpty())) {
            return table.get().isUniqueOn(columns);
        }
        String simple = driving.name().contains(".") ? driving.name().substring(driving.name().lastIndexOf('.') + 1)
                : driving.name();
        String singular = singular(simple.toLowerCase(java.util.Locale.ROOT));
        // sys_menu.menu_id, t_order.order_id: a schema's common prefix is no part of the key's name
        String unprefixed = TABLE_PREFIX.matcher(singular).replaceFirst("");
        for (String column : columns) {
            String c = column.toLowerCase(java.util.Locale.ROOT);
            if (c.equals("id") || c.equals("uuid") || c.equals(singular + "_id") || c.equals(singular + "id")
                    || !unprefixed.equals(singular) && c.equals(unprefixed + "_id")) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern TABLE_PREFIX = java.util.regex.Pattern.compile("^(sys|tbl|tb|t)_(?=[a-z])");

    private static String singular(String name) {
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        if (name.endsWith("sses") || name.endsWith("xes")) {
            return name.substring(0, name.length() - 2);
        }
        if (name.endsWith("s") && !name.endsWith("ss")) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }

    /**
     * Whether every table the block reads is the database's own catalog ({@code information_schema.columns},
     * {@code pg_catalog.pg_class}, Oracle's {@code all_tab_columns}): as large as the schema, not as the data.
     */
    public boolean readsCatalog() {
        return !tables.isEmpty() && tables.stream().allMatch(TableRef::catalog);
    }

    /** The names of the tables read, in order, without repeats. */
    public List<String> tableNames() {
        return tables.stream().map(TableRef::name).distinct().toList();
    }
}
