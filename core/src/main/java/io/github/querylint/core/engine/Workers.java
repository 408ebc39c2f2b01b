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
    private final long deadlineSeconds;
    private final long deadlineNanos;
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final AtomicReference<String> fatalPath = new AtomicReference<>();
    private final SortedSet<String> notAnalysed = Collections.synchronizedSortedSet(new TreeSet<>());
    private final List<Notice> notices = Collections.synchronizedList(new ArrayList<>());
    private int total;

    private Workers(int threads, long deadlineSeconds) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(null, r, "querylint-worker-" + count.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> fatal.compareAndSet(null, e));
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
    <T> List<T> run(List<SourceFile> files, Function<SourceFile, T> task) {
        total = Math.max(total, files.size());
        List<Future<T>> futures = new ArrayList<>();
        for (SourceFile file : files) {
            futures.add(pool.submit(() -> {
                if (pastDeadline() || fatal.get() != null) {
                    notAnalysed.add(file.path());
                    return null;
                }
                try {
                    return task.apply(file);
                } catch (StackOverflowError e) {
                    notices.add(tooDeep(file.path()));
                    return null;
                } catch (Error e) {
                    if (fatal.compareAndSet(null, e)) {
                        fatalPath.set(file.path());
                    }
                    throw e;
                } catch (RuntimeException e) {
                    notices.add(internalError(file.path(), e));
                    return null;
                }
            }));
        }
        List<T> out = new ArrayList<>(files.size());
        for (int i = 0; i < futures.size(); i++) {
            out.add(await(futures.get(i), files.get(i)));
        }
        return out;
    }

    private <T> T await(Future<T> future, SourceFile file) {
        while (true) {
            throwIfFatal();
            if (pastDeadline() && !future.isDone()) {
                future.cancel(true); // a parser may not listen; the thread is a daemon and is shut down below
                notAnalysed.add(file.path());
                return null;
            }
            try {
                return future.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look at the deadline and for fatal errors again
            } catch (CancellationException e) {
                notAnalysed.add(file.path());
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shutdownNow();
                throw new IllegalStateException("analysis interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error) {
                    fatal.compareAndSet(null, cause);
                    fatalPath.compareAndSet(null, file.path());
                    throwIfFatal();
                }
                notices.add(internalError(file.path(), cause));
                return null;
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
        Throwable error = fatal.get();
        if (error == null) {
            return;
        }
        shutdownNow();
        String path = fatalPath.get();
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
