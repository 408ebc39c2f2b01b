package io.github.querylint.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second chance for DDL JSqlParser rejects, with the parts that matter to the schema kept: real
 * migrations name columns {@code key}, {@code type} or {@code value}, write {@code DROP TABLE t IF
 * EXISTS} (HSQLDB, H2), name tables {@code settings} or {@code event}, or write {@code ALTER TABLE
 * IF EXISTS t RENAME TO u} (PostgreSQL). The rewrite quotes table names and the column names of a
 * CREATE TABLE and drops IF [NOT] EXISTS, which changes nothing the schema keeps.
 */
final class DdlRewrites {

    private static final Pattern IF_EXISTS = Pattern.compile("(?i)\\s+IF\\s+(NOT\\s+)?EXISTS\\b");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)\\s*CREATE\\s+(\\w+\\s+)*?TABLE\\b.*");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?i)(\\b(ADD|DROP|ALTER|RENAME)\\s+COLUMN\\s+|\\bTO\\s+(?=\\w+\\s*$))([A-Za-z_]\\w*)");
    /** Table names JSqlParser takes for keywords ({@code settings}, {@code event}): after TABLE, ON, RENAME TO, REFERENCES. */
    private static final Pattern TABLE_NAME = Pattern.compile("(?i)(\\bTABLE\\s+(ONLY\\s+)?|\\bRENAME\\s+TO\\s+"
            + "|\\bREFERENCES\\s+|\\bINDEX\\s+\\w+\\s+ON\\s+(ONLY\\s+)?)([A-Za-z_]\\w*)(\\.([A-Za-z_]\\w*))?");
    private static final Pattern FIRST_WORD = Pattern.compile("\\s*([A-Za-z_]\\w*)");
    /** Words that open a table constraint rather than a column. */
    private static final Set<String> CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK",
            "EXCLUDE", "LIKE", "PERIOD");
    /** MySQL's inline index definitions. */
    private static final Set<String> MYSQL_INDEXES = Set.of("KEY", "INDEX", "FULLTEXT", "SPATIAL");

    /** A constraint's check timing (Oracle, PostgreSQL): when it is checked, not what it keeps. */
    private static final Pattern DEFERRABLE = Pattern.compile(
            "(?i)\\s+(NOT\\s+)?DEFERRABLE\\b|\\s+INITIALLY\\s+(DEFERRED|IMMEDIATE)\\b");
    /** Oracle's {@code DROP TABLE t CASCADE CONSTRAINTS}: the table goes all the same. */
    private static final Pattern CASCADE_CONSTRAINTS = Pattern.compile("(?i)\\s+CASCADE\\s+CONSTRAINTS\\b");
    /** H2's, HSQLDB's and Derby's {@code ALTER COLUMN a RENAME TO b}: the standard's {@code RENAME COLUMN a TO b}. */
    private static final Pattern ALTER_COLUMN_RENAME = Pattern.compile(
            "(?i)\\bALTER\\s+COLUMN\\s+([\"`]?\\w+[\"`]?)\\s+RENAME\\s+TO\\b");
    /** The standard's {@code ALTER COLUMN c SET DATA TYPE t}: PostgreSQL's {@code ALTER COLUMN c TYPE t}. */
    private static final Pattern SET_DATA_TYPE = Pattern.compile("(?i)\\bSET\\s+DATA\\s+TYPE\\b");
    /** H2's and HSQLDB's {@code ID IDENTITY}: a generated BIGINT. */
    private static final Pattern IDENTITY_TYPE = Pattern.compile("(?i)([(,]\\s*\"?\\w+\"?\\s+)IDENTITY\\b(?!\\s*\\()");
    /** H2's {@code CREATE LOCAL TEMPORARY TABLE}. */
    private static final Pattern LOCAL_TEMPORARY = Pattern.compile("(?i)\\bLOCAL\\s+(?=TEMP(ORARY)?\\s+TABLE\\b)");

    /** MySQL's {@code DROP FOREIGN KEY fk} and {@code DROP KEY idx}: the standard's {@code DROP CONSTRAINT}, DROP INDEX. */
    private static final Pattern DROP_FOREIGN_KEY = Pattern.compile("(?i)\\bDROP\\s+FOREIGN\\s+KEY\\b");
    private static final Pattern DROP_KEY = Pattern.compile("(?i)\\bDROP\\s+KEY\\b");

    /**
     * H2's {@code ADD [CONSTRAINT c] CHECK expr}, which ends the statement: the standard brackets the condition, and
     * JSqlParser wants the constraint named. A check keeps no column and no key, so its name changes nothing kept.
     */
    private static final Pattern BARE_CHECK = Pattern.compile(
            "(?is)\\bADD\\s+(CONSTRAINT\\s+[\"`]?\\w+[\"`]?\\s+)?CHECK\\s+(?!\\()(.+?)\\s*$");

    /**
     * SQL Server's storage clauses, as SSMS scripts them: an index's {@code WITH (PAD_INDEX = OFF, ..)}, the filegroup
     * ({@code ON [PRIMARY]}, {@code TEXTIMAGE_ON [PRIMARY]}), {@code CLUSTERED} keys, and {@code WITH CHECK ADD}: where
     * and how a table is stored, not what it holds.
     */
    private static final Pattern MSSQL_INDEX_OPTIONS = Pattern.compile(
            "(?i)\\bWITH\\s*\\(\\s*(PAD_INDEX|FILLFACTOR|STATISTICS_NORECOMPUTE|IGNORE_DUP_KEY|ALLOW_ROW_LOCKS"
                    + "|ALLOW_PAGE_LOCKS|DATA_COMPRESSION|OPTIMIZE_FOR_SEQUENTIAL_KEY|SORT_IN_TEMPDB|ONLINE|DROP_EXISTING)"
                    + "\\b[^()]*\\)");
    private static final Pattern MSSQL_FILEGROUP = Pattern.compile(
            "(?i)\\s+(TEXTIMAGE_)?ON\\s+(\\[PRIMARY]|\"PRIMARY\"|PRIMARY)(?=\\s*($|[,)]|TEXTIMAGE_ON\\b))");
    private static final Pattern MSSQL_CLUSTERED = Pattern.compile("(?i)\\b(PRIMARY\\s+KEY|UNIQUE)\\s+(NON)?CLUSTERED\\b");
    private static final Pattern MSSQL_CHECK_ADD = Pattern.compile("(?i)\\bWITH\\s+(NO)?CHECK\\s+(?=ADD\\b)");

    /** MySQL's and Oracle's {@code ALTER TABLE t ADD (CONSTRAINT fk FOREIGN KEY ..)}: one constraint in brackets. */
    private static final Pattern BRACKETED_CONSTRAINT = Pattern.compile(
            "(?is)(\\bADD\\s*)\\(\\s*((?:CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK)\\b.*)\\)\\s*$");

    /**
     * {@code CREATE INDEX i ON t (a, b)} and what a dialect writes after the column list: Oracle's {@code LOCAL} or
     * {@code TABLESPACE ..} of a partitioned table's index, {@code ONLINE}, {@code COMPUTE STATISTICS}. Where the index
     * is kept, not which columns lead it.
     */
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?is)\\s*CREATE\\s+(UNIQUE\\s+|BITMAP\\s+)?INDEX\\s+[^\\s(]+\\s+ON\\s+[^\\s(]+\\s*\\(.*");

    /** A comma left before the closing bracket of a column list, which H2 lets pass. */
    private static final Pattern TRAILING_COMMA = Pattern.compile(",(\\s*\\))");

    private DdlRewrites() {
    }

    /** The relaxed text, or the text itself when nothing applies. */
    static String relax(String sql, SqlDialect dialect) {
        String text = IF_EXISTS.matcher(sql).replaceAll("");
        text = DEFERRABLE.matcher(text).replaceAll("");
        text = CASCADE_CONSTRAINTS.matcher(text).replaceAll("");
        text = ALTER_COLUMN_RENAME.matcher(text).replaceAll("RENAME COLUMN $1 TO");
        text = SET_DATA_TYPE.matcher(text).replaceAll("TYPE");
        text = IDENTITY_TYPE.matcher(text).replaceAll("$1BIGINT");
        text = LOCAL_TEMPORARY.matcher(text).replaceAll("");
        text = MSSQL_INDEX_OPTIONS.matcher(text).replaceAll("");
        text = MSSQL_FILEGROUP.matcher(text).replaceAll("");
        text = MSSQL_CLUSTERED.matcher(text).replaceAll("$1");
        text = MSSQL_CHECK_ADD.matcher(text).replaceAll("");
        text = TRAILING_COMMA.matcher(text).replaceAll("$1");
        Matcher bracketed = BRACKETED_CONSTRAINT.matcher(text);
        if (bracketed.find() && Parentheses.singleElement(bracketed.group(2))) {
            text = text.substring(0, bracketed.start()) + bracketed.group(1) + bracketed.group(2);
        }
        text = BARE_CHECK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                "ADD " + (m.group(1) == null ? "CONSTRAINT unnamed_check " : m.group(1)) + "CHECK (" + m.group(2) + ")"));
        text = DROP_FOREIGN_KEY.matcher(text).replaceAll("DROP CONSTRAINT");
        text = DROP_KEY.matcher(text).replaceAll("DROP INDEX");
        String quote = dialect == SqlDialect.MYSQL || dialect == SqlDialect.MARIADB ? "`" : "\"";
        text = ADD_COLUMN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + quote + m.group(3) + quote));
        text = TABLE_NAME.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + quote + m.group(4) + quote
                + (m.group(6) == null ? "" : "." + quote + m.group(6) + quote)));
        if (CREATE_TABLE.matcher(text).matches()) {
            text = quoteColumns(text, quote, dialect == SqlDialect.MYSQL || dialect == SqlDialect.MARIADB);
        } else if (CREATE_INDEX.matcher(text).matches()) {
            int close = Parentheses.closing(text, text.indexOf('(', text.toUpperCase(Locale.ROOT).indexOf(" ON ")));
            if (close > 0) {
                text = text.substring(0, close + 1);
            }
        }
        return text;
    }

    /**
     * Quotes the first word of every column definition of the outermost parentheses, and drops what follows them
     * unless it is a query ({@code AS SELECT ..}): the table's storage and partitioning (Oracle's
     * {@code PARTITION BY RANGE (d) INTERVAL (..) (..)}, {@code TABLESPACE}, {@code ORGANIZATION INDEX}, PostgreSQL's
     * {@code PARTITION BY}, {@code WITH (fillfactor = ..)}), which keep no column and no key.
     */
    private static String quoteColumns(String sql, String quote, boolean mysql) {
        int open = sql.indexOf('(');
        if (open < 0) {
            return sql;
        }
        List<int[]> elements = Parentheses.elements(sql, open);
        if (elements.isEmpty()) {
            return sql;
        }
        int close = elements.get(elements.size() - 1)[1];
        List<String> texts = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<Boolean> constraint = new ArrayList<>();
        for (int[] range : elements) {
            String element = sql.substring(range[0], range[1]);
            Matcher m = FIRST_WORD.matcher(element);
            boolean column = false;
            if (m.lookingAt()) {
                String word = m.group(1).toUpperCase(Locale.ROOT);
                if (!CONSTRAINTS.contains(word) && !(mysql && MYSQL_INDEXES.contains(word))) {
                    element = element.substring(0, m.start(1)) + quote + m.group(1) + quote + element.substring(m.end(1));
                    columns.add(m.group(1));
                    column = true;
                }
            }
            texts.add(element);
            constraint.add(!column);
        }
        StringBuilder out = new StringBuilder(sql.substring(0, open + 1));
        for (int e = 0; e < texts.size(); e++) {
            String element = texts.get(e);
            if (constraint.get(e)) {
                // the same names in a constraint's column list: PRIMARY KEY (key)
                for (String column : columns) {
                    element = Pattern.compile("(?i)([(,]\\s*)(" + Pattern.quote(column) + ")(\\s*(ASC\\s*|DESC\\s*)?[,)])")
                            .matcher(element).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + quote + m.group(2) + quote + m.group(3)));
                }
            }
            out.append(element).append(e + 1 < texts.size() ? "," : "");
        }
        String tail = sql.substring(close + 1).strip();
        boolean query = tail.regionMatches(true, 0, "AS", 0, 2) || tail.regionMatches(true, 0, "SELECT", 0, 6);
        return out.append(query ? sql.substring(close) : ")").toString();
    }
}
