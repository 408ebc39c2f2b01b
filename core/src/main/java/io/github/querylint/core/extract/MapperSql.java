package io.github.querylint.core.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces MyBatis dynamic SQL ({@code <where>}, {@code <if>}, {@code <choose>}, {@code <foreach>},
 * {@code <trim>}, {@code <set>}) to a skeleton: the text of every branch kept, the tags removed,
 * and a note of whether the WHERE clause may vanish at run time.
 */
public final class MapperSql {

    /**
     * @param text              the SQL skeleton
     * @param dynamic           whether {@code ${...}} text substitution occurs
     * @param filterConditional whether every predicate sits in a conditional tag, so the query may run unfiltered
     */
    public record Flat(String text, boolean dynamic, boolean filterConditional) {
    }

    private static final Pattern TAG = Pattern.compile("<(/?)(\\w+)([^>]*)>");

    private MapperSql() {
    }

    public static Flat flatten(String xmlish) {
        if (xmlish.indexOf('<') < 0) {
            return new Flat(xmlish, xmlish.contains("${"), false);
        }
        StringBuilder out = new StringBuilder();
        Matcher m = TAG.matcher(xmlish);
        int last = 0;
        int conditionalDepth = 0;
        boolean inWhere = false;
        boolean whereHasUnconditional = false;
        boolean sawWhere = false;
        boolean chooseOtherwise = false;
        while (m.find()) {
            String chunk = xmlish.substring(last, m.start());
            out.append(chunk);
            if (inWhere && conditionalDepth == 0 && !chunk.isBlank()) {
                whereHasUnconditional = true;
            }
            last = m.end();
            boolean closing = !m.group(1).isEmpty();
            String tag = m.group(2).toLowerCase(java.util.Locale.ROOT);
            switch (tag) {
                case "where" -> {
                    if (!closing) {
                        out.append(" WHERE 1=1 AND ");
                        inWhere = true;
                        sawWhere = true;
                    } else {
                        inWhere = false;
                        out.append(' ');
                    }
                }
                case "if", "when" -> {
                    conditionalDepth += closing ? -1 : 1;
                    out.append(' ');
                }
                case "otherwise" -> {
                    if (!closing && inWhere) {
                        chooseOtherwise = true;
                    }
                    out.append(' ');
                }
                case "foreach" -> out.append(closing ? " " : " ");
                default -> out.append(' ');
            }
        }
        out.append(xmlish.substring(last));
        String text = out.toString()
                .replaceAll("(?i)WHERE 1=1 AND\\s+(AND|OR)\\s", "WHERE 1=1 AND ")
                .replaceAll("(?i)\\s+(AND|OR)\\s*(\\)|$|ORDER|GROUP|LIMIT)", " $2")
                .replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
        text = joinBranches(text);
        boolean conditional = sawWhere && !whereHasUnconditional && !chooseOtherwise;
        return new Flat(text, text.contains("${"), conditional);
    }

    /** Consecutive predicates of several kept branches are joined with AND so the text parses. */
    private static String joinBranches(String text) {
        return text.replaceAll("(?i)(\\?|'[^']*'|\\))\\s+(?=(?!AND\\b|OR\\b|ORDER\\b|GROUP\\b|LIMIT\\b|OFFSET\\b|FETCH\\b|HAVING\\b|UNION\\b|FOR\\b|\\))[A-Za-z_][\\w.]*\\s*(=|<|>|!=|<>|LIKE|IN|IS|BETWEEN|NOT)\\b)", "$1 AND ");
    }
}
