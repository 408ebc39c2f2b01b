package io.github.querylint.core.parse;

import io.github.querylint.core.query.QueryLanguage;

/** Parses a query in its language: SQL with JSqlParser, JPQL and HQL with Hibernate's grammar. */
public final class QueryParser implements AutoCloseable {

    /** Texts longer than this are not parsed: generated dumps, not queries a person reviews. */
    public static final int DEFAULT_MAX_QUERY_CHARS = 100_000;

    /**
     * The least time a JPQL query gets. Hibernate's grammar builds its prediction cache as it meets
     * new constructs: on a cold JVM one ordinary query with {@code (:p IS NULL OR (...))} filters
     * took 7 to 13 s, the same query 2 ms once the cache held it. The deadline guards against
     * hangs on pathological text, so it must not fire on the first real queries of a run.
     */
    public static final long MIN_JPQL_TIMEOUT_MILLIS = 10_000;

    private final SqlParser sql;
    private final JpqlParser jpql;
    private final int maxChars;

    public QueryParser(long timeoutMillis, int maxChars) {
        this.sql = new SqlParser(timeoutMillis);
        this.jpql = new JpqlParser(Math.max(timeoutMillis, MIN_JPQL_TIMEOUT_MILLIS));
        this.maxChars = maxChars;
    }

    public ParseOutcome parse(String text, QueryLanguage language, SqlDialect dialect) {
        if (text.length() > maxChars) {
            return new ParseOutcome.Skipped("query of " + text.length() + " characters is over the parser's limit of "
                    + maxChars + " characters (a generated statement rather than one a person reviews)");
        }
        if (text.isBlank()) {
            return new ParseOutcome.Skipped("empty query");
        }
        if (language != QueryLanguage.SQL) {
            int depth = Parentheses.maxDepth(text);
            if (depth > Parentheses.MAX_JPQL_DEPTH) {
                return new ParseOutcome.Failed("parentheses nest " + depth + " deep, deeper than the JPQL parser follows ("
                        + Parentheses.MAX_JPQL_DEPTH + "); simplify the query", 0, 0);
            }
        }
        ParseOutcome outcome = language == QueryLanguage.SQL ? sql.parse(text, dialect) : jpql.parse(text);
        if (outcome instanceof ParseOutcome.Failed failed && failed.line() == 1 && failed.column() == 1
                && text.strip().startsWith(Placeholders.DYNAMIC)) {
            // sql = helper(sql) + ") and deleted is false": the parse stopped at the start nobody can see here,
            // so the error is in what is unknown, not in the query
            return new ParseOutcome.Skipped("its start is built at run time (" + failed.message()
                    + "), so there is nothing to judge");
        }
        return outcome;
    }

    /** Reads one statement of a migration or schema script as schema changes (see {@link SqlParser#parseDdl}). */
    public Ddl.Outcome parseDdl(String statement, SqlDialect dialect) {
        if (statement.length() > maxChars) {
            return new Ddl.Outcome(java.util.List.of(), "statement of " + statement.length()
                    + " characters is over the limit of " + maxChars);
        }
        return sql.parseDdl(statement, dialect);
    }

    @Override
    public void close() {
        sql.close();
    }
}
