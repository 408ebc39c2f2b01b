package io.github.querylint.core.parse;

import java.util.Objects;

/**
 * One comparison in the top-level conjunction of a WHERE clause or a JOIN ... ON condition that
 * an index on {@code column} could serve. Negations, ORs and functions of a column are left out:
 * no plain index serves them, and guessing would make findings up.
 *
 * @param column the column compared, as written (JPQL: the property path)
 * @param kind   how it is compared
 * @param other  for {@link Kind#JOIN}: the column of the other table it is equal to; else empty
 */
public record Predicate(ColumnRef column, Kind kind, ColumnRef other) {

    public enum Kind {
        /** {@code col = value} */
        EQUALS,
        /** {@code col IN (...)} */
        IN,
        /** {@code <}, {@code >}, {@code BETWEEN} */
        RANGE,
        /** {@code LIKE} */
        PATTERN,
        /** {@code IS NULL} */
        NULL_CHECK,
        /** {@code a.col = b.col} between two tables of the block */
        JOIN,
        /**
         * A comparison of any other kind in the ON of an outer join ({@code LEFT JOIN credits c ON c.customer_id =
         * u.id AND c.reason = 'LATE'}): it narrows the rows joined, not the rows of the block
         */
        OUTER_JOIN_CONDITION
    }

    public Predicate {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        other = other == null ? new ColumnRef("", "") : other;
    }

    public static Predicate of(ColumnRef column, Kind kind) {
        return new Predicate(column, kind, null);
    }
}
