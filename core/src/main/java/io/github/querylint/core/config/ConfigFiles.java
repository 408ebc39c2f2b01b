package io.github.querylint.core.config;

import io.github.querylint.core.rule.RuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code .querylint.yml} files are, without reading them: a run with none needs no YAML reader at all (loading
 * {@link ConfigLoader}'s JSON and YAML classes costs a cold JVM about 50 ms, which a re-run that reuses its cache
 * otherwise pays in every build).
 */
public final class ConfigFiles {

    public static final String FILE_NAME = ".querylint.yml";

    private ConfigFiles() {
    }

    /** The closest {@code .querylint.yml} from a scanned directory (or file) upward. */
    public static Optional<Path> closest(Path start) {
        for (Path dir = startDir(start); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Every {@code .querylint.yml} from a scanned directory (or file) upward, read as {@link ConfigLoader#loadFor}
     * reads them; empty, without loading the reader, when there is none.
     */
    public static Optional<QueryLintConfig> read(List<RuleDescriptor> rules, Path start) {
        return closest(start).isEmpty() ? Optional.empty() : new ConfigLoader(rules).loadFor(start);
    }

    /** The directory a lookup starts in: {@code start} itself, or the directory of a file. */
    static Path startDir(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        return Files.isRegularFile(dir) ? dir.getParent() : dir;
    }
}
