package io.github.querylint.core.engine;

import io.github.querylint.core.extract.JavaSourceExtractor;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the engine learns of each Java file from its text alone, before anything is parsed: whether
 * the second pass may parse it, and which types it declares. From these it picks the files the
 * first pass must parse for their string constants: those that declare a type some query-bearing
 * file names. A query can read {@code Queries.BASE} only through that name ({@code Queries.BASE},
 * {@code com.x.Queries.BASE} or a static import of {@code com.x.Queries}), and the first pass
 * records a constant under the simple name of the type that declares it, so no other file can
 * change what a query folds to.
 */
final class Survey {

    /**
     * @param queryFile       whether the second pass may parse the file (the extractor's pre-filter)
     * @param stringConstants whether it may declare a String constant (it says String somewhere)
     * @param declaredTypes   simple names of the types it declares
     */
    record Facts(boolean queryFile, boolean stringConstants, List<String> declaredTypes) {
        static final Facts NONE = new Facts(false, false, List.of());
    }

    private static final String[] TYPE_KEYWORDS = {"class", "interface", "enum", "record"};

    /** Every identifier of every file the second pass may parse. */
    private final Set<String> queryWords = ConcurrentHashMap.newKeySet();

    /** Looks at one file; thread-safe. */
    Facts facts(SourceFile file, String text) {
        if (text == null || file.kind() != SourceKind.JAVA) {
            return Facts.NONE;
        }
        boolean query = JavaSourceExtractor.mayHoldQuery(text);
        if (query) {
            identifiers(text, queryWords);
        }
        // the first pass records fields whose type is written String, nothing else
        return new Facts(query, text.contains("String"), declaredTypes(text));
    }

    /** Whether the first pass must parse a file for its constants (call once every file has been looked at). */
    boolean constantsNeeded(Facts facts) {
        if (!facts.stringConstants()) {
            return false;
        }
        for (String type : facts.declaredTypes()) {
            if (queryWords.contains(type)) {
                return true;
            }
        }
        return false;
    }

    /** Adds every Java identifier of the text (words in comments and strings too: more is safe). */
    static void identifiers(String text, Set<String> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                i++;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                out.add(text.substring(start, i));
            } else {
                i++;
            }
        }
    }

    /** Whether the text holds one of the names as a whole identifier. */
    static boolean mentionsAny(String text, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                i++;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                if (names.contains(text.substring(start, i))) {
                    return true;
                }
            } else {
                i++;
            }
        }
        return false;
    }

    /**
     * The names after {@code class}, {@code interface}, {@code enum} and {@code record} (comments
     * between keyword and name skipped). Words in comments or strings may add names that declare
     * nothing: more is safe.
     */
    static List<String> declaredTypes(String text) {
        List<String> out = new ArrayList<>();
        for (String keyword : TYPE_KEYWORDS) {
            int from = 0;
            while (true) {
                int at = text.indexOf(keyword, from);
                if (at < 0) {
                    break;
                }
                int end = at + keyword.length();
                from = end;
                if (at > 0 && Character.isJavaIdentifierPart(text.charAt(at - 1))
                        || end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    continue;
                }
                int i = skipSpaceAndComments(text, end);
                int start = i;
                if (i < text.length() && Character.isJavaIdentifierStart(text.charAt(i))) {
                    i++;
                    while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                    String name = text.substring(start, i);
                    if (!out.contains(name)) {
                        out.add(name);
                    }
                }
            }
        }
        return out;
    }

    private static int skipSpaceAndComments(String text, int from) {
        int i = from;
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
                break;
            }
        }
        return i;
    }
}
