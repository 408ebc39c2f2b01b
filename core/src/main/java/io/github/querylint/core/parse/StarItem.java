package io.github.querylint.core.parse;

/**
 * A star in a select list: {@code *} (qualifier empty) or {@code t.*}.
 *
 * @param qualifier as written, or empty for a bare star
 * @param table     the table it expands, when known (the table of the qualifier, or the only table)
 */
public record StarItem(String qualifier, String table) {

    public StarItem {
        qualifier = qualifier == null ? "" : qualifier;
        table = table == null ? "" : table;
    }

    public String text() {
        return qualifier.isEmpty() ? "*" : qualifier + ".*";
    }
}
