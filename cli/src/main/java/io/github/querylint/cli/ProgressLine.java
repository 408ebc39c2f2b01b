package io.github.querylint.cli;

import io.github.querylint.core.engine.Progress;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * "QueryLint: 120 of 4894 files" on stderr, rewritten in place, for scans that take longer than a
 * moment; a quick scan prints nothing. Erased when the scan ends so the report starts clean.
 */
final class ProgressLine implements Progress, AutoCloseable {

    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final long start;
    private long last;
    private int width;

    ProgressLine(PrintWriter err) {
        this(err, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    ProgressLine(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override
    public synchronized void filesAnalysed(int done, int total) {
        long now = clock.getAsLong();
        if (now - start < DELAY_NANOS || (width > 0 && now - last < INTERVAL_NANOS && done < total)) {
            return;
        }
        last = now;
        String line = "QueryLint: " + done + " of " + total + " files";
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = Math.max(width, line.length());
    }

    @Override
    public synchronized void close() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
