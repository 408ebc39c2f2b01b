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
 */
public record SchemaModel(Map<String, Table> tables, Map<String, Long> rows) {

    public static final SchemaModel EMPTY = new SchemaModel(Map.of(), Map.of());

    public SchemaModel {
        TreeMap<String, Table> t = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        t.putAll(tables);
        tables = java.util.Collections.unmodifiableMap(t);
        TreeMap<String, Long> r = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.putAll(rows);
        rows = java.util.Collections.unmodifiableMap(r);
    }

    /** A table by name, schema-qualified or not, case-insensitive. */
    public Optional<Table> table(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Table table = tables.get(name);
        if (table == null && name.contains(".")) {
            table = tables.get(name.substring(name.lastIndexOf('.') + 1));
        }
        return Optional.ofNullable(table);
    }

    /** Production rows of a table, if the sizes file gives them. */
    public Optional<Long> rowsOf(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Long n = rows.get(name);
        if (n == null && name.contains(".")) {
            n = rows.get(name.substring(name.lastIndexOf('.') + 1));
        }
        return Optional.ofNullable(n);
    }

    /**
     * @param columns    column names in declaration order
     * @param primaryKey primary key columns, empty when none is declared
     * @param uniqueKeys unique constraints and unique indexes, each a list of columns
     */
    public record Table(String name, List<String> columns, List<String> primaryKey, List<List<String>> uniqueKeys) {

        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
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
