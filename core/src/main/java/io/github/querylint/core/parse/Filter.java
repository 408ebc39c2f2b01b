package io.github.querylint.core.parse;

import java.util.List;

/**
 * What a select block's WHERE clause (or JOIN ... ON restrictions on the driving rows) says.
 *
 * @param restricts   whether any predicate restricts rows (a tautology such as {@code 1=1} does not)
 * @param equalities  columns compared with {@code =} to a value or parameter in the top-level conjunction:
 *                    the ones that can prove a key lookup
 * @param ranges      whether it holds range comparisons ({@code <}, {@code BETWEEN})
 * @param patterns    whether it holds {@code LIKE}-style matches
 * @param rowNumLimit a bound on Oracle's {@code ROWNUM}, or -1
 */
public record Filter(boolean restricts, List<ColumnRef> equalities, boolean ranges, boolean patterns, long rowNumLimit) {

    public static final Filter NONE = new Filter(false, List.of(), false, false, -1);

    public Filter {
        equalities = equalities == null ? List.of() : List.copyOf(equalities);
    }
}
