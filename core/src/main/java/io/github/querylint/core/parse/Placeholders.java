package io.github.querylint.core.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the framework extensions that real query strings are full of into plain parameters
 * or identifiers, so that the grammars accept them. Each rewrite keeps the statement's shape.
 */
final class Placeholders {

    /** The identifier extraction writes where a dynamic part of a query was not known. */
    static final String DYNAMIC = "ql_dynamic";

    private static final Pattern SPEL_PARAM = Pattern.compile("[:?]#\\{[^}]*}");
    private static final Pattern ENTITY_NAME = Pattern.compile("#\\{\\s*#entityName\\s*}");
    private static final Pattern MYBATIS_PARAM = Pattern.compile("#\\{[^}]*}");
    private static final Pattern MYBATIS_TEXT = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern HIBERNATE_SCHEMA = Pattern.compile("\\{h-(schema|catalog|domain)}");
    private static final Pattern LIKE_SHORTHAND = Pattern.compile("'?%?(:[A-Za-z_][A-Za-z0-9_]*|\\?[0-9]*)%?'?");
    private static final Pattern LIKE_OPERAND = Pattern.compile(
            "(?i)(\\b(?:i?like)\\s+)(%?(?::[A-Za-z_][A-Za-z0-9_]*|\\?[0-9]*)%?)");

    private Placeholders() {
    }

    static String rewrite(String text) {
        String out = ENTITY_NAME.matcher(text).replaceAll("ql_entity");
        out = SPEL_PARAM.matcher(out).replaceAll(":ql_spel");
        out = MYBATIS_PARAM.matcher(out).replaceAll("?");
        out = MYBATIS_TEXT.matcher(out).replaceAll(DYNAMIC);
        out = HIBERNATE_SCHEMA.matcher(out).replaceAll("");
        out = likeShorthand(out);
        return out;
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
