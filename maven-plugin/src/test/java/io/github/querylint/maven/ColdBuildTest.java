package io.github.querylint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.Cache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdBuildTest {

    @TempDir
    Path dir;

    @Test
    void aCleanACacheOffOrAMissingCacheMeansParsingAhead() throws Exception {
        Path present = Files.createDirectories(dir.resolve("a")).resolve(Cache.FILE_NAME);
        Files.writeString(present, "x");
        Path missing = dir.resolve("b").resolve(Cache.FILE_NAME);
        assertThat(ColdBuild.ahead(List.of("verify"), true, List.of(present))).isFalse();
        assertThat(ColdBuild.ahead(List.of("verify"), true, List.of())).isFalse();
        assertThat(ColdBuild.ahead(List.of("clean", "verify"), true, List.of(present))).isTrue();
        assertThat(ColdBuild.ahead(List.of("org.apache.maven.plugins:maven-clean-plugin:clean", "verify"), true,
                List.of(present))).isTrue();
        assertThat(ColdBuild.ahead(List.of("verify"), false, List.of(present))).isTrue();
        assertThat(ColdBuild.ahead(List.of("verify"), true, List.of(present, missing))).isTrue();
    }

    @Test
    void aModuleWhoseCacheIsKeptOutsideTargetIsNoColdOneEvenInACleanBuild() throws Exception {
        SharedCache shared = SharedCache.in(dir.resolve("store"));
        Path a = Files.createDirectories(dir.resolve("a"));
        Files.writeString(a.resolve(Cache.FILE_NAME), "x");
        shared.keep(a, 0);
        Path b = dir.resolve("b").resolve(Cache.FILE_NAME);
        assertThat(ColdBuild.ahead(List.of("clean", "verify"), true, List.of(a.resolve(Cache.FILE_NAME)), shared)).isFalse();
        assertThat(ColdBuild.ahead(List.of("verify"), true, List.of(a.resolve(Cache.FILE_NAME)), shared)).isFalse();
        // b has neither its file nor a copy
        assertThat(ColdBuild.ahead(List.of("verify"), true, List.of(a.resolve(Cache.FILE_NAME), b), shared)).isTrue();
        assertThat(ColdBuild.ahead(List.of("clean", "verify"), false, List.of(a.resolve(Cache.FILE_NAME)), shared)).isTrue();
    }

    /** After an upgrade of QueryLint, every cache and copy is another build's: the build analyses afresh. */
    @Test
    void aCacheOrCopyOfAnotherBuildOfQueryLintIsNoCache() throws Exception {
        SharedCache shared = SharedCache.in(dir.resolve("store"));
        Path a = Files.createDirectories(dir.resolve("a"));
        Files.writeString(a.resolve(Cache.FILE_NAME), "x");
        shared.keep(a, 0);
        Path file = a.resolve(Cache.FILE_NAME);
        java.util.function.Predicate<Path> upgraded = d -> false;
        java.util.function.Predicate<Path> same = d -> true;
        assertThat(ColdBuild.ahead(List.of("verify"), true, List.of(file), shared, same)).isFalse();
        assertThat(ColdBuild.ahead(List.of("verify"), true, List.of(file), shared, upgraded)).isTrue();
        assertThat(ColdBuild.ahead(List.of("clean", "verify"), true, List.of(file), shared, upgraded)).isTrue();
        // only the copy of this build counts in a clean build, only the module's own file in the others
        java.util.function.Predicate<Path> copyOnly = d -> !d.equals(a);
        assertThat(ColdBuild.ahead(List.of("clean", "verify"), true, List.of(file), shared, copyOnly)).isFalse();
        assertThat(ColdBuild.ahead(List.of("verify"), true, List.of(file), shared, copyOnly)).isTrue();
        assertThat(shared.copyOf(a)).isNotNull().isNotEqualTo(a);
        assertThat(shared.copyOf(dir.resolve("b"))).isNull();
    }

    @Test
    void anotherModulesCacheIsWhereThisModulesIs() {
        Path a = Path.of("/r/a");
        Path b = Path.of("/r/b");
        assertThat(ColdBuild.cacheFile(a.resolve("target/querylint/cache"), a.resolve("target"), a, b.resolve("out"), b))
                .isEqualTo(b.resolve("out/querylint/cache").resolve(Cache.FILE_NAME));
        assertThat(ColdBuild.cacheFile(a.resolve(".cache/ql"), a.resolve("target"), a, b.resolve("target"), b))
                .isEqualTo(b.resolve(".cache/ql").resolve(Cache.FILE_NAME));
        assertThat(ColdBuild.cacheFile(Path.of("/shared/ql"), a.resolve("target"), a, b.resolve("target"), b))
                .isEqualTo(Path.of("/shared/ql").resolve(Cache.FILE_NAME));
    }
}
