package io.github.querylint.maven;

import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.engine.Cache;
import io.github.querylint.core.rule.Rules;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The analysis ahead of later modules ({@link Ahead}) in a JVM of its own rather than on a thread of Maven's. On a
 * thread of Maven's JVM the analysis allocates in Maven's heap (whose collections stop javac too), loads the parsers'
 * classes into the plugin's realm and queues their methods for Maven's compilers, which a compiler directive can keep
 * from C2 ({@link QuickJit}) but not from C1's profiling tier. A JVM started with C1 alone and the serial collector
 * (the options the CLI's launcher chooses) spends about the same CPU on the analysis, but shares none of that with
 * the build (measured in docs/performance.md). It writes each module's results as a cache file into a scratch
 * directory of its own, and says so on its standard output; the module's check, on Maven's thread, starts from that
 * file as it would from its own cache file: what changed in between is read and analysed again, so the report is the
 * one the module would have had without this.
 *
 * <p>The protocol, one line each: the child writes {@code start <i>} before module i and {@code done <i>} (or
 * {@code fail <i>}) after it; the parent writes {@code skip <i>} when module i's check came first. The child exits when
 * its modules are done, or when its standard input closes (Maven's JVM ended). Anything that goes wrong (no JVM
 * started, the child ended early) leaves the modules not yet done to their own checks: only speed is at stake.
 */
final class AheadJvm {

    /** The options of the JVM that analyses ahead: C1 alone, the serial collector, no performance data file. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    /** The jobs file's name in the scratch directory. */
    private static final String JOBS = "jobs.bin";

    /**
     * One module's analysis ahead, as the child JVM receives it: what the module's check would analyse, with the same
     * settings, and whether to start afresh (the build cleans) or from the module's cache file.
     */
    record Spec(String cacheDirectory, boolean fresh, String root, List<String> directories, String base,
                String encoding, RequestSettings settings) implements Serializable {

        Spec {
            directories = List.copyOf(directories);
        }
    }

    private AheadJvm() {
    }

    /**
     * Starts the JVM that analyses {@code specs} in order, and a thread of this JVM that follows it: it runs
     * {@code first}, then hands each module's snapshot to {@link Ahead} as the child reports it done, and runs
     * {@code rehearsal} once with the first. Returns false, having started nothing, when no JVM could be started
     * (the caller then analyses ahead on a thread of this JVM).
     *
     * @param jobs      the same modules as {@code specs}, in the same order, for the rehearsal
     * @param debug     where to say that the JVM ended before its modules were done, and why
     * @param classPath the class path of QueryLint and its rules, as this plugin's class loader has it
     */
    static boolean start(List<Spec> specs, List<Ahead.Job> jobs, List<Path> classPath, Runnable first,
                         Ahead.Rehearsal rehearsal, Consumer<String> debug) {
        if (specs.isEmpty()) {
            return true;
        }
        Path scratch;
        Process process;
        try {
            scratch = Files.createTempDirectory("querylint-ahead");
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(scratch.resolve(JOBS)))) {
                out.writeObject(new ArrayList<>(specs));
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_OPTIONS);
            command.add("-cp");
            command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
            command.add(AheadJvm.class.getName());
            command.add(scratch.toString());
            process = new ProcessBuilder(command).redirectError(scratch.resolve("stderr.txt").toFile()).start();
        } catch (IOException | RuntimeException e) {
            return false;
        }
        Map<Path, Integer> index = new HashMap<>();
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Path dir = Path.of(specs.get(i).cacheDirectory()).toAbsolutePath().normalize();
            dirs.add(dir);
            index.put(dir, i);
        }
        Writer toChild = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        List<Ahead.Slot> slots = Ahead.expect(dirs, dir -> {
            Integer i = index.get(dir);
            if (i != null) {
                synchronized (toChild) {
                    try {
                        toChild.write("skip " + i + "\n");
                        toChild.flush();
                    } catch (IOException e) {
                        // the child has ended: nothing to skip
                    }
                }
            }
        });
        Thread follower = new Thread(() -> follow(process, scratch, jobs, slots, first, rehearsal, debug),
                "querylint-ahead");
        follower.setDaemon(true);
        follower.setUncaughtExceptionHandler((t, e) -> slots.forEach(s -> s.finish(null)));
        follower.start();
        return true;
    }

    /** The class path of {@code loader} when it is a class path of files (Maven's plugin realms are), else empty. */
    static Optional<List<Path>> classPathOf(ClassLoader loader) {
        if (!(loader instanceof URLClassLoader urls)) {
            return Optional.empty();
        }
        List<Path> paths = new ArrayList<>();
        for (URL url : urls.getURLs()) {
            if (!"file".equals(url.getProtocol())) {
                return Optional.empty();
            }
            try {
                paths.add(Path.of(url.toURI()));
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return paths.isEmpty() ? Optional.empty() : Optional.of(paths);
    }

    private static void follow(Process process, Path scratch, List<Ahead.Job> jobs, List<Ahead.Slot> slots,
                               Runnable first, Ahead.Rehearsal rehearsal, Consumer<String> debug) {
        try {
            first.run();
            boolean rehearsed = false;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] parts = line.split(" ", 2);
                    int i = parts.length == 2 && parts[1].chars().allMatch(Character::isDigit) && !parts[1].isEmpty()
                            ? Integer.parseInt(parts[1]) : -1;
                    if (i < 0 || i >= slots.size()) {
                        continue;
                    }
                    Ahead.Slot slot = slots.get(i);
                    switch (parts[0]) {
                        case "start" -> slot.begin();
                        case "done" -> {
                            Path out = scratch.resolve(Integer.toString(i));
                            slot.finish(() -> take(out));
                            if (!rehearsed) {
                                rehearsed = true;
                                rehearseInBackground(jobs.get(i), out, rehearsal);
                            }
                        }
                        case "fail" -> slot.finish(null);
                        default -> {
                            // not a line of the protocol
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the child's output is gone: what it did not report done is left to the modules' checks
        } finally {
            slots.forEach(s -> s.finish(null));
            sayWhyItEnded(process, scratch, debug);
            // what the checks have not read yet is read from here: remove the directory when Maven's JVM ends
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(scratch)));
            } catch (IllegalStateException e) {
                delete(scratch); // it is ending now
            }
        }
    }

    /** The check's steps, once, with the first module done (on a thread of its own: the next lines do not wait). */
    private static void rehearseInBackground(Ahead.Job job, Path out, Ahead.Rehearsal rehearsal) {
        Thread warm = new Thread(() -> {
            try {
                Cache.Snapshot made = read(out);
                if (made != null) {
                    rehearsal.run(job, made);
                }
            } catch (Exception | LinkageError | StackOverflowError e) {
                // a rehearsal only warms code up: the checks do the real work either way
            }
        }, "querylint-rehearsal");
        warm.setDaemon(true);
        warm.start();
    }

    /** Waits for the JVM's end; one that failed is told at debug level, with what it wrote on its error stream. */
    private static void sayWhyItEnded(Process process, Path scratch, Consumer<String> debug) {
        try {
            int code = process.waitFor();
            if (code == 0) {
                return;
            }
            String why = "";
            try {
                why = Files.readString(scratch.resolve("stderr.txt"), StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                // nothing to quote
            }
            debug.accept("QueryLint: the JVM analysing ahead ended with exit code " + code
                    + "; the modules it had not done are analysed at their own check"
                    + (why.isEmpty() ? "" : ": " + why.substring(0, Math.min(why.length(), 2000))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The module's snapshot, read once for its check; its directory goes with it. */
    private static Cache.Snapshot take(Path dir) {
        Cache.Snapshot made = read(dir);
        delete(dir);
        return made;
    }

    private static Cache.Snapshot read(Path dir) {
        return Files.isRegularFile(dir.resolve(Cache.FILE_NAME)) ? Cache.Snapshot.read(dir) : null;
    }

    /** Removes a directory and what it holds; what cannot be removed is left behind. */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind
        }
    }

    /** The JVM that analyses ahead: {@code <scratch directory>}, holding the jobs file. */
    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        List<Spec> specs;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(scratch.resolve(JOBS)))) {
            @SuppressWarnings("unchecked")
            List<Spec> read = (List<Spec>) in.readObject();
            specs = read;
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // the standard output carries the protocol's lines, and nothing else
        Set<Integer> skipped = ConcurrentHashMap.newKeySet();
        Thread parent = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("skip ")) {
                        skipped.add(Integer.parseInt(line.substring(5).strip()));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // as if the input had closed
            }
            Runtime.getRuntime().halt(0); // Maven's JVM has ended: nobody waits for the rest
        }, "querylint-parent");
        parent.setDaemon(true);
        parent.start();
        ClassLoader loader = AheadJvm.class.getClassLoader();
        Analyzer analyzer = new Analyzer(Rules.installed(loader));
        for (int i = 0; i < specs.size(); i++) {
            if (skipped.contains(i)) {
                continue;
            }
            out.println("start " + i);
            try {
                analyse(analyzer, specs.get(i), scratch.resolve(Integer.toString(i)), loader);
                out.println("done " + i);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                // the module's own check meets the same problem and reports it
                out.println("fail " + i);
            }
        }
        out.flush();
        System.exit(0);
    }

    /** One module's analysis, as its check would run it, its results left as a cache file in {@code into}. */
    static void analyse(Analyzer analyzer, Spec spec, Path into, ClassLoader loader) {
        Charset charset = spec.encoding() == null || spec.encoding().isBlank() ? Charset.defaultCharset()
                : Charset.forName(spec.encoding().strip());
        Cache cache = Cache.in(into).startingFrom(spec.fresh() ? Cache.Snapshot.EMPTY
                : Cache.Snapshot.read(Path.of(spec.cacheDirectory())));
        List<Path> dirs = spec.directories().stream().map(Path::of).toList();
        // one thread: the other core is Maven's; the baseline is applied at the module's own check
        analyzer.analyze(spec.settings().request(analyzer, Path.of(spec.root()), dirs, Baseline.EMPTY,
                Path.of(spec.base()), charset, 1, loader, null), cache);
    }
}
