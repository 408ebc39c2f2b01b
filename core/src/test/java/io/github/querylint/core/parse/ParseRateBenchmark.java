package io.github.querylint.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.querylint.core.query.QueryLanguage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Parse-rate benchmark over real code bases: not a timed test, and off unless asked for.
 *
 * <p>Make an inventory of a code base, then parse every query in it:
 * <pre>
 * ./mvnw -o -q -B -pl cli -am -DskipTests package
 * java -jar cli/target/querylint.jar inventory --format json /path/to/project &gt; /tmp/project.json
 * ./mvnw -o -q -B -pl core test -Dtest=ParseRateBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dquerylint.parseRate=/tmp/project.json[,/tmp/other.json] [-Dquerylint.parseRate.out=/tmp/rate.txt]
 * </pre>
 * For each input, and for all of them together, it prints the parse rate per language, per origin
 * and per dialect (the one the analyzer picks from the path; then every SQL query in every dialect,
 * with the dialect's grammar alone and with the fallbacks), the slowest statements (the fastest of
 * three warm runs each), and every failure sorted into a class with the stage that owns it:
 * {@code extraction} when the text handed to the parser is not the query the code runs,
 * {@code no query} when there is nothing to parse, {@code parser} otherwise.
 * {@code -Dquerylint.parseRate.failures=N} lists N examples per class (default 3).
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
        System.out.print(report);
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
        try (QueryParser parser = new QueryParser(2_000, QueryParser.DEFAULT_MAX_QUERY_CHARS);
             SqlParser strict = new SqlParser(2_000)) {
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
            headline(sb, results);
            rates(sb, "language", results, r -> r.entry().language().name().toLowerCase(Locale.ROOT));
            rates(sb, "origin", results, r -> r.entry().origin());
            rates(sb, "dialect (from path)", results.stream().filter(r -> r.entry().language() == QueryLanguage.SQL)
                    .toList(), r -> dialectOf(r.entry().path()).id());
            dialects(sb, entries, parser, strict, examples);
        }
        slowest(sb, results);
        failures(sb, results, examples);
        return sb.append('\n').toString();
    }

    /** Parse rates over everything, over what holds a query, and over what extraction delivered whole. */
    private static void headline(StringBuilder sb, List<Result> results) {
        long total = results.size();
        long parsed = results.stream().filter(r -> r.outcome() instanceof ParseOutcome.Parsed).count();
        long noQuery = results.stream().filter(r -> owner(r).equals("no query")).count();
        long extraction = results.stream().filter(r -> owner(r).equals("extraction")).count();
        long timedOut = results.stream().filter(r -> r.outcome() instanceof ParseOutcome.TimedOut).count();
        sb.append(String.format(Locale.ROOT, "-- parsed %d of %d units: %s; of the %d that hold a query text: %s;"
                        + " of the %d whose text extraction delivered whole: %s (timed out: %d)%n", parsed, total,
                percent(parsed, total), total - noQuery, percent(parsed, total - noQuery),
                total - noQuery - extraction, percent(parsed, total - noQuery - extraction), timedOut));
    }

    private static void rates(StringBuilder sb, String title, List<Result> results, Function<Result, String> key) {
        sb.append("-- by ").append(title).append('\n');
        Map<String, long[]> counts = new TreeMap<>();
        for (Result r : results) {
            long[] c = counts.computeIfAbsent(key.apply(r), k -> new long[5]);
            c[0]++;
            if (r.outcome() instanceof ParseOutcome.Parsed) {
                c[1]++;
            }
            String owner = owner(r);
            if (owner.equals("no query")) {
                c[2]++;
            } else if (owner.equals("extraction")) {
                c[3]++;
            } else if (owner.equals("parser")) {
                c[4]++;
            }
        }
        counts.forEach((k, c) -> sb.append(String.format(Locale.ROOT,
                "   %-22s %6d / %6d  %s   not parsed: %d no query, %d extraction, %d parser%n", k, c[1], c[0],
                percent(c[1], c[0]), c[2], c[3], c[4])));
    }

    private static void dialects(StringBuilder sb, List<Entry> entries, QueryParser parser, SqlParser strict,
                                 int examples) {
        sb.append("-- every SQL query in every dialect: the dialect's grammar alone / with the fallbacks\n");
        List<Entry> sql = entries.stream().filter(e -> e.language() == QueryLanguage.SQL).toList();
        List<Boolean> ansi = sql.stream().map(e -> strict.parseStrict(e.text(), SqlDialect.ANSI)
                instanceof ParseOutcome.Parsed).toList();
        for (SqlDialect d : SqlDialect.values()) {
            long alone = 0;
            long full = 0;
            List<String> lost = new ArrayList<>();
            for (int i = 0; i < sql.size(); i++) {
                Entry e = sql.get(i);
                boolean strictParsed = strict.parseStrict(e.text(), d) instanceof ParseOutcome.Parsed;
                if (strictParsed) {
                    alone++;
                } else if (ansi.get(i)) {
                    lost.add(e.path() + ":" + e.line());
                }
                if (parser.parse(e.text(), QueryLanguage.SQL, d) instanceof ParseOutcome.Parsed) {
                    full++;
                }
            }
            sb.append(String.format(Locale.ROOT, "   %-12s alone %6d / %6d  %s   with fallbacks %6d  %s"
                            + "   (rejects %d that the common core accepts)%n", d.id(), alone, sql.size(),
                    percent(alone, sql.size()), full, percent(full, sql.size()), lost.size()));
            lost.stream().limit(examples).forEach(l -> sb.append("           ").append(l).append('\n'));
        }
    }

    private static void slowest(StringBuilder sb, List<Result> results) {
        sb.append("-- slowest (fastest of three warm runs)\n");
        results.stream().sorted(Comparator.comparingLong(Result::nanos).reversed()).limit(8).forEach(r -> sb.append(
                String.format(Locale.ROOT, "   %8.2f ms  %6d chars  %-8s %s:%d%n", r.nanos() / 1e6,
                        r.entry().text().length(), kind(r.outcome()), r.entry().path(), r.entry().line())));
        long[] sorted = results.stream().mapToLong(Result::nanos).sorted().toArray();
        if (sorted.length > 0) {
            sb.append(String.format(Locale.ROOT, "   median %.3f ms, p99 %.3f ms, max %.1f ms, total %.0f ms%n",
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                    sorted[sorted.length - 1] / 1e6, Arrays.stream(sorted).sum() / 1e6));
        }
    }

    private static void failures(StringBuilder sb, List<Result> results, int examples) {
        sb.append("-- not parsed, by class\n");
        Map<String, List<Result>> classes = new LinkedHashMap<>();
        for (Result r : results) {
            if (!(r.outcome() instanceof ParseOutcome.Parsed)) {
                classes.computeIfAbsent(owner(r) + " | " + failureClass(r), k -> new ArrayList<>()).add(r);
            }
        }
        classes.entrySet().stream().sorted((a, b) -> a.getValue().size() != b.getValue().size()
                ? b.getValue().size() - a.getValue().size() : a.getKey().compareTo(b.getKey())).forEach(c -> {
                    sb.append(String.format(Locale.ROOT, "   %5d  %s%n", c.getValue().size(), c.getKey()));
                    c.getValue().stream().limit(examples).forEach(r -> sb.append("            ")
                            .append(r.entry().path()).append(':').append(r.entry().line()).append("  ")
                            .append(messageOf(r.outcome())).append(" | ").append(snippet(r)).append('\n'));
                });
    }

    private record Rule(String owner, String label, Predicate<String> test, String origin) {
        Rule(String owner, String label, Pattern pattern, String origin) {
            this(owner, label, text -> pattern.matcher(text).find(), origin);
        }

        boolean matches(Entry e) {
            return (origin == null || e.origin().equals(origin)) && test.test(e.text());
        }
    }

    /** An odd number of quotes: the statement was cut inside a string literal. */
    private static boolean unbalancedQuotes(String text) {
        return text.chars().filter(c -> c == '\'').count() % 2 == 1;
    }

    /**
     * Known shapes of text that is not the query the code runs, recognised from the text alone. The
     * order matters: the first that matches names the class.
     */
    private static final List<Rule> RULES = List.of(
            new Rule("extraction", "mybatis: <selectKey> body kept in front of the statement",
                    Pattern.compile("(?is)^\\s*select\\s+(last_insert_id\\(\\)|[\\w.]+\\.nextval\\b)"), "mybatis-xml"),
            new Rule("extraction", "mybatis: every <choose> branch kept (generator's Example_Where_Clause)",
                    Pattern.compile("\\$\\{criterion\\.condition}"), "mybatis-xml"),
            new Rule("extraction", "mybatis: <set> dropped, no SET keyword",
                    Pattern.compile("(?is)^\\s*update\\s+[\\w.`\"]+\\s+[\\w`\"]+\\s*="), "mybatis-xml"),
            new Rule("extraction", "mybatis: <trim prefix=\"(\"> dropped, no parentheses",
                    Pattern.compile("(?is)^\\s*insert\\s+into\\s+[\\w.`\"]+\\s+[\\w`\"]+\\s*,"), "mybatis-xml"),
            new Rule("extraction", "mybatis: <if> branches joined without AND",
                    Pattern.compile("(?i)(=|<>|>|<)\\s*(\\d+|'[^']*'|\\?|#\\{[^}]*})\\s+[a-z_][\\w.]*\\s*(=|<|>|like\\b|in\\b)"),
                    "mybatis-xml"),
            new Rule("extraction", "mybatis: <foreach>/<trim> around CASE WHEN flattened",
                    Pattern.compile("(?is)=\\s*when\\b"), "mybatis-xml"),
            new Rule("extraction", "assembly: StringBuilder(capacity) folded into the text",
                    Pattern.compile("(?is)^\\s*\\d+\\s*(select|where|update|insert|delete|from)"), null),
            new Rule("extraction", "assembly: run-time part glued to a keyword (its spaces are run-time text)",
                    Pattern.compile("(?i)ql_dynamic(select|where|from|and|or|join|order|group)\\b|"
                            + "\\b(select|where|from|and|or|join|on)ql_dynamic|\\)ql_dynamic"), null),
            new Rule("extraction", "assembly: run-time select list that also holds FROM and joins",
                    Pattern.compile("(?is)^\\s*select\\s+(distinct\\s+)?ql_dynamic\\s+(where|join|left|right|inner|"
                            + "cross|full|group|order|limit)\\b"), null),
            new Rule("extraction", "assembly: a fragment, not a statement",
                    Pattern.compile("(?is)^\\s*ql_dynamic|^\\s*[A-Za-z_]+=\\S*\\s*$"), null),
            new Rule("extraction", "assembly: two strings joined without a space",
                    Pattern.compile("(?i)\\.\\w+(where|from|order|group)\\s"), null),
            new Rule("extraction", "assembly: conditional predicates joined without AND/OR",
                    Pattern.compile("(?i)(:\\w+|\\?)\\s+\\(\\s*[\\w.]+\\s*="), null),
            new Rule("extraction", "assembly: the text ends inside an expression",
                    Pattern.compile("(?is)(\\.|=|\\band|\\bor|\\bwhere)\\s*$"), null),
            new Rule("extraction", "assembly: a table name formatted in (String.format %s read as ?)",
                    Pattern.compile("(?i)\\b(from|join|into|update)\\s+\\?"), null),
            new Rule("extraction", "assembly: run-time fragment where a clause is wanted",
                    Pattern.compile("(?i)\\bql_dynamic\\b"), null),
            new Rule("extraction", "assembly: a fragment, not a statement",
                    Pattern.compile("(?is)^\\s*((inner\\s+join|left\\s+join|join|where|and|or|order\\s+by|"
                            + "group\\s+by)\\b|\\(\\?|,)"), null),
            new Rule("extraction", "language: HQL taken for SQL",
                    Pattern.compile("(?is)^\\s*from\\s+[A-Z]\\w*\\s+\\w+\\s+where\\b"), null),
            new Rule("extraction", "script: MySQL # comment kept in the statement",
                    Pattern.compile("(?m)^\\s*#(?!\\{)"), null),
            new Rule("extraction", "script: split inside a string literal or a Liquibase changelog row",
                    text -> text.contains("tableName=") || unbalancedQuotes(text), null));

    private static String failureClass(Result r) {
        if (r.outcome() instanceof ParseOutcome.Skipped s) {
            return s.reason().equals(SqlParser.WHOLE_DYNAMIC) ? "whole text built at run time"
                    : "skipped: " + s.reason().replaceAll("\\d+", "N");
        }
        if (r.outcome() instanceof ParseOutcome.TimedOut) {
            return "timed out";
        }
        for (Rule rule : RULES) {
            if (rule.matches(r.entry())) {
                return rule.label();
            }
        }
        return r.entry().language().name().toLowerCase(Locale.ROOT) + ": " + messageOf(r.outcome());
    }

    private static String owner(Result r) {
        if (r.outcome() instanceof ParseOutcome.Parsed) {
            return "parsed";
        }
        if (r.outcome() instanceof ParseOutcome.Skipped) {
            return "no query";
        }
        if (r.outcome() instanceof ParseOutcome.TimedOut) {
            return "parser";
        }
        for (Rule rule : RULES) {
            if (rule.matches(r.entry())) {
                return rule.owner();
            }
        }
        return "parser";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "   -   " : String.format(Locale.ROOT, "%6.2f%%", 100.0 * part / whole);
    }

    private static String kind(ParseOutcome o) {
        return o.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String messageOf(ParseOutcome o) {
        if (o instanceof ParseOutcome.Failed f) {
            return f.message().replaceAll("\\d+", "N");
        }
        if (o instanceof ParseOutcome.Skipped s) {
            return "skipped";
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
        at = Math.min(at, text.length());
        int from = Math.max(0, at - 70);
        int to = Math.min(text.length(), at + 50);
        return (from > 0 ? "..." : "") + text.substring(from, to).replaceAll("\\s+", " ") + (to < text.length() ? "..." : "");
    }

    /** The analyzer's dialect choice from a path, with the project default ANSI. */
    static SqlDialect dialectOf(String path) {
        return SqlDialect.forPath(path, SqlDialect.ANSI);
    }
}
