package io.github.querylint.core.parse;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Join;

/** The {@link Predicate}s of a plain select's WHERE clause and JOIN ... ON conditions (JSqlParser trees). */
final class SqlPredicates {

    /** The database's clock, as JSqlParser reads it when written without brackets: a column of no table. */
    private static final java.util.Set<String> CLOCK = java.util.Set.of("SYSDATE", "SYSTIMESTAMP", "CURRENT_DATE",
            "CURRENT_TIMESTAMP", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME");

    private final List<TableRef> tables;
    private final List<Predicate> out = new ArrayList<>();

    private SqlPredicates(List<TableRef> tables) {
        this.tables = tables;
    }

    static List<Predicate> of(Expression where, List<Join> joins, List<TableRef> tables) {
        SqlPredicates p = new SqlPredicates(tables);
        p.conjunction(where);
        if (joins != null) {
            for (Join join : joins) {
                if (join.getOnExpressions() != null) {
                    int from = p.out.size();
                    join.getOnExpressions().forEach(p::conjunction);
                    if (join.isLeft() || join.isRight() || join.isFull() || join.isOuter()) {
                        for (int i = from; i < p.out.size(); i++) {
                            Predicate q = p.out.get(i);
                            if (q.kind() != Predicate.Kind.JOIN) {
                                p.out.set(i, Predicate.of(q.column(), Predicate.Kind.OUTER_JOIN_CONDITION));
                            }
                        }
                    }
                }
            }
        }
        return p.out;
    }

    private void conjunction(Expression e) {
        if (e == null) {
            return;
        }
        if (e instanceof AndExpression and) {
            conjunction(and.getLeftExpression());
            conjunction(and.getRightExpression());
        } else if (e instanceof Parenthesis p) {
            conjunction(p.getExpression());
        } else {
            conjunct(e);
        }
    }

    private void conjunct(Expression e) {
        if (e instanceof EqualsTo eq) {
            Expression l = eq.getLeftExpression();
            Expression r = eq.getRightExpression();
            if (l instanceof Column lc && r instanceof Column rc && local(lc) && local(rc)) {
                if (!ref(lc).qualifier().equalsIgnoreCase(ref(rc).qualifier())) {
                    out.add(new Predicate(ref(lc), Predicate.Kind.JOIN, ref(rc)));
                    out.add(new Predicate(ref(rc), Predicate.Kind.JOIN, ref(lc)));
                }
            } else if (l instanceof Column c && local(c) && value(r)) {
                out.add(Predicate.of(ref(c), Predicate.Kind.EQUALS));
            } else if (r instanceof Column c && local(c) && value(l)) {
                out.add(Predicate.of(ref(c), Predicate.Kind.EQUALS));
            }
        } else if (e instanceof ComparisonOperator cmp && !(e instanceof NotEqualsTo)) {
            Expression l = cmp.getLeftExpression();
            Expression r = cmp.getRightExpression();
            if (l instanceof Column c && local(c) && value(r)) {
                out.add(Predicate.of(ref(c), Predicate.Kind.RANGE));
            } else if (r instanceof Column c && local(c) && value(l)) {
                out.add(Predicate.of(ref(c), Predicate.Kind.RANGE));
            }
        } else if (e instanceof Between between && !between.isNot() && between.getLeftExpression() instanceof Column c
                && local(c)) {
            out.add(Predicate.of(ref(c), Predicate.Kind.RANGE));
        } else if (e instanceof LikeExpression like && !like.isNot() && like.getLeftExpression() instanceof Column c
                && local(c)) {
            out.add(Predicate.of(ref(c), Predicate.Kind.PATTERN));
        } else if (e instanceof InExpression in && !in.isNot() && in.getLeftExpression() instanceof Column c && local(c)) {
            out.add(Predicate.of(ref(c), Predicate.Kind.IN));
        } else if (e instanceof IsNullExpression isNull && !isNull.isNot() && !isNull.isUseNotNull()
                && isNull.getLeftExpression() instanceof Column c && local(c)) {
            out.add(Predicate.of(ref(c), Predicate.Kind.NULL_CHECK));
        }
    }

    /**
     * A value for the row being looked up: a literal, a parameter, an outer column, the database's clock
     * ({@code CURRENT_TIMESTAMP}, Oracle's {@code SYSDATE}), an interval, and functions and arithmetic of those
     * ({@code ADD_MONTHS(TRUNC(SYSDATE, 'MM'), -12)}, {@code now() - interval '1 day'}).
     */
    private boolean value(Expression e) {
        if (SqlShapeBuilder.isValue(e) || e instanceof TimeKeyExpression || e instanceof IntervalExpression) {
            return true;
        }
        if (SqlShapeBuilder.unwrap(e) != e) {
            return value(SqlShapeBuilder.unwrap(e));
        }
        if (e instanceof Column c) {
            if (c.getTable() == null || c.getTable().getName() == null) {
                return CLOCK.contains(String.valueOf(c.getColumnName()).toUpperCase(java.util.Locale.ROOT));
            }
            return !local(c); // a correlated column of the enclosing query
        }
        if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication || e instanceof Division) {
            BinaryExpression b = (BinaryExpression) e;
            return value(b.getLeftExpression()) && value(b.getRightExpression());
        }
        return e instanceof Function f && (f.getParameters() == null || f.getParameters().isEmpty()
                || f.getParameters().stream().allMatch(this::value));
    }

    private boolean local(Column c) {
        if (c.getTable() == null || c.getTable().getName() == null || c.getTable().getName().isEmpty()) {
            // an unqualified name: a column of this block, unless it is a keyword-like literal
            String name = c.getColumnName() == null ? "" : c.getColumnName();
            return !name.equalsIgnoreCase("true") && !name.equalsIgnoreCase("false");
        }
        String qualifier = SqlShapeBuilder.unquote(c.getTable().getName());
        return tables.stream().anyMatch(t -> t.answersTo(qualifier));
    }

    private static ColumnRef ref(Column c) {
        String qualifier = c.getTable() == null || c.getTable().getName() == null ? ""
                : SqlShapeBuilder.unquote(c.getTable().getName());
        return new ColumnRef(qualifier, SqlShapeBuilder.unquote(c.getColumnName()));
    }
}
