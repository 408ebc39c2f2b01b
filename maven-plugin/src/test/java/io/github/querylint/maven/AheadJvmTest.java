package io.github.querylint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.engine.Cache;
import io.github.querylint.core.rule.Rules;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis ahead in a JVM of its own, started for real with this test's class path. */
class AheadJvmTest {

    @TempDir
    Path tree;
    @TempDir
    Path caches;

    private static final String DAO = """
            package app;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;

            class %s {
                private final JdbcTemplate jdbc;

                %s(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                List<String> all() {
                    return jdbc.queryForList("SELECT * FROM %s", String.class);
                }
            }
            """;

    private static List<Path> testClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    private Path module(String name, String table) throws Exception {
        Path src = Files.createDirectories(tree.resolve(name).resolve("src/main/java/app"));
        String type = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Dao";
        Files.writeString(src.resolve(type + ".java"), DAO.formatted(type, type, table), StandardCharsets.UTF_8);
        return tree.resolve(name);
    }

    private static final RequestSettings SETTINGS = new RequestSettings(null, List.of("excessive-joins"),
            Map.of("missing-pagination.severity", "ERROR"), null, List.of("**/Ignored.java"));

    private AheadJvm.Spec spec(Path module, Path cacheDirectory) {
        return new AheadJvm.Spec(cacheDirectory.toString(), true, module.toString(),
                List.of(module.resolve("src/main/java").toString()), module.toString(), "UTF-8", SETTINGS);
    }

    /** The module's check, as {@link CheckMojo} runs it: from the snapshot handed on, else alone. */
    private AnalysisResult check(Path module, Path cacheDirectory, Optional<Cache.Snapshot> ahead) {
        Analyzer analyzer = new Analyzer(Rules.installed(getClass().getClassLoader()));
        Cache cache = Cache.in(cacheDirectory);
        cache = ahead.map(cache::startingFrom).orElse(cache);
        AnalysisResult result = analyzer.analyze(SETTINGS.request(analyzer, module, List.of(module.resolve("src/main/java")),
                Baseline.EMPTY, module, StandardCharsets.UTF_8, 1, getClass().getClassLoader(), null), cache);
        lastRun = cache.lastRun();
        return result;
    }

    private Cache.Stats lastRun;

    /** Until the other JVM has begun on the module (its check, coming earlier, would analyse the module itself). */
    private static void awaitBegun(Path cacheDirectory) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Ahead.waiting(cacheDirectory) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void eachModuleIsAnalysedInTheOtherJvmAndItsCheckReportsWhatItWouldAlone() throws Exception {
        Path orders = module("orders", "orders");
        Path users = module("users", "users");
        Path ordersCache = caches.resolve("orders");
        Path usersCache = caches.resolve("users");
        List<String> rehearsed = new CopyOnWriteArrayList<>();
        List<Ahead.Job> jobs = List.of(new Ahead.Job(ordersCache, true, c -> { }), new Ahead.Job(usersCache, true, c -> { }));
        assertThat(AheadJvm.start(List.of(spec(orders, ordersCache), spec(users, usersCache)), jobs, testClassPath(),
                () -> { }, (job, snapshot) -> rehearsed.add(job.cacheDirectory().getFileName() + ":" + snapshot.files()), d -> { }))
                .isTrue();

        awaitBegun(ordersCache);
        awaitBegun(usersCache);
        Optional<Cache.Snapshot> ordersAhead = Ahead.take(ordersCache);
        assertThat(ordersAhead).hasValueSatisfying(s -> assertThat(s.files()).isEqualTo(1));
        AnalysisResult fromAhead = check(orders, ordersCache, ordersAhead);
        assertThat(lastRun.analysed()).as("nothing left to analyse at the module's turn").isZero();
        assertThat(lastRun.reused()).isEqualTo(1);
        assertThat(ordersCache.resolve(Cache.FILE_NAME)).as("the check leaves its cache file").exists();

        Optional<Cache.Snapshot> usersAhead = Ahead.take(usersCache);
        assertThat(usersAhead).isPresent();
        check(users, usersCache, usersAhead);
        assertThat(lastRun.analysed()).isZero();

        // the same findings as a check that analysed the module alone
        AnalysisResult alone = check(orders, caches.resolve("alone"), Optional.empty());
        assertThat(lastRun.analysed()).isEqualTo(1);
        assertThat(fromAhead.findings()).isNotEmpty().isEqualTo(alone.findings());
        assertThat(fromAhead.notices()).isEqualTo(alone.notices());

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (rehearsed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(rehearsed).containsExactly("orders:1");
    }

    @Test
    void aModuleChangedInBetweenIsAnalysedAgainAtItsTurn() throws Exception {
        Path orders = module("orders", "orders");
        Path cache = caches.resolve("orders");
        assertThat(AheadJvm.start(List.of(spec(orders, cache)), List.of(new Ahead.Job(cache, true, c -> { })),
                testClassPath(), () -> { }, (job, snapshot) -> { }, d -> { })).isTrue();
        awaitBegun(cache);
        Optional<Cache.Snapshot> ahead = Ahead.take(cache);
        assertThat(ahead).isPresent();
        // a later phase rewrote the file: the check must not trust what the other JVM saw
        Path file = orders.resolve("src/main/java/app/OrdersDao.java");
        Files.writeString(file, Files.readString(file).replace("SELECT * FROM orders", "SELECT id FROM orders WHERE id = ?"));
        AnalysisResult result = check(orders, cache, ahead);
        assertThat(lastRun.analysed()).isEqualTo(1);
        assertThat(result.findings()).isEqualTo(check(orders, caches.resolve("alone"), Optional.empty()).findings());
    }

    @Test
    void aJvmThatCannotRunLeavesEveryModuleToItsOwnCheck() throws Exception {
        Path orders = module("orders", "orders");
        Path cache = caches.resolve("orders");
        List<Path> noQueryLint = new ArrayList<>(List.of(caches.resolve("nothing-here.jar")));
        List<String> said = new CopyOnWriteArrayList<>();
        assertThat(AheadJvm.start(List.of(spec(orders, cache)), List.of(new Ahead.Job(cache, true, c -> { })),
                noQueryLint, () -> { }, (job, snapshot) -> { }, said::add)).isTrue();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (said.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // it says why, at debug level, and the module is its check's to analyse
        assertThat(said).singleElement().asString().contains("ended with exit code 1").contains(AheadJvm.class.getName());
        assertThat(Ahead.take(cache)).isEmpty();
        check(orders, cache, Optional.empty());
        assertThat(lastRun.analysed()).isEqualTo(1);
    }

    @Test
    void aPluginRealmsClassPathIsItsFiles() throws Exception {
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {
                tree.resolve("a.jar").toUri().toURL(), tree.resolve("classes").toUri().toURL()})) {
            assertThat(AheadJvm.classPathOf(loader)).contains(List.of(tree.resolve("a.jar"), tree.resolve("classes")));
        }
        assertThat(AheadJvm.classPathOf(ClassLoader.getPlatformClassLoader())).isEmpty();
    }
}
