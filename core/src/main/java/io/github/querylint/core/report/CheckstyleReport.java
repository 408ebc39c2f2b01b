package io.github.querylint.core.report;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkstyle XML, which Jenkins (Warnings NG), reviewdog, Danger and most code review tools read:
 * one {@code <file>} per path with findings, one {@code <error>} per finding, severities
 * {@code error}, {@code warning} and {@code info}, the rule in {@code source} as
 * {@code querylint.<rule-id>}.
 */
public final class CheckstyleReport implements Report {

    /** The Checkstyle report version that consumers expect; it is not QueryLint's version. */
    static final String FORMAT_VERSION = "4.3";

    @Override
    public String format() {
        return "checkstyle";
    }

    @Override
    public String fileName() {
        return "querylint-checkstyle.xml";
    }

    private record Entry(Location location, String severity, String message, String source) {
    }

    @Override
    public String render(AnalysisResult result, ReportContext context) {
        Map<String, List<Entry>> byPath = new TreeMap<>();
        for (Finding f : result.findings()) {
            byPath.computeIfAbsent(f.location().path(), p -> new ArrayList<>())
                    .add(new Entry(f.location(), severity(f.severity()), f.message(), "querylint." + f.ruleId()));
        }
        for (Notice n : Reports.fileNotices(result)) {
            byPath.computeIfAbsent(n.location().path(), p -> new ArrayList<>())
                    .add(new Entry(n.location(), "info", n.message(), "querylint.notice." + Reports.kindId(n)));
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<checkstyle version=\"").append(FORMAT_VERSION).append("\">\n");
        byPath.forEach((path, entries) -> {
            entries.sort((a, b) -> a.location().compareTo(b.location()));
            sb.append("  <file name=\"").append(Xml.attribute(path)).append("\">\n");
            for (Entry e : entries) {
                sb.append("    <error line=\"").append(e.location().line())
                        .append("\" column=\"").append(e.location().column())
                        .append("\" severity=\"").append(e.severity())
                        .append("\" message=\"").append(Xml.attribute(e.message()))
                        .append("\" source=\"").append(Xml.attribute(e.source())).append("\"/>\n");
            }
            sb.append("  </file>\n");
        });
        sb.append("</checkstyle>\n");
        return sb.toString();
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }
}
