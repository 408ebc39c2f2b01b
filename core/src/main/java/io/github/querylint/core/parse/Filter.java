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
 * @param predicates  the comparisons an index could serve, from WHERE and from every JOIN ... ON
 *                    (outer joins too: they say how the joined table is reached)
 * @param runTimeOnly whether the WHERE is made of pieces the code builds at run time (a Specification, a
 *                    criteria object, an SQL fragment), and of nothing else that restricts rows: what it keeps
 *                    is unknown, and an empty piece keeps every row
 */
public record Filter(boolean restricts, List<ColumnRef> equalities, boolean ranges, boolean patterns, long rowNumLimit,
                     List<Predicate> predicates, boolean runTimeOnly) {

    public static final Filter NONE = new Filter(false, List.of(), false, false, -1);

    public Filter {
        equalities = equalities == null ? List.of() : List.copyOf(equalities);
        predicates = predicates == null ? List.of() : List.copyOf(predicates);
    }

    public Filter(boolean restricts, List<ColumnRef> equalities, boolean ranges, boolean patterns, long rowNumLimit) {
        this(restricts, equalities, ranges, patterns, rowNumLimit, List.of(), false);
    }

    public Filter withPredicates(List<Predicate> value) {
        return new Filter(restricts, equalities, ranges, patterns, rowNumLimit, value, runTimeOnly);
    }

    /** This filter, restricting rows (a restriction found outside WHERE), its WHERE no longer all there is. */
    public Filter restricting() {
        return new Filter(true, equalities, ranges, patterns, rowNumLimit, predicates, false);
    }
}
