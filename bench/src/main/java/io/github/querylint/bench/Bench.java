package io.github.querylint.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Cache;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import io.github.querylint.core.source.SourceSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Whole-run timings of QueryLint against its floors on the same tree, in one run: reading every
 * file (the I/O floor), a raw JavaParser parse of every Java file (what any parse-everything tool
 * pays), QueryLint's cold scan, its warm re-run from the cache, and PMD with one trivial rule.
 * Usage: see bench/README.md.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: generate|run|task ... (see bench/README.md)");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "generate" -> generate(options);
            case "run" -> run(options);
            case "task" -> task(options);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
                out.put(key, value);
            } else {
                out.put("dir", args[i]);
            }
        }
        return out;
    }

    private static CodebaseGenerator.Spec spec(Map<String, String> o) {
        long lines = parseSize(o.getOrDefault("lines", "100k"));
        return CodebaseGenerator.Spec.of(lines)
                .withQueryShare(Double.parseDouble(o.getOrDefault("query-share", "0.10")))
                .withSeed(Long.parseLong(o.getOrDefault("seed", "42")))
                .withModules(Integer.parseInt(o.getOrDefault("modules", "0")), o.get("plugin-version"))
                .withTestShare(Double.parseDouble(o.getOrDefault("test-share", "0")));
    }

    static long parseSize(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("_", "");
        if (t.endsWith("m")) {
            return Long.parseLong(t.substring(0, t.length() - 1)) * 1_000_000;
        }
        if (t.endsWith("k")) {
            return Long.parseLong(t.substring(0, t.length() - 1)) * 1_000;
        }
        return Long.parseLong(t);
    }

    private static void generate(Map<String, String> o) {
        Path dir = Path.of(o.getOrDefault("dir", "target/bench-tree"));
        CodebaseGenerator.Summary s = CodebaseGenerator.generate(spec(o), dir);
        System.out.printf(Locale.ROOT, "wrote %s: %d Java files, %d other files, %d lines, %d query-bearing, %.1f MB%s%n",
                dir, s.javaFiles(), s.otherFiles(), s.lines(), s.queryFiles(), s.bytes() / 1e6,
                s.testFiles() == 0 ? "" : String.format(Locale.ROOT, "; tests: %d files, %d lines", s.testFiles(), s.testLines()));
    }

    /** The tasks, each one whole run over the tree. */
    enum Task { read, parse, scan, warm, pmd }

    /** A task whose implementation is on the class path only in the bench jar (see {@link #external}). */
    public interface ExternalTask {
        String run(List<Path> javaFiles, int threads) throws Exception;
    }

    /** The PMD task lives in src/pmd/java and needs PMD: both are on the class path only with -Pbench. */
    static final String PMD_TASK = "io.github.querylint.bench.PmdTask";

    private static void run(Map<String, String> o) throws Exception {
        Path dir = Path.of(o.getOrDefault("dir", "target/bench-tree"));
        if (!Files.isDirectory(dir)) {
            generate(o);
        }
        int threads = Integer.parseInt(o.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        List<Task> tasks = Stream.of(o.getOrDefault("tasks", "read,parse,scan,warm").split(",")).map(Task::valueOf).toList();
        boolean fork = o.containsKey("fork");
        if (tasks.contains(Task.pmd)) {
            try {
                external(PMD_TASK); // fail before any round when PMD is missing
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
        }
        Tree tree = Tree.of(dir);
        System.out.printf(Locale.ROOT, "tree %s: %d files (%d Java), %d lines, %.1f MB; %d threads; load average %.2f%n",
                dir, tree.files.size(), tree.javaFiles.size(), tree.lines, tree.bytes / 1e6, threads,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path cacheDir = Files.createTempDirectory("querylint-bench-cache");
        Map<Task, List<Measure>> results = new LinkedHashMap<>();
        // round 0 warms the JIT (in-process) or the page cache (forked) and is not counted
        for (int round = 0; round <= rounds; round++) {
            for (Task task : tasks) {
                Measure m = fork ? forked(task, dir, threads, cacheDir, o.getOrDefault("xmx", "512m"))
                        : inProcess(task, tree, threads, cacheDir);
                if (round > 0) {
                    results.computeIfAbsent(task, t -> new ArrayList<>()).add(m);
                }
                System.out.printf(Locale.ROOT, "  round %d %-6s %8.0f ms  peak heap %5.0f MiB%s%n", round, task, m.millis,
                        m.heapMiB, m.note.isEmpty() ? "" : "  " + m.note);
            }
        }
        System.out.printf(Locale.ROOT, "%nmedians of %d rounds (%s; load average now %.2f):%n", rounds,
                fork ? "whole process each, JVM start included; scan and warm with " + (QUERYLINT_JVM_OPTIONS.isEmpty()
                        ? "the default JVM options" : String.join(" ", QUERYLINT_JVM_OPTIONS) + " as the CLI runs them")
                        : "in one warmed-up JVM",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double parse = results.containsKey(Task.parse) ? median(results.get(Task.parse)) : Double.NaN;
        System.out.println("task      ms        files/s     lines/s   peak heap MiB   vs parse");
        for (Map.Entry<Task, List<Measure>> e : results.entrySet()) {
            double ms = median(e.getValue());
            double heap = e.getValue().stream().mapToDouble(m -> m.heapMiB).max().orElse(0);
            int files = e.getKey() == Task.parse || e.getKey() == Task.pmd ? tree.javaFiles.size() : tree.files.size();
            System.out.printf(Locale.ROOT, "%-6s %8.0f %12.0f %11.0f %13.0f %10.3fx%n", e.getKey(), ms, files / (ms / 1000),
                    tree.lines / (ms / 1000), heap, ms / parse);
        }
        if (results.containsKey(Task.scan) && results.containsKey(Task.pmd)) {
            System.out.printf(Locale.ROOT, "scan vs pmd %.3fx (QueryLint's cold scan over PMD's cold run with one trivial rule)%n",
                    median(results.get(Task.scan)) / median(results.get(Task.pmd)));
        }
    }

    record Measure(double millis, double heapMiB, String note) {
    }

    private static double median(List<Measure> ms) {
        List<Double> values = ms.stream().map(Measure::millis).sorted().toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /**
     * The JVM options the CLI's launcher (io.github.querylint.cli.Launcher) runs the analysis
     * with: C1 alone, as a run of seconds never earns back C2's compile time. Empty with
     * {@code -Dquerylint.bench.c2=true}, to see what the default JVM would cost.
     */
    static final List<String> QUERYLINT_JVM_OPTIONS = Boolean.getBoolean("querylint.bench.c2") ? List.of()
            : List.of("-XX:TieredStopAtLevel=1");

    /** Runs one task in a child JVM: wall time of the whole process, its peak heap as it reports it. */
    private static Measure forked(Task task, Path dir, int threads, Path cacheDir, String xmx) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + xmx));
        if (task == Task.scan || task == Task.warm) {
            command.addAll(QUERYLINT_JVM_OPTIONS); // QueryLint runs as its CLI runs it
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Bench.class.getName(), "task", "--task", task.name(), "--dir", dir.toString(), "--threads",
                String.valueOf(threads), "--cache", cacheDir.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // the time is the child's from its start to its DONE line: the JVM's start and the whole task, but
        // not the epilogue that only the measuring needs (the management beans that report the peak heap
        // cost a cold JVM some 40 ms, which no user run pays)
        long done = 0;
        StringBuilder out = new StringBuilder();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (done == 0 && line.equals(DONE)) {
                    done = System.nanoTime();
                } else {
                    out.append(line).append('\n');
                }
            }
        }
        int code = p.waitFor();
        if (code != 0 || done == 0) {
            throw new IllegalStateException("task " + task + " failed (" + code + "): " + out);
        }
        double ms = (done - start) / 1e6;
        String last = out.toString().strip().lines().reduce((a, b) -> b).orElse("");
        String[] parts = last.split(" ", 3);
        return new Measure(ms, Double.parseDouble(parts[1]), parts.length > 2 ? parts[2] : "");
    }

    /** What a forked task prints the moment its work is done (see {@link #forked}). */
    static final String DONE = "querylint-bench: done";

    /** One task in this JVM (the child side of --fork): prints "millis peakHeapMiB note". */
    private static void task(Map<String, String> o) throws Exception {
        Path dir = Path.of(o.get("dir"));
        Task task = Task.valueOf(o.get("task"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        Path cacheDir = Path.of(o.get("cache"));
        Tree tree = task == Task.scan || task == Task.warm ? null : Tree.listed(dir);
        // a fresh JVM: its peak heap since it started is the task's, and needs no reset beforehand
        Measure m = timed(task, tree == null ? Tree.rootOnly(dir) : tree, threads, cacheDir);
        System.out.println(DONE);
        System.out.flush();
        double heap = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
        System.out.printf(Locale.ROOT, "%.0f %.1f %s%n", m.millis, heap, m.note);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static Measure inProcess(Task task, Tree tree, int threads, Path cacheDir) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        Measure m = timed(task, tree, threads, cacheDir);
        double heap = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
        return new Measure(m.millis, heap, m.note);
    }

    /** Runs one task: its time, and no heap figure (the caller measures that as its JVM allows). */
    private static Measure timed(Task task, Tree tree, int threads, Path cacheDir) throws Exception {
        long start = System.nanoTime();
        String note = switch (task) {
            case read -> read(tree, threads);
            case parse -> parse(tree, threads);
            case pmd -> external(PMD_TASK).run(tree.javaFiles.stream().map(SourceFile::file).toList(), threads);
            case scan -> scan(tree.root, threads, null);
            case warm -> {
                if (!Files.exists(cacheDir.resolve(Cache.FILE_NAME))) {
                    scan(tree.root, threads, cacheDir); // fills the cache, not timed as warm
                    start = System.nanoTime();
                }
                yield scan(tree.root, threads, cacheDir);
            }
        };
        return new Measure((System.nanoTime() - start) / 1e6, 0, note);
    }

    private static String scan(Path root, int threads, Path cacheDir) {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class, Bench.class.getClassLoader()).forEach(rules::add);
        AnalysisRequest request = AnalysisRequest.of(root).withThreads(threads);
        Analyzer analyzer = new Analyzer(rules);
        AnalysisResult result = cacheDir == null ? analyzer.analyze(request)
                : analyzer.analyze(request, Cache.in(cacheDir));
        return result.findings().size() + " findings, " + result.queries().size() + " queries, "
                + result.notices().size() + " notices";
    }

    private static String read(Tree tree, int threads) throws Exception {
        AtomicLong chars = new AtomicLong();
        forEach(tree.files, threads, f -> chars.addAndGet(text(f.file()).length()));
        return chars.get() + " chars";
    }

    private static String parse(Tree tree, int threads) throws Exception {
        AtomicLong nodes = new AtomicLong();
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21).setAttributeComments(false);
        forEach(tree.javaFiles, threads, f -> {
            ParseResult<CompilationUnit> r = new JavaParser(configuration).parse(text(f.file()));
            r.getResult().ifPresent(cu -> nodes.addAndGet(cu.getTypes().size()));
        });
        return nodes.get() + " types";
    }

    static ExternalTask external(String className) {
        try {
            Class.forName("net.sourceforge.pmd.PmdAnalysis", false, Bench.class.getClassLoader());
            return (ExternalTask) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalStateException("the pmd task needs PMD on the class path, which only the bench jar has:"
                    + " build it with ./mvnw -o -q -B -Pbench -pl bench -am package -DskipTests and run"
                    + " java -jar bench/target/querylint-bench.jar (missing: " + e.getMessage() + ")", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start " + className + ": " + e, e);
        }
    }

    interface FileWork {
        void run(SourceFile file) throws Exception;
    }

    private static void forEach(List<SourceFile> files, int threads, FileWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SourceFile f : files) {
                futures.add(pool.submit(() -> {
                    work.run(f);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files QueryLint would read, as its own walk finds them. */
    static final class Tree {
        final Path root;
        final List<SourceFile> files;
        final List<SourceFile> javaFiles;
        final long lines;
        final long bytes;

        private Tree(Path root, List<SourceFile> files, long lines, long bytes) {
            this.root = root;
            this.files = files;
            this.javaFiles = files.stream().filter(f -> f.kind() == SourceKind.JAVA).toList();
            this.lines = lines;
            this.bytes = bytes;
        }

        static Tree of(Path dir) throws IOException {
            Tree listed = listed(dir);
            List<SourceFile> files = listed.files;
            long lines = 0;
            long bytes = 0;
            for (SourceFile f : files) {
                byte[] b = Files.readAllBytes(f.file());
                bytes += b.length;
                for (byte x : b) {
                    if (x == '\n') {
                        lines++;
                    }
                }
            }
            return new Tree(listed.root, files, lines, bytes);
        }

        /** The files without their sizes: what a forked task needs, and nothing read that would fill its heap. */
        static Tree listed(Path dir) {
            Path root = dir.toAbsolutePath().normalize();
            List<SourceFile> files = new ArrayList<>(SourceSet.of(root, List.of(root), List.of(), List.of())
                    .files(problem -> { }));
            files.sort(Comparator.naturalOrder());
            return new Tree(root, files, 0, 0);
        }

        static Tree rootOnly(Path dir) {
            return new Tree(dir.toAbsolutePath().normalize(), List.of(), 0, 0);
        }
    }
}
