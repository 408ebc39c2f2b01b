package io.github.querylint.core.reliability;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.Baseline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM with a tiny heap by {@link OutOfMemoryTest}: analyses a tree and, like an
 * adapter, prints one line on an {@link OutOfMemoryError}. It returns from {@code main} instead of
 * calling {@code System.exit}, so a worker thread left alive would keep the JVM running (the hang
 * PERFORMANCE.md describes).
 */
public final class OomProbe {

    private OomProbe() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        QueryLintConfig config = QueryLintConfig.DEFAULTS.withMaxFileBytes(Long.MAX_VALUE);
        try {
            Trees.analyzer().analyze(new AnalysisRequest(root, List.of(root), config, Baseline.EMPTY, 2,
                    StandardCharsets.UTF_8));
            System.err.println("querylint: finished without running out of memory");
        } catch (OutOfMemoryError e) {
            System.err.println("querylint: out of memory: " + e.getMessage());
        }
    }
}
