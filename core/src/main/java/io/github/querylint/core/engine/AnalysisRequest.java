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
 * @param sizesFile production table sizes; null means {@code querylint-sizes.yml} at the root, when it exists
 */
public record AnalysisRequest(Path root, List<Path> paths, QueryLintConfig config, Baseline baseline, int threads,
                              Charset encoding, Path sizesFile) {

    public AnalysisRequest {
        Objects.requireNonNull(root, "root");
        paths = paths == null || paths.isEmpty() ? List.of(root) : List.copyOf(paths);
        config = config == null ? QueryLintConfig.DEFAULTS : config;
        baseline = baseline == null ? Baseline.EMPTY : baseline;
        threads = Math.max(1, threads);
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
    }

    public AnalysisRequest(Path root, List<Path> paths, QueryLintConfig config, Baseline baseline, int threads,
                           Charset encoding) {
        this(root, paths, config, baseline, threads, encoding, null);
    }

    /** The sizes file to read: the one given, else {@code querylint-sizes.yml} at the root; null when there is none. */
    public Path effectiveSizesFile() {
        if (sizesFile != null) {
            return sizesFile;
        }
        Path file = root.resolve(io.github.querylint.core.schema.TableSizes.FILE_NAME);
        return java.nio.file.Files.isRegularFile(file) ? file : null;
    }

    public AnalysisRequest withSizesFile(Path value) {
        return new AnalysisRequest(root, paths, config, baseline, threads, encoding, value);
    }

    public static AnalysisRequest of(Path root) {
        return new AnalysisRequest(root, List.of(root), QueryLintConfig.DEFAULTS, Baseline.EMPTY,
                Runtime.getRuntime().availableProcessors(), StandardCharsets.UTF_8);
    }

    public AnalysisRequest withConfig(QueryLintConfig value) {
        return new AnalysisRequest(root, paths, value, baseline, threads, encoding, sizesFile);
    }

    public AnalysisRequest withBaseline(Baseline value) {
        return new AnalysisRequest(root, paths, config, value, threads, encoding, sizesFile);
    }

    public AnalysisRequest withPaths(List<java.nio.file.Path> value) {
        return new AnalysisRequest(root, value, config, baseline, threads, encoding, sizesFile);
    }

    public AnalysisRequest withThreads(int value) {
        return new AnalysisRequest(root, paths, config, baseline, value, encoding, sizesFile);
    }
}
