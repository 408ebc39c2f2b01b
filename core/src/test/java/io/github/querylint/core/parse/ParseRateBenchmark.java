package io.github.querylint.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.querylint.core.query.QueryLanguage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Parse-rate benchmark over real code bases: not a timed test, off unless asked for.
 *
 * <p>Make an inventory of a code base, then parse every query in it:
 * <pre>
 * ./mvnw -o -q -B -pl cli -am -DskipTests package
 * java -jar cli/target/querylint.jar inventory --format json /path/to/project &gt; /tmp/project.json
 * ./mvnw -o -q -B -pl core test -Dtest=ParseRateBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dquerylint.parseRate=/tmp/project.json[,/tmp/other.json]
 * </pre>
 * It prints, per input and in total: the parse rate per language, per origin, per dialect (the
 * dialect the analyzer would pick from the path, and every SQL query under every dialect), the
 * slowest statements (second, warm pass) and the failures grouped by the parser's message. Set
 * {@code -Dquerylint.parseRate.out=FILE} to write the report to a file as well, and
 * {@code -Dquerylint.parseRate.failures=N} to list N failing statements per class (default 3).
 */
class ParseRateBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @EnabledIfSystemProperty(named = "querylint.parseRate", matches = ".+")
    void parseRate() throws IOException {
        main(System.getProperty("querylint.parseRate").split(","));
    }

    public static void main(String[] args) throws IOException {
        int examples = Integer.getInteger("querylint.parseRate.failures", 3);
        StringBuilder report = new StringBuilder();
        List<Entry> all = new ArrayList<>();
        for (String arg : args) {
            Path file = Path.of(arg.strip());
            List<Entry> entries = read(file);
            all.addAll(entries);
            report.append(run("== " + file.getFileName(), entries, examples));
        }
        if (args.length > 1) {
            report.append(run("== all inputs", all, examples));
        }
        PrintStream out = System.out;
        out.print(report);
        String target = System.getProperty("querylint.parseRate.out");
        if (target != null && !target.isBlank()) {
            Files.writeString(Path.of(target), report);
        }
    }

    private record Entry(String path, int line, String origin, QueryLanguage language, String text) {
    }

    private record Result(Entry entry, ParseOutcome outcome, long nanos) {
    }

    private static List<Entry> read(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(file.toFile())) {
            out.add(new Entry(n.path("path").asText(), n.path("line").asInt(), n.path("origin").asText(),
                    QueryLanguage.valueOf(n.path("language").asText().toUpperCase(Locale.ROOT)),
                    n.path("text").asText()));
        }
        return out;
    }

    private static String run(String title, List<Entry> entries, int examples) {
        StringBuilder sb = new StringBuilder(title).append(" (").append(entries.size()).append(" queries)\n");
        List<Result> results = new ArrayList<>();
        try (QueryParser parser = new QueryParser(2_000, QueryParser.DEFAULT_MAX_QUERY_CHARS)) {
            for (Entry e : entries) { // warm-up pass: the JIT's first cost is not the parser's
                parser.parse(e.text(), e.language(), dialectOf(e.path()));
            }
            for (Entry e : entries) {
                // the fastest of three runs: one slow run is a GC pause or a busy neighbour, not the statement
                long best = Long.MAX_VALUE;
                ParseOutcome outcome = null;
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    outcome = parser.parse(e.text(), e.language(), dialectOf(e.path()));
                    best = Math.min(best, System.nanoTime() - start);
                }
                results.add(new Result(e, outcome, best));
            }
            rates(sb, "language", results, r -> r.entry().language().name().toLowerCase(Locale.ROOT));
            rates(sb, "origin", results, r -> r.entry().origin());
            rates(sb, "dialect (from path)", results.stream()
                    .filter(r -> r.entry().language() == QueryLanguage.SQL).toList(), r -> dialectOf(r.entry().path()).id());
            sb.append("-- every SQL query under every dialect\n");
            List<Entry> sql = entries.stream().filter(e -> e.language() == QueryLanguage.SQL).toList();
            List<Boolean> ansi = sql.stream().map(e -> parser.parse(e.text(), QueryLanguage.SQL, SqlDialect.ANSI)
                    instanceof ParseOutcome.Parsed).toList();
            for (SqlDialect d : SqlDialect.values()) {
                long parsed = 0;
                List<String> lost = new ArrayList<>();
                for (int i = 0; i < sql.size(); i++) {
                    Entry e = sql.get(i);
                    ParseOutcome o = parser.parse(e.text(), QueryLanguage.SQL, d);
                    if (o instanceof ParseOutcome.Parsed) {
                        parsed++;
                    } else if (ansi.get(i)) {
                        lost.add(e.path() + ":" + e.line() + "  " + messageOf(o));
                    }
                }
                sb.append(String.format(Locale.ROOT, "   %-12s %6d / %6d  %s  (%d parse under ansi only)%n", d.id(),
                        parsed, sql.size(), percent(parsed, sql.size()), lost.size()));
                lost.stream().limit(examples).forEach(l -> sb.append("           ").append(l).append('\n'));
            }
        }
        sb.append("-- slowest (warm)\n");
        results.stream().sorted(Comparator.comparingLong(Result::nanos).reversed()).limit(8).forEach(r -> sb.append(
                String.format(Locale.ROOT, "   %8.2f ms  %6d chars  %s  %s:%d%n", r.nanos() / 1e6,
                        r.entry().text().length(), kind(r.outcome()), r.entry().path(), r.entry().line())));
        long[] sorted = results.stream().mapToLong(Result::nanos).sorted().toArray();
        if (sorted.length > 0) {
            sb.append(String.format(Locale.ROOT, "   median %.3f ms, p99 %.3f ms, total %.0f ms%n",
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                    java.util.Arrays.stream(sorted).sum() / 1e6));
        }
        sb.append("-- failures by message\n");
        Map<String, List<Result>> classes = new TreeMap<>();
        for (Result r : results) {
            if (!(r.outcome() instanceof ParseOutcome.Parsed)) {
                classes.computeIfAbsent(r.entry().language().name().toLowerCase(Locale.ROOT) + ": "
                        + messageOf(r.outcome()), k -> new ArrayList<>()).add(r);
            }
        }
        classes.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).forEach(c -> {
            sb.append(String.format(Locale.ROOT, "   %4d  %s%n", c.getValue().size(), c.getKey()));
            c.getValue().stream().limit(examples).forEach(r -> sb.append("           ").append(r.entry().path())
                    .append(':').append(r.entry().line()).append("  ").append(snippet(r)).append('\n'));
        });
        return sb.append('\n').toString();
    }

    private interface Key {
        String of(Result r);
    }

    private static void rates(StringBuilder sb, String title, List<Result> results, Key key) {
        sb.append("-- by ").append(title).append('\n');
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Result r : results) {
            long[] c = counts.computeIfAbsent(key.of(r), k -> new long[4]);
            c[0]++;
            if (r.outcome() instanceof ParseOutcome.Parsed) {
                c[1]++;
            } else if (r.outcome() instanceof ParseOutcome.TimedOut) {
                c[2]++;
            } else if (r.outcome() instanceof ParseOutcome.Skipped) {
                c[3]++;
            }
        }
        new TreeMap<>(counts).forEach((k, c) -> sb.append(String.format(Locale.ROOT,
                "   %-22s %6d / %6d  %s  (timed out %d, skipped %d)%n", k, c[1], c[0], percent(c[1], c[0]), c[2], c[3])));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "   -  " : String.format(Locale.ROOT, "%6.2f%%", 100.0 * part / whole);
    }

    private static String kind(ParseOutcome o) {
        return o.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String messageOf(ParseOutcome o) {
        if (o instanceof ParseOutcome.Failed f) {
            return f.message().replaceAll("\\d+", "N");
        }
        if (o instanceof ParseOutcome.Skipped s) {
            return "skipped: " + s.reason().replaceAll("\\d+", "N");
        }
        return kind(o);
    }

    /** The text around the failure, on one line. */
    private static String snippet(Result r) {
        String text = r.entry().text();
        int at = 0;
        if (r.outcome() instanceof ParseOutcome.Failed f && f.line() > 0) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < Math.min(f.line() - 1, lines.length); i++) {
                at += lines[i].length() + 1;
            }
            at += Math.max(0, f.column() - 1);
        }
        int from = Math.max(0, at - 80);
        int to = Math.min(text.length(), at + 60);
        return (from > 0 ? "..." : "") + text.substring(from, Math.min(to, text.length())).replaceAll("\\s+", " ")
                + (to < text.length() ? "..." : "");
    }

    /** The analyzer's dialect choice from a path, with the project default ANSI (Analyzer.Dialects). */
    static SqlDialect dialectOf(String path) {
        String p = "/" + path.toLowerCase(Locale.ROOT);
        if (p.contains("/postgres")) {
            return SqlDialect.POSTGRESQL;
        }
        if (p.contains("/mysql")) {
            return SqlDialect.MYSQL;
        }
        if (p.contains("/mariadb")) {
            return SqlDialect.MARIADB;
        }
        if (p.contains("/oracle")) {
            return SqlDialect.ORACLE;
        }
        if (p.contains("/sqlserver") || p.contains("/mssql")) {
            return SqlDialect.SQLSERVER;
        }
        if (p.contains("/h2/")) {
            return SqlDialect.H2;
        }
        return SqlDialect.ANSI;
    }
}
