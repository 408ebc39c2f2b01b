package io.github.querylint.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reviews the queries in this module's main sources and resources (Java, mapper XML, SQL migrations), logs one
 * line per finding, writes reports to {@code outputDirectory}, and fails the build when more than
 * {@code maxAllowedViolations} findings reach {@code failOnSeverity}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class CheckMojo extends AbstractGateMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("QueryLint skipped (querylint.skip)");
            return;
        }
        gate(moduleScope());
    }
}
