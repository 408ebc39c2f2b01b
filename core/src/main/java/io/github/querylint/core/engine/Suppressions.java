package io.github.querylint.core.engine;

import io.github.querylint.core.source.LineIndex;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comment suppressions: {@code querylint:ignore [ids] [-- reason]} on the reported line or the
 * line above it, in any comment syntax; in SQL files also SQLFluff's {@code -- noqa[: ids]}.
 */
final class Suppressions {

    private static final Pattern IGNORE = Pattern.compile("querylint:ignore(?:[ \\t]+([a-z][a-z0-9,\\s-]*?))?\\s*(?:--.*)?(?:\\*/|-->)?\\s*$");
    private static final Pattern NOQA = Pattern.compile("--\\s*noqa(?:\\s*:\\s*([A-Za-z0-9,\\s-]+))?\\s*$");

    private Suppressions() {
    }

    static boolean suppressed(LineIndex lines, int line, String ruleId, Set<String> annotated, boolean sql) {
        if (annotated.contains("*") || annotated.contains(ruleId)) {
            return true;
        }
        if (lines == null) {
            return false;
        }
        return matches(lines.lineText(line), ruleId, sql) || matches(lines.lineText(line - 1), ruleId, sql);
    }

    private static boolean matches(String text, String ruleId, boolean sql) {
        int at = text.indexOf("querylint:ignore");
        if (at >= 0) {
            Matcher m = IGNORE.matcher(text.substring(at));
            if (m.find()) {
                return covers(m.group(1), ruleId);
            }
            return true;
        }
        if (sql) {
            Matcher m = NOQA.matcher(text);
            if (m.find()) {
                return covers(m.group(1) == null ? null : m.group(1).replace("AM04", "select-star")
                        .replace("am04", "select-star"), ruleId);
            }
        }
        return false;
    }

    private static boolean covers(String ids, String ruleId) {
        if (ids == null || ids.isBlank()) {
            return true;
        }
        for (String id : ids.split("[,\\s]+")) {
            if (id.strip().toLowerCase(Locale.ROOT).equals(ruleId)) {
                return true;
            }
        }
        return false;
    }
}
