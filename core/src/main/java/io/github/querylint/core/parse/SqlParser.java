package io.github.querylint.core.parse;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;

/**
 * SQL over JSqlParser: one shared executor for every statement (JSqlParser's default starts a
 * thread pool per call), a short timeout, and the dialect's lexer options.
 */
public final class SqlParser implements AutoCloseable {

    private final ExecutorService executor;
    private final long timeoutMillis;

    public SqlParser(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "querylint-sql-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public ParseOutcome parse(String sql, SqlDialect dialect) {
        String text = Placeholders.rewrite(stripTrailingSemicolon(sql));
        try {
            Statement statement = CCJSqlParserUtil.parse(text, executor, parser -> {
                parser.withTimeOut(timeoutMillis);
                parser.withDialect(toJsql(dialect));
                if (dialect == SqlDialect.SQLSERVER) {
                    parser.withSquareBracketQuotation(true);
                }
                if (dialect == SqlDialect.MYSQL || dialect == SqlDialect.MARIADB) {
                    parser.withBackslashEscapeCharacter(true);
                }
            });
            if (statement == null) {
                return new ParseOutcome.Skipped("empty statement");
            }
            return new ParseOutcome.Parsed(new SqlShapeBuilder().build(statement));
        } catch (JSQLParserException e) {
            return failure(e);
        } catch (RuntimeException | StackOverflowError e) {
            return new ParseOutcome.Failed(oneLine("parser failed: " + e), 0, 0);
        }
    }

    /**
     * Reads one statement of a migration or schema script as {@link Ddl} changes. Statements that
     * change no table or index (INSERT, CREATE SEQUENCE, COMMENT ...) give no change.
     */
    public Ddl.Outcome parseDdl(String sql, SqlDialect dialect) {
        Ddl.Outcome first = ddl(stripTrailingSemicolon(sql), dialect);
        if (first.parsed()) {
            return first;
        }
        String relaxed = DdlRewrites.relax(stripTrailingSemicolon(sql), dialect);
        if (relaxed.equals(stripTrailingSemicolon(sql))) {
            return first;
        }
        Ddl.Outcome second = ddl(relaxed, dialect);
        return second.parsed() ? second : first;
    }

    private Ddl.Outcome ddl(String text, SqlDialect dialect) {
        try {
            Statement statement = CCJSqlParserUtil.parse(text, executor, parser -> {
                parser.withTimeOut(timeoutMillis);
                parser.withDialect(toJsql(dialect));
                if (dialect == SqlDialect.SQLSERVER) {
                    parser.withSquareBracketQuotation(true);
                }
                if (dialect == SqlDialect.MYSQL || dialect == SqlDialect.MARIADB) {
                    parser.withBackslashEscapeCharacter(true);
                }
            });
            if (statement instanceof net.sf.jsqlparser.statement.UnsupportedStatement) {
                return new Ddl.Outcome(java.util.List.of(), "the SQL parser did not understand the statement");
            }
            return new Ddl.Outcome(statement == null ? java.util.List.of() : DdlBuilder.build(statement), "");
        } catch (JSQLParserException e) {
            ParseOutcome outcome = failure(e);
            String problem = outcome instanceof ParseOutcome.Failed f ? f.message()
                    + (f.line() > 0 ? " at line " + f.line() + ", column " + f.column() : "")
                    : "parsing took longer than " + timeoutMillis + " ms";
            return new Ddl.Outcome(java.util.List.of(), problem);
        } catch (RuntimeException | StackOverflowError e) {
            return new Ddl.Outcome(java.util.List.of(), oneLine("parser failed: " + e));
        }
    }

    private ParseOutcome failure(JSQLParserException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || String.valueOf(t.getMessage()).contains("Time out occurred")) {
                return new ParseOutcome.TimedOut(timeoutMillis);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParseException pe && pe.currentToken != null) {
                var token = pe.currentToken.next != null ? pe.currentToken.next : pe.currentToken;
                String image = token.image == null || token.image.isEmpty() ? "end of query" : "'" + token.image + "'";
                return new ParseOutcome.Failed("unexpected " + image, token.beginLine, token.beginColumn);
            }
        }
        return new ParseOutcome.Failed(oneLine(e.getMessage()), 0, 0);
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String stripTrailingSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static AbstractJSqlParser.Dialect toJsql(SqlDialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> AbstractJSqlParser.Dialect.POSTGRESQL;
            case MYSQL -> AbstractJSqlParser.Dialect.MYSQL;
            case MARIADB -> AbstractJSqlParser.Dialect.MARIADB;
            case ORACLE -> AbstractJSqlParser.Dialect.ORACLE;
            case SQLSERVER -> AbstractJSqlParser.Dialect.SQLSERVER;
            case H2 -> AbstractJSqlParser.Dialect.H2;
            case ANSI -> AbstractJSqlParser.Dialect.ANSI_SQL;
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
