package io.github.querylint.maven;

import io.github.querylint.core.config.ConfigException;
import io.github.querylint.core.config.ConfigLoader;
import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.rule.Rule;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals share: turning parameters into an analysis request. */
abstract class AbstractQueryLintMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skip QueryLint entirely. */
    @Parameter(property = "querylint.skip", defaultValue = "false")
    protected boolean skip;

    /** Scan test sources and test resources too. */
    @Parameter(property = "querylint.includeTests", defaultValue = "false")
    protected boolean includeTests;

    /** Directories to scan instead of the compile source roots and resource directories. */
    @Parameter
    protected List<File> sourceDirectories;

    /** Glob patterns (relative to the module) of files to scan; empty means every file. */
    @Parameter
    protected List<String> includes;

    /** Glob patterns (relative to the module) of files to skip. */
    @Parameter
    protected List<String> excludes;

    /** The .querylint.yml to use; by default the closest one from the module directory upward. */
    @Parameter(property = "querylint.configLocation")
    protected File configLocation;

    /** The encoding of the source files. */
    @Parameter(property = "querylint.encoding", defaultValue = "${project.build.sourceEncoding}")
    protected String encoding;

    protected List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class, getClass().getClassLoader()).forEach(rules::add);
        return rules;
    }

    protected List<Path> scanned() {
        List<Path> dirs = new ArrayList<>();
        if (sourceDirectories != null && !sourceDirectories.isEmpty()) {
            sourceDirectories.forEach(f -> dirs.add(f.toPath()));
        } else {
            project.getCompileSourceRoots().forEach(s -> dirs.add(Path.of(s)));
            project.getResources().forEach(r -> dirs.add(Path.of(((Resource) r).getDirectory())));
            if (includeTests) {
                project.getTestCompileSourceRoots().forEach(s -> dirs.add(Path.of(s)));
                project.getTestResources().forEach(r -> dirs.add(Path.of(((Resource) r).getDirectory())));
            }
        }
        return dirs.stream().filter(Files::exists).map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    protected AnalysisResult analyze(Analyzer analyzer, Path root, List<Path> dirs, Baseline baseline)
            throws MojoExecutionException {
        try {
            ConfigLoader loader = new ConfigLoader(analyzer.descriptors());
            QueryLintConfig config = configLocation != null ? loader.load(configLocation.toPath())
                    : ConfigLoader.find(project.getBasedir().toPath()).map(loader::load).orElse(QueryLintConfig.DEFAULTS);
            if ((includes != null && !includes.isEmpty()) || (excludes != null && !excludes.isEmpty())) {
                List<String> inc = new ArrayList<>(config.includes());
                List<String> exc = new ArrayList<>(config.excludes());
                if (includes != null) {
                    inc.addAll(includes);
                }
                if (excludes != null) {
                    exc.addAll(excludes);
                }
                config = new QueryLintConfig(config.source(), config.dialect(), inc, exc, config.rules(),
                        config.parseTimeoutMillis(), config.maxFileBytes());
            }
            Charset charset = encoding == null || encoding.isBlank() ? Charset.defaultCharset() : Charset.forName(encoding);
            AnalysisRequest request = new AnalysisRequest(root, dirs.isEmpty() ? List.of() : dirs, config, baseline,
                    Runtime.getRuntime().availableProcessors(), charset);
            if (dirs.isEmpty()) {
                return new AnalysisResult(List.of(), List.of(), List.of(), analyzer.descriptors(), 0, 0, List.of(), 0);
            }
            return analyzer.analyze(request);
        } catch (ConfigException e) {
            throw new MojoExecutionException("QueryLint configuration error: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("QueryLint: " + e.getMessage(), e);
        }
    }
}
