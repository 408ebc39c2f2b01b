package io.github.querylint.core.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cheap test that spares the Java parse of a file that cannot hold a query: the extractor
 * finds a query only at a call of a query method ({@link ApiCalls#methodNames()}), at a query
 * annotation, or in a Spring Data repository interface, and each of these needs a word in the
 * text that this class looks for with {@link String#indexOf} alone.
 *
 * <p>Safe by construction: a call needs its method name as a whole identifier followed by
 * {@code (}; an annotation needs its name after {@code @} (or after {@code .} when qualified); a
 * repository needs an identifier holding {@code Repository} and the word {@code interface}.
 * Comments between a name and its parenthesis are skipped. Unicode escapes in identifiers
 * ({@code \u0071uery}) are not decoded, as JavaParser does not decode them either.
 */
final class Prefilter {

    /** The names of the annotations the extractor reads queries from. */
    static final Set<String> ANNOTATIONS = Set.of("Query", "NativeQuery", "NamedQuery", "NamedNativeQuery",
            "Select", "Update", "Insert", "Delete");

    private static final String REPOSITORY = "Repository";

    private static final int CALL = 1;
    private static final int ANNOTATION = 2;

    /** Every trigger word and how it must be used (CALL, ANNOTATION or both). */
    private static final Map<String, Integer> TRIGGERS = new HashMap<>();
    /**
     * The fewest substrings that every trigger word contains one of ({@code uery} would do for
     * most, but whole words are rarer in ordinary code, so each search finds fewer false starts).
     */
    private static final String[] ANCHORS;

    static {
        ApiCalls.methodNames().forEach(n -> TRIGGERS.merge(n, CALL, (a, b) -> a | b));
        ANNOTATIONS.forEach(n -> TRIGGERS.merge(n, ANNOTATION, (a, b) -> a | b));
        List<String> words = new ArrayList<>(TRIGGERS.keySet());
        words.add(REPOSITORY);
        words.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        List<String> anchors = new ArrayList<>();
        for (String w : words) {
            if (anchors.stream().noneMatch(w::contains)) {
                anchors.add(w);
            }
        }
        ANCHORS = anchors.toArray(new String[0]);
    }

    private Prefilter() {
    }

    /** Whether the text may hold a query the Java extractor finds. */
    static boolean mayHoldQuery(String text) {
        int hasInterface = -1; // looked up once, when an identifier holding Repository is met
        for (String anchor : ANCHORS) {
            int from = 0;
            while (true) {
                int at = text.indexOf(anchor, from);
                if (at < 0) {
                    break;
                }
                int start = at;
                while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
                    start--;
                }
                int end = at + anchor.length();
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(start, end);
                if (word.contains(REPOSITORY)) {
                    if (hasInterface < 0) {
                        hasInterface = containsWord(text, "interface") ? 1 : 0;
                    }
                    if (hasInterface == 1) {
                        return true; // a Spring Data repository: derived queries need no query word at all
                    }
                }
                if (triggers(text, word, start, end)) {
                    return true;
                }
                from = end;
            }
        }
        return false;
    }

    private static boolean triggers(String text, String word, int start, int end) {
        Integer use = TRIGGERS.get(word);
        if (use == null) {
            return false;
        }
        if ((use & CALL) != 0 && nextIsParenthesis(text, end)) {
            return true;
        }
        return (use & ANNOTATION) != 0 && afterAtOrDot(text, start);
    }

    /** Whether the next thing after {@code end}, past white space and comments, is {@code (}. */
    private static boolean nextIsParenthesis(String text, int end) {
        int i = end;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl + 1;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? text.length() : close + 2;
            } else {
                return c == '(';
            }
        }
        return false;
    }

    /** Whether the word follows {@code @} or a qualifier's {@code .} (or a comment: then it may be either). */
    private static boolean afterAtOrDot(String text, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = text.charAt(i);
        return c == '@' || c == '.' || c == '/';
    }

    static boolean containsWord(String text, String word) {
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return false;
            }
            int end = at + word.length();
            boolean left = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
            boolean right = end >= text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
            if (left && right) {
                return true;
            }
            from = end;
        }
    }
}
