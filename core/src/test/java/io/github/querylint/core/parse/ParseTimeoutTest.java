package io.github.querylint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.querylint.core.query.QueryLanguage;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Pathological statements end in bounded time: parsed, failed or timed out, never a hang. The
 * bounds are generous (shared 2-core machines); what matters is that each test ends at all.
 */
class ParseTimeoutTest {

    private static final Duration NEVER_HANGS = Duration.ofSeconds(60);

    private static String inList(int values) {
        return "SELECT a FROM t WHERE id IN (" + IntStream.range(0, values).mapToObj(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
    }

    @Test
    void hugeInListTimesOutOrParsesWithinTheTimeout() {
        String sql = inList(100_000);
        try (SqlParser parser = new SqlParser(200)) {
            long start = System.nanoTime();
            ParseOutcome outcome = assertTimeoutPreemptively(NEVER_HANGS, () -> parser.parse(sql, SqlDialect.ANSI));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(outcome).isInstanceOfAny(ParseOutcome.TimedOut.class, ParseOutcome.Parsed.class);
            if (outcome instanceof ParseOutcome.TimedOut t) {
                assertThat(t.millis()).isEqualTo(200);
            }
            // simple and complex attempts each get the timeout; no fallback runs after a timeout
            assertThat(millis).isLessThan(10_000);
        }
    }

    @Test
    void timeoutIsConfigurableAndAGenerousOneLetsTheSameStatementParse() {
        String sql = inList(2_000);
        try (SqlParser parser = new SqlParser(30_000)) {
            ParseOutcome outcome = assertTimeoutPreemptively(NEVER_HANGS, () -> parser.parse(sql, SqlDialect.ANSI));
            assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        }
    }

    @Test
    void deepNestingEndsWithoutCrashing() {
        try (SqlParser parser = new SqlParser(2_000)) {
            for (int depth : new int[] {100, 1_000, 5_000}) {
                String sql = "SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth) + " FROM t";
                ParseOutcome outcome = assertTimeoutPreemptively(NEVER_HANGS, () -> parser.parse(sql, SqlDialect.ANSI));
                assertThat(outcome).as("depth %d", depth).isNotNull();
            }
            String nested = "SELECT a FROM t WHERE b IN " + "(SELECT b FROM t WHERE b IN ".repeat(200) + "(1)"
                    + ")".repeat(200);
            ParseOutcome outcome = assertTimeoutPreemptively(NEVER_HANGS, () -> parser.parse(nested, SqlDialect.ANSI));
            assertThat(outcome).isNotNull();
        }
    }

    @Test
    void theParserKeepsWorkingAfterATimeout() {
        try (SqlParser parser = new SqlParser(100)) {
            assertTimeoutPreemptively(NEVER_HANGS, () -> parser.parse(inList(100_000), SqlDialect.ANSI));
        }
        try (SqlParser parser = new SqlParser(100)) {
            assertTimeoutPreemptively(NEVER_HANGS, () -> parser.parse(inList(100_000), SqlDialect.ANSI));
            ParseOutcome next = parser.parse("SELECT a FROM t WHERE id = ?", SqlDialect.ANSI);
            // the first statement of a cold JVM may need longer than 100 ms: retry once with a warm parser
            if (!(next instanceof ParseOutcome.Parsed)) {
                next = parser.parse("SELECT a FROM t WHERE id = ?", SqlDialect.ANSI);
            }
            assertThat(next).isInstanceOf(ParseOutcome.Parsed.class);
        }
    }

    /** One shared executor: parsing many statements one after another does not grow a thread per statement. */
    @Test
    void oneSharedExecutorServesEveryStatement() {
        // threads of parsers other tests closed may still be winding down: count what this parser adds
        long before = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("querylint-sql-") && t.isAlive()).count();
        try (SqlParser parser = new SqlParser(5_000)) {
            for (int i = 0; i < 300; i++) {
                parser.parse("SELECT a FROM t" + i + " WHERE id = ?", SqlDialect.ANSI);
                parser.parse("SELEC broken " + i, SqlDialect.ANSI);
            }
            long threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("querylint-sql-") && t.isAlive()).count();
            assertThat(threads - before).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void jpqlHasADeadlineAndASizeCap() {
        String jpql = "select o from Order o where o.id in (" + IntStream.range(0, 100_000).mapToObj(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
        JpqlParser parser = new JpqlParser(200);
        ParseOutcome outcome = assertTimeoutPreemptively(NEVER_HANGS, () -> parser.parse(jpql));
        assertThat(outcome).isInstanceOfAny(ParseOutcome.TimedOut.class, ParseOutcome.Parsed.class);

        try (QueryParser capped = new QueryParser(3_000, 10_000)) {
            ParseOutcome skipped = capped.parse(jpql, QueryLanguage.JPQL, SqlDialect.ANSI);
            assertThat(skipped).isInstanceOf(ParseOutcome.Skipped.class);
            assertThat(((ParseOutcome.Skipped) skipped).reason()).contains("limit of 10000");
            assertThat(capped.parse(jpql, QueryLanguage.SQL, SqlDialect.ANSI)).isInstanceOf(ParseOutcome.Skipped.class);
        }
    }

    /**
     * Optional filters ({@code :p IS NULL OR ...}) cost Hibernate's grammar seconds the first time it
     * meets them: the JPQL budget has a floor, so a short SQL timeout does not fail such a query.
     */
    @Test
    void jpqlWithOptionalFiltersParsesEvenWithAShortSqlTimeout() {
        String jpql = "SELECT t FROM Ticket t LEFT JOIN Watcher w ON t.id = w.ticketId WHERE t.board = :board "
                + "AND (:from IS NULL OR (t.created >= :from AND w.created >= :from)) "
                + "AND ((:onlyOpen) = FALSE OR t.closed = :closed) "
                + "AND (:q IS NULL OR (lower(t.title) LIKE CONCAT('%', :q, '%') OR ilike(t.body, :q) = true))";
        try (QueryParser parser = new QueryParser(1, QueryParser.DEFAULT_MAX_QUERY_CHARS)) {
            ParseOutcome outcome = assertTimeoutPreemptively(NEVER_HANGS,
                    () -> parser.parse(jpql, QueryLanguage.JPQL, SqlDialect.ANSI));
            assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        }
    }

    @Test
    void deeplyNestedJpqlEndsWithoutCrashing() {
        JpqlParser parser = new JpqlParser(2_000);
        for (int depth : new int[] {100, 2_000}) {
            String jpql = "select o from Order o where o.total > " + "(".repeat(depth) + "1" + ")".repeat(depth);
            ParseOutcome outcome = assertTimeoutPreemptively(NEVER_HANGS, () -> parser.parse(jpql));
            assertThat(outcome).as("depth %d", depth).isNotNull();
        }
    }
}
