package io.github.querylint.core.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file of the scanned tree.
 *
 * @param file the absolute path on disk
 * @param path the path relative to the scanned root, {@code /}-separated (what reports show)
 */
public record SourceFile(Path file, String path, SourceKind kind) implements Comparable<SourceFile> {

    public SourceFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    public static SourceFile of(Path root, Path file) {
        return ofNormalized(root.toAbsolutePath().normalize(), file.toAbsolutePath().normalize());
    }

    /** {@link #of} for a root and a file that are already absolute and normalized (a walk's). */
    public static SourceFile ofNormalized(Path root, Path file) {
        String rootText = root.toString();
        String fileText = file.toString();
        if (fileText.length() > rootText.length() + 1 && fileText.startsWith(rootText)
                && fileText.charAt(rootText.length()) == java.io.File.separatorChar && !rootText.endsWith(java.io.File.separator)) {
            // below the root, as every walked file is: the relative path is the rest of the text
            String path = fileText.substring(rootText.length() + 1).replace('\\', '/');
            return new SourceFile(file, path, SourceKind.of(file.getFileName().toString()));
        }
        Path relative = root.relativize(file);
        String path = relative.toString().replace('\\', '/');
        if (path.isEmpty()) {
            path = file.getFileName().toString();
        }
        return new SourceFile(file, path, SourceKind.of(file.getFileName().toString()));
    }

    /** Maven's and Gradle's test source sets: {@code src/test/}, {@code src/it/}, {@code src/integrationTest/}.. */
    private static final java.util.regex.Pattern TEST_SOURCES = java.util.regex.Pattern.compile(
            "(^|.*/)src/(test|it|integration-?[Tt]ests?|testFixtures|[a-z]+Test)/.*");

    /** Whether the file belongs to a test source set: its calls are a test's, not what production runs. */
    public boolean isTestSource() {
        return TEST_SOURCES.matcher(path).matches();
    }

    @Override
    public int compareTo(SourceFile other) {
        return path.compareTo(other.path);
    }
}
