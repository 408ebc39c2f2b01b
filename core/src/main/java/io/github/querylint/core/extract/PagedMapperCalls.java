package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PageHelper ({@code PageHelper.startPage(page, size)}) pages the first MyBatis query that runs after
 * it on the same thread. The first pass records which mapper methods are called right after a
 * {@code startPage}; their mapper statements (XML, or {@code @Select} on the method) are bounded by it. One paged caller is enough: a
 * statement written for a paged screen is judged as paged.
 */
final class PagedMapperCalls {

    private static final Set<String> START = Set.of("startPage", "offsetPage");

    private PagedMapperCalls() {
    }

    /** {@code PageHelper.startPage(..)} or {@code offsetPage(..)} (also through {@code PageMethod}). */
    static boolean isStart(MethodCallExpr call) {
        return START.contains(call.getNameAsString())
                && call.getScope().map(s -> s.toString().endsWith("PageHelper") || s.toString().endsWith("PageMethod"))
                .orElse(false);
    }

    static boolean mayHold(String text) {
        return text.contains("startPage") || text.contains("offsetPage");
    }

    /**
     * Records the mapper methods a caller runs right after a {@code startPage}, and returns every call PageHelper
     * pages: the first query after each {@code startPage} of a method, a mapper method's or a statement run by id
     * ({@link StatementCalls}), which reads it from here.
     */
    static Set<MethodCallExpr> collect(CompilationUnit unit, ProjectConstants index) {
        Set<MethodCallExpr> paged = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        CallSites sites = null;
        for (MethodCallExpr start : Nodes.all(unit, MethodCallExpr.class)) {
            if (!isStart(start)) {
                continue;
            }
            Optional<CallableDeclaration> body = start.findAncestor(CallableDeclaration.class);
            if (body.isEmpty()) {
                continue;
            }
            sites = sites == null ? new CallSites(unit) : sites;
            List<MethodCallExpr> later = body.get().findAll(MethodCallExpr.class).stream()
                    .filter(c -> c.getBegin().isPresent() && start.getBegin().isPresent()
                            && c.getBegin().get().isAfter(start.getBegin().get()))
                    .sorted(Comparator.comparing(c -> c.getBegin().get()))
                    .toList();
            for (MethodCallExpr call : later) {
                if (StatementCalls.runsStatement(call)) {
                    paged.add(call);
                    break; // PageHelper pages only the first query after it
                }
                String type = call.getScope().map(sites::typeOf).orElse(null);
                // a mapper the XML names, or an annotated one (indexed alongside this file): XxxMapper by convention
                if (type != null && (index.isMapperType(type) || type.endsWith("Mapper"))) {
                    index.addPagedMapperMethod(type, call.getNameAsString());
                    paged.add(call);
                    break;
                }
            }
        }
        return paged;
    }
}
