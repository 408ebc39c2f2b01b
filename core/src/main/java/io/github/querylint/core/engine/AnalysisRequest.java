package io.github.querylint.core.engine;

import io.github.querylint.core.config.QueryLintConfig;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to analyse and how.
 *
 * @param root     paths in reports are relative to it
 * @param paths    directories or files to scan
 * @param config   the configuration
 * @param baseline known findings that do not fail the build, or {@link Baseline#EMPTY}
 * @param threads  worker threads (1 for a sequential run)
 * @param encoding the source encoding
 */
public record AnalysisRequest(Path root, List<Path> paths, QueryLintConfig config, Baseline baseline, int threads,
                              Charset encoding) {

    public AnalysisRequest {
        Objects.requireNonNull(root, "root");
        paths = paths == null || paths.isEmpty() ? List.of(root) : List.copyOf(paths);
        config = config == null ? QueryLintConfig.DEFAULTS : config;
        baseline = baseline == null ? Baseline.EMPTY : baseline;
        threads = Math.max(1, threads);
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
    }

    public static AnalysisRequest of(Path root) {
        return new AnalysisRequest(root, List.of(root), QueryLintConfig.DEFAULTS, Baseline.EMPTY,
                Runtime.getRuntime().availableProcessors(), StandardCharsets.UTF_8);
    }

    public AnalysisRequest withConfig(QueryLintConfig value) {
        return new AnalysisRequest(root, paths, value, baseline, threads, encoding);
    }

    public AnalysisRequest withBaseline(Baseline value) {
        return new AnalysisRequest(root, paths, config, value, threads, encoding);
    }

    public AnalysisRequest withPaths(List<java.nio.file.Path> value) {
        return new AnalysisRequest(root, value, config, baseline, threads, encoding);
    }

    public AnalysisRequest withThreads(int value) {
        return new AnalysisRequest(root, paths, config, baseline, value, encoding);
    }
}
