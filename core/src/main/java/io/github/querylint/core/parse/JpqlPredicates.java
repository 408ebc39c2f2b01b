package io.github.querylint.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hibernate.grammars.hql.HqlParser;

/** The {@link Predicate}s of a JPQL/HQL WHERE clause and join conditions (Hibernate's HQL tree). */
final class JpqlPredicates {

    private static final Pattern PARAMETER = Pattern.compile("[:?][A-Za-z0-9_]*");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+|[A-Za-z_$][\\w$]*");

    private final List<TableRef> tables;
    /** The aliases of the queries around a subquery: a path rooted there is a value for each of its rows. */
    private final List<TableRef> enclosing;
    private final List<Predicate> out = new ArrayList<>();

    private JpqlPredicates(List<TableRef> tables, List<TableRef> enclosing) {
        this.tables = tables;
        this.enclosing = enclosing;
    }

    static List<Predicate> of(HqlParser.PredicateContext where, List<HqlParser.PredicateContext> joins,
                              List<TableRef> tables, List<TableRef> enclosing) {
        JpqlPredicates p = new JpqlPredicates(tables, enclosing);
        p.conjunction(where);
        joins.forEach(p::conjunction);
        return p.out;
    }

    private void conjunction(HqlParser.PredicateContext p) {
        if (p == null) {
            return;
        }
        if (p instanceof HqlParser.AndPredicateContext and) {
            and.predicate().forEach(this::conjunction);
        } else if (p instanceof HqlParser.GroupedPredicateContext g) {
            conjunction(g.predicate());
        } else {
            conjunct(p);
        }
    }

    private void conjunct(HqlParser.PredicateContext p) {
        if (p instanceof HqlParser.BinaryExpressionPredicateContext binary && binary.expression().size() == 2) {
            String op = binary.getChild(1).getText();
            HqlParser.ExpressionContext l = binary.expression(0);
            HqlParser.ExpressionContext r = binary.expression(1);
            if (op.equals("=") && path(l) && path(r)) {
                ColumnRef a = column(l.getText());
                ColumnRef b = column(r.getText());
                if (!root(a).equalsIgnoreCase(root(b))) {
                    out.add(new Predicate(a, Predicate.Kind.JOIN, b));
                    out.add(new Predicate(b, Predicate.Kind.JOIN, a));
                }
                return;
            }
            Predicate.Kind kind = op.equals("=") ? Predicate.Kind.EQUALS
                    : op.startsWith("<") && !op.equals("<>") || op.startsWith(">") ? Predicate.Kind.RANGE : null;
            if (kind == null) {
                return;
            }
            // exists (select r from Review r where r.customer = c ..): the enclosing row's c is the value looked up
            if (path(l) && (value(r) || correlated(r))) {
                out.add(Predicate.of(column(l.getText()), kind));
            } else if (path(r) && (value(l) || correlated(l))) {
                out.add(Predicate.of(column(r.getText()), kind));
            }
        } else if (p instanceof HqlParser.BetweenPredicateContext between && between.NOT() == null
                && path(between.expression(0))) {
            out.add(Predicate.of(column(between.expression(0).getText()), Predicate.Kind.RANGE));
        } else if (p instanceof HqlParser.LikePredicateContext like && like.NOT() == null && like.LIKE() != null
                && path(like.expression(0))) {
            out.add(Predicate.of(column(like.expression(0).getText()), Predicate.Kind.PATTERN));
        } else if (p instanceof HqlParser.InPredicateContext in && in.NOT() == null && path(in.expression())) {
            out.add(Predicate.of(column(in.expression().getText()), Predicate.Kind.IN));
        } else if (p instanceof HqlParser.UnaryIsPredicateContext is) {
            String text = is.getText().toLowerCase(Locale.ROOT);
            if (text.endsWith("isnull") && is.getChildCount() > 0
                    && is.getChild(0) instanceof HqlParser.ExpressionContext e && path(e)) {
                out.add(Predicate.of(column(e.getText()), Predicate.Kind.NULL_CHECK));
            }
        }
    }

    /** A path that starts at an alias of this block ({@code o.status}), or a bare property name. */
    private boolean path(HqlParser.ExpressionContext e) {
        String text = e.getText();
        if (!PATH.matcher(text).matches() || correlated(e)) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false") || lower.equals("null")) {
            return false;
        }
        int dot = text.indexOf('.');
        if (dot < 0 || tables.stream().anyMatch(t -> t.answersTo(text.substring(0, dot)))) {
            return true;
        }
        // from Shipment where carrier.id = ?1 (HQL without an alias): a property path of the one entity read
        return tables.size() == 1 && text.indexOf('.', dot + 1) < 0;
    }

    /** A path rooted at an alias of an enclosing query, not of this block ({@code c} or {@code c.id} in a subquery). */
    private boolean correlated(HqlParser.ExpressionContext e) {
        String text = e.getText();
        if (enclosing.isEmpty() || !PATH.matcher(text).matches()) {
            return false;
        }
        String root = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
        return tables.stream().noneMatch(t -> t.answersTo(root)) && enclosing.stream().anyMatch(t -> t.answersTo(root));
    }

    private static boolean value(HqlParser.ExpressionContext e) {
        if (PARAMETER.matcher(e.getText()).matches()) {
            return true;
        }
        return e instanceof HqlParser.BarePrimaryExpressionContext bare
                && bare.primaryExpression() instanceof HqlParser.LiteralExpressionContext;
    }

    private static String root(ColumnRef c) {
        int dot = c.qualifier().indexOf('.');
        return dot < 0 ? c.qualifier() : c.qualifier().substring(0, dot);
    }

    private static ColumnRef column(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? new ColumnRef("", path) : new ColumnRef(path.substring(0, dot), path.substring(dot + 1));
    }
}
