package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.Statement;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hibernate's legacy Criteria API ({@code session.createCriteria(Customer.class).add(Restrictions.eq("region", r))
 * .list()}, deprecated since 5.2 and removed in 6, still in many code bases), and a {@code DetachedCriteria.forClass(..)}
 * run through {@code getExecutableCriteria(session)} or a HibernateTemplate's {@code findByCriteria}: written as the
 * HQL it stands for, at the call that creates it, so that the rules judge it as the same query written as text.
 * As with JPA criteria ({@link CriteriaQueries}), only a query whose whole shape the method shows is read: a
 * restriction QueryLint cannot write ({@code Restrictions.or}, {@code sqlRestriction}), a projection that groups, or
 * the criteria handed to a helper leave it alone.
 */
final class LegacyCriteria {

    /** The calls that start one: the pre-filter's words. */
    static final Set<String> METHODS = Set.of("createCriteria", "forClass");

    private static final Map<String, String> COMPARISONS = Map.ofEntries(Map.entry("eq", "="), Map.entry("ne", "<>"),
            Map.entry("gt", ">"), Map.entry("ge", ">="), Map.entry("lt", "<"), Map.entry("le", "<="),
            Map.entry("like", "like"), Map.entry("ilike", "like"), Map.entry("eqProperty", "="),
            Map.entry("in", "in"), Map.entry("between", "between"), Map.entry("isNull", "is null"),
            Map.entry("isNotNull", "is not null"), Map.entry("idEq", "="));

    private static final ApiCalls.Api API = new ApiCalls.Api(QueryOrigin.HIBERNATE, QueryLanguage.HQL, 0,
            Cardinality.UNKNOWN, true, false);
    /** HibernateTemplate's {@code findByCriteria(criteria)}: a List of every match. */
    private static final ApiCalls.Api TEMPLATE_API = new ApiCalls.Api(QueryOrigin.HIBERNATE, QueryLanguage.HQL, 0,
            Cardinality.COLLECTION, true, false);

    private LegacyCriteria() {
    }

    static void calls(SourceFile file, CompilationUnit unit, CallSites callSites, List<QueryUnit> found) {
        for (MethodCallExpr start : Nodes.all(unit, MethodCallExpr.class)) {
            if (!METHODS.contains(start.getNameAsString()) || start.getArguments().size() != 1
                    || !(start.getArguments().get(0) instanceof ClassExpr entity)) {
                continue;
            }
            boolean detached = start.getNameAsString().equals("forClass");
            if (detached ? !start.getScope().map(s -> s.toString().endsWith("DetachedCriteria")).orElse(false)
                    : start.getScope().isEmpty()) {
                continue; // createCriteria(X.class) of a Session (or a HibernateTemplate's callback's session)
            }
            read(start, CallSites.simpleType(entity.getType()), detached).ifPresent(q -> {
                MethodCallExpr run = q.run() == null ? start : q.run();
                boolean template = run.getNameAsString().equals("findByCriteria");
                CallSite site = callSites.of(run, template ? TEMPLATE_API : API, q.hql());
                if (!q.bound().isEmpty()) {
                    site = new CallSite(site.terminalCall(), site.cardinality(), q.bound(), site.inLoop(),
                            site.enclosingClass(), site.enclosingMethod());
                }
                found.add(new QueryUnit(JavaSourceExtractor.location(file, start.getName()), QueryOrigin.HIBERNATE,
                        QueryLanguage.HQL, q.hql(), site, false, q.conditional(), JavaSourceExtractor.Suppressions.of(start), List.of(),
                        q.optional()));
            });
        }
    }

    /**
     * @param run the call that runs it when that is not the criteria's own chain ({@code findByCriteria(dc)}), or null
     */
    private record Read(String hql, boolean conditional, Set<String> optional, MethodCallExpr run, String bound) {
    }

    private static Optional<Read> read(MethodCallExpr start, String entity, boolean detached) {
        List<MethodCallExpr> steps = CallSites.followingCalls(start);
        Statement statement = start.findAncestor(Statement.class).orElse(null);
        List<String> joins = new ArrayList<>();
        List<String> always = new ArrayList<>();
        List<String> sometimes = new ArrayList<>();
        Set<String> optional = new TreeSet<>();
        String select = "e";
        MethodCallExpr run = null;
        String bound = "";
        int parameter = 0;
        for (MethodCallExpr step : steps) {
            String name = step.getNameAsString();
            switch (name) {
                case "add" -> {
                    if (step.getArguments().size() != 1 || !(step.getArguments().get(0) instanceof MethodCallExpr r)) {
                        return Optional.empty();
                    }
                    Optional<String> predicate = restriction(r, ++parameter);
                    if (predicate.isEmpty()) {
                        return Optional.empty();
                    }
                    // an add(..) of a statement of its own that runs only sometimes within the criteria's block
                    if (statement != null && step.findAncestor(Statement.class).orElse(statement) != statement
                            && Trees.runsSometimes(step, statement.getParentNode().orElse(statement))) {
                        sometimes.add(predicate.get());
                        property(r).ifPresent(optional::add);
                    } else {
                        always.add(predicate.get());
                    }
                }
                case "createAlias", "createCriteria" -> {
                    if (step.getArguments().isEmpty() || !(step.getArguments().get(0) instanceof StringLiteralExpr path)) {
                        return Optional.empty();
                    }
                    String alias = step.getArguments().size() > 1 && step.getArguments().get(1) instanceof StringLiteralExpr a
                            ? a.getValue() : "j" + (joins.size() + 1);
                    String from = path.getValue().contains(".") ? path.getValue() : "e." + path.getValue();
                    joins.add(" join " + from + " " + alias);
                }
                case "setProjection" -> {
                    if (step.getArguments().size() != 1 || !(step.getArguments().get(0) instanceof MethodCallExpr p)) {
                        return Optional.empty();
                    }
                    String projection = p.getNameAsString();
                    if (projection.equals("rowCount") || projection.equals("count") || projection.equals("countDistinct")
                            || projection.equals("max") || projection.equals("min") || projection.equals("sum")
                            || projection.equals("avg")) {
                        select = "count(e)";
                    } else if (projection.equals("property") || projection.equals("id")) {
                        select = p.getArguments().isEmpty() || !(p.getArguments().get(0) instanceof StringLiteralExpr s)
                                ? "e.id" : "e." + s.getValue();
                    } else {
                        return Optional.empty(); // a projection list, a group: what the rows are is not told here
                    }
                }
                case "getExecutableCriteria" -> run = detached ? step : run;
                case "setMaxResults" -> bound = name;
                default -> {
                    // addOrder, setFirstResult, setFetchMode, setCacheable, list, uniqueResult...: the rows stay the same
                }
            }
        }
        if (detached) {
            // DetachedCriteria.forClass(..) runs where a template's findByCriteria takes it, or getExecutableCriteria
            MethodCallExpr template = templateRun(start);
            if (template != null) {
                run = template;
                if (template.getArguments().size() >= 3) {
                    bound = "findByCriteria";
                }
            } else if (run == null) {
                return Optional.empty(); // handed elsewhere: where and how it runs is not shown here
            }
        } else if (handedToHelper(start)) {
            return Optional.empty();
        }
        StringBuilder hql = new StringBuilder("select ").append(select).append(" from ").append(entity).append(" e");
        joins.forEach(hql::append);
        List<String> where = new ArrayList<>(always);
        where.addAll(sometimes);
        if (!where.isEmpty()) {
            hql.append(" where ").append(String.join(" and ", where));
        }
        boolean conditional = always.isEmpty() && !sometimes.isEmpty();
        return Optional.of(new Read(hql.toString(), conditional, optional, run, bound));
    }

    /** One restriction written as HQL, or none when QueryLint cannot write it. */
    private static Optional<String> restriction(MethodCallExpr r, int parameter) {
        String op = COMPARISONS.get(r.getNameAsString());
        if (op == null || r.getScope().isPresent() && !r.getScope().get().toString().endsWith("Restrictions")) {
            return Optional.empty();
        }
        String p = ":p" + parameter;
        if (r.getNameAsString().equals("idEq")) {
            return Optional.of("e.id = " + p);
        }
        Optional<String> property = property(r).map(LegacyCriteria::path);
        if (property.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (op) {
            case "is null", "is not null" -> property.get() + " " + op;
            case "in" -> property.get() + " in (" + p + ")";
            case "between" -> property.get() + " between " + p + " and " + p + "b";
            default -> r.getNameAsString().equals("eqProperty") && r.getArguments().size() > 1
                    && r.getArguments().get(1) instanceof StringLiteralExpr other
                    ? property.get() + " = " + path(other.getValue()) : property.get() + " " + op + " " + p;
        });
    }

    private static Optional<String> property(MethodCallExpr r) {
        return !r.getArguments().isEmpty() && r.getArguments().get(0) instanceof StringLiteralExpr s
                ? Optional.of(s.getValue()) : Optional.empty();
    }

    /** {@code region} is the root's property; {@code m.username} an alias's. */
    private static String path(String property) {
        return property.contains(".") ? property : "e." + property;
    }

    /** {@code getHibernateTemplate().findByCriteria(criteria[, first, max])} of the variable that holds it. */
    private static MethodCallExpr templateRun(MethodCallExpr start) {
        String variable = variableOf(start);
        Node body = start.findAncestor(CallableDeclaration.class).orElse(null);
        if (variable == null || body == null) {
            return null;
        }
        for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
            if (c.getNameAsString().equals("findByCriteria") && !c.getArguments().isEmpty()
                    && c.getArguments().get(0) instanceof NameExpr n && n.getNameAsString().equals(variable)) {
                return c;
            }
        }
        return null;
    }

    /** Whether the criteria's variable is passed to a call (a helper that may restrict or page it). */
    private static boolean handedToHelper(MethodCallExpr start) {
        String variable = variableOf(start);
        Node body = start.findAncestor(CallableDeclaration.class).orElse(null);
        if (variable == null || body == null) {
            return false;
        }
        return body.findAll(MethodCallExpr.class).stream().anyMatch(c -> c.getArguments().stream()
                .anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(variable)));
    }

    private static String variableOf(MethodCallExpr start) {
        return CallSites.assignedVariable(CallSites.chainTop(start, new ArrayList<>()));
    }
}
