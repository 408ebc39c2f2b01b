package io.github.querylint.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.parse.ParseOutcome;
import io.github.querylint.core.parse.QueryParser;
import io.github.querylint.core.parse.RowLimit;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.query.QueryLanguage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the fuzz campaigns found, kept as plain cases once fixed. */
class FuzzFoundTest {

    private static QueryParser parser;

    @BeforeAll
    static void start() {
        parser = new QueryParser(QueryLintConfig.DEFAULT_PARSE_TIMEOUT_MILLIS, QueryParser.DEFAULT_MAX_QUERY_CHARS);
        parser.parse("select o from Order o where (o.a = 1", QueryLanguage.JPQL, SqlDialect.ANSI); // warm up
    }

    @AfterAll
    static void stop() {
        parser.close();
    }

    private static long millis(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** WithItem.getSelect() threw ClassCastException on a CTE holding a DELETE (seed 11, input 19500). */
    @Test
    void aWritableCteIsJudgedNotAParserCrash() {
        ParseOutcome outcome = parser.parse("WITH gone AS (DELETE FROM orders WHERE id = 1 RETURNING *) SELECT * FROM gone",
                QueryLanguage.SQL, SqlDialect.POSTGRESQL);
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        assertThat(((ParseOutcome.Parsed) outcome).shape().outermost().stars()).hasSize(1);
    }

    /** LongValue.getValue() threw NumberFormatException on a TOP too large for a long (seed 11, input 62546). */
    @Test
    void aLimitTooLargeForALongIsStillALimit() {
        ParseOutcome outcome = parser.parse("SELECT TOP 100000000000000000000000 * FROM users", QueryLanguage.SQL,
                SqlDialect.SQLSERVER);
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        assertThat(((ParseOutcome.Parsed) outcome).shape().outermost().limit()).isEqualTo(new RowLimit.Fixed(Long.MAX_VALUE));
    }

    /** The full-LL retry took 2 to 5 s on unbalanced parentheses; they can never parse, so it is skipped. */
    @Test
    void unbalancedParenthesesInJpqlFailFast() {
        String query = "SELECT o FROM Order o WHERE o.x = " + "(".repeat(18) + "1" + ")".repeat(17) + " AND";
        parser.parse(query, QueryLanguage.JPQL, SqlDialect.ANSI); // ANTLR builds its prediction cache: measure warm
        long ms = millis(() -> assertThat(parser.parse(query, QueryLanguage.JPQL, SqlDialect.ANSI))
                .isInstanceOf(ParseOutcome.Failed.class));
        assertThat(ms).isLessThan(1_000); // 3.4 to 4.7 s warm with the retry
    }

    /** 280 levels of parentheses took 27 s in the HQL grammar; past 64 it is a failure with a message. */
    @Test
    void veryDeepJpqlIsAFailureWithAMessage() {
        String query = "SELECT o " + "(".repeat(280) + "FROM" + ")".repeat(280) + " Order o";
        long ms = millis(() -> assertThat(parser.parse(query, QueryLanguage.JPQL, SqlDialect.ANSI))
                .isInstanceOfSatisfying(ParseOutcome.Failed.class,
                        f -> assertThat(f.message()).contains("parentheses nest 280 deep", "64")));
        assertThat(ms).isLessThan(100);
        // quoted parentheses do not count, and a balanced query still gets the full-LL retry
        assertThat(parser.parse("select o from Order o where o.name = '((((' and (o.a = 1)", QueryLanguage.JPQL,
                SqlDialect.ANSI)).isInstanceOf(ParseOutcome.Parsed.class);
    }
}
