package io.github.querylint.maven;

import io.github.querylint.core.config.ConfigFiles;
import io.github.querylint.core.config.ConfigLoader;
import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The goal parameters that shape what a run reads and how it judges: where the configuration comes from, the
 * rule settings of the POM, and the extra includes and excludes. Free of Maven's API and serializable, so that
 * a JVM of its own analysing modules ahead ({@link AheadJvm}) builds exactly the request the module's check builds,
 * and its results are those the check's cache accepts.
 */
record RequestSettings(String configLocation, List<String> disabledRules, Map<String, String> ruleOptions,
                       List<String> includes, List<String> excludes) implements Serializable {

    RequestSettings {
        // copies that serialize whatever the collections Maven injected
        disabledRules = disabledRules == null ? null : new ArrayList<>(disabledRules);
        ruleOptions = ruleOptions == null ? null : new TreeMap<>(ruleOptions);
        includes = includes == null ? null : new ArrayList<>(includes);
        excludes = excludes == null ? null : new ArrayList<>(excludes);
    }

    /**
     * What one run analyses and how.
     *
     * @param base the project directory a relative {@code configLocation} is resolved against
     * @param info where to say which configuration file was read, or null to say nothing
     */
    AnalysisRequest request(Analyzer analyzer, Path root, List<Path> directories, Baseline baseline, Path base,
                            Charset charset, int threads, ClassLoader loader, Consumer<String> info) {
        QueryLintConfig config = PomRuleSettings.apply(config(analyzer, root, base, loader, info), analyzer.descriptors(),
                disabledRules, ruleOptions);
        if (includes != null || excludes != null) {
            List<String> inc = new ArrayList<>(config.includes());
            List<String> exc = new ArrayList<>(config.excludes());
            inc.addAll(includes == null ? List.of() : includes);
            exc.addAll(excludes == null ? List.of() : excludes);
            config = new QueryLintConfig(config.source(), config.dialect(), inc, exc, config.rules(),
                    config.parseTimeoutMillis(), config.maxFileBytes());
        }
        return new AnalysisRequest(root, directories, config, baseline, threads, charset);
    }

    private QueryLintConfig config(Analyzer analyzer, Path start, Path base, ClassLoader loader, Consumer<String> info) {
        if (configLocation != null && !configLocation.isBlank()) {
            ConfigSource source = ConfigSource.read(configLocation, base, loader);
            if (info != null) {
                info.accept("QueryLint: configuration from " + source.name());
            }
            return new ConfigLoader(analyzer.descriptors()).parse(source.name(), source.text());
        }
        // every .querylint.yml from the module upward, the closest winning, up to one saying root: true
        Optional<QueryLintConfig> found = ConfigFiles.read(analyzer.descriptors(), start);
        if (info != null) {
            found.ifPresent(c -> info.accept("QueryLint: configuration from " + c.source()));
        }
        return found.orElse(QueryLintConfig.DEFAULTS);
    }
}
