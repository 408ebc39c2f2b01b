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

    /** Every identifier of every file the second pass may parse. */
    private final Set<String> queryWords = ConcurrentHashMap.newKeySet();

    /** Looks at one file; thread-safe. */
    Facts facts(SourceFile file, String text) {
        if (text == null || file.kind() != SourceKind.JAVA) {
            return Facts.NONE;
        }
        boolean query = JavaSourceExtractor.mayHoldQuery(text);
        List<String> declared = new ArrayList<>();
        // a query file's words, but not the names it declares: naming itself there reads nothing
        scan(text, declared, query ? queryWords : null);
        // the first pass records static final fields and interface fields whose type is written String
        boolean constants = text.contains("String") && (text.contains("static") || text.contains("interface"));
        return new Facts(query, constants, declared);
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

    /** Adds every identifier of the text's code (comments and literals hold none a query can use to name a type). */
    static void identifiers(String text, Set<String> out) {
        new Lexer(text).forEachIdentifier((word, before) -> out.add(word));
    }

    /** Whether the text's code holds one of the names as a whole identifier. */
    static boolean mentionsAny(String text, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        boolean[] found = {false};
        new Lexer(text).forEachIdentifier((word, before) -> {
            if (names.contains(word)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /**
     * The names after {@code class}, {@code interface}, {@code enum} and {@code record} in the
     * text's code, comments between keyword and name skipped. A word that only looks like a
     * declaration ({@code record} as a variable) adds a name that declares nothing: more is safe.
     */
    static List<String> declaredTypes(String text) {
        List<String> out = new ArrayList<>();
        scan(text, out, null);
        return out;
    }

    /** One pass over the code: declared type names to {@code declared}, every other identifier to {@code words}. */
    private static void scan(String text, List<String> declared, Set<String> words) {
        boolean[] afterKeyword = {false};
        new Lexer(text).forEachIdentifier((word, before) -> {
            // only white space and comments may stand between the keyword and the name
            if (afterKeyword[0] && before == 0) {
                if (!declared.contains(word)) {
                    declared.add(word);
                }
            } else if (words != null) {
                words.add(word);
            }
            // Foo.class is a class literal, not a declaration
            afterKeyword[0] = before != '.' && (word.equals("class") || word.equals("interface") || word.equals("enum")
                    || word.equals("record"));
        });
    }

    /**
     * Java's lexical structure, as far as identifiers go: comments, string, text block and
     * character literals are skipped whole, so that a word inside them is never taken for code.
     * Each identifier comes with the last code character before it, or 0 when only white space
     * and comments stand between it and the identifier before.
     */
    private static final class Lexer {
        private final String text;

        Lexer(String text) {
            this.text = text;
        }

        interface Action {
            void identifier(String word, char before);
        }

        void forEachIdentifier(Action action) {
            String t = text;
            int n = t.length();
            int i = 0;
            char before = ';';
            while (i < n) {
                char c = t.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '/') {
                    int nl = t.indexOf('\n', i + 2);
                    i = nl < 0 ? n : nl + 1;
                } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
                    int close = t.indexOf("*/", i + 2);
                    i = close < 0 ? n : close + 2;
                } else if (c == '"' && t.startsWith("\"\"\"", i)) {
                    i = skipQuoted(t, i + 3, "\"\"\"");
                    before = '"';
                } else if (c == '"') {
                    i = skipQuoted(t, i + 1, "\"");
                    before = '"';
                } else if (c == '\'') {
                    i = skipQuoted(t, i + 1, "'");
                    before = '\'';
                } else if (Character.isJavaIdentifierStart(c)) {
                    int start = i++;
                    while (i < n && Character.isJavaIdentifierPart(t.charAt(i))) {
                        i++;
                    }
                    action.identifier(t.substring(start, i), before);
                    before = 0;
                } else if (c >= '0' && c <= '9') {
                    // a number's letters (0x1F, 10L) are no identifier
                    while (i < n && (Character.isJavaIdentifierPart(t.charAt(i)) || t.charAt(i) == '.')) {
                        i++;
                    }
                    before = '0';
                } else {
                    before = c;
                    i++;
                }
            }
        }

        /** The index after the closing quote; a backslash escapes the next character. */
        private static int skipQuoted(String t, int from, String close) {
            int i = from;
            int n = t.length();
            while (i < n) {
                char c = t.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (t.startsWith(close, i)) {
                    return i + close.length();
                } else if (c == '\n' && close.length() == 1) {
                    return i + 1; // an unclosed literal ends with its line, as javac reports it
                } else {
                    i++;
                }
            }
            return n;
        }
    }
}
