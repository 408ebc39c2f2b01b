package io.github.querylint.maven;

import io.github.querylint.core.engine.Cache;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Analysis of later modules ahead of their turn. Maven builds a reactor one module at a time on
 * one thread, and each module's check waited for its own analysis; on a thread of its own, the
 * modules whose {@code check} is still to come are analysed meanwhile, one after the other, each
 * into an in-memory cache snapshot. When a module's {@code check} comes, it starts from that snapshot:
 * what changed since (a file a later phase wrote or touched) is read and analysed again, as with
 * the cache file, so the report is the one the module would have had without this.
 *
 * <p>A module's {@code check} that comes before the background thread got to it analyses the
 * module itself, and the thread skips it; one that comes while the thread is at it waits for it.
 * One state per plugin class loader, that is per build.
 */
final class Ahead {

    /**
     * One module's analysis ahead: what it is keyed by, whether it must start afresh (the build
     * cleans: the module's cache file, still there when the thread reads it, is about to go), and
     * how to run it.
     */
    record Job(Path cacheDirectory, boolean fresh, Consumer<Cache> analysis) {
    }

    /**
     * Run once, on the background thread, with the first snapshot it made: the steps the module's own check takes
     * on Maven's thread (the analysis from a snapshot, the cache file, the reports), into scratch space. Their
     * classes are then loaded, and their code warmer, before the first check needs them on Maven's thread.
     */
    interface Rehearsal {
        void run(Job job, Cache.Snapshot snapshot) throws Exception;
    }

    private enum State { WAITING, RUNNING, TAKEN }

    /**
     * One module's place in the queue. What it ends with is how to get the module's snapshot (null: none), so that
     * a snapshot another process wrote to disk is read only by the check that takes it.
     */
    static final class Slot {
        final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
        final CompletableFuture<Supplier<Cache.Snapshot>> snapshot = new CompletableFuture<>();
        /** Whether the snapshot holds one of {@link #WAITING_SNAPSHOTS}' permits (one made in this JVM). */
        volatile boolean counted;

        /** For an analysis elsewhere: it starts on this module, unless the module's check took it already. */
        boolean begin() {
            return state.compareAndSet(State.WAITING, State.RUNNING);
        }

        /** For an analysis elsewhere: the module is done (null: no snapshot to hand on). */
        void finish(Supplier<Cache.Snapshot> made) {
            snapshot.complete(made);
        }
    }

    private static final Map<Path, Slot> SLOTS = new ConcurrentHashMap<>();

    private static volatile boolean started;

    /** Told when a module's check takes its slot before its analysis ahead began (an analysis elsewhere skips it). */
    private static volatile Consumer<Path> onTakenFirst = dir -> { };

    /**
     * How many snapshots may wait for their module's check: the thread pauses when it is this far
     * ahead of the build, so that memory holds a few modules' results, not a whole reactor's.
     */
    static final int MAX_WAITING = 8;
    private static final java.util.concurrent.Semaphore WAITING_SNAPSHOTS = new java.util.concurrent.Semaphore(MAX_WAITING);

    private Ahead() {
    }

    /** Runs {@code first}, then analyses the modules of {@code jobs} in order, on a daemon thread; returns at once. */
    static void start(Runnable first, List<Job> jobs) {
        start(first, jobs, (job, snapshot) -> { });
    }

    /** {@link #start(Runnable, List)}, rehearsing the check's own steps after the first module analysed ahead. */
    static void start(Runnable first, List<Job> jobs, Rehearsal rehearsal) {
        if (jobs.isEmpty()) {
            return;
        }
        for (Job job : jobs) {
            SLOTS.putIfAbsent(key(job.cacheDirectory()), new Slot());
        }
        onTakenFirst = dir -> { }; // this thread looks at each slot's state itself
        started = true;
        Thread thread = new Thread(() -> {
            first.run();
            boolean rehearsed = false;
            for (Job job : jobs) {
                Cache.Snapshot made = run(job);
                if (made != null && !rehearsed) {
                    rehearsed = true;
                    try {
                        rehearsal.run(job, made);
                    } catch (Exception | LinkageError | StackOverflowError e) {
                        // a rehearsal only warms code up: the checks do the real work either way
                    }
                }
            }
        }, "querylint-ahead");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> {
            // every module not done ahead is analysed at its own check: only speed is at stake
        });
        thread.start();
    }

    /**
     * For an analysis ahead done elsewhere (another process): one slot per module, in its order; {@code takenFirst}
     * is told of each module whose check came before the analysis began on it.
     */
    static List<Slot> expect(List<Path> cacheDirectories, Consumer<Path> takenFirst) {
        List<Slot> slots = new java.util.ArrayList<>();
        for (Path dir : cacheDirectories) {
            Slot slot = new Slot();
            Slot there = SLOTS.putIfAbsent(key(dir), slot);
            slots.add(there == null ? slot : there);
        }
        onTakenFirst = takenFirst;
        started = true;
        return slots;
    }

    /** Whether the module's analysis ahead has yet to begin (for tests). */
    static boolean waiting(Path cacheDirectory) {
        Slot slot = SLOTS.get(key(cacheDirectory));
        return slot != null && slot.state.get() == State.WAITING;
    }

    /** Whether this build analyses modules ahead (which loads the parsers early too). */
    static boolean started() {
        return started;
    }

    /** Analyses one module into its slot; returns the snapshot it made, or null when it made none. */
    private static Cache.Snapshot run(Job job) {
        Slot slot = SLOTS.get(key(job.cacheDirectory()));
        if (slot == null || slot.state.get() != State.WAITING) {
            return null; // its check came first
        }
        try {
            WAITING_SNAPSHOTS.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (!slot.state.compareAndSet(State.WAITING, State.RUNNING)) {
            WAITING_SNAPSHOTS.release(); // its check came while this thread waited
            return null;
        }
        slot.counted = true;
        try {
            Cache cache = Cache.in(job.cacheDirectory());
            job.analysis().accept((job.fresh() ? cache.startingFrom(Cache.Snapshot.EMPTY) : cache)
                    .savingTo(made -> slot.snapshot.complete(() -> made)));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // the module's own check meets the same problem and reports it
        } finally {
            if (slot.snapshot.complete(null)) {
                WAITING_SNAPSHOTS.release(); // nothing to hand on
            }
        }
        Supplier<Cache.Snapshot> made = slot.snapshot.getNow(null);
        return made == null ? null : made.get();
    }

    /**
     * For a module's own check: the snapshot analysed ahead for this cache directory (waiting
     * for it when the background thread is at it), or empty when there is none, in which case
     * the background thread will not analyse this module any more.
     */
    static Optional<Cache.Snapshot> take(Path cacheDirectory) {
        Slot slot = SLOTS.remove(key(cacheDirectory));
        if (slot == null) {
            return Optional.empty();
        }
        if (slot.state.compareAndSet(State.WAITING, State.TAKEN)) {
            onTakenFirst.accept(key(cacheDirectory));
            return Optional.empty();
        }
        try {
            Supplier<Cache.Snapshot> made = slot.snapshot.get();
            if (made != null && slot.counted) {
                WAITING_SNAPSHOTS.release();
            }
            return Optional.ofNullable(made == null ? null : made.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private static Path key(Path cacheDirectory) {
        return cacheDirectory.toAbsolutePath().normalize();
    }
}
