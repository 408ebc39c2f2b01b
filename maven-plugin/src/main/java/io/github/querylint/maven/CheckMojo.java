package io.github.querylint.maven;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.AtomicFiles;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.report.Report;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.Reports;
import io.github.querylint.core.report.TextReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Reviews the module's queries and fails the build on findings at or above {@code failOnSeverity}. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractQueryLintMojo {

    /** Fail the build when findings reach failOnSeverity; false only reports. */
    @Parameter(property = "querylint.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /** The lowest severity that counts against the build: error, warning or info. */
    @Parameter(property = "querylint.failOnSeverity", defaultValue = "error")
    private FailOn failOnSeverity;

    /** How many counted findings the build tolerates. */
    @Parameter(property = "querylint.maxAllowedViolations", defaultValue = "0")
    private int maxAllowedViolations;

    /** Report formats written to outputDirectory: sarif, json (and any other format the CLI knows). */
    @Parameter(property = "querylint.formats", defaultValue = "sarif,json")
    private List<String> formats;

    /** Where reports are written. */
    @Parameter(defaultValue = "${project.build.directory}/querylint")
    private File outputDirectory;

    /** Known findings that do not fail the build (written by querylint:baseline). */
    @Parameter(property = "querylint.baselineFile", defaultValue = "${project.basedir}/querylint-baseline.json")
    private File baselineFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("QueryLint skipped (querylint.skip)");
            return;
        }
        Analyzer analyzer = new Analyzer(rules());
        Baseline baseline;
        try {
            baseline = baselineFile != null && baselineFile.isFile() ? Baseline.read(baselineFile.toPath()) : Baseline.EMPTY;
        } catch (RuntimeException e) {
            throw new MojoExecutionException("QueryLint: " + e.getMessage(), e);
        }
        Path root = project.getBasedir().toPath();
        AnalysisResult result = analyze(analyzer, root, scanned(), baseline);
        for (Finding f : result.findings()) {
            String line = root.resolve(f.location().path()) + ":[" + f.location().line() + "," + f.location().column()
                    + "] [" + f.ruleId() + "] " + f.message();
            switch (f.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                case INFO -> getLog().info(line);
            }
        }
        result.notices().forEach(n -> getLog().debug("QueryLint notice: " + n.location() + ": " + n.message()));
        writeReports(result);
        getLog().info(TextReport.summary(result));
        long counted = result.countAtLeast(failOnSeverity.severity());
        if (failOnViolation && counted > maxAllowedViolations) {
            throw new MojoFailureException("QueryLint found " + counted + " finding(s) at or above "
                    + failOnSeverity + " (allowed: " + maxAllowedViolations + "); see the lines above and "
                    + outputDirectory.toPath().resolve("querylint.sarif"));
        }
    }

    private void writeReports(AnalysisResult result) throws MojoExecutionException {
        ReportContext context = ReportContext.defaults();
        for (String format : formats) {
            Report report = Reports.byFormat(format).orElseThrow(() -> new MojoExecutionException(
                    "QueryLint: unknown format '" + format + "' in formats"));
            try {
                AtomicFiles.write(outputDirectory.toPath().resolve(report.fileName()), report.render(result, context));
            } catch (IOException e) {
                throw new MojoExecutionException("QueryLint: cannot write " + report.fileName() + ": " + e.getMessage(), e);
            }
        }
    }
}
