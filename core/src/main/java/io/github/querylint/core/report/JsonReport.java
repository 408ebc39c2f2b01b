package io.github.querylint.core.report;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;
import java.util.List;

/**
 * QueryLint's own JSON: findings, notices, summary and tool version. Its JSON Schema is
 * {@code docs/schemas/querylint-report.schema.json}; a field added here goes there too (a test
 * validates reports against it).
 */
public final class JsonReport implements Report {

    /** Raised when a field changes meaning or goes away; new fields keep it. */
    public static final int FORMAT_VERSION = 1;

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String fileName() {
        return "querylint.json";
    }

    @Override
    public String render(AnalysisResult result, ReportContext context) {
        Json.Obj root = new Json.Obj();
        root.put("tool", "QueryLint");
        root.put("version", context.toolVersion());
        root.put("formatVersion", FORMAT_VERSION);
        findings(root.putArray("findings"), result.findings());
        if (context.includeSuppressed()) {
            findings(root.putArray("suppressedFindings"), result.suppressedFindings());
        }
        Json.Arr notices = root.putArray("notices");
        for (Notice n : result.notices()) {
            Json.Obj o = notices.addObject();
            o.put("kind", Reports.kindId(n));
            o.put("path", n.location().path());
            o.put("line", n.location().line());
            o.put("message", n.message());
        }
        Json.Arr stale = root.putArray("staleBaseline");
        for (io.github.querylint.core.engine.Baseline.Entry e : result.staleBaseline()) {
            Json.Obj o = stale.addObject();
            o.put("ruleId", e.ruleId());
            o.put("path", e.path());
            o.put("fingerprint", e.fingerprint());
            o.put("message", e.message());
        }
        Json.Obj summary = root.putObject("summary");
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("infos", result.count(Severity.INFO));
        summary.put("suppressed", result.suppressed());
        summary.put("baselined", result.baselined());
        summary.put("staleBaselineEntries", result.staleBaseline().size());
        summary.put("queries", result.queries().size());
        summary.put("files", result.filesScanned());
        return Json.pretty(root);
    }

    private static void findings(Json.Arr array, List<Finding> findings) {
        for (Finding f : findings) {
            Json.Obj n = array.addObject();
            n.put("ruleId", f.ruleId());
            n.put("severity", f.severity().id());
            n.put("message", f.message());
            n.put("path", f.location().path());
            n.put("line", f.location().line());
            n.put("column", f.location().column());
            n.put("origin", f.origin());
            n.put("query", f.query());
            n.put("fingerprint", f.fingerprint());
            Json.Arr related = n.putArray("related");
            for (Location l : f.related()) {
                Json.Obj r = related.addObject();
                r.put("path", l.path());
                r.put("line", l.line());
                r.put("column", l.column());
            }
        }
    }
}
