package io.github.querylint.core.parse;

import java.util.List;

/**
 * The one model of a query that rules read, filled alike from SQL (JSqlParser) and JPQL/HQL
 * (Hibernate's grammar).
 *
 * @param kind          what the statement does
 * @param blocks        every select block, the outermost first
 * @param forUpdate     whether the outermost select locks rows ({@code FOR UPDATE})
 * @param writeHasWhere for UPDATE and DELETE: whether it has a WHERE clause
 * @param target        for writes and views: the table written or the view created, else empty
 */
public record QueryShape(StatementKind kind, List<SelectBlock> blocks, boolean forUpdate, boolean writeHasWhere,
                         String target) {

    public QueryShape {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        target = target == null ? "" : target;
    }

    /** The block whose rows the caller receives, or null when there is none. */
    public SelectBlock outermost() {
        return blocks.stream().filter(b -> b.role() == BlockRole.OUTERMOST).findFirst().orElse(null);
    }

    /** The blocks whose rows reach the caller: the outermost, or every operand of a set operation. */
    public List<SelectBlock> resultBlocks() {
        return blocks.stream().filter(b -> b.role().rowsReachCaller()).toList();
    }
}
