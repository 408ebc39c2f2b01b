package io.github.querylint.core.report;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Fingerprint;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;
import java.util.HashMap;
import java.util.Map;

/**
 * GitLab Code Quality (a subset of Code Climate's issue format): a JSON array of issues with
 * {@code description}, {@code check_name}, {@code fingerprint}, {@code severity} and
 * {@code location.path} + {@code location.lines.begin}. GitLab matches issues between the base and
 * the merge request by fingerprint, so it holds no line number: the finding's fingerprint (rule,
 * path, normalised query), and for the second and later identical queries of a file, that plus
 * the occurrence, because GitLab shows only one issue per fingerprint.
 */
public final class GitLabReport implements Report {

    @Override
    public String format() {
        return "gitlab";
    }

    @Override
    public String fileName() {
        return "gl-code-quality-report.json";
    }

    @Override
    public String render(AnalysisResult result, ReportContext context) {
        Json.Arr issues = new Json.Arr();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : result.findings()) {
            int occurrence = seen.merge(f.fingerprint(), 1, Integer::sum);
            String fingerprint = occurrence == 1 ? f.fingerprint()
                    : Fingerprint.sha256(f.fingerprint() + "\u0000" + occurrence).substring(0, 32);
            add(issues, f.message(), f.ruleId(), fingerprint, severity(f.severity()), f.location());
        }
        for (Notice n : Reports.fileNotices(result)) {
            String kind = Reports.kindId(n);
            add(issues, n.message(), kind, Fingerprint.of(kind, n.location().path(), n.message()), "info", n.location());
        }
        return Json.pretty(issues);
    }

    private static void add(Json.Arr issues, String description, String checkName, String fingerprint, String severity,
                            Location location) {
        Json.Obj issue = issues.addObject();
        issue.put("description", description);
        issue.put("check_name", checkName);
        issue.put("fingerprint", fingerprint);
        issue.put("severity", severity);
        Json.Obj where = issue.putObject("location");
        where.put("path", location.path());
        where.putObject("lines").put("begin", location.line());
    }

    /** GitLab's scale is info, minor, major, critical, blocker; an error ranks above a warning without claiming a blocker. */
    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "major";
            case WARNING -> "minor";
            case INFO -> "info";
        };
    }
}
