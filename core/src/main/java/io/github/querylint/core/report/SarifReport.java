package io.github.querylint.core.report;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.source.Location;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0: one run, every rule's metadata, repository-relative URIs under
 * {@code %SRCROOT%}, fingerprints with no line numbers, and parse failures as tool notifications.
 */
public final class SarifReport implements Report {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String fileName() {
        return "querylint.sarif";
    }

    @Override
    public String render(AnalysisResult result, ReportContext context) {
        Json.Obj root = new Json.Obj();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        Json.Obj run = root.putArray("runs").addObject();
        Json.Obj driver = run.putObject("tool").putObject("driver");
        driver.put("name", "QueryLint");
        driver.put("semanticVersion", context.toolVersion().replace("-SNAPSHOT", ""));
        driver.put("version", context.toolVersion());
        driver.put("informationUri", "https://github.com/querylint/querylint");
        Json.Arr rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleDescriptor d : result.rules()) {
            ruleIndex.put(d.id(), rules.size());
            Json.Obj r = rules.addObject();
            r.put("id", d.id());
            r.put("name", camel(d.id()));
            r.putObject("shortDescription").put("text", d.title());
            r.putObject("fullDescription").put("text", d.summary() + ".");
            String helpUri = context.helpUri(d.id());
            Json.Obj help = r.putObject("help");
            help.put("text", d.summary() + ". See " + helpUri);
            help.put("markdown", "**" + d.title() + "**: " + d.summary() + ". [Rule documentation](" + helpUri + ")");
            r.put("helpUri", helpUri);
            r.putObject("defaultConfiguration").put("level", d.severity().sarifLevel());
            Json.Obj props = r.putObject("properties");
            props.putArray("tags").add("querylint").add("performance");
            for (Option<?> o : d.options()) {
                props.put("option." + o.name(), String.valueOf(o.defaultValue()));
            }
        }
        Json.Obj originalUriBaseIds = run.putObject("originalUriBaseIds");
        originalUriBaseIds.putObject("%SRCROOT%").putObject("description").put("text", "The root of the scanned tree");
        Json.Arr results = run.putArray("results");
        for (Finding f : result.findings()) {
            results.add(result(f, ruleIndex));
        }
        if (context.includeSuppressed()) {
            // SARIF keeps a suppressed result with its suppression, so that viewers can show or audit it
            for (Finding f : result.suppressedFindings()) {
                Json.Obj r = result(f, ruleIndex);
                r.putArray("suppressions").addObject().put("kind", "inSource");
                results.add(r);
            }
        }
        Json.Obj invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        Json.Arr notifications = invocation.putArray("toolExecutionNotifications");
        for (Notice n : result.notices()) {
            Json.Obj note = notifications.addObject();
            note.putObject("message").put("text", n.message());
            note.put("level", n.kind() == Notice.Kind.PARSE_FAILURE || n.kind() == Notice.Kind.PARSE_TIMEOUT
                    ? "warning" : "note");
            note.putObject("descriptor").put("id", Reports.kindId(n));
            note.putArray("locations").add(location(n.location()));
        }
        run.put("columnKind", "utf16CodeUnits");
        return Json.pretty(root);
    }

    private static Json.Obj result(Finding f, Map<String, Integer> ruleIndex) {
        Json.Obj r = new Json.Obj();
        r.put("ruleId", f.ruleId());
        Integer index = ruleIndex.get(f.ruleId());
        if (index != null) {
            r.put("ruleIndex", index);
        }
        r.put("level", f.severity().sarifLevel());
        r.putObject("message").put("text", f.message());
        r.putArray("locations").add(location(f.location()));
        if (!f.related().isEmpty()) {
            Json.Arr related = r.putArray("relatedLocations");
            int id = 1;
            for (Location l : f.related()) {
                Json.Obj rl = location(l);
                rl.put("id", id++);
                rl.putObject("message").put("text", "query text assembled here");
                related.add(rl);
            }
        }
        r.putObject("partialFingerprints").put("queryLintFingerprint/v1", f.fingerprint());
        Json.Obj props = r.putObject("properties");
        props.put("query", f.query());
        props.put("origin", f.origin());
        return r;
    }

    private static Json.Obj location(Location l) {
        Json.Obj loc = new Json.Obj();
        Json.Obj physical = loc.putObject("physicalLocation");
        Json.Obj artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(l.path()));
        artifact.put("uriBaseId", "%SRCROOT%");
        Json.Obj region = physical.putObject("region");
        region.put("startLine", l.line());
        region.put("startColumn", l.column());
        return loc;
    }

    /** A relative path as a URI reference: forward slashes, spaces and non-ASCII percent-encoded. */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
