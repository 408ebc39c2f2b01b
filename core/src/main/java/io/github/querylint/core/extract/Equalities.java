package io.github.querylint.core.extract;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The columns a piece of SQL compares to a value, read from its text before it is parsed. */
final class Equalities {

    /** {@code col = #{x}}, {@code t.col = ?}, {@code col = :id}, {@code col = 'A'}: a column compared to a value. */
    private static final Pattern EQUALITY = Pattern.compile(
            "(?i)(?<![\\w.])(?:[A-Za-z_]\\w*\\.)?([A-Za-z_]\\w*)\\s*=\\s*(?=#\\{|\\$\\{|\\?|:[A-Za-z_]|'|-?\\d)");

    private Equalities() {
    }

    /** The columns, lower case and without their qualifier. */
    static Set<String> columns(CharSequence text) {
        Set<String> out = new TreeSet<>();
        Matcher m = EQUALITY.matcher(text);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
