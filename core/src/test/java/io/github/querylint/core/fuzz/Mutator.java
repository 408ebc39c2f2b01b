package io.github.querylint.core.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates real-looking seed texts the way broken files break: tokens deleted, duplicated, swapped
 * or moved in from another seed; quotes, brackets, comment openers, escapes and odd characters
 * inserted; the text cut short, a slice repeated, nesting deepened, line ends changed. Seeded, so a
 * failure is reproduced from its seed alone.
 */
final class Mutator {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|[A-Za-z_][A-Za-z_0-9]*|\\d+(\\.\\d+)?|'(?:[^']|'')*'|\"(?:[^\"\\\\]|\\\\.)*\"|.", Pattern.DOTALL);

    /** Pieces that broken and hostile files are made of. */
    private static final String[] NASTY = {
        "'", "\"", "`", "(", ")", "[", "]", "{", "}", "<", ">", "/*", "*/", "--", "//", "\"\"\"", "\\", "\\u",
        "\\u0022", "$$", "$tag$", ";", ",", "?", "?1", ":name", "#{id}", "${id}", "%s", "\0", "\uFEFF", "\uD800",
        "\uDC00", "\r", "\r\n", "\n", "\t", "\u2028", "é", "😀", "*", ".", "..", "=", "!=", "<>", "||", "+", "-",
        "SELECT", "FROM", "WHERE", "JOIN", "ON", "UNION", "WITH", "LIMIT", "OFFSET", "FETCH", "TOP", "CASE", "END",
        "NULL", "IN", "EXISTS", "NEW", "FETCH JOIN", "<![CDATA[", "]]>", "<!--", "-->", "&amp;", "&xx;", "<if test=\"x\">",
        "</if>", "<include refid=\"frag\"/>", "@Query(", "@Select({", "\"+\"", "+ x +", "String.format(", ".formatted(",
        "new StringBuilder(", ".append(", "class", "interface", "record", "enum", "sealed", "->", "::", "@", "...",
        "0x", "1e309", "9999999999999999999999", "-- querylint:ignore", "// querylint:ignore select-star",
    };

    private final Random random;
    private final List<String> seeds;

    Mutator(long seed, List<String> seeds) {
        this.random = new Random(seed);
        this.seeds = seeds;
    }

    Random random() {
        return random;
    }

    /** A seed with one to eight mutations; now and then a seed as it is. */
    String next() {
        String seed = seeds.get(random.nextInt(seeds.size()));
        if (random.nextInt(20) == 0) {
            return seed;
        }
        List<String> tokens = tokens(seed);
        int mutations = 1 + random.nextInt(8);
        for (int i = 0; i < mutations && !tokens.isEmpty(); i++) {
            mutate(tokens);
        }
        String text = String.join("", tokens);
        return text.length() > 200_000 ? text.substring(0, 200_000) : text;
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private void mutate(List<String> tokens) {
        int n = tokens.size();
        int i = random.nextInt(n);
        switch (random.nextInt(12)) {
            case 0 -> tokens.remove(i);
            case 1 -> tokens.add(i, tokens.get(i));
            case 2 -> {
                int j = random.nextInt(n);
                String t = tokens.get(i);
                tokens.set(i, tokens.get(j));
                tokens.set(j, t);
            }
            case 3, 4 -> tokens.add(i, NASTY[random.nextInt(NASTY.length)]);
            case 5 -> {
                List<String> other = tokens(seeds.get(random.nextInt(seeds.size())));
                tokens.set(i, other.get(random.nextInt(other.size())));
            }
            case 6 -> {
                // cut the text short, as an editor crash or a half-written file would
                while (tokens.size() > i + 1) {
                    tokens.remove(tokens.size() - 1);
                }
            }
            case 7 -> {
                // repeat a slice: long IN lists, long concatenations, repeated joins
                int end = Math.min(n, i + 1 + random.nextInt(8));
                List<String> slice = new ArrayList<>(tokens.subList(i, end));
                int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 8);
                for (int k = 0; k < times; k++) {
                    tokens.addAll(end, slice);
                }
            }
            case 8 -> {
                // deepen nesting around one token
                int depth = 1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 6);
                tokens.set(i, "(".repeat(depth) + tokens.get(i) + ")".repeat(random.nextInt(4) == 0 ? depth - 1 : depth));
            }
            case 9 -> tokens.set(i, tokens.get(i).replace("\n", random.nextBoolean() ? "\r\n" : "\r"));
            case 10 -> {
                // flip one character to a random code point
                String t = tokens.get(i);
                if (!t.isEmpty()) {
                    int k = random.nextInt(t.length());
                    char c = (char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0x10000));
                    tokens.set(i, t.substring(0, k) + c + t.substring(k + 1));
                }
            }
            default -> {
                // split a token with whitespace or a comment
                String t = tokens.get(i);
                int k = t.isEmpty() ? 0 : random.nextInt(t.length());
                String[] gaps = {" ", "\n", "/**/", "--x\n", "\t"};
                tokens.set(i, t.substring(0, k) + gaps[random.nextInt(gaps.length)] + t.substring(k));
            }
        }
    }
}
