package io.github.querylint.core.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * SQL over JSqlParser: one shared executor for every statement of every run (JSqlParser's default
 * starts a thread pool per call), a short timeout, and the dialect's lexer options. {@link SqlDialect#ANSI}
 * sets no dialect at all: JSqlParser's defaults are the common core.
 */
public final class SqlParser implements AutoCloseable {

    /**
     * One executor for every parser of the JVM: a Maven build makes a parser for each module, and
     * starting a pool (and its threads) each time was a fixed cost of every module. Its threads are
     * daemons and end after a minute without work; a statement that times out is interrupted by
     * JSqlParser itself, so a parser has nothing of its own to shut down.
     */
    private static final ExecutorService EXECUTOR = newExecutor();

    private final ExecutorService executor = EXECUTOR;
    private final long timeoutMillis;

    public SqlParser(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    private static ExecutorService newExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "querylint-sql-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Parses one statement. When the dialect's grammar rejects it, a few fallbacks run before it
     * counts as a failure, each within what is left of the timeout: statements no rule reads are
     * recognised by their leading words, reserved words used as column names are quoted, and the
     * statement is tried without the dialect and in the dialects whose lexers its text calls for.
     * The first attempt's error is the one reported.
     */
    public ParseOutcome parse(String sql, SqlDialect dialect) {
        String text = SqlText.collapseDynamicRuns(Placeholders.rewrite(SqlText.clean(sql)));
        if (text.isEmpty()) {
            return new ParseOutcome.Skipped("empty statement");
        }
        if (SqlText.wholeDynamic(text)) {
            return new ParseOutcome.Skipped(WHOLE_DYNAMIC);
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        ParseOutcome first = attempt(text, dialect, timeoutMillis);
        if (!(first instanceof ParseOutcome.Failed)) {
            return first;
        }
        StatementKind unjudged = SqlText.unjudgedKind(text);
        if (unjudged != null) {
            // DDL and session commands no rule reads: what they are is all a rule needs to know
            return new ParseOutcome.Parsed(new QueryShape(unjudged, List.of(), false, false, ""));
        }
        String repaired = SqlText.repair(text);
        Set<String> tried = new HashSet<>();
        tried.add(dialect + text);
        for (SqlDialect fallback : fallbacks(dialect, text)) {
            if (!tried.add(fallback + repaired)) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            ParseOutcome retry = attempt(repaired, fallback, left);
            if (retry instanceof ParseOutcome.Parsed) {
                return retry;
            }
        }
        String marked = SqlText.namedParametersAsMarks(repaired);
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (!marked.equals(repaired) && left > 0) {
            ParseOutcome retry = attempt(marked, dialect, left);
            if (retry instanceof ParseOutcome.Parsed) {
                return retry;
            }
        }
        if (SqlText.structureOnly(text)) {
            return new ParseOutcome.Skipped(STRUCTURE_ONLY);
        }
        if (SqlText.writesValuesOnly(text)) {
            // rows written from literals (a data dump whose escapes no grammar lexes): it reads nothing,
            // so no rule has anything to judge, and a parse error would only be noise
            return new ParseOutcome.Parsed(new QueryShape(StatementKind.INSERT, List.of(), false, false, ""));
        }
        return first;
    }

    /** One attempt in the given dialect, without the fallbacks: what the dialect's grammar alone says. */
    ParseOutcome parseStrict(String sql, SqlDialect dialect) {
        String text = SqlText.collapseDynamicRuns(Placeholders.rewrite(SqlText.clean(sql)));
        return text.isEmpty() ? new ParseOutcome.Skipped("empty statement") : attempt(text, dialect, timeoutMillis);
    }

    /** The reason given for a query of which only the structure's keywords are known. */
    public static final String STRUCTURE_ONLY = "only the keywords of the query are known; its tables, columns and"
            + " conditions are built at run time, so there is nothing to judge";

    /** The reason given for a query whose whole text is built at run time. */
    public static final String WHOLE_DYNAMIC = "the whole query text is built at run time, so there is nothing to parse";

    /**
     * The dialects to try after the configured one: itself (on the repaired text), the common core,
     * then MySQL's lexer when the text has backslashes, backticks, {@code #} or {@code @} variables,
     * and SQL Server's when it has square brackets.
     */
    private static List<SqlDialect> fallbacks(SqlDialect dialect, String text) {
        List<SqlDialect> out = new ArrayList<>();
        out.add(dialect);
        out.add(SqlDialect.ANSI);
        if (text.indexOf('\\') >= 0 || text.indexOf('`') >= 0 || text.indexOf('#') >= 0 || text.indexOf('@') >= 0) {
            out.add(SqlDialect.MYSQL);
        }
        if (text.indexOf('[') >= 0) {
            out.add(SqlDialect.SQLSERVER);
        }
        return out;
    }

    private ParseOutcome attempt(String text, SqlDialect dialect, long timeout) {
        try {
            Statement statement = CCJSqlParserUtil.parse(text, executor, parser -> {
                parser.withTimeOut(timeout);
                if (dialect != SqlDialect.ANSI) {
                    parser.withDialect(toJsql(dialect));
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
        Ddl.Outcome first = ddl(SqlText.clean(sql), dialect);
        if (first.parsed()) {
            return first;
        }
        String relaxed = DdlRewrites.relax(SqlText.clean(sql), dialect);
        if (relaxed.equals(SqlText.clean(sql))) {
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

    /** Nothing to release: the executor is shared (see {@link #EXECUTOR}). */
    @Override
    public void close() {
        // the shared executor outlives every parser
    }
}
