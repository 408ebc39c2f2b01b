package io.github.querylint.core.parse;

import io.github.querylint.core.query.QueryLanguage;

/** Parses a query in its language: SQL with JSqlParser, JPQL and HQL with Hibernate's grammar. */
public final class QueryParser implements AutoCloseable {

    /** Texts longer than this are not parsed: generated dumps, not queries a person reviews. */
    public static final int DEFAULT_MAX_QUERY_CHARS = 100_000;

    private final SqlParser sql;
    private final JpqlParser jpql = new JpqlParser();
    private final int maxChars;

    public QueryParser(long timeoutMillis, int maxChars) {
        this.sql = new SqlParser(timeoutMillis);
        this.maxChars = maxChars;
    }

    public ParseOutcome parse(String text, QueryLanguage language, SqlDialect dialect) {
        if (text.length() > maxChars) {
            return new ParseOutcome.Skipped("query of " + text.length() + " characters is over the limit of "
                    + maxChars + " (option maxQueryChars)");
        }
        if (text.isBlank()) {
            return new ParseOutcome.Skipped("empty query");
        }
        return language == QueryLanguage.SQL ? sql.parse(text, dialect) : jpql.parse(text);
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
