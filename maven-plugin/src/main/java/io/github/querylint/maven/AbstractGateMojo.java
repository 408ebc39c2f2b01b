package io.github.querylint.maven;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.AtomicFiles;
import io.github.querylint.core.engine.Cache;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.report.Report;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.Reports;
import io.github.querylint.core.report.TextReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The quality gate {@code check} and {@code aggregate} share: analyse, log, write reports, decide. */
abstract class AbstractGateMojo extends AbstractQueryLintMojo {

    /** Fail the build when more than {@code maxAllowedViolations} findings reach {@code failOnSeverity}; false only reports. */
    @Parameter(property = "querylint.failOnViolation", defaultValue = "true")
    protected boolean failOnViolation;

    /** The lowest severity that counts against the build: {@code error}, {@code warning} or {@code info}. */
    @Parameter(property = "querylint.failOnSeverity", defaultValue = "error")
    protected FailOn failOnSeverity;

    /** How many findings at or above {@code failOnSeverity} the build tolerates. */
    @Parameter(property = "querylint.maxAllowedViolations", defaultValue = "0")
    protected int maxAllowedViolations;

    /**
     * Report formats written to {@code outputDirectory}, comma-separated on the command line: {@code sarif}
     * ({@code querylint.sarif}), {@code json} ({@code querylint.json}), {@code text} ({@code querylint.txt}), and
     * every other format this QueryLint version knows (the message for an unknown one lists them).
     */
    @Parameter(property = "querylint.formats", defaultValue = "sarif,json")
    protected List<String> formats;

    /** Where reports are written. */
    @Parameter(property = "querylint.outputDirectory", defaultValue = "${project.build.directory}/querylint")
    protected File outputDirectory;

    /** Runs the gate over {@code scope}: findings fail the build, tool problems are execution errors. */
    protected void gate(Scope scope) throws MojoExecutionException, MojoFailureException {
        FailurePolicy policy;
        try {
            policy = new FailurePolicy(failOnViolation, failOnSeverity.severity(), maxAllowedViolations);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("QueryLint: " + e.getMessage(), e);
        }
        List<Report> reports = reports();
        warmUpOnce();
        if (scope.directories().isEmpty()) {
            getLog().info("QueryLint: no sources or resources to review in " + project.getArtifactId());
            return;
        }
        Analyzer analyzer = analyzer();
        AnalysisResult result = analyze(analyzer, scope, readBaseline());
        log(result, scope.root());
        List<Path> written = write(result, reports, scope.root());
        getLog().info(TextReport.summary(result));
        if (!result.staleBaseline().isEmpty()) {
            getLog().info("QueryLint: " + result.staleBaseline().size() + " baseline entries match nothing any more;"
                    + " refresh " + baselineFile + " with mvn querylint:baseline");
        }
        long counted = policy.counted(result);
        Optional<String> failure = policy.failure(counted, String.join(", ", written.stream().map(Path::toString).toList()));
        if (failure.isPresent()) {
            throw new MojoFailureException(failure.get());
        }
        if (policy.exceeded(counted)) {
            getLog().warn(policy.describe(counted) + "; failOnViolation is false, so the build goes on");
        }
    }

    private void log(AnalysisResult result, Path root) {
        for (Finding f : result.findings()) {
            // the compiler's shape, which IDEs and CI logs turn into links
            String line = root.resolve(f.location().path()) + ":[" + f.location().line() + "," + f.location().column()
                    + "] [" + f.ruleId() + "] " + f.message();
            switch (f.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                case INFO -> getLog().info(line);
            }
        }
        for (Notice n : result.notices()) {
            if (n.kind() != Notice.Kind.PARSE_FAILURE) { // parse failures are parse-error findings already
                getLog().warn("QueryLint: " + root.resolve(n.location().path()) + ":" + n.location().line() + ": " + n.message());
            }
        }
    }

    /** The report formats this goal writes. */
    protected List<Report> reports() throws MojoExecutionException {
        Map<String, Report> chosen = new LinkedHashMap<>();
        for (String format : formats == null ? List.<String>of() : formats) {
            if (format.isBlank()) {
                continue;
            }
            Report report = Reports.byFormat(format).orElseThrow(() -> new MojoExecutionException(
                    "QueryLint: unknown format '" + format.strip() + "' in formats; known formats are "
                            + String.join(", ", Reports.all().stream().map(Report::format).sorted().toList())));
            chosen.putIfAbsent(report.format(), report);
        }
        return new ArrayList<>(chosen.values());
    }

    /**
     * Writes the reports, unless the run's results came as recorded from the cache file the reports on disk were
     * written from, and those are as they were written (see {@link ReportStamp}): a build that changed nothing then
     * renders nothing.
     */
    private List<Path> write(AnalysisResult result, List<Report> reports, Path root) throws MojoExecutionException {
        List<Path> files = new ArrayList<>();
        for (Report report : reports) {
            files.add(outputDirectory.toPath().resolve(report.fileName()));
        }
        ReportStamp stamp = !usedCache.enabled() || cacheDirectory == null ? null
                : new ReportStamp(cacheDirectory.toPath(), cacheDirectory.toPath().resolve(Cache.FILE_NAME),
                        baselineFile == null ? null : baselineFile.toPath(), root, getClass().getSimpleName());
        if (stamp != null && usedCache.lastRun().asRecorded() && stamp.current(files)) {
            getLog().debug("QueryLint: nothing changed since the reports were written; they stand as they are");
            return files;
        }
        try {
            if (stamp != null) {
                stamp.clear();
            }
        } catch (IOException e) {
            // a stamp left behind never matches the reports written below: they are new files
        }
        ReportContext context = ReportContext.defaults();
        for (int i = 0; i < reports.size(); i++) {
            Path file = files.get(i);
            try {
                AtomicFiles.write(file, reports.get(i).render(result, context));
            } catch (IOException e) {
                throw new MojoExecutionException("QueryLint: cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        if (stamp != null) {
            try {
                stamp.record(files);
            } catch (IOException e) {
                getLog().debug("QueryLint: cannot record " + ReportStamp.FILE_NAME + " (the next build writes its reports again): "
                        + e.getMessage());
            }
        }
        return files;
    }
}
