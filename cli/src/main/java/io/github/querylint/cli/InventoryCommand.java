package io.github.querylint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.report.Reports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code querylint inventory}: every query found, no rules. What a reviewer reads to review every query. */
@Command(name = "inventory", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "List every query found under PATH.")
final class InventoryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "Directories or files to scan (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--config", paramLabel = "FILE", description = "Use this .querylint.yml.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // the installed rules, so that a project's configuration of them reads as it does for check
        Analyzer analyzer = new Analyzer(Runs.rules());
        AnalysisResult result = analyzer.analyze(Runs.request(analyzer, paths, config, null, 0));
        var out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> out.print(json(result.queries()));
            case "csv" -> {
                out.println("path,line,origin,language,cardinality,boundedBy,dynamic,text");
                for (QueryUnit q : result.queries()) {
                    out.println(String.join(",", csv(q.location().path()), String.valueOf(q.location().line()),
                            q.origin().id(), q.language().id(), q.callSite().cardinality().name().toLowerCase(java.util.Locale.ROOT),
                            csv(q.callSite().rowBound()), String.valueOf(q.dynamic()), csv(q.normalizedText())));
                }
            }
            case "text" -> {
                String last = null;
                for (QueryUnit q : result.queries()) {
                    if (!q.location().path().equals(last)) {
                        out.println(last == null ? q.location().path() : "\n" + q.location().path());
                        last = q.location().path();
                    }
                    String facts = q.callSite().cardinality().name().toLowerCase(java.util.Locale.ROOT)
                            + (q.callSite().boundedByCode() ? ", bounded by " + q.callSite().rowBound() : "")
                            + (q.dynamic() ? ", dynamic" : "");
                    out.printf("  %d: %s %s (%s)%n      %s%n", q.location().line(), q.origin().id(), q.language().id(),
                            facts, Reports.shorten(q.text(), 140));
                }
                out.printf("%n%d queries in %d files%n", result.queries().size(), result.filesScanned());
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown --format '" + format + "'; use one of text, json, csv");
        }
        out.flush();
        return Main.OK;
    }

    static String json(List<QueryUnit> queries) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (QueryUnit q : queries) {
            ObjectNode n = array.addObject();
            n.put("path", q.location().path());
            n.put("line", q.location().line());
            n.put("column", q.location().column());
            n.put("origin", q.origin().id());
            n.put("language", q.language().id());
            n.put("text", q.text());
            n.put("cardinality", q.callSite().cardinality().name().toLowerCase(java.util.Locale.ROOT));
            n.put("boundedBy", q.callSite().rowBound());
            n.put("boundedByCode", q.callSite().boundedByCode());
            n.put("dynamic", q.dynamic());
            n.put("inLoop", q.callSite().inLoop());
            n.put("enclosingClass", q.callSite().enclosingClass());
            n.put("enclosingMethod", q.callSite().enclosingMethod());
        }
        return mapper.writeValueAsString(array) + "\n";
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
