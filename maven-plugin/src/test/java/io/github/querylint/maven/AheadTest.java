package io.github.querylint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Cache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AheadTest {

    @TempDir
    Path tree;
    @TempDir
    Path caches;

    private void analyse(Cache cache) {
        new Analyzer(List.of()).analyze(AnalysisRequest.of(tree), cache);
    }

    @Test
    void aModuleDoneAheadHandsItsSnapshotToItsCheck() throws Exception {
        Files.writeString(tree.resolve("A.java"), "class A { }\n");
        Path a = caches.resolve("a");
        Path b = caches.resolve("b");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch atA = new CountDownLatch(1);
        CountDownLatch atB = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger runsBeforeFirst = new AtomicInteger(-1);
        Ahead.start(() -> runsBeforeFirst.set(runs.get()), List.of(new Ahead.Job(a, false, cache -> {
            atA.countDown();
            runs.incrementAndGet();
            analyse(cache);
        }), new Ahead.Job(b, false, cache -> {
            atB.countDown();
            try {
                release.await(10, TimeUnit.SECONDS); // b's check comes while the thread is at it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runs.incrementAndGet();
            analyse(cache);
        })));
        // a's check waits for the thread, b's too once it is released
        assertThat(atA.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Ahead.take(a)).hasValueSatisfying(s -> assertThat(s.files()).isEqualTo(1));
        assertThat(atB.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        assertThat(Ahead.take(b)).isPresent();
        assertThat(runs).hasValue(2);
        assertThat(runsBeforeFirst).as("what must precede the parsers runs before the first module").hasValue(0);
        // a snapshot is handed once; the thread wrote no cache file
        assertThat(Ahead.take(a)).isEmpty();
        assertThat(a.resolve(Cache.FILE_NAME)).doesNotExist();
    }

    @Test
    void theCheckStepsAreRehearsedOnceWithTheFirstSnapshotAndAFailedRehearsalChangesNothing() throws Exception {
        Files.writeString(tree.resolve("A.java"), "class A { }\n");
        Path one = caches.resolve("one");
        Path two = caches.resolve("two");
        java.util.List<String> rehearsed = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Ahead.start(() -> { }, List.of(new Ahead.Job(one, false, this::analyse), new Ahead.Job(two, false, cache -> {
            analyse(cache);
            done.countDown();
        })), (job, snapshot) -> {
            rehearsed.add(job.cacheDirectory().getFileName() + ":" + snapshot.files());
            throw new IllegalStateException("a rehearsal that fails");
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Ahead.take(one)).hasValueSatisfying(s -> assertThat(s.files()).isEqualTo(1));
        assertThat(Ahead.take(two)).hasValueSatisfying(s -> assertThat(s.files()).isEqualTo(1));
        assertThat(rehearsed).containsExactly("one:1");
    }

    @Test
    void aCheckThatComesFirstIsLeftToItself() throws Exception {
        Path first = caches.resolve("first");
        Path blocker = caches.resolve("blocker");
        CountDownLatch hold = new CountDownLatch(1);
        AtomicInteger ranFirst = new AtomicInteger();
        Ahead.start(() -> { }, List.of(new Ahead.Job(blocker, false, cache -> {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), new Ahead.Job(first, false, cache -> ranFirst.incrementAndGet())));
        // the thread is still at the blocker: "first" has not started, so its check analyses it itself
        assertThat(Ahead.take(first)).isEmpty();
        hold.countDown();
        assertThat(Ahead.take(blocker)).isEmpty(); // it analysed nothing, so it has no snapshot to give
        assertThat(ranFirst).hasValue(0);
    }

    @Test
    void theThreadPausesWhenSnapshotsPileUp() throws Exception {
        Files.writeString(tree.resolve("A.java"), "class A { }\n");
        int n = Ahead.MAX_WAITING + 2;
        List<Path> dirs = new java.util.ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        List<Ahead.Job> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path dir = caches.resolve("m" + i);
            dirs.add(dir);
            jobs.add(new Ahead.Job(dir, false, cache -> {
                runs.incrementAndGet();
                analyse(cache);
            }));
        }
        Ahead.start(() -> { }, jobs);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runs.get() < Ahead.MAX_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        assertThat(runs).hasValue(Ahead.MAX_WAITING); // none taken yet: the thread waits
        for (Path dir : dirs.subList(0, Ahead.MAX_WAITING)) {
            assertThat(Ahead.take(dir)).isPresent(); // and each take lets the thread go on
        }
        // the last ones: done ahead if the thread got to them first, else by their own check
        dirs.subList(Ahead.MAX_WAITING, n).forEach(Ahead::take);
        assertThat(runs.get()).isBetween(Ahead.MAX_WAITING, n);
    }

    /** In a build that cleans, the module's cache file is still there when the thread comes, and about to go. */
    @Test
    void aFreshJobDoesNotReadTheCacheFileACleanIsAboutToRemove() throws Exception {
        Files.writeString(tree.resolve("A.java"), "class A { }\n");
        Path dir = caches.resolve("cleaned");
        analyse(Cache.in(dir)); // the last build's cache
        assertThat(dir.resolve(Cache.FILE_NAME)).exists();
        AtomicInteger analysed = new AtomicInteger(-1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Ahead.start(() -> { }, List.of(new Ahead.Job(dir, true, cache -> {
            started.countDown();
            analyse(cache);
            analysed.set(cache.lastRun().analysed());
            finished.countDown();
        })));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Ahead.take(dir)).isPresent();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(analysed).hasValue(1); // not 0: nothing was taken from the file
    }

    @Test
    void onlyModulesThatRunTheCheckAreAnalysedAhead() {
        assertThat(CheckMojo.runsCheck(project("check"))).isTrue();
        assertThat(CheckMojo.runsCheck(project("aggregate"))).isFalse();
        assertThat(CheckMojo.runsCheck(project())).isFalse();
        org.apache.maven.project.MavenProject other = new org.apache.maven.project.MavenProject();
        org.apache.maven.model.Plugin plugin = new org.apache.maven.model.Plugin();
        plugin.setGroupId("org.example");
        plugin.setArtifactId("other-plugin");
        org.apache.maven.model.PluginExecution execution = new org.apache.maven.model.PluginExecution();
        execution.addGoal("check");
        plugin.addExecution(execution);
        other.getModel().setBuild(new org.apache.maven.model.Build());
        other.getBuild().addPlugin(plugin);
        assertThat(CheckMojo.runsCheck(other)).isFalse();
    }

    /**
     * A no-change build warms nothing up: only the modules whose check will run on sources count, so a skipped
     * module or one without the check, which never has a cache file, is no sign of a cold build.
     */
    @Test
    void onlyModulesThatWillBeCheckedDecideWhetherTheBuildIsCold() throws Exception {
        org.apache.maven.project.MavenProject parent = module("parent", false, "check");
        org.apache.maven.project.MavenProject checked = module("checked", true, "check");
        org.apache.maven.project.MavenProject skipped = module("skipped", true, "check");
        skipped.getProperties().setProperty("querylint.skip", "true");
        org.apache.maven.project.MavenProject unchecked = module("unchecked", true);
        CheckMojo mojo = new CheckMojo();
        mojo.project = parent;
        mojo.reactorProjects = List.of(parent, checked, skipped, unchecked);
        mojo.cacheDirectory = tree.resolve("parent/target/querylint/cache").toFile();
        assertThat(mojo.cacheFilesToCome()).containsExactly(
                tree.resolve("checked/target/querylint/cache").resolve(Cache.FILE_NAME));
    }

    private org.apache.maven.project.MavenProject module(String name, boolean sources, String... goals) throws Exception {
        org.apache.maven.project.MavenProject p = project(goals);
        Path dir = Files.createDirectories(tree.resolve(name));
        p.setFile(dir.resolve("pom.xml").toFile());
        p.getBuild().setDirectory(dir.resolve("target").toString());
        if (sources) {
            p.addCompileSourceRoot(Files.createDirectories(dir.resolve("src/main/java")).toString());
        }
        return p;
    }

    private static org.apache.maven.project.MavenProject project(String... goals) {
        org.apache.maven.project.MavenProject p = new org.apache.maven.project.MavenProject();
        org.apache.maven.model.Plugin plugin = new org.apache.maven.model.Plugin();
        plugin.setGroupId("io.github.querylint");
        plugin.setArtifactId("querylint-maven-plugin");
        if (goals.length > 0) {
            org.apache.maven.model.PluginExecution execution = new org.apache.maven.model.PluginExecution();
            for (String goal : goals) {
                execution.addGoal(goal);
            }
            plugin.addExecution(execution);
        }
        p.getModel().setBuild(new org.apache.maven.model.Build());
        p.getBuild().addPlugin(plugin);
        return p;
    }

    @Test
    void aFailureAheadLeavesTheModuleToItsCheck() {
        Path failing = caches.resolve("failing");
        Ahead.start(() -> { }, List.of(new Ahead.Job(failing, false, cache -> {
            throw new IllegalStateException("bad configuration");
        })));
        assertThat(Ahead.take(failing)).isEmpty();
    }
}
