package io.github.querylint.core.parse;

/**
 * A star in a select list: {@code *} (qualifier empty) or {@code t.*}.
 *
 * @param qualifier as written, or empty for a bare star
 * @param table     the table it expands, when known (the table of the qualifier, or the only table)
 * @param narrowed  whether it expands only columns that a derived table or CTE names in its own select
 *                  list ({@code SELECT * FROM (SELECT id, title FROM t) x}): no column reaches the caller
 *                  that the query does not name
 */
public record StarItem(String qualifier, String table, boolean narrowed) {

    public StarItem {
        qualifier = qualifier == null ? "" : qualifier;
        table = table == null ? "" : table;
    }

    public StarItem(String qualifier, String table) {
        this(qualifier, table, false);
    }

    public String text() {
        return qualifier.isEmpty() ? "*" : qualifier + ".*";
    }
}
