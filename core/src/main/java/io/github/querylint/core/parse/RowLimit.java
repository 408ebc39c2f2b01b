package io.github.querylint.core.parse;

/** The row limit a select block states in its text. */
public sealed interface RowLimit {

    /** No limit. */
    record None() implements RowLimit {
    }

    /** A literal bound: {@code LIMIT 20}, {@code TOP 5}, {@code FETCH FIRST 1 ROWS ONLY}. */
    record Fixed(long rows) implements RowLimit {
    }

    /** A bound given as a parameter: {@code LIMIT ?}, {@code LIMIT :size}. */
    record Parameter() implements RowLimit {
    }

    RowLimit NONE = new None();
    RowLimit PARAMETER = new Parameter();

    default boolean bounded() {
        return !(this instanceof None);
    }
}
