package io.github.querylint.core.source;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks the scanned directories and yields the files an extractor may read, sorted by path.
 * Build output, VCS metadata and IDE folders are skipped; symbolic links are not followed, so
 * a link loop cannot trap the walk.
 */
public final class SourceSet {

    /** Directory names that never hold sources worth reviewing. */
    public static final Set<String> SKIPPED_DIRECTORIES = Set.of(
            "target", "build", "out", "bin", "node_modules", ".git", ".hg", ".svn", ".idea",
            ".gradle", ".mvn", ".settings", ".vscode");

    private final Path root;
    /** What the walk learnt of each file it kept (size, modification time): a cache needs no second stat. */
    private final java.util.Map<Path, BasicFileAttributes> attributes = new java.util.HashMap<>();
    private final List<Path> directories;
    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    private SourceSet(Path root, List<Path> directories, List<String> includes, List<String> excludes) {
        this.root = root.toAbsolutePath().normalize();
        this.directories = List.copyOf(directories);
        this.includes = includes.stream().map(SourceSet::glob).toList();
        this.excludes = excludes.stream().map(SourceSet::glob).toList();
    }

    /**
     * @param root        paths in reports are relative to it
     * @param directories what to walk (files are taken as they are)
     * @param includes    globs on the relative path; empty means every file
     * @param excludes    globs on the relative path
     */
    public static SourceSet of(Path root, List<Path> directories, List<String> includes, List<String> excludes) {
        return new SourceSet(root, directories, includes, excludes);
    }

    public Path root() {
        return root;
    }

    /** The attributes the walk read for a file of {@link #files}, or null when it did not (a file given by name). */
    public BasicFileAttributes attributes(SourceFile file) {
        return attributes.get(file.file());
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }

    /**
     * Every file to analyse, sorted by relative path and without duplicates.
     *
     * @param problems receives a message for each directory or file that could not be walked
     */
    public List<SourceFile> files(Consumer<String> problems) {
        Set<Path> seen = new java.util.LinkedHashSet<>(); // sorted by relative path at the end
        for (Path directory : directories) {
            Path start = directory.toAbsolutePath().normalize();
            if (Files.isRegularFile(start)) {
                seen.add(start);
                continue;
            }
            if (!Files.isDirectory(start)) {
                continue;
            }
            try {
                Files.walkFileTree(start, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(start) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            // most files of a tree are no source: their name says so before any path is built
                            if (SourceKind.of(file.getFileName().toString()) != SourceKind.OTHER) {
                                seen.add(file);
                                attributes.put(file, attrs);
                            }
                        } else if (attrs.isSymbolicLink() && linkMayHoldSources(file)) {
                            // never a silent drop: say that the link was seen and why it was not followed
                            problems.accept(relative(file) + ": symbolic link not followed (links can loop);"
                                    + " scan its target directly if it holds sources");
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        if (exc instanceof java.nio.file.NoSuchFileException) {
                            problems.accept(relative(file) + ": disappeared while the tree was walked (deleted or moved);"
                                    + " run again on a tree nothing else is changing");
                        } else {
                            problems.accept(relative(file) + ": cannot be read (" + exc.getClass().getSimpleName()
                                    + "); check its permissions");
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                problems.accept(relative(start) + ": cannot be walked (" + e.getMessage() + ")");
            }
        }
        List<SourceFile> result = new ArrayList<>();
        for (Path file : seen) {
            SourceFile source = SourceFile.ofNormalized(root, file);
            try {
                if (source.path().indexOf('\uFFFD') >= 0) {
                    Path.of(source.path()); // a name the platform's charset cannot spell: it throws
                }
                if (source.kind() == SourceKind.OTHER || !selected(source.path())) {
                    continue;
                }
            } catch (java.nio.file.InvalidPathException e) {
                // under LANG=C the JVM cannot spell a non-ASCII file name, and nothing can be reported on it
                problems.accept(source.path() + ": the file name cannot be spelled in this platform's charset ("
                        + System.getProperty("sun.jnu.encoding") + ") and was not read; run with a UTF-8 locale such as LANG=C.UTF-8");
                continue;
            }
            result.add(source);
        }
        result.sort(null);
        return result;
    }

    /** A link to a directory, or to a file whose name an extractor reads. */
    private static boolean linkMayHoldSources(Path link) {
        String name = link.getFileName().toString();
        if (SKIPPED_DIRECTORIES.contains(name)) {
            return false;
        }
        return Files.isDirectory(link) || SourceKind.of(name) != SourceKind.OTHER;
    }

    private String relative(Path file) {
        return SourceFile.of(root, file).path();
    }

    private boolean selected(String path) {
        if (includes.isEmpty() && excludes.isEmpty()) {
            return true;
        }
        Path p = Path.of(path);
        if (!includes.isEmpty() && includes.stream().noneMatch(m -> m.matches(p))) {
            return false;
        }
        return excludes.stream().noneMatch(m -> m.matches(p));
    }
}
