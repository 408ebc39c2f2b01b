package io.github.querylint.core.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz target over mutated seeds: every input on a watchdog thread (a hang is a failure
 * too), failures written to {@code target/fuzz-failures/} with the seed that made them.
 *
 * <p>How long: {@code -Dquerylint.fuzz.tries=N} inputs per target (default {@value #CI_TRIES}, a
 * few seconds), {@code -Dquerylint.fuzz.seconds=S} to stop a target after S seconds, and
 * {@code -Dquerylint.fuzz.seed=S} for another campaign than the CI's fixed one.
 */
final class Campaign {

    static final int CI_TRIES = 120;
    private static final long HANG_MILLIS = 30_000;

    /** What one target does with an input; it throws when the contract is broken. */
    interface Check {
        /** @return a label for an outcome worth counting (for the summary), or null */
        String run(String input) throws Exception;
    }

    record Failure(long index, String input, String problem) {
    }

    record Summary(String target, long tries, long millis, long slowestMillis, String slowestInput,
                   Map<String, Integer> labels, List<Failure> failures) {
        String line() {
            return String.format(Locale.ROOT, "fuzz %-12s %8d inputs in %7.1f s, slowest %5d ms, failures %d, %s",
                    target, tries, millis / 1000.0, slowestMillis, failures.size(), labels);
        }
    }

    static long tries(long ciDefault) {
        return Long.getLong("querylint.fuzz.tries", ciDefault);
    }

    static long seed() {
        return Long.getLong("querylint.fuzz.seed", 20261126L);
    }

    static Summary run(String target, List<String> seeds, long tries, Check check) {
        long seconds = Long.getLong("querylint.fuzz.seconds", 0);
        long stopAt = seconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
        Mutator mutator = new Mutator(seed() ^ target.hashCode(), seeds);
        ExecutorService watchdog = newWatchdog();
        List<Failure> failures = new ArrayList<>();
        Map<String, Integer> labels = new TreeMap<>();
        long start = System.nanoTime();
        long slowest = -1;
        String slowestInput = "";
        long done = 0;
        try {
            for (long i = 0; i < tries && System.nanoTime() < stopAt; i++) {
                String input = mutator.next();
                long t0 = System.nanoTime();
                Future<String> future = watchdog.submit(() -> check.run(input));
                try {
                    String label = future.get(HANG_MILLIS, TimeUnit.MILLISECONDS);
                    if (label != null) {
                        if (label.startsWith("internal:") && !labels.containsKey(label)) {
                            // not a broken contract (the parser answered), but a parser or shape builder threw: keep the input
                            save(target + "-internal", i, input, label);
                        }
                        labels.merge(label, 1, Integer::sum);
                    }
                } catch (TimeoutException e) {
                    future.cancel(true);
                    failures.add(new Failure(i, input, "no answer after " + HANG_MILLIS + " ms (a hang)"));
                    watchdog.shutdownNow();
                    watchdog = newWatchdog();
                } catch (ExecutionException e) {
                    failures.add(new Failure(i, input, trace(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > slowest) {
                    slowest = ms;
                    slowestInput = input;
                }
                done++;
            }
        } finally {
            watchdog.shutdownNow();
        }
        Summary summary = new Summary(target, done, (System.nanoTime() - start) / 1_000_000, slowest,
                slowestInput.length() > 2000 ? slowestInput.substring(0, 2000) + "..." : slowestInput, labels, failures);
        save(summary);
        System.out.println(summary.line());
        return summary;
    }

    private static ExecutorService newWatchdog() {
        // the same large stack as the analyzer's workers, so nesting behaves as in a real run
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz-target", 16L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        });
    }

    private static void save(String name, long index, String input, String problem) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Files.write(dir.resolve(name + "-" + seed() + "-" + index + ".txt"),
                    (input + "\n\n==== " + problem).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("cannot save fuzz input: " + e);
        }
    }

    private static String trace(Throwable e) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        String s = sw.toString();
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }

    private static void save(Summary summary) {
        Path dir = Path.of("target", "fuzz-failures");
        try {
            Files.createDirectories(dir);
            for (Failure f : summary.failures()) {
                // lone surrogates cannot be encoded: they are written as '?'
                Files.write(dir.resolve(summary.target() + "-" + seed() + "-" + f.index() + ".txt"),
                        (f.input() + "\n\n==== " + f.problem()).getBytes(StandardCharsets.UTF_8));
            }
            Files.write(dir.resolve(summary.target() + "-summary.txt"), (summary.line() + "\nslowest input: "
                    + summary.slowestInput() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("cannot save fuzz results: " + e);
        }
    }
}
