package io.github.querylint.rules;

import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.parse.TableRef;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.schema.SchemaModel;
import java.util.Optional;

/**
 * How many rows a select block returns in production, estimated from {@code querylint-sizes.yml}
 * and the shape of its filter. Deliberately simple, so that a reader can redo it by hand:
 * <ul>
 *   <li>the base is the production row count of the driving table (the first table of FROM, or
 *       the table a JPQL entity maps to); without it there is no estimate;</li>
 *   <li>no filter (or one that may vanish at run time): every row;</li>
 *   <li>equality on the primary key or on every column of a unique key: 1 row;</li>
 *   <li>equality on any other column ({@code status = ?}, also on a joined table): rows / 100;</li>
 *   <li>{@code LIKE}: rows / 10;</li>
 *   <li>a range ({@code <}, {@code >}, {@code BETWEEN}) or any other filter ({@code IN}, {@code OR},
 *       functions): rows / 3;</li>
 *   <li>predicates do not combine: the most selective kind present counts, so the estimate errs
 *       on the high side;</li>
 *   <li>joins multiply by nothing: the driving table's rows are the result's rows.</li>
 * </ul>
 */
record RowEstimate(String table, long tableRows, long rows) {

    static final long DEFAULT_LARGE_RESULT_ROWS = 10_000;

    static Option<Long> largeResultOption() {
        return Option.ofLong("largeResultRows", "Estimated result rows (from querylint-sizes.yml) above which the "
                + "finding is an error; at or below it, a warning", DEFAULT_LARGE_RESULT_ROWS);
    }

    /** The estimate, or empty when the sizes file does not give the driving table's rows. */
    static Optional<RowEstimate> of(SelectBlock block, SchemaModel schema, boolean filterMayVanish,
                                    java.util.Set<String> optionalColumns) {
        TableRef driving = block.drivingTable();
        if (driving == null || driving.name().startsWith("(")) {
            return Optional.empty();
        }
        Optional<Long> base = schema.rowsOf(driving.name());
        if (base.isEmpty()) {
            return Optional.empty();
        }
        long rows = base.get();
        long estimate;
        if (!block.filter().restricts() || filterMayVanish) {
            estimate = rows;
        } else if (block.keyLookup(schema, optionalColumns)) {
            estimate = Math.min(1, rows);
        } else if (!block.filter().equalities().isEmpty()) {
            estimate = rows / 100;
        } else if (block.filter().patterns()) {
            estimate = rows / 10;
        } else {
            estimate = rows / 3;
        }
        // a filter on a table of 40 rows leaves some: never "up to 0 rows" of a table that has any
        estimate = Math.max(estimate, Math.min(rows, 1));
        return Optional.of(new RowEstimate(schema.tableName(driving.name()), rows, estimate));
    }

    /** Error above the threshold, warning at or below it; null (the rule's default) without an estimate. */
    static Severity severity(Optional<RowEstimate> estimate, long threshold) {
        if (estimate.isEmpty()) {
            return null;
        }
        return estimate.get().rows() > threshold ? Severity.ERROR : Severity.WARNING;
    }

    /** {@code 12}, {@code ~2.4K}, {@code ~240K}, {@code ~2.4M}, {@code ~24M}, {@code ~1.2B}. */
    static String approx(long n) {
        if (n < 1_000) {
            return String.valueOf(n);
        }
        String[] units = {"K", "M", "B", "T"};
        double v = n;
        int unit = -1;
        while (v >= 1_000 && unit < units.length - 1) {
            v /= 1_000;
            unit++;
        }
        if (v >= 999.5 && unit < units.length - 1) {
            v /= 1_000; // 999,700 reads better as ~1M than as ~1000K
            unit++;
        }
        String number = v < 10 ? String.format(java.util.Locale.ROOT, "%.1f", v).replace(".0", "")
                : String.valueOf(Math.round(v));
        return "~" + number + units[unit];
    }
}
