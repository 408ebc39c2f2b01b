package io.github.querylint.core.engine;

import io.github.querylint.core.source.LineIndex;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comment suppressions: {@code querylint:ignore [ids] [-- reason]} on the reported line or the
 * line above it, in any comment syntax; in SQL files also SQLFluff's {@code -- noqa[: ids]} at the
 * end of the reported line (as in SQLFluff, a noqa covers its own line only).
 */
final class Suppressions {

    /**
     * The marker, then rule ids (none: every rule), then an optional reason after {@code --} (or after
     * {@code " - "}, since an XML comment cannot hold {@code --}), or a comment end.
     */
    private static final Pattern IGNORE = Pattern.compile("querylint:ignore(?![\\w:-])"
            + "(?:[ \\t]+([a-z][a-z0-9-]*(?:[ \\t]*,[ \\t]*[a-z][a-z0-9-]*)*))?"
            + "(?:[ \\t]+-[ \\t].*|[ \\t]*(?:--|\\*/|-->).*|[ \\t]*)$");
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
        String here = lines.lineText(line);
        return ignores(here, ruleId) || ignores(lines.lineText(line - 1), ruleId) || (sql && noqa(here, ruleId));
    }

    private static boolean ignores(String text, String ruleId) {
        for (int at = text.indexOf("querylint:ignore"); at >= 0; at = text.indexOf("querylint:ignore", at + 1)) {
            Matcher m = IGNORE.matcher(text.substring(at));
            if (m.matches()) {
                return covers(m.group(1), ruleId);
            }
        }
        return false;
    }

    private static boolean noqa(String text, String ruleId) {
        Matcher m = NOQA.matcher(text);
        if (!m.find()) {
            return false;
        }
        // SQLFluff's AM04 ("ambiguous.column_count") is its SELECT * rule
        return covers(m.group(1) == null ? null : m.group(1).replaceAll("(?i)\\bAM04\\b", "select-star"), ruleId);
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
