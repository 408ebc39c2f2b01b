package io.github.querylint.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reviews every module of the reactor in one run from the top-level project: one SARIF run (GitHub code scanning
 * rejects several runs of one tool in one upload) with paths relative to the top-level directory, written to its
 * {@code target/querylint/}; fails the build like {@code check}. Runs once, in the execution root, even when
 * its binding is inherited by the modules.
 */
@Mojo(name = "aggregate", aggregator = true, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class AggregateMojo extends AbstractGateMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("QueryLint skipped (querylint.skip)");
            return;
        }
        if (!isAggregationRoot()) {
            getLog().debug("QueryLint: aggregate runs in the execution root only");
            return;
        }
        gate(reactorScope());
    }
}
