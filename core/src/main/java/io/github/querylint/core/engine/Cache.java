package io.github.querylint.core.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The analysis cache: what each file yielded in the last run, keyed by the file's content hash,
 * and valid only for the same configuration, rules and build of QueryLint (the context). A
 * re-run hashes every file's bytes; when none changed it parses nothing at all. When some did, the
 * changed files are analysed again, and so is every file that names a type a changed (added,
 * removed) Java file declares, since the first pass may have read its constants from there.
 *
 * <p>A missing, corrupt or foreign cache file is ignored (the run is then a cold one) and
 * replaced at the end of the run. Nothing about the cache ever changes what a run reports.
 */
public final class Cache {

    /** The file inside the cache directory. */
    public static final String FILE_NAME = "querylint-cache.json.gz";

    /** No cache: every run is a cold one. */
    public static final Cache NONE = new Cache(null);

    /** Raised when the stored form changes shape, so that older files are ignored. */
    private static final int FORMAT = 2;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path dir;
    /** How the last run used the cache: files reused, files analysed (for tests and benchmarks). */
    private final java.util.concurrent.atomic.AtomicReference<Stats> lastRun =
            new java.util.concurrent.atomic.AtomicReference<>(new Stats(0, 0));

    private Cache(Path dir) {
        this.dir = dir;
    }

    /** A cache kept in {@code dir} (created when the run ends). */
    public static Cache in(Path dir) {
        return new Cache(dir.toAbsolutePath().normalize());
    }

    public boolean enabled() {
        return dir != null;
    }

    /** Of the last run that used this cache: how many files came from it and how many were analysed. */
    public Stats lastRun() {
        return lastRun.get();
    }

    /** How one run used the cache. */
    public record Stats(int reused, int analysed) {
    }

    /**
     * What one file yielded.
     *
     * @param hash  its content hash
     * @param types the types it declares (when one of them changes, files naming it are analysed again)
     */
    record Entry(String hash, List<String> types, FileAnalysis.Result result) {
    }

    /**
     * The stored form: every file's hash and declared types in one string (most files yield
     * nothing, and strings are what a JSON reader reads fastest), and the results that are not empty.
     */
    record Stored(int format, String context, Map<String, String> files, Map<String, FileAnalysis.Result> results) {
    }

    Run start(String context) {
        return new Run(context, enabled() ? load(context) : Map.of());
    }

    private Map<String, Entry> load(String context) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            Stored stored = JSON.readValue(in, Stored.class);
            if (stored == null || stored.format() != FORMAT || !context.equals(stored.context()) || stored.files() == null) {
                return Map.of(); // another configuration, rule set or build: start afresh
            }
            Map<String, FileAnalysis.Result> results = stored.results() == null ? Map.of() : stored.results();
            Map<String, Entry> entries = new HashMap<>();
            stored.files().forEach((path, line) -> {
                int bar = line.indexOf('|');
                List<String> types = bar < 0 || bar == line.length() - 1 ? List.of()
                        : List.of(line.substring(bar + 1).split(","));
                entries.put(path, new Entry(bar < 0 ? line : line.substring(0, bar), types,
                        results.getOrDefault(path, FileAnalysis.Result.EMPTY)));
            });
            return entries;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // a corrupt or truncated cache is no reason to fail a run
        }
    }

    /** One run's use of the cache. Thread-safe. */
    final class Run {
        private final String context;
        private final Map<String, Entry> previous;
        private final Map<String, Entry> current = new ConcurrentHashMap<>();
        private final Set<String> changedTypes = new HashSet<>();
        private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger analysed = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean dirty;

        private Run(String context, Map<String, Entry> previous) {
            this.context = context;
            this.previous = previous;
        }

        boolean enabled() {
            return Cache.this.enabled();
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
        void compare(List<SourceFile> files, Map<String, String> hashes, Map<String, Survey.Facts> facts) {
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
        }

        /** The last run's result for an unchanged file that names no changed type. */
        Optional<FileAnalysis.Result> reuse(SourceFile file, String hash, java.util.function.Supplier<String> text) {
            Entry e = previous.get(file.path());
            if (e == null || hash == null || !hash.equals(e.hash())) {
                return Optional.empty();
            }
            if (!changedTypes.isEmpty()) {
                String t = text.get();
                if (t == null || Survey.mentionsAny(t, changedTypes)) {
                    return Optional.empty();
                }
            }
            current.put(file.path(), e);
            reused.incrementAndGet();
            return Optional.of(e.result());
        }

        /** The last run's result of a file known to be unchanged. */
        FileAnalysis.Result reuseUnchanged(SourceFile file) {
            Entry e = previous.get(file.path());
            current.put(file.path(), e);
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
            current.put(file.path(), new Entry(hash, types == null ? List.of() : types, result));
        }

        /** Writes the cache when anything in it changed; a failure to write only costs the next run its speed. */
        void save() {
            lastRun.set(new Stats(reused.get(), analysed.get()));
            if (!enabled() || !dirty && current.size() == previous.size()) {
                return;
            }
            try {
                Files.createDirectories(dir);
                Path target = dir.resolve(FILE_NAME);
                Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
                try {
                    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                        Map<String, String> lines = new TreeMap<>();
                        Map<String, FileAnalysis.Result> results = new TreeMap<>();
                        current.forEach((path, e) -> {
                            lines.put(path, e.hash() + "|" + String.join(",", e.types()));
                            if (!e.result().equals(FileAnalysis.Result.EMPTY)) {
                                results.put(path, e.result());
                            }
                        });
                        JSON.writeValue(out, new Stored(FORMAT, context, lines, results));
                    }
                    try {
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | RuntimeException e) {
                // a read-only or full disk: the next run is a cold one, and says nothing different
            }
        }
    }

    /** The content hash of a file, or null when it is too large or cannot be read (such a file is never cached). */
    static String hash(SourceFile file, QueryLintConfig config) {
        try {
            if (Files.size(file.file()) > config.maxFileBytes()) {
                return null;
            }
            return hash(Files.readAllBytes(file.file()));
        } catch (IOException | SecurityException e) {
            return null;
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
     * pre-filter is on, and the build of QueryLint and of each rule.
     */
    static String context(AnalysisRequest request, List<Rule> rules, boolean prefilter) {
        StringBuilder sb = new StringBuilder();
        sb.append("format=").append(FORMAT).append(";prefilter=").append(prefilter).append(';');
        for (RecordComponent c : AnalysisRequest.class.getRecordComponents()) {
            if (Set.of("root", "paths", "baseline", "threads").contains(c.getName())) {
                continue;
            }
            try {
                sb.append(c.getName()).append('=').append(canonical(c.getAccessor().invoke(request))).append(';');
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        Set<Class<?>> code = new HashSet<>();
        code.add(Cache.class);
        for (Rule rule : rules) {
            sb.append("rule=").append(canonical(rule.descriptor())).append(';');
            code.add(rule.getClass());
        }
        new TreeSet<>(code.stream().map(Cache::build).toList()).forEach(b -> sb.append("build=").append(b).append(';'));
        return digest(sb.toString());
    }

    /** A value as text that does not depend on hash order: maps sorted by key, records by component. */
    static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted.toString();
        }
        if (value instanceof Set<?> set) {
            return new TreeSet<>(set.stream().map(Cache::canonical).toList()).toString();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Cache::canonical).toList().toString();
        }
        if (value instanceof Record record) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    parts.add(c.getName() + "=" + canonical(c.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    parts.add(c.getName() + "=?");
                }
            }
            return record.getClass().getSimpleName() + parts;
        }
        return String.valueOf(value);
    }

    /** The version of the jar (or classes directory) a class comes from, and when it was built. */
    private static String build(Class<?> type) {
        String version = Optional.ofNullable(type.getPackage()).map(Package::getImplementationVersion).orElse("dev");
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return type.getName() + "@" + version;
        }
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
