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
 * the second pass may parse it, which types it declares, and which names it assigns. From these it
 * picks the files the first pass must parse for their string constants.
 *
 * <p>Why that choice is safe: a query reaches another file's constant only as {@code T.NAME}
 * (or {@code a.b.T.NAME}, or {@code A.T.NAME} for a nested type) or through a static import of
 * {@code a.b.T.NAME} or {@code a.b.T.*}; the first pass records a constant under the simple name
 * {@code T} of the type that declares it, and a constant always has an initializer, so its name
 * stands before an {@code =}. A file is parsed when some query-bearing file's code holds
 * {@code T.NAME} or {@code T.*} for a type {@code T} it declares and a name {@code NAME} it
 * assigns. Comments and literals are skipped; everything else only ever adds files.
 */
final class Survey {

    /**
     * @param queryFile       whether the second pass may parse the file (the extractor's pre-filter)
     * @param stringConstants whether it may declare a String constant (it says String, and static or interface)
     * @param declaredTypes   simple names of the types it declares (of files that may read or declare constants)
     * @param assigned        names that stand before an {@code =} (when it may declare constants)
     */
    record Facts(boolean queryFile, boolean stringConstants, List<String> declaredTypes, Set<String> assigned) {
        static final Facts NONE = new Facts(false, false, List.of(), Set.of());
    }

    /** {@code T.NAME} and {@code T.*} as written in the code of the files the second pass may parse. */
    private final Set<String> references = ConcurrentHashMap.newKeySet();

    /** Looks at one file; thread-safe. */
    Facts facts(SourceFile file, String text) {
        if (text == null || file.kind() != SourceKind.JAVA) {
            return Facts.NONE;
        }
        boolean query = JavaSourceExtractor.mayHoldQuery(text);
        // the first pass records static final fields and interface fields whose type is written String
        boolean constants = text.contains("String") && (text.contains("static") || text.contains("interface"));
        if (!query && !constants) {
            return Facts.NONE; // neither reads nor declares a constant: the first pass and the cache need nothing of it
        }
        Scan scan = new Scan(query ? references : null, constants ? new java.util.HashSet<>() : null);
        new Lexer(text).run(scan);
        return new Facts(query, constants, scan.declared, scan.assigned == null ? Set.of() : scan.assigned);
    }

    /** Whether the first pass must parse a file for its constants (call once every file has been looked at). */
    boolean constantsNeeded(Facts facts) {
        if (!facts.stringConstants()) {
            return false;
        }
        for (String type : facts.declaredTypes()) {
            if (references.contains(type + ".*")) {
                return true;
            }
            for (String name : facts.assigned()) {
                if (references.contains(type + "." + name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the text's code holds one of the names as a whole identifier. */
    static boolean mentionsAny(String text, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        boolean[] found = {false};
        new Lexer(text).run(new Lexer.Tokens() {
            @Override
            public void identifier(String word) {
                if (names.contains(word)) {
                    found[0] = true;
                }
            }

            @Override
            public void symbol(char c, char next) {
                // only identifiers matter here
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
        Scan scan = new Scan(null, null);
        new Lexer(text).run(scan);
        return scan.declared;
    }

    /** The dotted references ({@code T.NAME}, {@code T.*}) of a text's code. */
    static Set<String> references(String text) {
        Set<String> out = new java.util.HashSet<>();
        new Lexer(text).run(new Scan(out, null));
        return out;
    }

    /** One pass over a file's tokens: the types it declares, its dotted references and the names it assigns. */
    private static final class Scan implements Lexer.Tokens {
        final List<String> declared = new ArrayList<>();
        final Set<String> references;
        final Set<String> assigned;
        private String previous;
        /** Symbols since the previous identifier, and the last of them. */
        private int symbols = 1;
        private char last;
        private boolean afterKeyword;

        Scan(Set<String> references, Set<String> assigned) {
            this.references = references;
            this.assigned = assigned;
        }

        private boolean dotted() {
            return previous != null && symbols == 1 && last == '.';
        }

        @Override
        public void identifier(String word) {
            if (afterKeyword && symbols == 0) {
                // only white space and comments may stand between the keyword and the name
                if (!declared.contains(word)) {
                    declared.add(word);
                }
            } else if (references != null && dotted()) {
                references.add(previous + "." + word);
            }
            // Foo.class is a class literal, not a declaration
            afterKeyword = !dotted() && (word.equals("class") || word.equals("interface") || word.equals("enum")
                    || word.equals("record"));
            previous = word;
            symbols = 0;
        }

        @Override
        public void symbol(char c, char next) {
            if (c == '=' && next != '=' && symbols == 0 && previous != null && assigned != null) {
                assigned.add(previous);
            }
            if (c == '*' && references != null && dotted()) {
                references.add(previous + ".*"); // import static a.b.T.*
            }
            symbols++;
            last = c;
        }
    }

    /**
     * Java's lexical structure, as far as names go: comments are skipped, string, text block,
     * character and number literals count as one symbol each, so that a word inside them is
     * never taken for code.
     */
    private static final class Lexer {
        private final String text;

        Lexer(String text) {
            this.text = text;
        }

        interface Tokens {
            void identifier(String word);

            /** A code character other than white space; {@code next} is the one after it (0 at the end). */
            void symbol(char c, char next);
        }

        void run(Tokens tokens) {
            String t = text;
            int n = t.length();
            int i = 0;
            while (i < n) {
                char c = t.charAt(i);
                if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || Character.isWhitespace(c)) {
                    i++;
                } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '/') {
                    int nl = t.indexOf('\n', i + 2);
                    i = nl < 0 ? n : nl + 1;
                } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
                    int close = t.indexOf("*/", i + 2);
                    i = close < 0 ? n : close + 2;
                } else if (c == '"' && t.startsWith("\"\"\"", i)) {
                    i = skipQuoted(t, i + 3, "\"\"\"");
                    tokens.symbol('"', (char) 0);
                } else if (c == '"' || c == '\'') {
                    i = skipQuoted(t, i + 1, c == '"' ? "\"" : "'");
                    tokens.symbol(c, (char) 0);
                } else if (Character.isJavaIdentifierStart(c)) {
                    int start = i++;
                    while (i < n && Character.isJavaIdentifierPart(t.charAt(i))) {
                        i++;
                    }
                    tokens.identifier(t.substring(start, i));
                } else if (c >= '0' && c <= '9') {
                    // a number's letters (0x1F, 10L) are no identifier
                    while (i < n && (Character.isJavaIdentifierPart(t.charAt(i)) || t.charAt(i) == '.')) {
                        i++;
                    }
                    tokens.symbol('0', (char) 0);
                } else {
                    i++;
                    tokens.symbol(c, i < n ? t.charAt(i) : (char) 0);
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
