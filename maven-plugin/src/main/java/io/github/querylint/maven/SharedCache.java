package io.github.querylint.maven;

import io.github.querylint.core.engine.AtomicFiles;
import io.github.querylint.core.engine.Cache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * A copy of each module's analysis cache kept outside {@code target}, so that a {@code clean} build (or a fresh
 * checkout in the same place, as a CI runner with a cached local repository makes) starts from the last one instead
 * of from nothing, as a build cache does for Gradle or the Maven build cache extension.
 *
 * <p>An entry is keyed by the absolute path of the module's cache directory, and is nothing but a copy of the cache
 * file: when it is used, the cache checks it file by file as it checks its own file (content hashes, the project's
 * index, the configuration, the rules and the build of QueryLint), so a stale or foreign entry costs time, never a
 * wrong report. Entries not used for {@link #MAX_AGE_DAYS} days are removed. Every failure here is ignored: the cache
 * is only ever about speed.
 */
final class SharedCache {

    /** An entry not used for this long is removed at the first check of a build. */
    static final int MAX_AGE_DAYS = 30;

    private final Path store;

    private SharedCache(Path store) {
        this.store = store;
    }

    /** The store in {@code dir}, or none when {@code dir} is null. */
    static SharedCache in(Path dir) {
        return new SharedCache(dir == null ? null : dir.toAbsolutePath().normalize());
    }

    boolean enabled() {
        return store != null;
    }

    /** The entry of a module's cache directory: a directory holding a copy of its cache file. */
    Path entry(Path cacheDirectory) {
        String key = cacheDirectory.toAbsolutePath().normalize().toString();
        // FNV-1a, 64 bits: a collision would only hand one module another's cache, which the cache then rejects
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return store.resolve(String.format("%016x", hash));
    }

    /** Whether a module's cache directory has an entry to start from. */
    boolean has(Path cacheDirectory) {
        return enabled() && Files.isRegularFile(entry(cacheDirectory).resolve(Cache.FILE_NAME));
    }

    /**
     * Before a module's analysis: when its cache file is missing (a clean removed it) and the store has its entry,
     * puts the entry's copy in its place, and marks the entry used. Returns whether it did.
     */
    boolean restore(Path cacheDirectory) {
        if (!enabled()) {
            return false;
        }
        Path file = cacheDirectory.resolve(Cache.FILE_NAME);
        Path kept = entry(cacheDirectory).resolve(Cache.FILE_NAME);
        if (Files.exists(file) || !Files.isRegularFile(kept)) {
            return false;
        }
        try {
            Files.createDirectories(cacheDirectory);
            AtomicFiles.copy(kept, file);
            Files.setLastModifiedTime(kept, FileTime.fromMillis(System.currentTimeMillis()));
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // the run is then a cold one
        }
    }

    /** After a module's analysis: keeps a copy of its cache file when this build wrote it (at or after {@code since}). */
    void keep(Path cacheDirectory, long since) {
        if (!enabled()) {
            return;
        }
        Path file = cacheDirectory.resolve(Cache.FILE_NAME);
        try {
            if (!Files.isRegularFile(file) || Files.getLastModifiedTime(file).toMillis() < since - 1_000) {
                return; // not written by this build: the entry already holds it, or there is nothing to keep
            }
            Path entry = entry(cacheDirectory);
            Files.createDirectories(entry);
            AtomicFiles.copy(file, entry.resolve(Cache.FILE_NAME));
        } catch (IOException | RuntimeException e) {
            // the next clean build is then a cold one
        }
    }

    /** Removes the entries no build used for {@link #MAX_AGE_DAYS} days. */
    void evictStale() {
        if (!enabled() || !Files.isDirectory(store)) {
            return;
        }
        long cutoff = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(MAX_AGE_DAYS);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(store)) {
            for (Path entry : entries) {
                Path file = entry.resolve(Cache.FILE_NAME);
                try {
                    if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toMillis() < cutoff) {
                        Files.delete(file);
                        Files.deleteIfExists(entry);
                    }
                } catch (IOException | RuntimeException e) {
                    // another build is using it, or it is not ours: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to clean up, or no right to
        }
    }
}
