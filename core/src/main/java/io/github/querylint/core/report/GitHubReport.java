package io.github.querylint.core.report;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;
import java.util.HashMap;
import java.util.Map;

/**
 * GitHub Actions workflow commands: one {@code ::error|warning|notice file=...,line=...,col=...,title=...::message}
 * line per finding, which the runner turns into an annotation on the line. GitHub shows at most
 * {@value #ANNOTATIONS_PER_STEP} error and {@value #ANNOTATIONS_PER_STEP} warning annotations per
 * step and drops the rest silently, so every line is kept (the log has them all) and the closing
 * summary line says how many went beyond that cap.
 */
public final class GitHubReport implements Report {

    /** Annotations of one kind (error, warning) that GitHub shows per step. */
    public static final int ANNOTATIONS_PER_STEP = 10;

    @Override
    public String format() {
        return "github";
    }

    @Override
    public String fileName() {
        return "querylint-github.txt";
    }

    @Override
    public String render(AnalysisResult result, ReportContext context) {
        Map<String, String> titles = new HashMap<>();
        for (RuleDescriptor d : result.rules()) {
            titles.put(d.id(), d.title() + " (" + d.id() + ")");
        }
        StringBuilder sb = new StringBuilder();
        for (Finding f : result.findings()) {
            command(sb, command(f.severity()), f.location(), titles.getOrDefault(f.ruleId(), f.ruleId()), f.message());
        }
        for (Notice n : Reports.fileNotices(result)) {
            command(sb, "notice", n.location(), "QueryLint notice (" + Reports.kindId(n) + ")", n.message());
        }
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        sb.append(TextReport.summary(result));
        long hiddenErrors = Math.max(0, errors - ANNOTATIONS_PER_STEP);
        long hiddenWarnings = Math.max(0, warnings - ANNOTATIONS_PER_STEP);
        if (hiddenErrors + hiddenWarnings > 0) {
            sb.append("; GitHub shows at most ").append(ANNOTATIONS_PER_STEP).append(" error and ")
                    .append(ANNOTATIONS_PER_STEP).append(" warning annotations per step, so ")
                    .append(hiddenErrors).append(hiddenErrors == 1 ? " error" : " errors").append(" and ")
                    .append(hiddenWarnings).append(hiddenWarnings == 1 ? " warning" : " warnings")
                    .append(" beyond that cap appear only in this log (upload SARIF to see them all)");
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String command(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    private static void command(StringBuilder sb, String command, Location at, String title, String message) {
        sb.append("::").append(command)
                .append(" file=").append(property(at.path()))
                .append(",line=").append(at.line())
                .append(",col=").append(at.column())
                .append(",title=").append(property(title))
                .append("::").append(data(message)).append('\n');
    }

    /** Escapes a command's message: {@code %}, CR and LF. */
    static String data(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a command property: as {@link #data} plus {@code :} and {@code ,}, which end a property. */
    static String property(String value) {
        return data(value).replace(":", "%3A").replace(",", "%2C");
    }
}
