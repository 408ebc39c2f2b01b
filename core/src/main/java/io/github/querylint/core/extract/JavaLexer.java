package io.github.querylint.core.extract;

/**
 * Java's lexical structure, as far as names go, in one pass over a file's text without parsing
 * it: comments are skipped; string, text block, character and number literals count as one
 * symbol each, so that a word inside them is never taken for code. The pre-filter and the
 * engine's survey read every file this way; nothing is allocated per token.
 */
public final class JavaLexer {

    /** What the lexer meets, in order. */
    public interface Tokens {
        /** An identifier (or keyword): {@code text.substring(start, end)}, whose {@link String#hashCode()} is {@code hash}. */
        void identifier(String text, int start, int end, int hash);

        /** A code character other than white space; {@code next} is the one after it (0 at the end, or after a literal). */
        void symbol(char c, char next);
    }

    private static final boolean[] IDENTIFIER_START = new boolean[128];
    private static final boolean[] IDENTIFIER_PART = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            IDENTIFIER_START[c] = Character.isJavaIdentifierStart(c);
            IDENTIFIER_PART[c] = Character.isJavaIdentifierPart(c);
        }
    }

    private JavaLexer() {
    }

    /** Whether {@code text.substring(start, end)}, of hash {@code hash}, is {@code word} (whose hash is {@code wordHash}). */
    public static boolean is(String text, int start, int end, int hash, String word, int wordHash) {
        return hash == wordHash && end - start == word.length() && text.startsWith(word, start);
    }

    /** Whether {@code text.substring(start, end)} contains {@code part}. */
    public static boolean contains(String text, int start, int end, String part) {
        int last = end - part.length();
        char first = part.charAt(0);
        for (int i = start; i <= last; i++) {
            if (text.charAt(i) == first && text.startsWith(part, i)) {
                return true;
            }
        }
        return false;
    }

    /** Feeds the tokens of {@code text} to {@code tokens}. */
    public static void run(String text, Tokens tokens) {
        // an array, not charAt: the loop runs over every character of every file of the tree
        char[] t = text.toCharArray();
        int n = t.length;
        int i = 0;
        while (i < n) {
            char c = t[i];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                i++;
            } else if (c < 128 ? IDENTIFIER_START[c] : Character.isJavaIdentifierStart(c)) {
                int start = i;
                int hash = c;
                i++;
                while (i < n) {
                    char d = t[i];
                    if (d < 128 ? !IDENTIFIER_PART[d] : !Character.isJavaIdentifierPart(d)) {
                        break;
                    }
                    hash = 31 * hash + d;
                    i++;
                }
                tokens.identifier(text, start, i, hash);
            } else if (c == '/' && i + 1 < n && t[i + 1] == '/') {
                int nl = text.indexOf('\n', i + 2);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && t[i + 1] == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '"' && i + 2 < n && t[i + 1] == '"' && t[i + 2] == '"') {
                i = skipTextBlock(t, i + 3);
                tokens.symbol('"', (char) 0);
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(t, i + 1, c);
                tokens.symbol(c, (char) 0);
            } else if (c >= '0' && c <= '9') {
                // a number's letters (0x1F, 10L) are no identifier
                while (i < n && (t[i] == '.'
                        || (t[i] < 128 ? IDENTIFIER_PART[t[i]] : Character.isJavaIdentifierPart(t[i])))) {
                    i++;
                }
                tokens.symbol('0', (char) 0);
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                i++;
                tokens.symbol(c, i < n ? t[i] : (char) 0);
            }
        }
    }

    /** The index after the closing quote; a backslash escapes the next character; a line break ends the literal. */
    private static int skipQuoted(char[] t, int from, char quote) {
        int i = from;
        int n = t.length;
        while (i < n) {
            char c = t[i];
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i + 1; // an unclosed literal ends with its line, as javac reports it
            } else {
                i++;
            }
        }
        return n;
    }

    /** The index after the closing {@code """}; a backslash escapes the next character. */
    private static int skipTextBlock(char[] t, int from) {
        int i = from;
        int n = t.length;
        while (i < n) {
            char c = t[i];
            if (c == '\\') {
                i += 2;
            } else if (c == '"' && i + 2 < n && t[i + 1] == '"' && t[i + 2] == '"') {
                return i + 3;
            } else {
                i++;
            }
        }
        return n;
    }
}
