package io.github.querylint.core.parse;

/** What a statement does. */
public enum StatementKind {
    SELECT,
    INSERT,
    UPDATE,
    DELETE,
    MERGE,
    CREATE_VIEW,
    DDL,
    CALL,
    OTHER;

    public boolean returnsRows() {
        return this == SELECT;
    }
}
