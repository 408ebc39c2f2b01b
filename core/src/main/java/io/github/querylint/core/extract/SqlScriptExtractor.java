package io.github.querylint.core.extract;

import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.LineIndex;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL files: Flyway migrations ({@code V1__init.sql}, {@code R__views.sql}), Liquibase formatted
 * SQL changelogs and the files changelogs run with {@code sqlFile}, {@code schema.sql} and other
 * scripts. Each statement becomes a unit at the line where it starts.
 */
public final class SqlScriptExtractor implements Extractor {

    /** FreeMarker's directives: {@code <#if ...>}, {@code </#list>}, {@code <#include "...">}, {@code [#if ...]}. */
    private static final Pattern FREEMARKER = Pattern.compile("</?#(?:if|else|elseif|list|items|sep|include|import"
            + "|assign|macro|function|switch|case|default|ftl|setting|local|global|compress|noparse|attempt|recover)\\b"
            + "|\\[/?#(?:if|list|include|assign)\\b");
    /** Velocity's directives at the start of a line: {@code #set(...)}, {@code #if(...)} ... {@code #end}. */
    private static final Pattern VELOCITY = Pattern.compile("(?m)^[ \\t]*#(?:set|if|foreach|macro|parse)[ \\t]*\\(");
    private static final Pattern VELOCITY_END = Pattern.compile("(?m)^[ \\t]*#end\\b");

    private static final Pattern FORMATTED = Pattern.compile("(?i)^\\s*--\\s*liquibase\\s+formatted\\s+sql\\b.*");
    private static final Pattern CHANGESET = Pattern.compile("(?im)^[ \\t]*--[ \\t]*changeset[ \\t]+(.*)$");
    private static final Pattern END_DELIMITER = Pattern.compile("(?i)\\bendDelimiter:(\\S+)");
    private static final Pattern NO_SPLIT = Pattern.compile("(?i)\\bsplitStatements:false\\b");

    private final ProjectConstants index;

    /** The configured dialect, which decides, with where a script stands, how its literals end. */
    private final SqlDialect dialect;

    public SqlScriptExtractor(ProjectConstants index, SqlDialect dialect) {
        this.index = index;
        this.dialect = dialect;
    }

    public SqlScriptExtractor() {
        this(ProjectConstants.EMPTY, SqlDialect.ANSI);
    }

    /** Signs of a MySQL or MariaDB script: a dump's header, a versioned comment, a backquoted name. */
    private static final Pattern MYSQL_SCRIPT = Pattern.compile(
            "(?i)--\\s*(?:mysql|mariadb) dump|/\\*![0-9]{5}|`[A-Za-z_][A-Za-z0-9_$]*`");

    /**
     * Whether a backslash escapes the next character in a quoted literal ({@code 'it\'s'}): in MySQL
     * and MariaDB scripts, known by their dialect or, when none but ANSI is set, by the signs at the
     * head of the script. Elsewhere a backslash is a character like any other ({@code 'C:\'} ends).
     */
    public static boolean backslashEscapes(SqlDialect dialect, String text) {
        if (dialect == SqlDialect.MYSQL || dialect == SqlDialect.MARIADB) {
            return true;
        }
        return dialect == SqlDialect.ANSI && MYSQL_SCRIPT.matcher(text).region(0, Math.min(text.length(), 8192)).find();
    }

    private static final Pattern MIGRATION = Pattern.compile("(?i).*(/db/migration/|/migrations?/|/changelog/|/liquibase/).*|.*/[VRU]\\d*[\\d._]*__.*\\.sql|.*/R__.*\\.sql");

    @Override
    public boolean accepts(SourceFile file) {
        return file.kind() == SourceKind.SQL;
    }

    @Override
    public void extract(SourceFile file, String text, ExtractionSink out) {
        String engine = templateEngine(file.path(), text);
        if (engine != null) {
            out.notice(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), 1, 1), "SQL file is a "
                    + engine + " template, not SQL: its statements are written when the template runs, so they were"
                    + " not analysed (exclude the file to silence this)"));
            return;
        }
        LineIndex lines = new LineIndex(text);
        boolean formatted = FORMATTED.matcher(text.lines().findFirst().orElse("")).matches();
        QueryOrigin origin = formatted || MIGRATION.matcher("/" + file.path()).matches() || index.runByChangelog(file.path())
                ? QueryOrigin.MIGRATION : QueryOrigin.SQL_FILE;
        SqlDialect fileDialect = SqlDialect.forPath(file.path(), dialect);
        boolean escapes = backslashEscapes(fileDialect, text);
        List<Statement> statements = formatted ? changesets(text, escapes) : statements(text, fileDialect, escapes);
        for (Statement s : statements) {
            out.query(new QueryUnit(new Location(file.path(), lines.line(s.offset()), lines.column(s.offset())), origin,
                    QueryLanguage.SQL, s.text(), CallSite.UNKNOWN, false, false, java.util.Set.of(), List.of()));
        }
    }

    /**
     * The template engine whose file this is, or null: a code generator's template (jeecg-boot's
     * {@code V${currentDate}__menu_insert_${entityName}.sql}) holds directives, not statements, and its
     * name may itself be a template. Judging its text would report every directive as a parse error.
     */
    public static String templateEngine(String path, String text) {
        if (FREEMARKER.matcher(text).find()) {
            return "FreeMarker";
        }
        if (VELOCITY.matcher(text).find() && VELOCITY_END.matcher(text).find()) {
            return "Velocity";
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.contains("${") ? "code generator's" : null;
    }

    /**
     * A Liquibase formatted SQL changelog: each {@code --changeset} ends the statements before it and
     * may set its own {@code endDelimiter} or {@code splitStatements:false}.
     */
    private static List<Statement> changesets(String text, boolean escapes) {
        List<Statement> out = new ArrayList<>();
        Matcher m = CHANGESET.matcher(text);
        List<int[]> bounds = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        while (m.find()) {
            bounds.add(new int[] {m.end()});
            headers.add(m.group(1));
        }
        for (int i = 0; i < bounds.size(); i++) {
            int start = bounds.get(i)[0];
            int end = i + 1 < bounds.size() ? text.lastIndexOf('\n', bounds.get(i + 1)[0] - 1) : text.length();
            end = Math.max(start, end);
            String chunk = text.substring(start, end);
            String header = headers.get(i);
            Matcher delimiter = END_DELIMITER.matcher(header);
            List<Statement> statements = NO_SPLIT.matcher(header).find() ? whole(chunk, escapes)
                    : split(chunk, delimiter.find() ? delimiter.group(1) : ";", escapes);
            for (Statement s : statements) {
                out.add(new Statement(s.text(), start + s.offset()));
            }
        }
        return out;
    }

    /** The chunk as one statement (comments before it skipped), or nothing when it holds only comments. */
    private static List<Statement> whole(String chunk, boolean escapes) {
        List<Statement> parts = split(chunk, "\u0000", escapes);
        if (parts.isEmpty()) {
            return parts;
        }
        Statement first = parts.get(0);
        return List.of(new Statement(chunk.substring(first.offset()).strip(), first.offset()));
    }

    /**
     * The statements of a script in its dialect: split on {@code ;} and the other ends {@link #split} knows, and in a
     * SQL Server script also where T-SQL starts a statement without a terminator ({@link #tsqlStatements}).
     */
    public static List<Statement> statements(String text, SqlDialect dialect, boolean backslashEscapes) {
        List<Statement> split = split(text, ";", backslashEscapes);
        return dialect == SqlDialect.SQLSERVER ? tsqlStatements(split) : split;
    }

    /** A T-SQL statement whose body holds statements of its own: a stored unit, a control block, a MERGE. */
    private static final Pattern TSQL_BODY = Pattern.compile("(?is)\\s*(CREATE\\s+(OR\\s+ALTER\\s+)?|ALTER\\s+)"
            + "(PROC|PROCEDURE|FUNCTION|TRIGGER|VIEW)\\b|\\s*(BEGIN|DECLARE|IF|WHILE|MERGE)\\b");
    /** The words that start a T-SQL statement at a line's start after a blank line. */
    private static final Pattern TSQL_START = Pattern.compile("(?i)(UPDATE|INSERT|DELETE|SELECT|CREATE|ALTER|DROP"
            + "|TRUNCATE|EXEC|EXECUTE|GRANT)\\s");
    /**
     * The words that start one at any line's start: none that a statement may go on with on a line of its own
     * ({@code INSERT INTO t} then {@code SELECT ..} or {@code EXEC ..}; {@code UPDATE t} then {@code SET a = 1}).
     */
    private static final Pattern TSQL_LINE_START = Pattern.compile("(?i)((UPDATE|INSERT|DELETE|CREATE|ALTER|DROP|TRUNCATE"
            + "|GRANT)\\s|SET\\s+(ANSI_\\w+|QUOTED_IDENTIFIER|NOCOUNT|XACT_ABORT|IDENTITY_INSERT|ARITHABORT"
            + "|CONCAT_NULL_YIELDS_NULL|NUMERIC_ROUNDABORT|DATEFORMAT|TRANSACTION)\\b)");

    /**
     * T-SQL needs no terminator between statements, and generated SQL Server scripts (SSMS's, Liquibase's update SQL)
     * often write none: in a SQL Server script, a statement word at a line's very start, outside brackets, starts the
     * next statement (after a blank line, any such word; otherwise only words a statement cannot go on with). A
     * stored unit, a control block or a MERGE keeps its whole body.
     */
    private static List<Statement> tsqlStatements(List<Statement> statements) {
        List<Statement> out = new ArrayList<>();
        for (Statement s : statements) {
            String t = s.text();
            if (TSQL_BODY.matcher(t).lookingAt()) {
                out.add(s);
                continue;
            }
            int from = 0;
            for (int at : tsqlStarts(t)) {
                out.add(new Statement(t.substring(from, at).strip(), s.offset() + from));
                from = at;
            }
            out.add(from == 0 ? s : new Statement(t.substring(from).strip(), s.offset() + from));
        }
        return out;
    }

    /** Where statements start at a line's start in one statement's text, outside brackets, quotes and comments. */
    private static List<Integer> tsqlStarts(String t) {
        List<Integer> starts = new ArrayList<>();
        int depth = 0;
        int newlines = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\'' || c == '"' || c == '[') {
                int end = t.indexOf(c == '[' ? ']' : c, i + 1);
                i = end < 0 ? t.length() : end;
                newlines = 0;
            } else if (c == '-' && t.startsWith("--", i) || c == '/' && t.startsWith("/*", i)) {
                int end = c == '-' ? t.indexOf('\n', i) : t.indexOf("*/", i + 2);
                i = end < 0 ? t.length() : c == '-' ? end - 1 : end + 1;
                newlines = 0;
            } else if (c == '\n') {
                newlines++;
            } else if (!Character.isWhitespace(c)) {
                if (newlines >= 1 && depth == 0 && t.charAt(i - 1) == '\n'
                        && (TSQL_LINE_START.matcher(t).region(i, t.length()).lookingAt()
                        || newlines >= 2 && TSQL_START.matcher(t).region(i, t.length()).lookingAt())) {
                    starts.add(i);
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                newlines = 0;
            }
        }
        return starts;
    }

    /** A statement of a script and the offset of its first character. */
    public record Statement(String text, int offset) {
    }

    /**
     * Splits a script on its end delimiter ({@code ;} by default, {@code /} or {@code GO} for some
     * changelogs) outside quotes, comments and PostgreSQL dollar quotes; honours {@code DELIMITER x}
     * lines (MySQL) and a {@code /} line (Oracle blocks).
     *
     * @param backslashEscapes whether a backslash escapes the next character in a quoted literal (see
     *                         {@link #backslashEscapes(SqlDialect, String)})
     */
    public static List<Statement> split(String text, String endDelimiter, boolean backslashEscapes) {
        List<Statement> out = new ArrayList<>();
        String delimiter = endDelimiter == null || endDelimiter.isEmpty() ? ";" : endDelimiter;
        int start = -1;
        int i = 0;
        int n = text.length();
        StringBuilder current = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            // a no-break space (U+00A0, left by an editor after the last statement) is blank too
            if (start < 0 && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (start >= 0) {
                    current.append(text, i, end);
                }
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                if (start >= 0) {
                    current.append(text, i, end);
                }
                i = end;
                continue;
            }
            if (start < 0) {
                // a MySQL comment (# ...) or a psql meta-command (\connect db): to the end of the line
                if (c == '#' || c == '\\') {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? n : end;
                    continue;
                }
                // DELIMITER $$ (MySQL clients)
                if (text.regionMatches(true, i, "DELIMITER ", 0, 10)) {
                    int end = text.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    delimiter = text.substring(i + 10, end).strip();
                    if (delimiter.isEmpty()) {
                        delimiter = ";";
                    }
                    i = end;
                    continue;
                }
                start = i;
                int slash = delimiter.equals(";") ? plsqlBlockEnd(text, i) : -1;
                if (slash >= 0) {
                    // an Oracle PL/SQL block: its semicolons end its inner statements, the / line ends the block
                    current.append(text, i, slash);
                    add(out, current, start);
                    current.setLength(0);
                    start = -1;
                    i = slash + 1;
                    continue;
                }
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n) {
                    if (backslashEscapes && c != '`' && text.charAt(end) == '\\') {
                        end += 2;
                        continue;
                    }
                    if (text.charAt(end) == c) {
                        if (end + 1 < n && text.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(n, end + 1);
                current.append(text, i, end);
                i = end;
                continue;
            }
            // a dollar quote, unless it is the end delimiter a MySQL script chose (DELIMITER $$ ... END$$)
            if (c == '$' && !text.startsWith(delimiter, i)) {
                int close = text.indexOf('$', i + 1);
                if (close > i && text.substring(i + 1, close).matches("[A-Za-z_0-9]*")) {
                    String tag = text.substring(i, close + 1);
                    int end = text.indexOf(tag, close + 1);
                    end = end < 0 ? n : end + tag.length();
                    current.append(text, i, end);
                    i = end;
                    continue;
                }
            }
            if (text.regionMatches(true, i, delimiter, 0, delimiter.length())
                    && (!Character.isLetter(delimiter.charAt(0)) || lineOf(text, i).equalsIgnoreCase(delimiter))) {
                add(out, current, start);
                current.setLength(0);
                start = -1;
                i += delimiter.length();
                continue;
            }
            // T-SQL's batch separator (SQL Server's and Sybase's scripts): GO alone on its line ends the statement
            if ((c == 'g' || c == 'G') && i + 1 < n && (text.charAt(i + 1) == 'o' || text.charAt(i + 1) == 'O')
                    && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)))
                    && lineOf(text, i).equalsIgnoreCase("go")) {
                add(out, current, start);
                current.setLength(0);
                start = -1;
                i += 2;
                continue;
            }
            if (c == '/' && atLineAlone(text, i)) {
                add(out, current, start);
                current.setLength(0);
                start = -1;
                i++;
                continue;
            }
            current.append(c);
            i++;
        }
        add(out, current, start);
        return out;
    }

    /**
     * The words that open an Oracle PL/SQL block: an anonymous block ({@code DECLARE}, {@code BEGIN} other than a
     * transaction's) or a stored unit. T-SQL's {@code DECLARE @x} is one statement, so is PostgreSQL's
     * {@code BEGIN;}.
     */
    private static final Pattern PLSQL_BLOCK = Pattern.compile("(?is)(DECLARE\\b(?!\\s*@)|BEGIN\\b(?!\\s*(;|$|"
            + "(TRANSACTION|TRAN|WORK|ISOLATION|DEFERRED|IMMEDIATE|EXCLUSIVE|READ|DISTRIBUTED)\\b))|CREATE\\s+"
            + "(OR\\s+REPLACE\\s+)?((NON)?EDITIONABLE\\s+)?(FUNCTION|PROCEDURE|PACKAGE|TRIGGER|TYPE\\s+BODY)\\b)");
    /** A / alone on its line, or right after the block's last semicolon ({@code END;/}, as Hive's scripts write it). */
    private static final Pattern SLASH_LINE = Pattern.compile("(?m)(^|;)[ \\t]*/[ \\t]*\\r?$");
    /** A block ends in {@code END;} or {@code END name;} just before its {@code /} line. */
    private static final Pattern BLOCK_END = Pattern.compile("(?is)\\bEND(\\s+[\\w$#\".]+)?\\s*;\\s*$");
    private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$[A-Za-z_0-9]*\\$");

    /**
     * Where the Oracle PL/SQL block starting at i ends: the offset of the {@code /} alone on its line that
     * SQL*Plus and Flyway end a block with, or -1 when no block starts here or no such line follows (a
     * PostgreSQL function quotes its body in dollars and ends at its semicolon).
     */
    static int plsqlBlockEnd(String text, int i) {
        Matcher block = PLSQL_BLOCK.matcher(text).region(i, Math.min(text.length(), i + 120));
        if (!block.lookingAt()) {
            return -1;
        }
        Matcher slash = SLASH_LINE.matcher(text).region(i, text.length());
        if (!slash.find()) {
            return -1;
        }
        int end = text.indexOf('/', slash.start());
        String body = text.substring(i, end);
        return BLOCK_END.matcher(body).find() && !DOLLAR_QUOTE.matcher(body).find() ? end : -1;
    }

    private static boolean atLineAlone(String text, int i) {
        return lineOf(text, i).equals("/");
    }

    /** The stripped text of the line holding offset i. */
    private static String lineOf(String text, int i) {
        int lineStart = text.lastIndexOf('\n', i - 1) + 1;
        int lineEnd = text.indexOf('\n', i);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        return text.substring(lineStart, lineEnd).strip();
    }

    private static void add(List<Statement> out, StringBuilder current, int start) {
        String s = current.toString().strip();
        if (start >= 0 && !s.isEmpty()) {
            out.add(new Statement(s, start));
        }
    }
}
