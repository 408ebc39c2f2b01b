package io.github.querylint.core.engine;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.source.SourceFile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The analysis cache: what each file yielded in the last run, keyed by the file's content hash,
 * and valid only for the same configuration, rules and build of QueryLint (the context). A
 * re-run hashes every file's bytes (a file whose size and modification time are those recorded,
 * and older than the run that recorded them, keeps its recorded hash, as git's index does);
 * when none changed it parses nothing at all. When some did, the changed files are analysed
 * again, and so is every file that names a type declared by a changed (added, removed) Java file
 * that can declare String constants, since the first pass may have read its constants from there.
 *
 * <p>A missing, corrupt or foreign cache file is ignored (the run is then a cold one) and
 * replaced at the end of the run. Nothing about the cache ever changes what a run reports.
 */
public final class Cache {

    /** The file inside the cache directory. */
    public static final String FILE_NAME = "querylint-cache.bin";

    private static final int MAGIC = 0x514c4331; // "QLC1"

    /** A file modified this close to the run that recorded it may have changed within the same clock tick. */
    private static final long RACY_MILLIS = 2_000;

    /** No cache: every run is a cold one. */
    public static final Cache NONE = new Cache(null, null, null);

    /** Raised when the stored form changes shape, so that older files are ignored. */
    private static final int FORMAT = 5;

    private final Path dir;
    /** How the last run used the cache: files reused, files analysed (for tests and benchmarks). */
    private final java.util.concurrent.atomic.AtomicReference<Stats> lastRun =
            new java.util.concurrent.atomic.AtomicReference<>(new Stats(0, 0, false));

    /** What the run starts from instead of the file in {@link #dir}, or null. */
    private final Snapshot seed;
    /** Where the run leaves what it yielded instead of the file in {@link #dir}, or null. */
    private final java.util.function.Consumer<Snapshot> sink;

    private Cache(Path dir, Snapshot seed, java.util.function.Consumer<Snapshot> sink) {
        this.dir = dir;
        this.seed = seed;
        this.sink = sink;
    }

    /** A cache kept in {@code dir} (created when the run ends). */
    public static Cache in(Path dir) {
        return new Cache(dir.toAbsolutePath().normalize(), null, null);
    }

    /**
     * What one run left: every file's hash and result, in memory. A build tool can analyse a
     * module ahead of its turn (on a thread of its own, while it builds others) and hand the
     * module's own run this, which then re-reads and re-analyses only what changed in between, as
     * it would with the cache file.
     */
    public static final class Snapshot {
        /** Nothing: a run that starts from it analyses every file, whatever the cache file holds. */
        public static final Snapshot EMPTY = new Snapshot(Loaded.NONE);

        private final Loaded loaded;

        private Snapshot(Loaded loaded) {
            this.loaded = loaded;
        }

        /**
         * What the cache file in {@code dir} holds, read now: a build tool that had another process analyse a
         * module ahead (into a directory of its own) hands the module's run this. A missing, corrupt or foreign
         * file reads as {@link #EMPTY}.
         */
        public static Snapshot read(Path dir) {
            return new Snapshot(Cache.in(dir).load());
        }

        /** How many files it holds. */
        public int files() {
            return loaded.entries().size();
        }
    }

    /**
     * This cache, but its run starts from {@code snapshot} rather than from the cache file (a
     * snapshot of another configuration or build is ignored, as a foreign file is). The run
     * writes the cache file at its end, as always.
     */
    public Cache startingFrom(Snapshot snapshot) {
        if (!enabled()) {
            return this;
        }
        return new Cache(dir, java.util.Objects.requireNonNull(snapshot, "snapshot"), sink);
    }

    /**
     * This cache, but its run hands what it yielded to {@code sink} instead of writing the cache
     * file (which it still reads when it starts).
     */
    public Cache savingTo(java.util.function.Consumer<Snapshot> sink) {
        if (!enabled()) {
            return this;
        }
        return new Cache(dir, seed, java.util.Objects.requireNonNull(sink, "sink"));
    }

    public boolean enabled() {
        return dir != null;
    }

    /** Of the last run that used this cache: how many files came from it and how many were analysed. */
    public Stats lastRun() {
        return lastRun.get();
    }

    /**
     * How one run used the cache.
     *
     * @param asRecorded whether every result came, as recorded, from the cache file, and the run left that file as it
     *                   was: the run's results are then those of the run that wrote the file
     */
    public record Stats(int reused, int analysed, boolean asRecorded) {
    }

    /**
     * What one file yielded.
     *
     * @param hash     its content hash
     * @param size     its size in bytes when it was hashed
     * @param modified its modification time then (milliseconds)
     * @param types    the types it declares (when one of them changes, files naming it are analysed again)
     */
    record Entry(String hash, long size, long modified, List<String> types, FileAnalysis.Result result) {

        /**
         * Whether a file still has the size and modification time recorded, and was last modified
         * well before the run that recorded them (else it may have changed within the same clock tick).
         */
        boolean sameStat(long size, long modified, long recordedBy) {
            return this.size == size && this.modified == modified && modified < recordedBy - RACY_MILLIS;
        }

        Entry withStat(long[] stat) {
            return stat == null ? this : new Entry(hash, stat[0], stat[1], types, result);
        }
    }

    /** The last run's entries, its context, when it started, and the digest of the project-wide facts it judged by. */
    private record Loaded(String context, long started, String facts, Map<String, Entry> entries) {
        static final Loaded NONE = new Loaded("", 0, "", Map.of());
    }

    /** Starts a run of the given context (see {@link #context}). */
    Run start(String context) {
        return start(() -> context);
    }

    /**
     * Starts a run; the last run's entries are read on a thread of their own while the context is
     * worked out (on the calling thread) and the tree is walked.
     */
    Run start(java.util.function.Supplier<String> context) {
        if (!enabled()) {
            return new Run("", java.util.concurrent.CompletableFuture.completedFuture(Loaded.NONE), false);
        }
        if (seed != null) {
            // the cache file may be missing or older than the snapshot: the run writes it at its end
            return new Run(context.get(), java.util.concurrent.CompletableFuture.completedFuture(seed.loaded), true);
        }
        java.util.concurrent.CompletableFuture<Loaded> loaded = new java.util.concurrent.CompletableFuture<>();
        READER.execute(() -> loaded.complete(load()));
        return new Run(context.get(), loaded, false);
    }

    /**
     * Reads the last runs' entries, one thread kept between runs: a Maven build starts a run per module, and on a busy
     * machine a new thread took 0.3 to 3 ms to start (1.3 ms a module, most of a no-change check of a module).
     */
    private static final java.util.concurrent.ExecutorService READER = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "querylint-cache-reader");
        t.setDaemon(true);
        return t;
    });

    private Loaded load() {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Loaded.NONE;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return Loaded.NONE; // another build's form: start afresh
            }
            String context = text(in);
            long started = in.readLong();
            String facts = in.readUTF();
            int n = in.readInt();
            CacheCodec.Reader reader = new CacheCodec.Reader(in);
            Map<String, Entry> entries = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String path = reader.string();
                String hash = reader.string();
                long size = reader.readLong();
                long modified = reader.readLong();
                int types = reader.readInt();
                List<String> names = new ArrayList<>(types);
                for (int t = 0; t < types; t++) {
                    names.add(reader.string());
                }
                FileAnalysis.Result result = reader.readBoolean()
                        ? (FileAnalysis.Result) reader.value(FileAnalysis.Result.class) : FileAnalysis.Result.EMPTY;
                entries.put(path, new Entry(hash, size, modified, names, result));
            }
            if (reader.readInt() != MAGIC) {
                return Loaded.NONE; // cut short
            }
            return new Loaded(context, started, facts, entries);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Loaded.NONE; // a corrupt or truncated cache is no reason to fail a run
        }
    }

    /** One run's use of the cache. Thread-safe. */
    final class Run {
        private final String context;
        private final long started = System.currentTimeMillis();
        private final java.util.concurrent.Future<Loaded> loading;
        private long previousStarted;
        private String previousFacts = "";
        private volatile String facts;
        private Map<String, Entry> previous;
        private final Map<String, Entry> current = new ConcurrentHashMap<>();
        /** Size and modification time of each file as this run hashed it. */
        private final Map<String, long[]> stats = new ConcurrentHashMap<>();
        private final Set<String> changedTypes = new HashSet<>();
        private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger analysed = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean dirty;
        /** Set when every file kept the size and time recorded: the last run's entries stand as they are. */
        private boolean asRecorded;

        /** @param dirty whether the cache file must be written at the end, whatever the run finds */
        private Run(String context, java.util.concurrent.Future<Loaded> loading, boolean dirty) {
            this.context = context;
            this.loading = loading;
            this.dirty = dirty;
        }

        /** Waits for the last run's entries (called before the first look at them, on the analysing thread). */
        Run loaded() {
            if (previous == null) {
                Loaded loaded;
                try {
                    loaded = loading.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    loaded = Loaded.NONE;
                } catch (java.util.concurrent.ExecutionException e) {
                    loaded = Loaded.NONE;
                }
                if (!loaded.context().equals(context)) {
                    loaded = Loaded.NONE; // another configuration, rule set or build: start afresh
                }
                previousStarted = loaded.started();
                previousFacts = loaded.facts();
                previous = loaded.entries();
            }
            return this;
        }

        /**
         * The content hash of a file, or null when it is too large or cannot be read (such a file is
         * never cached). A file that has kept the size and modification time recorded for it, and was
         * last modified well before the run that recorded them, keeps its recorded hash unread.
         */
        String hash(SourceFile file, QueryLintConfig config) {
            return hash(file, config, null);
        }

        /** {@link #hash(SourceFile, QueryLintConfig)} with the attributes a walk read already (or null). */
        String hash(SourceFile file, QueryLintConfig config, BasicFileAttributes known) {
            try {
                BasicFileAttributes attributes = known != null ? known
                        : Files.readAttributes(file.file(), BasicFileAttributes.class);
                long size = attributes.size();
                long modified = attributes.lastModifiedTime().toMillis();
                if (size > config.maxFileBytes()) {
                    return null;
                }
                stats.put(file.path(), new long[] {size, modified});
                Entry e = previous.get(file.path());
                if (e != null && e.sameStat(size, modified, previousStarted)) {
                    return e.hash();
                }
                return Cache.hash(Files.readAllBytes(file.file()));
            } catch (IOException | SecurityException e) {
                return null;
            }
        }

        boolean enabled() {
            return Cache.this.enabled();
        }

        /**
         * Results also depend on project-wide facts that no single file's hash covers (a schema
         * built from migrations, table sizes): when their digest differs from the last run's,
         * no result is reused. Call it after the first pass, before the second.
         */
        void requireSame(String digest) {
            facts = digest;
            if (!digest.equals(previousFacts)) {
                previous = Map.of();
            }
        }

        /**
         * The last run's results in the files' order, when no file was added or removed and each
         * kept the size and modification time recorded with it (and was last modified well before
         * that run); otherwise null. The common re-run, decided in one pass over the walk's
         * attributes, without hashing, copying or rewriting anything.
         */
        List<FileAnalysis.Result> resultsIfAsRecorded(List<SourceFile> files,
                                                      java.util.function.Function<SourceFile, BasicFileAttributes> attributes,
                                                      QueryLintConfig config) {
            if (previous.isEmpty() || previous.size() != files.size()) {
                return null;
            }
            List<FileAnalysis.Result> results = new ArrayList<>(files.size());
            for (SourceFile f : files) {
                Entry e = previous.get(f.path());
                BasicFileAttributes a = attributes.apply(f);
                if (e == null || a == null || a.size() > config.maxFileBytes()
                        || !e.sameStat(a.size(), a.lastModifiedTime().toMillis(), previousStarted)) {
                    return null;
                }
                results.add(e.result());
            }
            asRecorded = true;
            reused.addAndGet(files.size());
            return results;
        }

        /** Whether every file is as it was, none added and none removed: then nothing needs analysing. */
        boolean unchanged(List<SourceFile> files, Map<String, String> hashes) {
            if (previous.isEmpty() || previous.size() != files.size()) {
                return false;
            }
            for (SourceFile f : files) {
                Entry e = previous.get(f.path());
                String hash = hashes.get(f.path());
                if (e == null || hash == null || !hash.equals(e.hash())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Notes the types declared by files that changed, were added or were removed: every file
         * that names one is analysed again.
         */
        void compare(List<SourceFile> files, Map<String, String> hashes, Map<String, Survey.Facts> facts,
                     java.util.function.Predicate<Survey.Facts> holder, Map<String, List<String>> supertypes) {
            Set<String> present = new HashSet<>();
            for (SourceFile f : files) {
                present.add(f.path());
                Entry e = previous.get(f.path());
                String hash = hashes.get(f.path());
                if (e == null || hash == null || !hash.equals(e.hash())) {
                    if (e != null) {
                        changedTypes.addAll(e.types());
                    }
                    Survey.Facts now = facts.get(f.path());
                    if (now != null) {
                        changedTypes.addAll(now.declaredTypes());
                    }
                }
            }
            previous.forEach((path, e) -> {
                if (!present.contains(path)) {
                    changedTypes.addAll(e.types());
                }
            });
            // a holder of constants that the first pass reads and that names a changed type may have built its
            // constants from it: its own readers are analysed again too (String SELECT_X = "SELECT * FROM " + ORDERS)
            boolean grew = !changedTypes.isEmpty();
            while (grew) {
                grew = false;
                for (Survey.Facts f : facts.values()) {
                    if (changedTypes.containsAll(f.declaredTypes())) {
                        continue;
                    }
                    if (f.stringConstants() && f.mentionsAny(changedTypes) && holder.test(f)
                            || extendsAny(f.declaredTypes(), supertypes)) {
                        grew |= changedTypes.addAll(f.declaredTypes());
                    }
                }
            }
        }

        /**
         * Whether a type of the file extends or implements a changed type: it inherits its constants and helpers, and
         * its own subclasses read them by its name ({@code PostgresDao extends OrderDao implements OrderSql}).
         */
        private boolean extendsAny(List<String> declared, Map<String, List<String>> supertypes) {
            for (String type : declared) {
                for (String parent : supertypes.getOrDefault(type, List.of())) {
                    if (changedTypes.contains(parent)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The last run's result for an unchanged file that names no changed type. */
        Optional<FileAnalysis.Result> reuse(SourceFile file, String hash, Survey.Facts facts) {
            Entry e = previous.get(file.path());
            if (e == null || hash == null || !hash.equals(e.hash())) {
                return Optional.empty();
            }
            if (!changedTypes.isEmpty() && (facts == null || facts.mentionsAny(changedTypes))) {
                return Optional.empty();
            }
            current.put(file.path(), e.withStat(stats.get(file.path())));
            reused.incrementAndGet();
            return Optional.of(e.result());
        }

        /** The last run's result of a file known to be unchanged. */
        FileAnalysis.Result reuseUnchanged(SourceFile file) {
            Entry e = previous.get(file.path());
            current.put(file.path(), e.withStat(stats.get(file.path())));
            reused.incrementAndGet();
            return e.result();
        }

        /** Keeps a fresh result for the next run (files that could not be hashed are not kept). */
        void store(SourceFile file, String hash, List<String> types, FileAnalysis.Result result) {
            analysed.incrementAndGet();
            if (!enabled() || hash == null) {
                return;
            }
            dirty = true;
            long[] stat = stats.getOrDefault(file.path(), new long[] {-1, -1});
            current.put(file.path(), new Entry(hash, stat[0], stat[1], types == null ? List.of() : types, result));
        }

        /** Whether a file kept its content but not its modification time (a checkout): record the new one. */
        private boolean statsMoved() {
            for (Map.Entry<String, Entry> e : current.entrySet()) {
                Entry before = previous.get(e.getKey());
                if (before == null || before.modified() != e.getValue().modified() || before.size() != e.getValue().size()) {
                    return true;
                }
            }
            return false;
        }

        /** Writes the cache when anything in it changed; a failure to write only costs the next run its speed. */
        void save() {
            lastRun.set(new Stats(reused.get(), analysed.get(), false));
            if (asRecorded) {
                // nothing changed, not even a file's time: the entries stand as recorded, and are
                // written as they are only where they must be (a run from a snapshot, or into one)
                if (!dirty && sink == null) {
                    lastRun.set(new Stats(reused.get(), analysed.get(), true));
                    return;
                }
                current.putAll(previous);
            }
            if (enabled() && sink != null) {
                sink.accept(new Snapshot(new Loaded(context, started, facts != null ? facts : previousFacts,
                        Map.copyOf(current))));
                return;
            }
            if (!enabled() || !dirty && current.size() == previous.size() && !statsMoved()) {
                return;
            }
            try {
                Files.createDirectories(dir);
                Path target = dir.resolve(FILE_NAME);
                Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
                try {
                    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                        out.writeInt(MAGIC);
                        out.writeInt(FORMAT);
                        text(out, context);
                        out.writeLong(started);
                        out.writeUTF(facts != null ? facts : previousFacts);
                        out.writeInt(current.size());
                        CacheCodec.Writer writer = new CacheCodec.Writer(out);
                        for (Map.Entry<String, Entry> item : new TreeMap<>(current).entrySet()) {
                            Entry e = item.getValue();
                            writer.string(item.getKey());
                            writer.string(e.hash());
                            out.writeLong(e.size());
                            out.writeLong(e.modified());
                            out.writeInt(e.types().size());
                            for (String t : e.types()) {
                                writer.string(t);
                            }
                            boolean empty = e.result().equals(FileAnalysis.Result.EMPTY);
                            out.writeBoolean(!empty);
                            if (!empty) {
                                writer.value(e.result(), FileAnalysis.Result.class);
                            }
                        }
                        out.writeInt(MAGIC);
                    }
                    AtomicFiles.replace(tmp, target);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | RuntimeException e) {
                // a read-only or full disk: the next run is a cold one, and says nothing different
            }
        }
    }

    /**
     * The length and two different 32-bit checksums of the bytes: CRC32C and CRC32 run at memory
     * speed even before the JIT has compiled anything (SHA-256 took ten times longer on a CLI's
     * cold JVM), and an accidental collision of both at the same length is about one in 10^19.
     */
    static String hash(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes);
        CRC32 d = new CRC32();
        d.update(bytes);
        return Long.toString(bytes.length, 36) + "-" + Long.toString(c.getValue() << 32 | d.getValue(), 36);
    }

    private static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * What a result depends on besides the file itself: the request (but not where the tree is,
     * the baseline, which is applied afterwards, or the thread count), the rules, whether the
     * pre-filter is on, and the build of QueryLint and of each rule. The cache file keeps it whole
     * and compares it whole: no digest to compute (a warm run's first work, on a cold JVM) and none
     * to collide.
     */
    static String context(AnalysisRequest request, List<Rule> rules, boolean prefilter) {
        // a reactor's modules mostly share their configuration: each module's check then spells it out once, not again
        List<Object> key = List.of(prefilter, rules, request.config(), request.encoding(), String.valueOf(request.sizesFile()));
        String[] parts = CONTEXTS.get(key);
        if (parts == null) {
            parts = contextParts(request, rules, prefilter);
            if (CONTEXTS.size() >= 64) {
                CONTEXTS.clear(); // a long-lived JVM (a daemon) sees many configurations over time
            }
            CONTEXTS.put(key, parts);
        }
        StringBuilder sb = new StringBuilder(parts[0]);
        // a sizes file outside the tree changes what rules say without changing any scanned file: read at every run
        Path sizes = request.effectiveSizesFile();
        if (sizes != null) {
            try {
                sb.append("sizes=").append(hash(Files.readAllBytes(sizes))).append(';');
            } catch (IOException | RuntimeException e) {
                sb.append("sizes=unreadable;");
            }
        }
        return sb.append(parts[1]).toString();
    }

    /** The contexts worked out in this JVM, by what they are worked out from: the settings before and after the sizes. */
    private static final Map<List<Object>, String[]> CONTEXTS = new ConcurrentHashMap<>();

    private static String[] contextParts(AnalysisRequest request, List<Rule> rules, boolean prefilter) {
        StringBuilder sb = new StringBuilder();
        sb.append("format=").append(FORMAT).append(";prefilter=").append(prefilter).append(';');
        // plain loops rather than streams here: on a cold JVM a warm run starts with this
        for (RecordComponent c : AnalysisRequest.class.getRecordComponents()) {
            String name = c.getName();
            if (name.equals("root") || name.equals("paths") || name.equals("baseline") || name.equals("threads")) {
                continue;
            }
            try {
                sb.append(c.getName()).append('=').append(canonical(c.getAccessor().invoke(request))).append(';');
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder after = new StringBuilder();
        for (Rule rule : rules) {
            after.append("rule=").append(describe(rule.descriptor())).append(';');
        }
        for (String b : builds(rules)) {
            after.append("build=").append(b).append(';');
        }
        return new String[] {sb.toString(), after.toString()};
    }

    /** The builds of QueryLint and of each rule, as a context names them. */
    private static Set<String> builds(List<Rule> rules) {
        Set<Class<?>> code = new HashSet<>();
        code.add(Cache.class);
        for (Rule rule : rules) {
            code.add(rule.getClass());
        }
        Set<String> builds = new TreeSet<>();
        for (Class<?> type : code) {
            builds.add(build(type));
        }
        return builds;
    }

    /**
     * Whether the cache file in {@code dir} was written by this build of QueryLint and of these rules: a build tool
     * deciding whether a module has a cache to start from (or must be analysed afresh, say after an upgrade of
     * QueryLint) reads only the file's head. Its configuration may still differ. False when the file is missing,
     * foreign or unreadable.
     */
    static boolean writtenByBuildOf(Path dir, List<Rule> rules) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        String context;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 14))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return false;
            }
            context = text(in);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return buildEntries(context).equals(builds(rules));
    }

    /** The {@code build=} entries of a context (a plain scan: a reactor's first check reads every module's). */
    static Set<String> buildEntries(String context) {
        Set<String> written = new TreeSet<>();
        for (int at = context.indexOf("build="); at >= 0; at = context.indexOf("build=", at + 1)) {
            int end = context.indexOf(';', at);
            if (end > 0 && (at == 0 || context.charAt(at - 1) == ';')) {
                written.add(context.substring(at + "build=".length(), end));
            }
        }
        return written;
    }

    /**
     * A rule's descriptor as text, spelt out rather than read by reflection as {@link #canonical}
     * would: a warm re-run works this out before anything else, on a JVM that has compiled nothing.
     */
    static String describe(RuleDescriptor d) {
        StringBuilder sb = new StringBuilder().append(d.id()).append('|').append(d.title()).append('|').append(d.summary())
                .append('|').append(d.severity()).append('|').append(d.since());
        for (Option<?> o : d.options()) {
            sb.append("|option=").append(o.name()).append(',').append(o.type().getName()).append(',')
                    .append(canonical(o.defaultValue())).append(',').append(o.description());
        }
        return sb.toString();
    }

    /** A string of any length (the context runs to kilobytes, over what writeUTF takes). */
    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 24) {
            throw new IOException("corrupt context length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("truncated");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The digest of a value's canonical text: equal for equal project indexes or schemas, run after run. */
    static String digest(Object value) {
        return digest(canonical(value));
    }

    /** A value as text that does not depend on hash order: maps sorted by key, records by component. */
    static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sorted.put(String.valueOf(e.getKey()), canonical(e.getValue()));
            }
            return sorted.toString();
        }
        if (value instanceof Set<?> set) {
            Set<String> sorted = new TreeSet<>();
            for (Object item : set) {
                sorted.add(canonical(item));
            }
            return sorted.toString();
        }
        if (value instanceof Collection<?> list) {
            List<String> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(canonical(item));
            }
            return items.toString();
        }
        if (value instanceof Record record) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                java.lang.reflect.Method accessor = c.getAccessor();
                try {
                    accessor.setAccessible(true);
                    parts.add(c.getName() + "=" + canonical(accessor.invoke(record)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // what cannot be read cannot be compared: a value that differs every run reuses nothing
                    parts.add(c.getName() + "=" + System.nanoTime());
                }
            }
            return record.getClass().getSimpleName() + parts;
        }
        return String.valueOf(value);
    }

    /**
     * The build of each class, looked up once per class: the code a JVM runs is the code it loaded,
     * whatever happens to the jar later, and a Maven reactor asks again for every module.
     */
    private static final ClassValue<String> BUILDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return lookUpBuild(type);
        }
    };

    /** The version of the jar (or classes directory) a class comes from, and when it was built. */
    private static String build(Class<?> type) {
        return BUILDS.get(type);
    }

    /** The build of each jar or classes directory, looked at once however many rules it holds. */
    private static final Map<String, String> BUILDS_BY_LOCATION = new ConcurrentHashMap<>();

    private static String lookUpBuild(Class<?> type) {
        String version = Optional.ofNullable(type.getPackage()).map(Package::getImplementationVersion).orElse("dev");
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return type.getName() + "@" + version;
        }
        return BUILDS_BY_LOCATION.computeIfAbsent(source.getLocation() + "@" + version, key -> locationBuild(type, source, version));
    }

    private static String locationBuild(Class<?> type, CodeSource source, String version) {
        try {
            Path where = Path.of(source.getLocation().toURI());
            long stamp;
            if (Files.isDirectory(where)) {
                // classes of a development build: the newest class file says when it was built
                try (Stream<Path> walk = Files.walk(where)) {
                    stamp = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
                }
            } else {
                stamp = Files.getLastModifiedTime(where).toMillis() ^ Files.size(where);
            }
            return where.getFileName() + "@" + version + "@" + stamp;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return type.getName() + "@" + version;
        }
    }

    /** Maps a list of files to their hashes (null for those that could not be hashed). */
    static Map<String, String> byPath(List<SourceFile> files, List<String> hashes) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            out.put(files.get(i).path(), hashes.get(i));
        }
        return out;
    }
}
