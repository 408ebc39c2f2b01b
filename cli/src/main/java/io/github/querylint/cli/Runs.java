package io.github.querylint.cli;

import io.github.querylint.core.config.ConfigFiles;
import io.github.querylint.core.config.ConfigLoader;
import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.Rules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the commands share: rules, configuration lookup and the request. */
final class Runs {

    private Runs() {
    }

    static List<Rule> rules() {
        return Rules.installed(Runs.class.getClassLoader());
    }

    static Analyzer analyzer() {
        return new Analyzer(rules());
    }

    /** The scanned root: the single directory given, or the current directory. */
    static Path root(List<Path> paths) {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new Failures.UsageException(p + ": no such file or directory");
            }
        }
        if (paths.size() == 1 && Files.isDirectory(paths.get(0))) {
            return paths.get(0).toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath();
    }

    static QueryLintConfig config(Analyzer analyzer, Path explicit, Path root) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new Failures.UsageException(explicit + ": configuration file not found");
            }
            return new ConfigLoader(analyzer.descriptors()).load(explicit);
        }
        return ConfigFiles.read(analyzer.descriptors(), root).orElse(QueryLintConfig.DEFAULTS); // closest wins; root: true stops the walk
    }

    static AnalysisRequest request(Analyzer analyzer, List<Path> paths, Path configFile, Path baselineFile, int threads) {
        return request(analyzer, paths, configFile, baselineFile, threads, null);
    }

    /** @param sizesFile production table sizes; null means querylint-sizes.yml at the scanned root, when there is one */
    static AnalysisRequest request(Analyzer analyzer, List<Path> paths, Path configFile, Path baselineFile, int threads,
                                   Path sizesFile) {
        if (sizesFile != null && !Files.isRegularFile(sizesFile)) {
            throw new Failures.UsageException(sizesFile + ": sizes file not found");
        }
        List<Path> scan = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        Path root = root(scan);
        QueryLintConfig config = config(analyzer, configFile, root);
        Baseline baseline = Baseline.EMPTY;
        if (baselineFile != null) {
            if (!Files.isRegularFile(baselineFile)) {
                throw new Failures.UsageException(baselineFile + ": baseline file not found");
            }
            baseline = Baseline.read(baselineFile);
        }
        return new AnalysisRequest(root, scan.stream().map(p -> p.toAbsolutePath().normalize()).toList(), config,
                baseline, threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads, StandardCharsets.UTF_8,
                sizesFile == null ? null : sizesFile.toAbsolutePath().normalize());
    }
}
