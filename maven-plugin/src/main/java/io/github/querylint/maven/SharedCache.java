package io.github.querylint.maven;

import io.github.querylint.core.engine.AtomicFiles;
import io.github.querylint.core.engine.Cache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A copy of each module's analysis cache kept outside {@code target}, so that a {@code clean} build (or a fresh
 * checkout in the same place, as a CI runner with a cached local repository makes) starts from the last one instead
 * of from nothing, as a build cache does for Gradle or the Maven build cache extension.
 *
 * <p>An entry is nothing but a copy of the cache file: when it is used, the cache checks it file by file as it checks
 * its own file (content hashes, the project's index, the configuration, the rules and the build of QueryLint), so a
 * stale or foreign entry costs time, never a wrong report. Each copy is kept twice: under the absolute path of the
 * module's cache directory, and under the module's coordinates (with that directory relative to the module). A module
 * starts from the first when there is one, else from the second: so a checkout in another directory (a new branch's
 * workspace on a CI agent, a second clone, a worktree) starts from the last build of the same module anywhere on the
 * machine, and reads and hashes its files once instead of parsing them. Entries not used for {@link #MAX_AGE_DAYS}
 * days are removed. Every failure here is ignored: the cache is only ever about speed.
 */
final class SharedCache {

    /** An entry not used for this long is removed at the first check of a build. */
    static final int MAX_AGE_DAYS = 30;

    private final Path store;
    /** The coordinates key of a module's cache directory (absolute, normalized), or null when it is not known. */
    private final Function<Path, String> moduleKey;

    private SharedCache(Path store, Function<Path, String> moduleKey) {
        this.store = store;
        this.moduleKey = moduleKey;
    }

    /** The store in {@code dir}, or none when {@code dir} is null; its entries are keyed by path only. */
    static SharedCache in(Path dir) {
        return in(dir, Map.of());
    }

    /**
     * The store in {@code dir}, or none when {@code dir} is null.
     *
     * @param modules each module's cache directory, with a key that names the module wherever it is checked out
     *                (its coordinates and the directory relative to it)
     */
    static SharedCache in(Path dir, Map<Path, String> modules) {
        Map<Path, String> normalized = new HashMap<>();
        modules.forEach((d, key) -> normalized.put(d.toAbsolutePath().normalize(), key));
        return in(dir, normalized::get);
    }

    /**
     * The store in {@code dir}, or none when {@code dir} is null, with each module's key worked out only when an entry
     * by coordinates is looked for (a build that changed nothing never does).
     *
     * @param moduleKey the key of a module's cache directory (absolute, normalized), or null when it is not known
     */
    static SharedCache in(Path dir, Function<Path, String> moduleKey) {
        return new SharedCache(dir == null ? null : dir.toAbsolutePath().normalize(), moduleKey);
    }

    boolean enabled() {
        return store != null;
    }

    /** The entry of a module's cache directory, by its path: a directory holding a copy of its cache file. */
    Path entry(Path cacheDirectory) {
        return store.resolve(hex(cacheDirectory.toAbsolutePath().normalize().toString()));
    }

    /** The entry of a module's cache directory by the module's coordinates, or null when the module is not known. */
    private Path moduleEntry(Path cacheDirectory) {
        String key = moduleKey.apply(cacheDirectory.toAbsolutePath().normalize());
        return key == null ? null : store.resolve("m" + hex(key));
    }

    /** FNV-1a, 64 bits: a collision would only hand one module another's cache, which the cache then rejects. */
    private static String hex(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return String.format("%016x", hash);
    }

    /** The copy a module's cache directory would start from: by path, else by coordinates; null when there is none. */
    private Path kept(Path cacheDirectory) {
        Path byPath = entry(cacheDirectory).resolve(Cache.FILE_NAME);
        if (Files.isRegularFile(byPath)) {
            return byPath;
        }
        Path module = moduleEntry(cacheDirectory);
        return module != null && Files.isRegularFile(module.resolve(Cache.FILE_NAME)) ? module.resolve(Cache.FILE_NAME) : null;
    }

    /** The directory of the copy a module's cache directory would start from, or null when there is none. */
    Path copyOf(Path cacheDirectory) {
        Path kept = enabled() ? kept(cacheDirectory) : null;
        return kept == null ? null : kept.getParent();
    }

    /** Whether a module's cache directory has an entry to start from. */
    boolean has(Path cacheDirectory) {
        return enabled() && kept(cacheDirectory) != null;
    }

    /**
     * Before a module's analysis: when its cache file is missing (a clean removed it) and the store has an entry for
     * it, puts the entry's copy in its place, and marks the entry used. Returns the copy it started from.
     */
    Optional<Path> restore(Path cacheDirectory) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = cacheDirectory.resolve(Cache.FILE_NAME);
        if (Files.exists(file)) {
            return Optional.empty();
        }
        Path kept = kept(cacheDirectory);
        if (kept == null) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(cacheDirectory);
            AtomicFiles.copy(kept, file);
            Files.setLastModifiedTime(kept, FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(kept);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the run is then a cold one
        }
    }

    /**
     * After a module's analysis: keeps a copy of its cache file, by path and by coordinates, when this build wrote it
     * (at or after {@code since}).
     */
    void keep(Path cacheDirectory, long since) {
        if (!enabled()) {
            return;
        }
        Path file = cacheDirectory.resolve(Cache.FILE_NAME);
        try {
            if (!Files.isRegularFile(file) || Files.getLastModifiedTime(file).toMillis() < since - 1_000) {
                return; // not written by this build: the entries already hold it, or there is nothing to keep
            }
            List<Path> entries = new ArrayList<>();
            entries.add(entry(cacheDirectory));
            Path module = moduleEntry(cacheDirectory);
            if (module != null) {
                entries.add(module);
            }
            for (Path entry : entries) {
                Files.createDirectories(entry);
                AtomicFiles.copy(file, entry.resolve(Cache.FILE_NAME));
            }
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
