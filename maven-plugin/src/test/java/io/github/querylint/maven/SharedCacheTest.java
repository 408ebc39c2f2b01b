package io.github.querylint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.Cache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedCacheTest {

    @TempDir
    Path dir;

    private Path module(String name) {
        return dir.resolve(name).resolve("target/querylint/cache");
    }

    @Test
    void aCleanedModuleGetsBackTheCopyItsLastBuildKept() throws Exception {
        SharedCache shared = SharedCache.in(dir.resolve("store"));
        Path orders = module("orders");
        Files.createDirectories(orders);
        Files.writeString(orders.resolve(Cache.FILE_NAME), "orders' results");
        long buildStart = System.currentTimeMillis() - 10_000;

        shared.keep(orders, buildStart);
        assertThat(shared.has(orders)).isTrue();
        assertThat(shared.has(module("users"))).isFalse();

        // mvn clean
        Files.delete(orders.resolve(Cache.FILE_NAME));
        assertThat(shared.restore(orders)).isTrue();
        assertThat(orders.resolve(Cache.FILE_NAME)).hasContent("orders' results");
        // a cache file that is there is the module's own: never overwritten by the copy
        Files.writeString(orders.resolve(Cache.FILE_NAME), "newer results");
        assertThat(shared.restore(orders)).isFalse();
        assertThat(orders.resolve(Cache.FILE_NAME)).hasContent("newer results");
        // a module with no copy starts cold
        assertThat(shared.restore(module("users"))).isFalse();
        assertThat(module("users").resolve(Cache.FILE_NAME)).doesNotExist();
    }

    @Test
    void onlyACacheFileThisBuildWroteIsCopied() throws Exception {
        SharedCache shared = SharedCache.in(dir.resolve("store"));
        Path orders = module("orders");
        Files.createDirectories(orders);
        Path file = orders.resolve(Cache.FILE_NAME);
        Files.writeString(file, "from an earlier build");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        shared.keep(orders, System.currentTimeMillis() - 5_000);
        assertThat(shared.has(orders)).isFalse();

        shared.keep(orders, 0);
        assertThat(shared.entry(orders).resolve(Cache.FILE_NAME)).hasContent("from an earlier build");
        try (var left = Files.list(shared.entry(orders))) {
            assertThat(left).containsExactly(shared.entry(orders).resolve(Cache.FILE_NAME)); // no temporary file left
        }
    }

    @Test
    void eachModuleHasItsOwnStableEntry() {
        SharedCache shared = SharedCache.in(dir.resolve("store"));
        assertThat(shared.entry(module("orders"))).isEqualTo(shared.entry(module("orders/../orders")));
        assertThat(shared.entry(module("orders"))).isNotEqualTo(shared.entry(module("users")));
        assertThat(shared.entry(module("orders")).getParent()).isEqualTo(dir.resolve("store"));
    }

    @Test
    void copiesNoBuildUsedForAMonthAreRemoved() throws Exception {
        SharedCache shared = SharedCache.in(dir.resolve("store"));
        for (String m : new String[] {"old", "recent"}) {
            Files.createDirectories(module(m));
            Files.writeString(module(m).resolve(Cache.FILE_NAME), m);
            shared.keep(module(m), 0);
        }
        Files.setLastModifiedTime(shared.entry(module("old")).resolve(Cache.FILE_NAME),
                FileTime.fromMillis(System.currentTimeMillis() - TimeUnit.DAYS.toMillis(SharedCache.MAX_AGE_DAYS + 1)));
        Files.writeString(dir.resolve("store").resolve("not-ours.txt"), "left alone");

        shared.evictStale();

        assertThat(shared.has(module("old"))).isFalse();
        assertThat(shared.entry(module("old"))).doesNotExist();
        assertThat(shared.has(module("recent"))).isTrue();
        assertThat(dir.resolve("store").resolve("not-ours.txt")).exists();
    }

    @Test
    void aDisabledStoreDoesNothing() throws Exception {
        SharedCache none = SharedCache.in(null);
        Files.createDirectories(module("orders"));
        Files.writeString(module("orders").resolve(Cache.FILE_NAME), "x");
        none.keep(module("orders"), 0);
        none.evictStale();
        assertThat(none.has(module("orders"))).isFalse();
        assertThat(none.restore(module("users"))).isFalse();
    }
}
