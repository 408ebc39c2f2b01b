package io.github.querylint.core.parse;

/** Where a select block sits in its statement. */
public enum BlockRole {
    /** the block whose rows the caller receives */
    OUTERMOST,
    /** an operand of UNION, INTERSECT or EXCEPT whose rows reach the caller */
    SET_OPERAND,
    /** a common table expression */
    CTE,
    /** a subquery in FROM, in a predicate or in the select list */
    SUBQUERY,
    /** the subquery of an EXISTS probe, whose columns never reach anyone */
    EXISTS_PROBE,
    /** the select of INSERT ... SELECT or CREATE TABLE ... AS SELECT */
    WRITE_SOURCE,
    /** the select of CREATE VIEW ... AS */
    VIEW;

    /** Whether the block's columns reach the caller (or the view's reader). */
    public boolean columnsReachCaller() {
        return this == OUTERMOST || this == SET_OPERAND || this == VIEW;
    }

    /** Whether the block's rows are the rows the caller receives. */
    public boolean rowsReachCaller() {
        return this == OUTERMOST || this == SET_OPERAND;
    }
}
