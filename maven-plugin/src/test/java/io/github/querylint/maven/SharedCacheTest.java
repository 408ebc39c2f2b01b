package io.github.querylint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.Cache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
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
        assertThat(shared.restore(orders)).contains(shared.entry(orders).resolve(Cache.FILE_NAME));
        assertThat(orders.resolve(Cache.FILE_NAME)).hasContent("orders' results");
        // a cache file that is there is the module's own: never overwritten by the copy
        Files.writeString(orders.resolve(Cache.FILE_NAME), "newer results");
        assertThat(shared.restore(orders)).isEmpty();
        assertThat(orders.resolve(Cache.FILE_NAME)).hasContent("newer results");
        // a module with no copy starts cold
        assertThat(shared.restore(module("users"))).isEmpty();
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
        assertThat(none.restore(module("users"))).isEmpty();
    }

    @Test
    void aCheckoutInAnotherDirectoryStartsFromTheSameModulesCopy() throws Exception {
        Path main = dir.resolve("main/orders/target/querylint/cache");
        Path branch = dir.resolve("feature-x/orders/target/querylint/cache");
        Path store = dir.resolve("store");
        SharedCache inMain = SharedCache.in(store, Map.of(main, "shop:orders:CheckMojo:target/querylint/cache"));
        Files.createDirectories(main);
        Files.writeString(main.resolve(Cache.FILE_NAME), "main's results");
        inMain.keep(main, System.currentTimeMillis() - 10_000);

        // a new branch's workspace: no copy under its path, one under the module's coordinates
        SharedCache inBranch = SharedCache.in(store, Map.of(branch, "shop:orders:CheckMojo:target/querylint/cache"));
        assertThat(inBranch.has(branch)).isTrue();
        assertThat(inBranch.restore(branch)).isPresent();
        assertThat(branch.resolve(Cache.FILE_NAME)).hasContent("main's results");

        // once the branch kept its own, it starts from that one, and main from its own
        Files.writeString(branch.resolve(Cache.FILE_NAME), "the branch's results");
        inBranch.keep(branch, System.currentTimeMillis() - 10_000);
        Files.delete(branch.resolve(Cache.FILE_NAME));
        Files.delete(main.resolve(Cache.FILE_NAME));
        assertThat(inBranch.restore(branch)).contains(inBranch.entry(branch).resolve(Cache.FILE_NAME));
        assertThat(branch.resolve(Cache.FILE_NAME)).hasContent("the branch's results");
        assertThat(inMain.restore(main)).contains(inMain.entry(main).resolve(Cache.FILE_NAME));
        assertThat(main.resolve(Cache.FILE_NAME)).hasContent("main's results");

        // another module, or a store keyed by path only, finds nothing
        assertThat(SharedCache.in(store, Map.of(branch, "shop:users:CheckMojo:target/querylint/cache"))
                .has(dir.resolve("other/orders/target/querylint/cache"))).isFalse();
        assertThat(SharedCache.in(store).has(dir.resolve("other/orders/target/querylint/cache"))).isFalse();
    }
}
