package io.github.querylint.core.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/** Cheap tests on strings: does this look like a query, and in which language. */
public final class SqlText {

    private static final Pattern QUERY_START = Pattern.compile(
            "(?is)^\\s*(\\(\\s*)*(select|with|insert|update|delete|merge|from|call|\\{\\s*call|exec|execute|upsert|replace|create|alter|drop|truncate|values)\\b.*");

    private SqlText() {
    }

    /** Whether a text starts like a SQL or JPQL statement. */
    public static boolean looksLikeQuery(String text) {
        return text != null && QUERY_START.matcher(text).matches();
    }

    /** Whether a text starts like a statement that reads rows. */
    public static boolean isSelectLike(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        while (t.startsWith("(")) {
            t = t.substring(1).strip();
        }
        return t.startsWith("select") || t.startsWith("with") || t.startsWith("from") || t.startsWith("values");
    }
}
