package io.github.querylint.core.parse;

/**
 * A table (SQL) or entity (JPQL) read by a select block.
 *
 * @param name   as written, without quotes; for a JPQL path join the path ({@code o.customer})
 * @param alias  the alias, or empty
 * @param driving whether it is the first item of the FROM clause (the rows the query is about)
 */
public record TableRef(String name, String alias, boolean driving) {

    public TableRef {
        name = name == null ? "" : name;
        alias = alias == null ? "" : alias;
    }

    /** Whether a qualifier written in the query ({@code o} in {@code o.id}) refers to this table. */
    public boolean answersTo(String qualifier) {
        if (qualifier == null || qualifier.isEmpty()) {
            return false;
        }
        if (!alias.isEmpty()) {
            return alias.equalsIgnoreCase(qualifier);
        }
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return simple.equalsIgnoreCase(qualifier) || name.equalsIgnoreCase(qualifier);
    }
}
