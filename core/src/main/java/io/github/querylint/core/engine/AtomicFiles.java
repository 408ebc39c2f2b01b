package io.github.querylint.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file and a rename, so no reader ever sees half of it. What is not a regular file
 * (a device such as {@code /dev/null}, a pipe, {@code /dev/stdout}) is written into, never renamed over, and a link
 * stays a link: its target is what is written.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path file, String content) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                // a link to what has no path of its own (/dev/stdout to a pipe) or to nothing yet: write through it
                Files.writeString(file, content, StandardCharsets.UTF_8);
                return;
            }
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            if (Files.isDirectory(target)) {
                throw new IOException(file + " is a directory");
            }
            Files.writeString(target, content, StandardCharsets.UTF_8); // a device or a pipe
            return;
        }
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = temporaryBeside(target);
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Copies a file with its attributes through a temporary file beside the target, so that no reader ever sees half
     * of it (a cache file handed between builds that may run at once).
     */
    public static void copy(Path from, Path to) throws IOException {
        Path tmp = temporaryBeside(to.toAbsolutePath());
        try {
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            replace(tmp, to);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file in the target's directory, made as any new file there is (with the permissions the process's
     * umask gives, as other tools' reports have), not private to its owner as {@link Files#createTempFile} makes it.
     */
    static Path temporaryBeside(Path target) throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (true) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(random.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another writer's: draw again
            }
        }
    }

    /** Moves a finished temporary file over the target, atomically where the file system can. */
    static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
