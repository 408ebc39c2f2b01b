package io.github.querylint.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks at SQL text before and around JSqlParser: its leading words, the words outside literals
 * and comments, and the small repairs that let the grammar accept what databases accept.
 */
final class SqlText {

    /**
     * Words JSqlParser 5.4 reserves that real schemas use as column names or aliases ({@code uuid} in OpenMRS,
     * {@code settings} in ThingsBoard, {@code script} in Flyway's history table, {@code map} as a table alias in
     * Fineract). Quoted, they parse.
     */
    static final Set<String> RESERVED_COLUMN_NAMES = Set.of("uuid", "script", "settings", "statement", "unknown",
            "number", "current", "output", "returns", "map");

    /** Leading words of statements whose shape no rule reads: schema changes and session commands. */
    private static final Set<String> DDL_WORDS = Set.of("create", "alter", "drop", "truncate", "comment", "rename",
            "grant", "revoke");
    private static final Set<String> SCHEMA_OBJECTS = Set.of("index", "sequence", "function", "procedure",
            "trigger", "alias", "schema", "database", "user", "role", "type", "domain", "extension", "event",
            "package", "synonym", "constant", "aggregate", "operator", "policy", "rule", "tablespace", "publication",
            "subscription", "server", "collation", "cast", "language", "statistics");
    // T-SQL's IF EXISTS (SELECT ..) BEGIN DROP TRIGGER .. END and WHILE: control flow, its SELECT only a probe
    private static final Set<String> COMMAND_WORDS = Set.of("if", "while", "lock", "unlock", "set", "use", "flush", "do", "begin",
            "commit", "rollback", "savepoint", "release", "start", "end", "delimiter", "analyze", "analyse", "vacuum",
            "show", "describe", "desc", "pragma", "checkpoint", "shutdown", "declare", "reindex", "cluster", "refresh",
            "discard", "reset", "listen", "notify", "unlisten", "kill", "optimize", "repair", "load", "copy", "purge",
            "runscript", "script", "backup", "restore", "go", "print", "raiserror", "dbcc", "exit", "quit", "source",
            "prompt", "spool", "whenever", "execute", "exec", "call", "prepare", "deallocate",
            // the statements of a procedure's body that a script without DELIMITER splits at each semicolon
            "open", "close", "fetch", "leave", "iterate", "loop", "repeat", "until", "return", "else", "elseif", "elsif",
            "signal", "resignal", "raise", "perform", "goto", "get");
    /** A label before a loop or block of a procedure's body ({@code loopc1: LOOP FETCH ..}). */
    private static final Pattern LABEL = Pattern.compile("(?i)^\\s*[a-z_][\\w$]*\\s*:\\s*(loop|while|repeat|begin|for)\\b");

    /** Run-time parts side by side, spaced or glued ({@code ${datepart2}${date}${datepart3}}): one unknown part. */
    private static final Pattern DYNAMIC_RUN = Pattern.compile("\\b" + Placeholders.DYNAMIC + "(\\s*"
            + Placeholders.DYNAMIC + ")+\\b");
    /** MySQL's {@code SELECT ... INTO @var} at the end of a statement: a script assignment, not a result. */
    private static final Pattern MYSQL_INTO_VARIABLES = Pattern.compile(
            "(?is)\\s+INTO\\s+@[\\w$]+(\\s*,\\s*@[\\w$]+)*\\s*$");

    /**
     * SQL Server's table hints, {@code WITH (UPDLOCK, ROWLOCK)}, {@code WITH (FORCESEEK)}: how to lock or seek, no name
     * or condition; the grammar knows few of them.
     */
    private static final Pattern TSQL_TABLE_HINTS;

    static {
        String hint = "(?:NOLOCK|HOLDLOCK|UPDLOCK|XLOCK|ROWLOCK|PAGLOCK|TABLOCKX?|READPAST|READUNCOMMITTED|READCOMMITTED"
                + "(?:LOCK)?|REPEATABLEREAD|SERIALIZABLE|NOWAIT|FORCESEEK|FORCESCAN|NOEXPAND|SNAPSHOT"
                + "|INDEX\\s*(?:\\(\\s*[\\w\\s,]+\\)|=\\s*\\w+))";
        TSQL_TABLE_HINTS = Pattern.compile("(?i)\\bWITH\\s*\\(\\s*" + hint + "(?:\\s*,?\\s*" + hint + ")*\\s*\\)");
    }

    /** T-SQL's {@code DELETE TOP (n) FROM}: a write, bounded. */
    private static final Pattern TSQL_DELETE_TOP = Pattern.compile("(?i)^\\s*DELETE\\s+TOP\\s*\\([^)]*\\)\\s*(?:PERCENT\\s+)?");
    /** T-SQL's {@code OUTPUT inserted.Id, deleted.*} of a write, without {@code INTO}: the rows the write touched. */
    private static final Pattern TSQL_OUTPUT = Pattern.compile(
            "(?i)\\s+OUTPUT\\s+(?:inserted|deleted|\\$action)(?:\\.[\\w*\\[\\]]+)?(?:\\s+AS\\s+\\w+)?"
                    + "(?:\\s*,\\s*(?:inserted|deleted)\\.[\\w*\\[\\]]+(?:\\s+AS\\s+\\w+)?)*(?=\\s|;|$)");
    /** T-SQL's {@code MERGE target} without INTO. */
    private static final Pattern TSQL_MERGE = Pattern.compile("(?i)^\\s*MERGE\\s+(?!INTO\\b)(?=[\\w\\[])");
    /** T-SQL's {@code WHEN NOT MATCHED BY TARGET}: the standard's {@code WHEN NOT MATCHED}. */
    private static final Pattern BY_TARGET = Pattern.compile("(?i)NOT\\s+MATCHED\\s+BY\\s+TARGET");

    /** PostgreSQL's {@code VARIADIC} before a function's last argument: how the array is passed, not what it holds. */
    private static final Pattern VARIADIC = Pattern.compile("(?i)\\bVARIADIC\\s+(?=[\\w(:?])");

    /** MySQL's older spelling of {@code FOR SHARE}, at the end of a SELECT. */
    private static final Pattern MYSQL_SHARE_MODE = Pattern.compile("(?is)\\s+LOCK\\s+IN\\s+SHARE\\s+MODE\\s*$");
    /**
     * H2's upsert {@code MERGE INTO t (a, b) KEY (a) VALUES (...)} (no USING): for the rules, the insert it may be.
     * JSqlParser reads only the standard MERGE ... USING.
     */
    private static final Pattern H2_MERGE = Pattern.compile(
            "(?is)^\\s*MERGE\\s+INTO\\s+([\\w.\"`\\[\\]]+)\\s*(\\([^)]*\\))?\\s*(?:KEY\\s*\\([^)]*\\)\\s*)?(VALUES|SELECT|WITH)\\b");

    private SqlText() {
    }

    /** A word of the text outside literals, quoted identifiers and comments. */
    record Word(String text, int start, int end) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The text without a byte-order mark and trailing semicolons, and with Hibernate's escaped colons written as
     * colons ({@code (:data)\:\:jsonb} is the cast {@code ::jsonb}, not a parameter).
     */
    static String clean(String sql) {
        String s = sql.indexOf('\\') >= 0 ? sql.replace("\\:", ":") : sql;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        s = s.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static final Set<String> STRUCTURE_WORDS = Set.of("select", "distinct", "all", "from", "where", "and", "or",
            "not", "order", "group", "by", "having", "limit", "offset", "fetch", "first", "next", "rows", "row", "only",
            "join", "left", "right", "inner", "outer", "full", "cross", "on", "as", "asc", "desc", "union", "top");

    /**
     * Whether all the text knows of the query are the words of its structure ({@code ql_dynamic LIMIT ? OFFSET ?},
     * {@code ql_dynamic SELECT ql_dynamic WHERE ql_dynamic}): a generic search builder's output, whose tables,
     * columns and conditions all come at run time. There is no statement to judge, only a skeleton.
     */
    static boolean structureOnly(String text) {
        if (text.indexOf('\'') >= 0 || !text.contains(Placeholders.DYNAMIC)) {
            return false;
        }
        for (Word w : words(text, false)) {
            if (!w.lower().equals(Placeholders.DYNAMIC) && !STRUCTURE_WORDS.contains(w.lower())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two unknown fragments side by side ({@code ORDER BY ${column} ${direction}}) are one unknown
     * fragment as far as the shape goes.
     */
    static String collapseDynamicRuns(String text) {
        return text.contains(Placeholders.DYNAMIC) ? DYNAMIC_RUN.matcher(text).replaceAll(Placeholders.DYNAMIC) : text;
    }

    /** Whether the text holds no word of its own: it is entirely built at run time. */
    static boolean wholeDynamic(String text) {
        List<Word> words = words(text, false);
        return !words.isEmpty() && words.stream().allMatch(w -> w.lower().equals(Placeholders.DYNAMIC));
    }

    /**
     * The kind of a statement no rule judges, read from its leading words, or null when the
     * statement may hold a query (a view, {@code CREATE TABLE ... AS SELECT}, a plain SELECT).
     */
    static StatementKind unjudgedKind(String text) {
        List<Word> words = words(text, false);
        if (words.isEmpty()) {
            return null;
        }
        String first = words.get(0).lower();
        boolean selects = words.stream().anyMatch(w -> w.lower().equals("select"));
        if (first.equals("create") || first.equals("alter")) {
            // CREATE [OR REPLACE] [MATERIALIZED] VIEW and CREATE TABLE ... AS SELECT hold a query
            for (int i = 1; i < Math.min(words.size(), 6); i++) {
                String w = words.get(i).lower();
                if (w.equals("view")) {
                    return null;
                }
                if (w.equals("table")) {
                    return selects ? null : StatementKind.DDL;
                }
                if (SCHEMA_OBJECTS.contains(w)) {
                    return StatementKind.DDL;
                }
            }
            return selects ? null : StatementKind.DDL;
        }
        if (DDL_WORDS.contains(first)) {
            return StatementKind.DDL;
        }
        if (COMMAND_WORDS.contains(first) || LABEL.matcher(text).find()) {
            if (first.equals("execute") || first.equals("exec") || first.equals("call")) {
                return StatementKind.CALL;
            }
            return StatementKind.OTHER;
        }
        return null;
    }

    /**
     * Whether a statement only writes literal rows: {@code INSERT} or {@code REPLACE} with
     * {@code VALUES}, and no {@code SELECT} outside its literals (read with MySQL's backslash
     * escapes when the text has a backslash before a quote, as data dumps do).
     */
    static boolean writesValuesOnly(String text) {
        List<Word> words = words(text, text.contains("\\'"));
        if (words.isEmpty()) {
            return false;
        }
        String first = words.get(0).lower();
        if (!first.equals("insert") && !first.equals("replace")) {
            return false;
        }
        // Oracle's multi-table insert of literal rows ends in the SELECT it needs: INSERT ALL INTO t VALUES (..)
        // INTO t VALUES (..) SELECT * FROM dual
        boolean multiTable = words.size() > 1 && (words.get(1).lower().equals("all") || words.get(1).lower().equals("first"))
                && first.equals("insert");
        boolean values = false;
        for (int i = 0; i < words.size(); i++) {
            String lower = words.get(i).lower();
            if (lower.equals("select")) {
                return multiTable && values && readsDualOnly(words.subList(i + 1, words.size()));
            }
            values |= lower.equals("values") || lower.equals("value");
        }
        return values;
    }

    /** Whether the words after a SELECT read only Oracle's one-row {@code dual}: {@code * FROM dual}, {@code 1 FROM dual}. */
    private static boolean readsDualOnly(List<Word> rest) {
        int from = -1;
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).lower().equals("from")) {
                from = i;
                break;
            }
        }
        return from >= 0 && from == rest.size() - 2 && rest.get(from + 1).lower().equals("dual");
    }

    /**
     * Repairs that keep the statement's meaning: reserved words used as column names are quoted,
     * a trailing MySQL {@code INTO @variable} is dropped, MySQL's {@code LOCK IN SHARE MODE} is written
     * {@code FOR SHARE}, and H2's {@code MERGE INTO t (...) KEY (...) VALUES} is read as the insert it may be.
     * Returns the text unchanged when none applies.
     */
    static String repair(String text) {
        String out = MYSQL_INTO_VARIABLES.matcher(text).replaceAll("");
        out = MYSQL_SHARE_MODE.matcher(out).replaceAll(" FOR SHARE");
        Matcher merge = H2_MERGE.matcher(out);
        if (merge.find()) {
            out = "INSERT INTO " + merge.group(1) + " " + (merge.group(2) == null ? "" : merge.group(2) + " ")
                    + merge.group(3) + out.substring(merge.end());
        }
        out = VARIADIC.matcher(out).replaceAll("");
        out = TSQL_TABLE_HINTS.matcher(out).replaceAll(" ");
        out = TSQL_DELETE_TOP.matcher(out).replaceAll("DELETE ");
        out = TSQL_OUTPUT.matcher(out).replaceAll(" ");
        out = TSQL_MERGE.matcher(out).replaceAll("MERGE INTO ");
        out = BY_TARGET.matcher(out).replaceAll("NOT MATCHED");
        out = dynamicFragments(out);
        return quoteReservedColumns(out);
    }

    /**
     * {@code :name} parameters outside literals as {@code ?}: a name the grammar keeps as a word of its own
     * ({@code errorcodes = :errors} in DHIS2) stops the parse. The last resort of a parse: a parameter's name tells
     * which comparisons share a value ({@code :s is null or status = :s}). PostgreSQL's {@code ::} cast stays.
     */
    static String namedParametersAsMarks(String text) {
        StringBuilder sb = null;
        int last = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(text, i, c, false);
            } else if (c == ':' && i + 1 < n && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '_')
                    && (i == 0 || text.charAt(i - 1) != ':' && !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                sb = sb == null ? new StringBuilder(n) : sb;
                sb.append(text, last, i).append('?');
                last = end;
                i = end;
            } else {
                i++;
            }
        }
        return sb == null ? text : sb.append(text, last, n).toString();
    }

    /** Words after which a {@code ql_dynamic} is an operand, not a fragment of its own. */
    private static final Set<String> OPERAND_BEFORE = Set.of("and", "or", "not", "where", "on", "having", "select",
            "from", "join", "by", "set", "when", "then", "else", "in", "is", "like", "ilike", "as", "distinct", "case",
            "between", "exists", "union", "all", "any", "some", "into", "values", "update", "limit", "offset", "top",
            "escape", "interval", "using", "with", "table", "delete", "insert", "over", "partition");
    private static final Set<String> CLAUSES = Set.of("select", "from", "join", "where", "having", "on", "group",
            "order", "limit", "set", "values");

    /**
     * A run-time fragment that follows a complete predicate ({@code AND status = ? ${dataScope}},
     * RuoYi's data-scope filter) is an extra predicate nobody can read: it becomes {@code AND ql_dynamic}.
     * After FROM it becomes the WHERE clause it most likely is. After ORDER BY it is most often the
     * dialect's paging ({@code + sqlGenerator.limit(10000, 0)} in Fineract), so it becomes
     * {@code LIMIT ql_dynamic}, a parameter bound: a missed sort direction costs less than a false
     * unbounded-result. In GROUP BY it is dropped.
     */
    static String dynamicFragments(String text) {
        return dynamicFragments(text, false);
    }

    /**
     * {@link #dynamicFragments(String)} for JPQL/HQL ({@code "from Result r where r.sent = false" + restrictions()}
     * in DHIS2): an unknown predicate is written {@code ql_dynamic = true}, the form the JPQL shape reads as a
     * condition built at run time, and a fragment after ORDER BY is dropped, not taken for a bound.
     */
    static String dynamicFragments(String text, boolean jpql) {
        if (!text.contains(Placeholders.DYNAMIC)) {
            return text;
        }
        List<Word> words = words(text, false);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int last = 0;
        for (int i = 1; i < words.size(); i++) {
            Word w = words.get(i);
            if (!w.lower().equals(Placeholders.DYNAMIC) || !afterCompleteOperand(text, words, i)) {
                continue;
            }
            String clause = "";
            for (int j = i - 1; j >= 0 && clause.isEmpty(); j--) {
                if (CLAUSES.contains(words.get(j).lower())) {
                    clause = words.get(j).lower();
                }
            }
            String predicate = jpql ? Placeholders.DYNAMIC + " = true" : Placeholders.DYNAMIC;
            // JOIN d ON u.dept_id = d.id ${ew.customSqlSegment}: at the statement's end (or before its ORDER BY), a
            // fragment after an ON is the WHERE MyBatis-Plus writes, not one more join condition
            boolean tail = (i + 1 == words.size() || Set.of("order", "group", "limit").contains(words.get(i + 1).lower()))
                    && words.stream().noneMatch(x -> x.lower().equals("where")); // with a WHERE of its own, one more condition
            String replacement = switch (clause) {
                case "on" -> tail && !jpql ? "WHERE " + predicate : "AND " + predicate;
                case "where", "having" -> "AND " + predicate;
                case "from", "join" -> "WHERE " + predicate;
                case "order" -> jpql ? "" : "LIMIT " + Placeholders.DYNAMIC;
                case "group" -> "";
                // UPDATE t SET a = ? + whereClause: the fragment is the WHERE, unless one is written after it
                case "set" -> laterWord(words, i, "where") ? null : "WHERE " + predicate;
                // "select count(*) as n " + fromClause(params) + whereClause(params): the FROM and WHERE built at run time
                case "select" -> jpql || laterWord(words, i, "from") ? null
                        : "FROM " + Placeholders.DYNAMIC + " WHERE " + predicate;
                default -> null;
            };
            if (replacement != null) {
                sb.append(text, last, w.start()).append(replacement);
                last = w.end();
            }
        }
        return last == 0 ? text : sb.append(text, last, text.length()).toString();
    }

    private static boolean laterWord(List<Word> words, int index, String word) {
        for (int j = index + 1; j < words.size(); j++) {
            if (words.get(j).lower().equals(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean afterCompleteOperand(String text, List<Word> words, int index) {
        int before = words.get(index).start() - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        if (before < 0) {
            return false;
        }
        char c = text.charAt(before);
        if (c == '?' || c == ')' || c == '\'' || c == '"' || c == '`' || Character.isDigit(c)) {
            return true;
        }
        if (Character.isLetter(c) || c == '_') {
            int start = before;
            while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
                start--;
            }
            if (start > 0 && text.charAt(start - 1) == ':' && (start < 2 || text.charAt(start - 2) != ':')) {
                return true; // a named parameter: c.kind = :kind ${extra}
            }
            Word previous = words.get(index - 1);
            return previous.end() == before + 1 && !OPERAND_BEFORE.contains(previous.lower());
        }
        return false;
    }

    private static String quoteReservedColumns(String text) {
        List<Word> words = words(text, true);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int last = 0;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (!RESERVED_COLUMN_NAMES.contains(w.lower()) || !identifierPosition(text, words, i)) {
                continue;
            }
            sb.append(text, last, w.start()).append('`').append(w.text()).append('`');
            last = w.end();
        }
        return last == 0 ? text : sb.append(text, last, text.length()).toString();
    }

    /**
     * Whether a reserved word stands where a column or table name would: after FROM, JOIN, UPDATE or INTO, or
     * not a function call, not a cast target, and followed by an operator, punctuation, the end, or a clause word.
     */
    private static boolean identifierPosition(String text, List<Word> words, int index) {
        Word w = words.get(index);
        int after = skipSpace(text, w.end());
        if (after < text.length() && text.charAt(after) == '(') {
            return false; // uuid(), current(...)
        }
        int before = w.start() - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        if (before >= 1 && text.charAt(before) == ':' && text.charAt(before - 1) == ':') {
            return false; // x::uuid
        }
        if (before >= 0 && text.charAt(before) == '.') {
            return true; // t.uuid
        }
        if (index > 0 && TABLE_BEFORE.contains(words.get(index - 1).lower()) && words.get(index - 1).end() == before + 1) {
            return true; // FROM settings s, JOIN settings s: a table, whatever follows
        }
        if (index > 0 && words.get(index - 1).lower().equals("as") && after < text.length()
                && text.charAt(after) == ')') {
            return false; // CAST(x AS uuid)
        }
        if (after >= text.length()) {
            return true;
        }
        char next = text.charAt(after);
        if (!Character.isLetterOrDigit(next) && next != '_' && next != '"' && next != '`' && next != '\'') {
            return true;
        }
        if (index + 1 < words.size() && words.get(index + 1).start() == after) {
            return CLAUSE_WORDS.contains(words.get(index + 1).lower());
        }
        return false;
    }

    /** Words after which a name is a table's. */
    private static final Set<String> TABLE_BEFORE = Set.of("from", "join", "update", "into");

    private static final Set<String> CLAUSE_WORDS = Set.of("from", "where", "and", "or", "is", "in", "not", "like",
            "ilike", "between", "as", "asc", "desc", "nulls", "order", "group", "having", "limit", "offset", "union",
            "join", "on", "then", "else", "end", "when", "for", "fetch");

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The words of the text outside string literals, quoted identifiers and comments.
     *
     * @param backslashEscapes whether a backslash escapes a quote inside a literal (MySQL)
     */
    static List<Word> words(String text, boolean backslashEscapes) {
        List<Word> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(text, i, c, backslashEscapes && c == '\'');
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '$')) {
                    i++;
                }
                boolean partOfNumberOrParameter = start > 0 && (Character.isDigit(text.charAt(start - 1))
                        || text.charAt(start - 1) == ':' && (start < 2 || text.charAt(start - 2) != ':')
                        || text.charAt(start - 1) == '@' || text.charAt(start - 1) == '$');
                if (!partOfNumberOrParameter) {
                    out.add(new Word(text.substring(start, i), start, i));
                }
            } else {
                i++;
            }
        }
        return out;
    }

    /** Where the literal or quoted name opened at {@code open} ends (after its quote), or the text's length. */
    static int skipQuoted(String text, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
