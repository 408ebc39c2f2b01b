package io.github.querylint.cli;

import io.github.querylint.core.diff.ChangedLines;
import io.github.querylint.core.diff.GitDiff;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.AtomicFiles;
import io.github.querylint.core.engine.Cache;
import io.github.querylint.core.engine.Progress;
import io.github.querylint.core.report.Report;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.Reports;
import io.github.querylint.core.report.SourceLines;
import io.github.querylint.core.report.TextReport;
import io.github.querylint.core.rule.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code querylint check [OPTIONS] [PATH...]}: analyse, write one report, decide the exit code. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Review the queries under PATH (default: .).",
        footer = {"", "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, "
                + "2 usage, configuration or I/O error."})
final class CheckCommand implements Callable<Integer> {

    enum FailOn { error, warning, info, none }

    enum Color { auto, always, never }

    /** The formats of {@link Reports#all()}, for the help text and shell completion. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Reports.formats().iterator();
        }
    }

    @Parameters(paramLabel = "PATH", description = "Directories or files to scan (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", completionCandidates = Formats.class, paramLabel = "FORMAT",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--config", paramLabel = "FILE", description = "Use this .querylint.yml instead of looking for one.")
    Path config;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
            description = "Exit 1 on findings at or above: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Findings in this baseline do not fail the run.")
    Path baseline;

    @Option(names = "--sizes", paramLabel = "FILE",
            description = "Production table sizes (default: querylint-sizes.yml at the scanned root, when there is one).")
    Path sizes;

    @Option(names = "--diff-base", paramLabel = "GIT_REF",
            description = "Report only findings on lines added or changed since this git revision.")
    String diffBase;

    @Option(names = "--include-suppressed",
            description = "List suppressed findings too, marked as suppressed (sarif, json and text).")
    boolean includeSuppressed;

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour the text report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: on a terminal, "
                    + "unless NO_COLOR is set or TERM is dumb).")
    Color color;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: the number of cores).")
    int threads;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep an analysis cache in DIR: a re-run analyses only the files that changed (and their readers).")
    Path cache;

    @Option(names = "--deadline", paramLabel = "SECONDS",
            description = "Stop analysing further files after this many seconds and report what was found, with a "
                    + "notice saying how many files were left (default: deadlineSeconds of .querylint.yml, or none).")
    Long deadline;

    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Report report = Reports.byFormat(format).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown --format '" + format + "'; use one of " + String.join(", ", Reports.formats())));
        Environment environment = main.environment();
        PrintWriter err = spec.commandLine().getErr();
        AnalysisResult result;
        AnalysisRequest request;
        ChangedLines changed;
        try (ProgressLine progress = environment.progressAllowed() ? new ProgressLine(err) : null) {
            Analyzer analyzer = new Analyzer(Runs.rules(), progress == null ? Progress.NONE : progress);
            request = Runs.request(analyzer, paths, config, baseline, threads, sizes);
            if (deadline != null) {
                if (deadline <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--deadline must be a positive number of seconds");
                }
                request = request.withConfig(request.config().withDeadlineSeconds(deadline));
            }
            // ask git first: a wrong revision should fail before a long scan, not after it
            changed = diffBase == null ? null : GitDiff.since(request.root(), diffBase);
            result = analyzer.analyze(request, cache == null ? Cache.NONE : Cache.in(cache));
        }
        if (changed != null) {
            AnalysisResult all = result;
            result = changed.filter(all);
            err.println("QueryLint: --diff-base " + diffBase + ": " + (all.findings().size() - result.findings().size())
                    + " of " + all.findings().size() + " findings are on lines not changed since then and were left out");
        }
        boolean useColor = report instanceof TextReport && switch (color) {
            case always -> true;
            case never -> false;
            case auto -> output == null && environment.colorAllowed();
        };
        ReportContext context = ReportContext.defaults().withColor(useColor).withIncludeSuppressed(includeSuppressed)
                .withSources(SourceLines.under(request.root(), request.encoding()));
        String rendered = report.render(result, context);
        if (output != null) {
            AtomicFiles.write(output, rendered);
            err.println(TextReport.summary(result));
        } else {
            PrintWriter out = spec.commandLine().getOut();
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
