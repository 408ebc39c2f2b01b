package io.github.querylint.cli;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.AtomicFiles;
import io.github.querylint.core.report.Report;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.Reports;
import io.github.querylint.core.rule.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code querylint check [OPTIONS] [PATH...]}. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Review the queries under PATH (default: .).")
final class CheckCommand implements Callable<Integer> {

    enum FailOn { error, warning, info, none }

    enum Color { auto, always, never }

    @Parameters(paramLabel = "PATH", description = "Directories or files to scan (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--config", paramLabel = "FILE", description = "Use this .querylint.yml instead of looking for one.")
    Path config;

    @Option(names = "--fail-on", defaultValue = "error",
            description = "Exit 1 on findings at or above: error, warning, info or none (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Findings in this baseline do not fail the run.")
    Path baseline;

    @Option(names = "--sizes", paramLabel = "FILE",
            description = "Production table sizes (default: querylint-sizes.yml at the scanned root, when there is one).")
    Path sizes;

    @Option(names = "--color", defaultValue = "auto", description = "auto, always or never (default: ${DEFAULT-VALUE}).")
    Color color;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: the number of cores).")
    int threads;

    @Option(names = "--verbose", description = "Print stack traces of internal errors.")
    void verbose(boolean value) {
        Failures.verbose = value;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Report report = Reports.byFormat(format).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown --format '" + format + "'; use one of text, json, sarif"));
        Analyzer analyzer = Runs.analyzer();
        AnalysisResult result = analyzer.analyze(Runs.request(analyzer, paths, config, baseline, threads, sizes));
        boolean useColor = color == Color.always || (color == Color.auto && output == null && report.format().equals("text")
                && System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM")));
        String rendered = report.render(result, ReportContext.defaults().withColor(useColor));
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            AtomicFiles.write(output, rendered);
            spec.commandLine().getErr().println(io.github.querylint.core.report.TextReport.summary(result));
        } else {
            out.print(rendered);
            out.flush();
        }
        if (failOn == FailOn.none) {
            return Main.OK;
        }
        Severity threshold = Severity.fromId(failOn.name());
        return result.countAtLeast(threshold) > 0 ? Main.FINDINGS : Main.OK;
    }
}
