package io.github.querylint.core.report;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;

/**
 * reviewdog's diagnostic format as JSON lines ({@code reviewdog -f=rdjsonl}): one
 * {@code Diagnostic} object per line. reviewdog counts columns in UTF-8 bytes, so columns are
 * converted from the engine's UTF-16 code units with the scanned file's line.
 */
public final class RdjsonlReport implements Report {

    @Override
    public String format() {
        return "rdjsonl";
    }

    @Override
    public String fileName() {
        return "querylint.rdjsonl";
    }

    @Override
    public String render(AnalysisResult result, ReportContext context) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : result.findings()) {
            Json.Obj d = diagnostic(f.message(), f.location(), severity(f.severity()), context);
            Json.Obj code = d.putObject("code");
            code.put("value", f.ruleId());
            code.put("url", context.helpUri(f.ruleId()));
            if (!f.related().isEmpty()) {
                var related = d.putArray("related_locations");
                for (Location l : f.related()) {
                    Json.Obj r = related.addObject();
                    r.put("message", "query text assembled here");
                    r.set("location", location(l, context));
                }
            }
            line(sb, d);
        }
        for (Notice n : Reports.fileNotices(result)) {
            Json.Obj d = diagnostic(n.message(), n.location(), "INFO", context);
            d.putObject("code").put("value", Reports.kindId(n));
            line(sb, d);
        }
        return sb.toString();
    }

    private static Json.Obj diagnostic(String message, Location at, String severity, ReportContext context) {
        Json.Obj d = new Json.Obj();
        d.put("message", message);
        d.set("location", location(at, context));
        d.put("severity", severity);
        Json.Obj source = d.putObject("source");
        source.put("name", "querylint");
        source.put("url", "https://github.com/querylint/querylint");
        return d;
    }

    private static Json.Obj location(Location l, ReportContext context) {
        Json.Obj loc = new Json.Obj();
        loc.put("path", l.path());
        Json.Obj start = loc.putObject("range").putObject("start");
        start.put("line", l.line());
        start.put("column", context.sources().utf8Column(l.path(), l.line(), l.column()));
        return loc;
    }

    private static void line(StringBuilder sb, Json.Obj diagnostic) {
        sb.append(Json.compact(diagnostic)).append('\n');
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "ERROR";
            case WARNING -> "WARNING";
            case INFO -> "INFO";
        };
    }
}
