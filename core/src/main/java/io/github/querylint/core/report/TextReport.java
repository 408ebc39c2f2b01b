package io.github.querylint.core.report;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.Severity;

/**
 * GNU-style lines ({@code path:line:col: severity: message [rule-id]}), clickable in IDE
 * terminals, grouped by file, each with the query shortened under it, then notices and a summary.
 */
public final class TextReport implements Report {

    @Override
    public String format() {
        return "text";
    }

    @Override
    public String fileName() {
        return "querylint.txt";
    }

    @Override
    public String render(AnalysisResult result, ReportContext context) {
        StringBuilder sb = new StringBuilder();
        String lastPath = null;
        for (Finding f : result.findings()) {
            if (lastPath != null && !lastPath.equals(f.location().path())) {
                sb.append('\n');
            }
            lastPath = f.location().path();
            sb.append(f.location().path()).append(':').append(f.location().line()).append(':')
                    .append(f.location().column()).append(": ")
                    .append(paint(f.severity().id(), f.severity(), context)).append(": ")
                    .append(oneLine(f.message())).append(" [").append(f.ruleId()).append("]\n");
            if (!f.query().isEmpty()) {
                sb.append("    ").append(Reports.shorten(f.query(), 120)).append('\n');
            }
        }
        if (context.includeSuppressed() && !result.suppressedFindings().isEmpty()) {
            sb.append(sb.length() > 0 ? "\n" : "").append("Suppressed:\n");
            for (Finding f : result.suppressedFindings()) {
                sb.append("  ").append(f.location()).append(": ").append(f.severity().id()).append(": ")
                        .append(oneLine(f.message())).append(" [").append(f.ruleId()).append(", suppressed]\n");
            }
        }
        long shownNotices = result.notices().stream().filter(n -> n.kind() != Notice.Kind.PARSE_FAILURE).count();
        if (shownNotices > 0) {
            sb.append(sb.length() > 0 ? "\n" : "").append("Notices:\n");
            for (Notice n : result.notices()) {
                if (n.kind() == Notice.Kind.PARSE_FAILURE) {
                    continue; // already a parse-error finding
                }
                sb.append("  ").append(n.location()).append(": ").append(oneLine(n.message())).append('\n');
            }
        }
        if (!result.staleBaseline().isEmpty()) {
            sb.append(sb.length() > 0 ? "\n" : "").append("Stale baseline entries (they match no finding any more;"
                    + " rewrite the baseline with `querylint baseline` to drop them):\n");
            for (io.github.querylint.core.engine.Baseline.Entry e : result.staleBaseline()) {
                sb.append("  ").append(e.path()).append(": ").append(e.message().isEmpty() ? e.fingerprint() : e.message())
                        .append(" [").append(e.ruleId()).append("]\n");
            }
        }
        sb.append(sb.length() > 0 ? "\n" : "").append(summary(result)).append('\n');
        return sb.toString();
    }

    /** "QueryLint: 2 errors, 3 warnings, 0 notes in 14 queries of 120 files (1 suppressed, 0 in baseline)". */
    public static String summary(AnalysisResult result) {
        StringBuilder sb = new StringBuilder("QueryLint: ");
        sb.append(plural(result.count(Severity.ERROR), "error")).append(", ")
                .append(plural(result.count(Severity.WARNING), "warning")).append(", ")
                .append(plural(result.count(Severity.INFO), "note"))
                .append(" in ").append(plural(result.queries().size(), "query", "queries"))
                .append(" of ").append(plural(result.filesScanned(), "file"))
                .append(" (").append(result.suppressed()).append(" suppressed, ")
                .append(result.baselined()).append(" in baseline");
        if (!result.staleBaseline().isEmpty()) {
            sb.append(", ").append(result.staleBaseline().size()).append(" stale baseline entries");
        }
        sb.append(')');
        return sb.toString();
    }

    /** A GNU-style line is one line: a line break inside a message (a parser's) becomes a space. */
    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String plural(long n, String word) {
        return plural(n, word, word + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String paint(String text, Severity severity, ReportContext context) {
        if (!context.color()) {
            return text;
        }
        String code = switch (severity) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;33m";
            case INFO -> "\u001b[1;36m";
        };
        return code + text + "\u001b[0m";
    }
}
