package io.github.querylint.core.parse;

/** Whether a query's parentheses pair up, outside its string literals and quoted names. */
final class Parentheses {

    /**
     * JPQL nested deeper than this is not parsed: the HQL grammar's cost grows with depth (measured,
     * warm: 0.5 s for a wrong query at depth 64, 19 s at depth 280), and no hand-written query nests so deep.
     */
    static final int MAX_JPQL_DEPTH = 64;

    private Parentheses() {
    }

    /** The deepest nesting of parentheses outside literals and quoted names. */
    static int maxDepth(String text) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = text.indexOf(c, i + 1);
                i = end < 0 ? text.length() : end;
            } else if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }

    /**
     * A text whose parentheses do not pair up can never parse. The HQL grammar's full-LL retry on
     * such a text costs seconds (measured: 2 to 5 s at nesting depth 4 to 18, growing with depth),
     * where the fast SLL pass has already said no in a millisecond; so the retry is skipped.
     */
    static boolean balanced(String text) {
        return paired(text, false);
    }

    /** Where the bracket opened at {@code open} closes, outside literals and quoted names; -1 when it does not. */
    static int closing(String text, int open) {
        return walk(text, open, null);
    }

    /**
     * The comma-separated elements of the bracket opened at {@code open}, as {@code [start, end)} ranges (commas of
     * nested brackets, literals and quoted names skipped), the last ending at the closing bracket; empty when the
     * bracket does not close.
     */
    static java.util.List<int[]> elements(String text, int open) {
        java.util.List<int[]> elements = new java.util.ArrayList<>();
        int[] start = {open + 1};
        int close = walk(text, open, comma -> {
            elements.add(new int[] {start[0], comma});
            start[0] = comma + 1;
        });
        if (close < 0) {
            return java.util.List.of();
        }
        elements.add(new int[] {start[0], close});
        return elements;
    }

    /** Walks the bracket opened at {@code open} to its close (returned, or -1), telling {@code commas} each of its own. */
    private static int walk(String text, int open, java.util.function.IntConsumer commas) {
        if (open < 0) {
            return -1;
        }
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = text.indexOf(c, i + 1);
                i = end < 0 ? text.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            } else if (c == ',' && depth == 1 && commas != null) {
                commas.accept(i);
            }
        }
        return -1;
    }

    /** Whether a text is one element of a list: its parentheses pair up, and no comma stands outside them. */
    static boolean singleElement(String text) {
        return paired(text, true);
    }

    private static boolean paired(String text, boolean noTopLevelComma) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    return false;
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0 || noTopLevelComma && c == ',' && depth == 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
