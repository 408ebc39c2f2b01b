package io.github.querylint.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        if (!useCache) {
            return true;
        }
        boolean cleans = cleans(goals);
        return cacheFiles.stream().anyMatch(f -> (cleans || !Files.isRegularFile(f)) && !shared.has(f.getParent()));
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
