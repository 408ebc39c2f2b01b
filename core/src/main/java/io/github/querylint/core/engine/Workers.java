package io.github.querylint.core.engine;

import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The analyzer's worker threads, and the limits of a run that no single file can break:
 * <ul>
 *   <li>the overall deadline: once it has passed, no further file is started, the caller stops
 *       waiting for files still running, and a notice says how many files were left;</li>
 *   <li>a {@link RuntimeException} out of one file (a bug) becomes a notice for that file, and the
 *       other files are still analysed;</li>
 *   <li>an {@link Error} (out of memory) shuts every worker down at once and is thrown to the
 *       caller, named after the file it hit, instead of leaving a pool that keeps the JVM alive.</li>
 * </ul>
 * The caller waits in short slices, so it notices a fatal error even when the task that hit it
 * could not report it (an {@link OutOfMemoryError} can strike while a future is being completed).
 */
final class Workers {

    /** Worker stacks are larger than the default, so that deeply nested code parses instead of overflowing. */
    static final long STACK_BYTES = 16L * 1024 * 1024;

    private static final long SLICE_MILLIS = 100;

    private final ExecutorService pool;
    private final int threads;
    private final long deadlineSeconds;
    private final long deadlineNanos;
    /** The first fatal error and the file it happened on, set together: the caller may read them at any moment. */
    private final AtomicReference<Fatal> fatal = new AtomicReference<>();

    private record Fatal(Throwable error, String path) {
    }
    private final SortedSet<String> notAnalysed = Collections.synchronizedSortedSet(new TreeSet<>());
    private final List<Notice> notices = Collections.synchronizedList(new ArrayList<>());
    private int total;

    private Workers(int threads, long deadlineSeconds) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(null, r, "querylint-worker-" + count.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> fatal.compareAndSet(null, new Fatal(e, null)));
            return t;
        });
        this.deadlineSeconds = deadlineSeconds;
        this.deadlineNanos = deadlineSeconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds) : 0;
    }

    /**
     * @param threads         worker threads (at least one: even a sequential run works off the
     *                        caller's thread, so that the caller can give up on a file at the deadline)
     * @param deadlineSeconds the overall deadline from now, 0 for none
     */
    static Workers start(int threads, long deadlineSeconds) {
        return new Workers(threads, deadlineSeconds);
    }

    private boolean pastDeadline() {
        return deadlineNanos != 0 && System.nanoTime() - deadlineNanos >= 0;
    }

    /**
     * Runs the task on every file and returns the results in the files' order; a file not analysed
     * (deadline, failure) gives null.
     */
    @SuppressWarnings("unchecked")
    <T> List<T> run(List<SourceFile> files, Function<SourceFile, T> task) {
        total = Math.max(total, files.size());
        int n = files.size();
        // one task per thread takes the next file until none is left: a future per file cost more
        // than the work of a cheap pass (a stat, a lookup) over a large tree
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(n);
        AtomicIntegerArray done = new AtomicIntegerArray(n);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, n); t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    if (pastDeadline() || fatal.get() != null) {
                        continue; // not started: reported as not analysed
                    }
                    SourceFile file = files.get(i);
                    try {
                        results.set(i, task.apply(file));
                    } catch (StackOverflowError e) {
                        notices.add(tooDeep(file.path()));
                    } catch (Error e) {
                        fatal.compareAndSet(null, new Fatal(e, file.path()));
                        throw e;
                    } catch (RuntimeException e) {
                        notices.add(internalError(file.path(), e));
                    }
                    done.set(i, 1);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            if (!await(future, futures)) {
                break;
            }
        }
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (done.get(i) == 1) {
                out.add((T) results.get(i));
            } else {
                notAnalysed.add(files.get(i).path());
                out.add(null);
            }
        }
        return out;
    }

    /** Waits for one task; false when the deadline has passed and every task was given up. */
    private boolean await(Future<?> future, List<Future<?>> all) {
        while (true) {
            throwIfFatal();
            if (pastDeadline() && !future.isDone()) {
                // a parser may not listen; the threads are daemons and are shut down by the caller
                all.forEach(f -> f.cancel(true));
                return false;
            }
            try {
                future.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                // look at the deadline and for fatal errors again
            } catch (CancellationException e) {
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shutdownNow();
                throw new IllegalStateException("analysis interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                fatal.compareAndSet(null, new Fatal(cause, null));
                throwIfFatal();
            }
        }
    }

    /** The notice for a file whose nesting overflowed even a worker's large stack. */
    static Notice tooDeep(String path) {
        return new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(path, 1, 1),
                "the file nests code too deeply to analyse (StackOverflowError); its queries were not analysed:"
                        + " exclude it if it is generated, or simplify the nesting");
    }

    private static Notice internalError(String path, Throwable cause) {
        return new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(path, 1, 1), "internal error while analysing"
                + " this file (" + cause + "); its queries were not analysed, please report this");
    }

    private void throwIfFatal() {
        Fatal first = fatal.get();
        if (first == null) {
            return;
        }
        Throwable error = first.error();
        shutdownNow();
        String path = first.path();
        if (error instanceof OutOfMemoryError oom && path != null) {
            // the heap is free again once the workers are gone: say where it ran out
            OutOfMemoryError named = new OutOfMemoryError("ran out of memory while analysing " + path
                    + " (" + oom.getMessage() + ")");
            named.initCause(oom);
            throw named;
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("a worker thread died: " + error, error);
    }

    /** Files not analysed because the deadline had passed, sorted. */
    List<String> notAnalysed() {
        synchronized (notAnalysed) {
            return List.copyOf(notAnalysed);
        }
    }

    /** Notices of the run itself: files that failed, and the deadline when it was hit. */
    List<Notice> notices() {
        List<Notice> out;
        synchronized (notices) {
            out = new ArrayList<>(notices);
        }
        List<String> left = notAnalysed();
        if (!left.isEmpty()) {
            out.add(new Notice(Notice.Kind.LIMIT, new Location(left.get(0), 1, 1), "the deadline of "
                    + deadlineSeconds + " s (deadlineSeconds, --deadline) was hit: " + left.size() + " of " + total
                    + " files were not analysed, starting with this one, so this report is incomplete;"
                    + " raise the deadline or exclude generated and vendored code"));
        }
        return out;
    }

    void shutdownNow() {
        pool.shutdownNow();
    }
}
