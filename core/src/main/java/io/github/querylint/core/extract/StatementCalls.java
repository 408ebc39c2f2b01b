package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.github.querylint.core.query.Cardinality;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MyBatis' {@code SqlSession} runs a mapper statement by its id: {@code session.selectList("shop.Invoice.findAll")},
 * {@code selectOne("countAll")} (the short id, when no other mapper has it). Code written that way, without a
 * mapper interface (iBATIS-era DAOs, Activiti's and Camunda's engines, which wrap the session under the same
 * method names), says only there how a statement's rows are read. The first pass records, for each id called so,
 * the most rows any of its callers reads: a list beats a cursor beats a single row, and a caller that passes no
 * bound beats one that does ({@code selectList(id, parameter, rowBounds)}; a wrapper's extra paging arguments;
 * PageHelper's {@code startPage} just before). {@code select(id, handler)} hands every row to a ResultHandler.
 * iBATIS 2's names ({@code queryForList(id, parameter)}, {@code queryForObject}, the paged
 * {@code queryForList(id, parameter, skip, max)}) are read the same way, also without a receiver: DAO base classes
 * kept them over a MyBatis session, and their subclasses call them as their own.
 */
final class StatementCalls {

    /** How the statement's callers read its rows. */
    record Read(Cardinality cardinality, String bound, boolean test) {

        /**
         * The reading that takes more rows: what a review must judge the statement by. What production code runs
         * comes first, as for named queries ({@link NamedQueryCalls.Read#wider}).
         */
        Read wider(Read other) {
            if (test != other.test) {
                return test ? other : this;
            }
            int a = rank(cardinality);
            int b = rank(other.cardinality);
            if (a != b) {
                return a > b ? this : other;
            }
            if (bound.isEmpty() || other.bound.isEmpty()) {
                return new Read(cardinality, "", test);
            }
            return bound.compareTo(other.bound) <= 0 ? this : other; // the same whatever the order of the files
        }

        private static int rank(Cardinality c) {
            return switch (c) {
                case COLLECTION -> 3;
                case STREAM -> 2;
                case SINGLE -> 1;
                default -> 0;
            };
        }
    }

    /** The session's methods that run a statement by id, and the argument count from which a call passes a bound. */
    private static final Map<String, Integer> BOUNDED_FROM = Map.of("selectList", 3, "selectMap", 4, "selectCursor", 3,
            "selectOne", Integer.MAX_VALUE, "select", 4,
            // iBATIS 2's names (SqlMapClientTemplate, and DAO bases that kept them over a MyBatis session):
            // queryForList(id, skip, max) and (id, parameter, skip, max) read a page
            "queryForList", 3, "queryForObject", Integer.MAX_VALUE, "queryForMap", Integer.MAX_VALUE,
            "queryWithRowHandler", Integer.MAX_VALUE);
    /** The iBATIS names, which a DAO base class inherits and calls without a receiver. */
    private static final Set<String> IBATIS = Set.of("queryForList", "queryForObject", "queryForMap", "queryWithRowHandler");

    private StatementCalls() {
    }

    /** Whether a call may run a mapper statement by id: one of the session's methods, on a receiver, with an id. */
    static boolean runsStatement(MethodCallExpr call) {
        String name = call.getNameAsString();
        // select(id, handler) hands every row to a ResultHandler; anything shorter is another API's select
        return BOUNDED_FROM.containsKey(name) && (call.getScope().isPresent() || IBATIS.contains(name))
                && !call.getArguments().isEmpty()
                && !(name.equals("select") && call.getArguments().size() < 2);
    }

    /** @param paged the calls PageHelper pages ({@link PagedMapperCalls#collect}) */
    static void collect(CompilationUnit unit, boolean test, ProjectConstants index, Set<MethodCallExpr> paged) {
        if (!index.hasMapperNamespaces()) {
            return;
        }
        ConstantFolder folder = null;
        for (MethodCallExpr call : Nodes.all(unit, MethodCallExpr.class)) {
            if (!runsStatement(call)) {
                continue;
            }
            int boundedFrom = BOUNDED_FROM.get(call.getNameAsString());
            folder = folder == null ? new ConstantFolder(unit, ProjectConstants.EMPTY) : folder;
            Optional<ConstantFolder.Folded> id = folder.fold(call.getArgument(0));
            if (id.isEmpty() || id.get().dynamic() || id.get().conditional() || !id.get().text().matches("[\\w.$-]+")) {
                continue;
            }
            Cardinality cardinality = switch (call.getNameAsString()) {
                case "selectOne", "queryForObject" -> Cardinality.SINGLE;
                case "selectCursor" -> Cardinality.STREAM;
                default -> Cardinality.COLLECTION;
            };
            String bound = call.getArguments().size() >= boundedFrom && !unbounded(call.getArgument(boundedFrom - 1))
                    ? "RowBounds" : paged.contains(call) ? "PageHelper.startPage" : "";
            index.addStatementCall(id.get().text(), new Read(cardinality, bound, test));
        }
    }

    /** {@code RowBounds.DEFAULT} and {@code new RowBounds()} bound nothing. */
    private static boolean unbounded(Expression e) {
        if (e instanceof ObjectCreationExpr o) {
            return o.getArguments().isEmpty();
        }
        return e.toString().endsWith("RowBounds.DEFAULT") || e.isNullLiteralExpr();
    }
}
