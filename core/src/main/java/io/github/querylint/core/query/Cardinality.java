package io.github.querylint.core.query;

/** How the code reads a query's result. */
public enum Cardinality {
    /** every row into a collection ({@code List}, {@code Set}, a {@code ResultSet} loop) */
    COLLECTION,
    /** every row, one at a time ({@code Stream}, cursor, scroll) */
    STREAM,
    /** at most one row ({@code getSingleResult}, {@code queryForObject}, an entity) */
    SINGLE,
    /** zero or one row ({@code Optional}) */
    OPTIONAL,
    /** one value ({@code count}, {@code exists}) */
    SCALAR,
    /** an insert, update or delete count */
    UPDATE_COUNT,
    /** nothing on the call site says */
    UNKNOWN;

    /** Whether the code takes every row the query returns. */
    public boolean readsManyRows() {
        return this == COLLECTION || this == STREAM;
    }
}
