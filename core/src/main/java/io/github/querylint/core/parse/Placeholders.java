package io.github.querylint.core.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the framework extensions that real query strings are full of into plain parameters
 * or identifiers, so that the grammars accept them. Each rewrite keeps the statement's shape.
 */
final class Placeholders {

    /** The identifier extraction writes where a dynamic part of a query was not known. */
    static final String DYNAMIC = io.github.querylint.core.query.QueryUnit.DYNAMIC_PLACEHOLDER;

    private static final Pattern SPEL_PARAM = Pattern.compile("[:?]#\\{[^}]*}");
    private static final Pattern ENTITY_NAME = Pattern.compile("#\\{\\s*#entityName\\s*}");
    /** {@code #{id}}, also with a substituted attribute: {@code #{bytes, jdbcType=${blobType}}} (Activiti). */
    private static final Pattern MYBATIS_PARAM = Pattern.compile("#\\{(?:[^{}]|\\$\\{[^}]*})*}");
    private static final Pattern MYBATIS_TEXT = Pattern.compile("\\$\\{[^}]*}");
    /** A substitution glued to the front of a name: {@code ${prefix}ACT_RU_TASK}, a table prefix or schema. */
    private static final Pattern NAME_PREFIX = Pattern.compile("(?<![\\w.$])\\$\\{[^}]*}(?=[A-Za-z_])");
    /**
     * A substitution named for paging or ordering that stands as a clause of its own ({@code ${limitBefore}
     * select RES.* ${limitBetween} from ... ${orderBy} ${limitAfter}}, the paging hooks of Activiti, Flowable and
     * Camunda), not as an operand ({@code LIMIT ${limit}}, {@code ORDER BY ${sort}}).
     */
    private static final Pattern CLAUSE_HOOK = Pattern.compile(
            "(?i)(\\b(?:limit|offset|top|fetch|first|next|by|rows|in|like|and|or|not|between|when|then|else|values|set)\\s*"
                    + "|[=<>!(,+\\-/|]\\s*)?\\$\\{\\s*(\\w*(?:limit|paging|pagination|page|order|sort)\\w*)\\s*}");
    /**
     * A substitution that stands where no operand can, between a keyword or bracket and the operand it modifies:
     * {@code select ${distinct} RES.*} or {@code count(${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd})}
     * (Camunda). It adds a keyword such as DISTINCT, no table, column or condition, and is dropped.
     */
    private static final Pattern MODIFIER_BEFORE = Pattern.compile(
            "(?i)(\\bselect\\s+|\\(\\s*)\\$\\{[^}]*}\\s+(?=[A-Za-z_*(])(?!(?:from|as|and|or|select)\\b)");
    /** The pair around one operand: {@code (${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd})}. */
    private static final Pattern MODIFIER_AROUND = Pattern.compile(
            "(?i)\\(\\s*\\$\\{[^}]*}\\s+(?!(?:and|or|not|in|is|like|between)\\b)([\\w.]+)\\s+\\$\\{[^}]*}\\s*\\)");
    /** A subquery starts right after a hook: {@code FROM ( ${limitBefore} select ...)} is no operand. */
    private static final Pattern SUBQUERY_FOLLOWS = Pattern.compile("(?i)\\s*(select|with)\\b");
    private static final Pattern BLOCK_END = Pattern.compile("\\s*(\\)|$)");
    private static final Pattern HIBERNATE_SCHEMA = Pattern.compile("\\{h-(schema|catalog|domain)}");
    /** Hibernate's native-query aliases: {@code select {p.*} from price p}, {@code {p.price}} (an hbm.xml sql-query). */
    private static final Pattern HIBERNATE_ALIAS = Pattern.compile("(?<![#$\\w])\\{([A-Za-z_]\\w*)\\.(\\*|[A-Za-z_]\\w*)}");
    private static final Pattern LIKE_SHORTHAND = Pattern.compile("'?%?(:[A-Za-z_][A-Za-z0-9_]*|\\?[0-9]*)%?'?");
    private static final Pattern LIKE_OPERAND = Pattern.compile(
            "(?i)(\\b(?:i?like)\\s+)(%?(?::[A-Za-z_][A-Za-z0-9_]*|\\?[0-9]*)%?)");

    private Placeholders() {
    }

    static String rewrite(String text) {
        String out = ENTITY_NAME.matcher(text).replaceAll("ql_entity");
        out = SPEL_PARAM.matcher(out).replaceAll(":ql_spel");
        if (out.contains("#{")) {
            out = unglue(MYBATIS_PARAM.matcher(out).replaceAll("\u0001"));
        }
        if (out.contains("${")) {
            out = clauseHooks(out);
            out = MODIFIER_AROUND.matcher(out).replaceAll("($1)");
            out = MODIFIER_BEFORE.matcher(out).replaceAll("$1");
            out = NAME_PREFIX.matcher(out).replaceAll("");
            out = MYBATIS_TEXT.matcher(out).replaceAll(DYNAMIC);
        }
        out = HIBERNATE_SCHEMA.matcher(out).replaceAll("");
        if (out.indexOf('{') >= 0) {
            out = HIBERNATE_ALIAS.matcher(out).replaceAll("$1.$2");
        }
        out = likeShorthand(out);
        return out;
    }

    /**
     * A bound value (marked by a control character) with string literals glued to it, only blanks between, becomes one
     * parameter: {@code LIKE "%"#{key}"%"} is MySQL's concatenation of adjacent strings (its driver writes the value
     * there as a literal). A scan, not a regular expression: the text may be a whole SQL dump with literals of
     * megabytes, which a regex's repeated alternation would recurse over.
     */
    static String unglue(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c != '\'' && c != '"' && c != '\u0001') {
                out.append(c);
                i++;
                continue;
            }
            // a run of literals and bound values with only blanks between them
            int runStart = i;
            int runEnd = i; // the end of the run's last literal or value
            boolean bound = false;
            int parts = 0;
            int at = i;
            while (at < n) {
                char d = text.charAt(at);
                int end;
                if (d == '\u0001') {
                    end = at + 1;
                    bound = true;
                } else if (d == '\'' || d == '"') {
                    end = literalEnd(text, at);
                    if (end < 0) {
                        break;
                    }
                } else {
                    break;
                }
                parts++;
                runEnd = end;
                at = end;
                while (at < n && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
            }
            if (parts == 0) {
                out.append(c); // an unclosed quote: the rest is left as it is
                i++;
                continue;
            }
            if (bound && parts > 1) {
                out.append('?');
            } else {
                out.append(text, runStart, runEnd);
            }
            i = runEnd;
        }
        return out.toString().replace('\u0001', '?');
    }

    /** Where the literal opening at {@code start} ends (after its closing quote), or -1 when it does not. */
    private static int literalEnd(String text, int start) {
        char quote = text.charAt(start);
        int end = SqlText.skipQuoted(text, start, quote, true);
        if (end < start + 2 || text.charAt(end - 1) != quote) {
            return -1; // never closed
        }
        for (int i = start + 1; i < end - 1; i++) {
            if (text.charAt(i) == '\u0001') {
                return -1; // a value inside quotes: no literal of its own
            }
        }
        return end;
    }

    /**
     * Paging and ordering hooks that stand as clauses of their own: one that ends the statement is the row bound
     * the caller's page puts there ({@code LIMIT ?}); one elsewhere (before SELECT, after the select list, before
     * the bound) adds no table, column or condition, and is dropped. One that is an operand stays a run-time value.
     */
    private static String clauseHooks(String text) {
        Matcher m = CLAUSE_HOOK.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String before = m.group(1) == null ? "" : m.group(1);
            if (!before.isEmpty()) {
                boolean subquery = SUBQUERY_FOLLOWS.matcher(text).region(m.end(), text.length()).lookingAt();
                m.appendReplacement(sb, Matcher.quoteReplacement(before + (subquery ? " " : DYNAMIC)));
                continue;
            }
            // the end of the statement, or of the derived table it pages: FROM (${limitBefore} select ... ${limitAfter}) RES
            boolean last = BLOCK_END.matcher(text).region(m.end(), text.length()).lookingAt();
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            boolean bound = last && !name.contains("order") && !name.contains("sort");
            m.appendReplacement(sb, bound ? " LIMIT ?" : " ");
        }
        return m.appendTail(sb).toString();
    }

    /** Spring Data's {@code LIKE %:name%} means a bound pattern; the grammars want {@code LIKE :name}. */
    private static String likeShorthand(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        Matcher m = LIKE_OPERAND.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String operand = m.group(2);
            String param = LIKE_SHORTHAND.matcher(operand).matches() ? operand.replace("%", "") : operand;
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + param));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
