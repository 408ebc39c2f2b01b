package io.github.querylint.maven;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Baseline;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes or refreshes {@code baselineFile} ({@code querylint-baseline.json} at the project root) with every current
 * finding, so that {@code check} fails only on new ones. Entries hold rule, path and a fingerprint of the query, no
 * line numbers, so moving code keeps them valid. Run it per module for {@code check}, or with
 * {@code -Dquerylint.aggregate} once for the whole reactor, for {@code aggregate}.
 */
@Mojo(name = "baseline", threadSafe = true, requiresDependencyResolution = ResolutionScope.NONE)
public class BaselineMojo extends AbstractQueryLintMojo {

    /** Record the findings of the whole reactor, relative to the top-level project, as {@code aggregate} reports them. */
    @Parameter(property = "querylint.aggregate", defaultValue = "false")
    private boolean aggregate;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("QueryLint skipped (querylint.skip)");
            return;
        }
        if (aggregate && !isAggregationRoot()) {
            return;
        }
        Scope scope = aggregate ? reactorScope() : moduleScope();
        if (scope.directories().isEmpty()) {
            getLog().info("QueryLint: no sources or resources to review in " + project.getArtifactId());
            return;
        }
        AnalysisResult result = analyze(analyzer(), scope, Baseline.EMPTY);
        if (result.findings().isEmpty() && !baselineFile.exists()) {
            getLog().info("QueryLint: no findings, so no baseline to write");
            return;
        }
        try {
            Baseline.of(result.findings()).write(baselineFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("QueryLint: cannot write " + baselineFile + ": " + e.getMessage(), e);
        }
        getLog().info("QueryLint: wrote " + result.findings().size() + " findings to " + baselineFile
                + " (" + result.suppressed() + " suppressed ones left out)");
    }
}
