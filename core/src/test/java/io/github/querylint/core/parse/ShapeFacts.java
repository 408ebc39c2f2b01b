package io.github.querylint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Table-driven shape checks: a case names only the facts it is about, as {@code key=value} words.
 *
 * <p>Statement facts: {@code kind}, {@code forUpdate}, {@code writeWhere}, {@code target}, {@code roles}
 * (every block's role, in order), {@code blocks} (how many). Block facts apply to block 0 (the
 * outermost of a SELECT) until a word {@code #n} switches to block n: {@code role}, {@code stars}
 * ({@code *}, {@code t.*}, comma-joined, {@code ~} after a narrowed one, {@code -} for none),
 * {@code starTables}, {@code tables}, {@code aliases}, {@code driving}, {@code joins}, {@code restricts}, {@code runTime} (a WHERE of run-time
 * pieces only), {@code eq} (columns of key-provable equalities, {@code q.c}), {@code ranges},
 * {@code patterns}, {@code limit} ({@code none}, a number or {@code param}), {@code agg}, {@code grouped},
 * {@code distinct}, {@code from}, {@code entity}.
 */
final class ShapeFacts {

    private ShapeFacts() {
    }

    static void check(String query, QueryShape shape, String expectations) {
        Map<String, String> statement = statementFacts(shape);
        int block = 0;
        for (String word : expectations.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.startsWith("#")) {
                block = Integer.parseInt(word.substring(1));
                continue;
            }
            int eq = word.indexOf('=');
            if (eq < 0) {
                fail("bad expectation word '" + word + "' (want key=value)");
            }
            String key = word.substring(0, eq);
            String want = word.substring(eq + 1);
            String got;
            if (statement.containsKey(key)) {
                got = statement.get(key);
            } else {
                if (block >= shape.blocks().size()) {
                    fail("no block #" + block + " in " + describe(shape) + "\n  query: " + query);
                }
                Map<String, String> facts = blockFacts(shape.blocks().get(block));
                if (!facts.containsKey(key)) {
                    fail("unknown fact '" + key + "'");
                }
                got = facts.get(key);
            }
            assertThat(got).as("%s of %s\n  query: %s\n  shape: %s", key, statement.containsKey(key) ? "statement"
                    : "block #" + block, query, describe(shape)).isEqualTo(want);
        }
    }

    static Map<String, String> statementFacts(QueryShape shape) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", shape.kind().name());
        m.put("forUpdate", String.valueOf(shape.forUpdate()));
        m.put("writeWhere", String.valueOf(shape.writeHasWhere()));
        m.put("target", shape.target().isEmpty() ? "-" : shape.target());
        m.put("roles", shape.blocks().isEmpty() ? "-"
                : shape.blocks().stream().map(b -> b.role().name()).collect(Collectors.joining(",")));
        m.put("blocks", String.valueOf(shape.blocks().size()));
        return m;
    }

    static Map<String, String> blockFacts(SelectBlock b) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("role", b.role().name());
        m.put("stars", b.stars().isEmpty() ? "-" : b.stars().stream().map(s -> s.text() + (s.narrowed() ? "~" : ""))
                .collect(Collectors.joining(",")));
        m.put("starTables", b.stars().isEmpty() ? "-"
                : b.stars().stream().map(s -> s.table().isEmpty() ? "?" : s.table()).collect(Collectors.joining(",")));
        m.put("tables", b.tables().isEmpty() ? "-" : b.tables().stream().map(TableRef::name).collect(Collectors.joining(",")));
        m.put("aliases", b.tables().isEmpty() ? "-"
                : b.tables().stream().map(t -> t.alias().isEmpty() ? "-" : t.alias()).collect(Collectors.joining(",")));
        m.put("driving", b.drivingTable() == null ? "-" : b.drivingTable().name());
        m.put("joins", String.valueOf(b.joinCount()));
        m.put("restricts", String.valueOf(b.filter().restricts()));
        m.put("eq", b.filter().equalities().isEmpty() ? "-" : b.filter().equalities().stream()
                .map(c -> c.qualifier().isEmpty() ? c.column() : c.qualifier() + "." + c.column())
                .collect(Collectors.joining(",")));
        m.put("runTime", String.valueOf(b.filter().runTimeOnly()));
        m.put("ranges", String.valueOf(b.filter().ranges()));
        m.put("patterns", String.valueOf(b.filter().patterns()));
        m.put("limit", limit(b.limit()));
        m.put("agg", String.valueOf(b.aggregateOnly()));
        m.put("grouped", String.valueOf(b.grouped()));
        m.put("distinct", String.valueOf(b.distinct()));
        m.put("from", String.valueOf(b.hasFrom()));
        m.put("entity", String.valueOf(b.entitySelect()));
        return m;
    }

    static String limit(RowLimit limit) {
        if (limit instanceof RowLimit.Fixed f) {
            return String.valueOf(f.rows());
        }
        return limit instanceof RowLimit.Parameter ? "param" : "none";
    }

    static String describe(QueryShape shape) {
        StringBuilder sb = new StringBuilder(statementFacts(shape).toString());
        for (int i = 0; i < shape.blocks().size(); i++) {
            sb.append("\n    #").append(i).append(' ').append(blockFacts(shape.blocks().get(i)));
        }
        return sb.toString();
    }
}
