package io.github.querylint.core.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/** Cheap tests on strings: does this look like a query, and in which language. */
public final class SqlText {

    private static final Pattern QUERY_START = Pattern.compile(
            "(?is)^\\s*(\\(\\s*)*(select|with|insert|update|delete|merge|from|call|\\{\\s*call|exec|execute|upsert|replace|create|alter|drop|truncate|values)\\b.*");

    /**
     * The shape of a statement, not only its first word: "Update failed for user" and "Select a
     * country" start with keywords but are no SQL.
     */
    private static final Pattern SQL_SHAPE = Pattern.compile("(?is)^\\s*(\\(\\s*)*("
            + "select\\s+\\S.*\\bfrom\\s|select\\s+(distinct\\s+)?(count|sum|min|max|avg|nextval|currval|current_\\w+|now|sysdate"
            + "|last_insert_id|scope_identity|@@\\w+|1|\\*|\\?|:\\w+)\\b"
            + "|insert\\s+(ignore\\s+)?into\\s|update\\s+[\\w.\"`\\[\\]]+(\\s+(as\\s+)?\\w+)?\\s+set\\s|delete\\s+from\\s"
            + "|delete\\s+[\\w.]+(\\s+\\w+)?\\s+where\\s|with\\s+(recursive\\s+)?\\w+(\\s*\\([^)]*\\))?\\s+as\\s*\\("
            + "|merge\\s+into\\s|upsert\\s+into\\s|replace\\s+into\\s"
            + "|(create|alter|drop)\\s+(or\\s+replace\\s+)?(global\\s+|local\\s+)?(temporary\\s+|temp\\s+|unique\\s+|materialized\\s+)?"
            + "(table|view|index|sequence|schema|procedure|function|trigger|type|database)\\s"
            + "|truncate\\s+(table\\s+)?[\\w.\"`]+|call\\s+[\\w.]+\\s*\\(|\\{\\s*(\\?\\s*=\\s*)?call\\s"
            + "|exec(ute)?\\s+[\\w.]+|values\\s*\\(|from\\s+[\\w.]+(\\s+(as\\s+)?\\w+)?(\\s+(where|join|left|inner|order|group)\\s.*)?\\s*$"
            + ").*");
    /** Prose: a word that ends a sentence, or a logging placeholder. */
    private static final Pattern PROSE = Pattern.compile("(?s).*([A-Za-z]{2}[.!?]\\s*$|\\{}).*");

    private static final Pattern MODIFYING = Pattern.compile("(?is)\\s*(insert|update|delete|merge|upsert|replace)\\s");

    private SqlText() {
    }

    /**
     * Whether a text has the shape of a SQL or JPQL statement (stricter than {@link #looksLikeQuery}):
     * what a call that may or may not run a query must pass before its text counts as one.
     */
    public static boolean looksLikeSql(String text) {
        return text != null && SQL_SHAPE.matcher(text).matches() && !PROSE.matcher(text).matches();
    }

    /** Whether a text starts like a SQL or JPQL statement. */
    public static boolean looksLikeQuery(String text) {
        return text != null && QUERY_START.matcher(text).matches();
    }

    /** Whether a text starts like an INSERT, UPDATE, DELETE or MERGE (a statement that returns a count). */
    public static boolean isModifying(String text) {
        return MODIFYING.matcher(text).lookingAt();
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
