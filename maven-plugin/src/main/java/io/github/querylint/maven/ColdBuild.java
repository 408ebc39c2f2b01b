package io.github.querylint.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether a build is about to analyse files afresh, so that loading the parsers early pays: the
 * cache is off, or a module that has sources has no cache to start from: none in {@code target}
 * (or a clean was asked for, which removes it), and none kept outside it ({@link SharedCache}).
 * When every module has one, a run with nothing changed parses nothing, and the parsers are left
 * unloaded.
 */
final class ColdBuild {

    private ColdBuild() {
    }

    /**
     * @param goals      the goals and phases of the command line ({@code clean}, {@code clean:clean} ...)
     * @param useCache   whether the cache is on
     * @param cacheFiles the cache file of each reactor module with sources
     */
    static boolean ahead(List<String> goals, boolean useCache, List<Path> cacheFiles) {
        return ahead(goals, useCache, cacheFiles, SharedCache.in(null));
    }

    /**
     * {@link #ahead(List, boolean, List)}, where a module whose cache file is missing or about to be cleaned but kept
     * in {@code shared} starts from that copy: only a module with neither is analysed afresh.
     */
    static boolean ahead(List<String> goals, boolean useCache, List<Path> cacheFiles, SharedCache shared) {
        return ahead(goals, useCache, cacheFiles, shared, dir -> true);
    }

    /**
     * {@link #ahead(List, boolean, List, SharedCache)}, where a cache (the module's file, or else its copy) that
     * {@code fromThisBuild} says another build of QueryLint wrote, as after an upgrade, is no cache to start from:
     * every file of the module is analysed afresh.
     *
     * @param fromThisBuild whether the cache file in a directory was written by this build of QueryLint
     */
    static boolean ahead(List<String> goals, boolean useCache, List<Path> cacheFiles, SharedCache shared,
                         Predicate<Path> fromThisBuild) {
        if (!useCache) {
            return true;
        }
        boolean cleans = cleans(goals);
        return cacheFiles.stream().anyMatch(f -> !startsFromCache(cleans, f, shared, fromThisBuild));
    }

    /**
     * Whether a module's check will start from a cache of this build: its own file, unless a clean removes it first
     * (the check then starts from the copy kept in {@code shared}, when there is one).
     */
    static boolean startsFromCache(boolean cleans, Path cacheFile, SharedCache shared, Predicate<Path> fromThisBuild) {
        if (!cleans && Files.isRegularFile(cacheFile)) {
            return fromThisBuild.test(cacheFile.getParent());
        }
        Path copy = shared.copyOf(cacheFile.getParent());
        return copy != null && fromThisBuild.test(copy);
    }

    /** Whether the command line cleans ({@code clean}, {@code clean:clean}, {@code ...:maven-clean-plugin:clean}). */
    static boolean cleans(List<String> goals) {
        return goals.stream().anyMatch(g -> g.equals("clean") || g.endsWith(":clean"));
    }

    /**
     * Another module's cache file, where this module's is: relative to the build directory, else to the base
     * directory, else the same directory.
     */
    static Path cacheFile(Path cache, Path build, Path base, Path otherBuild, Path otherBase) {
        Path c = cache.toAbsolutePath().normalize();
        Path b = build.toAbsolutePath().normalize();
        Path d = base.toAbsolutePath().normalize();
        Path dir = c.startsWith(b) ? otherBuild.resolve(b.relativize(c)) : c.startsWith(d) ? otherBase.resolve(d.relativize(c)) : c;
        return dir.resolve(io.github.querylint.core.engine.Cache.FILE_NAME);
    }
}
