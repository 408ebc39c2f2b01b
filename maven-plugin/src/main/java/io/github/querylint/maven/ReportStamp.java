package io.github.querylint.maven;

import io.github.querylint.core.engine.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * What a goal's reports were written from, kept beside its cache ({@code reports.stamp}): the cache file, the baseline
 * and the root the results came from, and each report file as it was written. A re-run whose results came as recorded
 * from that same cache file (nothing changed) finds the stamp as it left it and does not render and write the
 * same reports again, as the compiler plugin says "Nothing to compile". Anything else (a report deleted or edited, another
 * format, a new baseline, a cache file written again) renders every report, as before.
 */
final class ReportStamp {

    static final String FILE_NAME = "reports.stamp";

    private final Path file;
    private final String inputs;

    /**
     * @param cacheDirectory where the goal's cache is, and the stamp with it
     * @param cacheFile      the cache file the results come from
     * @param baseline       the baseline file applied to them (it need not exist)
     * @param root           what report paths are relative to
     * @param goal           the goal, so that two goals sharing a cache directory do not take each other's stamp
     */
    ReportStamp(Path cacheDirectory, Path cacheFile, Path baseline, Path root, String goal) {
        this.file = cacheDirectory.resolve(FILE_NAME);
        this.inputs = "querylint-reports 1\ngoal " + goal + "\nroot " + root.toAbsolutePath().normalize()
                + "\ncache " + identity(cacheFile) + "\nbaseline " + (baseline == null ? "none" : identity(baseline)) + "\n";
    }

    /** Whether {@code reports} are still the files this stamp's inputs produced, untouched since. */
    boolean current(List<Path> reports) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).equals(stamp(reports));
        } catch (IOException | RuntimeException e) {
            return false; // no stamp, or an unreadable one: render
        }
    }

    /** Forgets the stamp, before reports are written (a failed write must not leave a stamp for what it left). */
    void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Records {@code reports}, just written from this stamp's inputs. */
    void record(List<Path> reports) throws IOException {
        AtomicFiles.write(file, stamp(reports));
    }

    private String stamp(List<Path> reports) {
        StringBuilder s = new StringBuilder(inputs);
        for (Path report : reports) {
            s.append("report ").append(identity(report)).append('\n');
        }
        return s.toString();
    }

    /**
     * A file as a path, size, modification time and file key (an inode: a file written by a rename is a new one). What
     * is no regular file (a report written to a device or a pipe) is never the same twice, so it is always written.
     */
    static String identity(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (a.isRegularFile()) {
                return path + " " + a.size() + " " + a.lastModifiedTime() + " " + a.fileKey();
            }
        } catch (NoSuchFileException e) {
            return path + " absent";
        } catch (IOException e) {
            // below: never equal to a recorded one
        }
        return path + " unstable " + System.nanoTime();
    }
}
