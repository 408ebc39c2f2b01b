package io.github.querylint.core.parse;

/** A column named in a predicate: {@code qualifier.column}, qualifier empty when unqualified. */
public record ColumnRef(String qualifier, String column) {

    public ColumnRef {
        qualifier = qualifier == null ? "" : qualifier;
        column = column == null ? "" : column;
    }
}
