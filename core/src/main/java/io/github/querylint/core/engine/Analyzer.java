package io.github.querylint.core.engine;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.extract.ExtractionSink;
import io.github.querylint.core.extract.Extractor;
import io.github.querylint.core.extract.JavaSourceExtractor;
import io.github.querylint.core.extract.LiquibaseExtractor;
import io.github.querylint.core.extract.MapperXmlExtractor;
import io.github.querylint.core.extract.NamedQueriesProperties;
import io.github.querylint.core.extract.ProjectConstants;
import io.github.querylint.core.extract.SqlScriptExtractor;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.parse.QueryParser;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.schema.EntityReader;
import io.github.querylint.core.schema.SchemaLoader;
import io.github.querylint.core.schema.SchemaModel;
import io.github.querylint.core.schema.TableSizes;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import io.github.querylint.core.source.SourceSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs the pipeline: files, extraction, parsing, rules, suppression, baseline; returns sorted
 * findings. One call per run; files are analysed in parallel and no AST outlives its file.
 */
public final class Analyzer {

    /** The built-in result for queries that were found but could not be parsed. */
    public static final RuleDescriptor PARSE_ERROR = new RuleDescriptor("parse-error", "Query could not be parsed",
            "A query was found but could not be parsed, so no other rule could judge it", Severity.INFO, List.of(), "0.1.0");

    private final List<Rule> rules;
    private final Progress progress;
    /**
     * False only in the tests that prove the pre-filters change no finding: pass 1 (string
     * constants), the entity reading and pass 2 then parse every Java file.
     */
    boolean prefilter = true;

    public Analyzer(List<Rule> rules) {
        this(rules, Progress.NONE);
    }

    /** An analyzer that tells {@code progress} how many files it has analysed (a CLI's progress line). */
    public Analyzer(List<Rule> rules, Progress progress) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort((a, b) -> a.descriptor().id().compareTo(b.descriptor().id()));
        this.rules = List.copyOf(sorted);
        this.progress = java.util.Objects.requireNonNull(progress, "progress");
    }

    /** Every descriptor this analyzer reports on: its rules and {@code parse-error}. */
    public List<RuleDescriptor> descriptors() {
        List<RuleDescriptor> all = new ArrayList<>();
        rules.forEach(r -> all.add(r.descriptor()));
        all.add(PARSE_ERROR);
        all.sort((a, b) -> a.id().compareTo(b.id()));
        return all;
    }

    /**
     * Whether the cache in {@code cacheDirectory} was written by this build of QueryLint and of this analyzer's
     * rules (reading only the file's head): false when it is missing, foreign, or from another build, say before an
     * upgrade, in which case a run with it analyses every file afresh. Its configuration may still differ.
     */
    public boolean cacheFromThisBuild(java.nio.file.Path cacheDirectory) {
        return Cache.writtenByBuildOf(cacheDirectory, rules);
    }

    /** Runs the analysis without a cache. */
    public AnalysisResult analyze(AnalysisRequest request) {
        return analyze(request, Cache.NONE);
    }

    /**
     * Runs the analysis; files unchanged since the run that filled {@code cache} are not analysed
     * again, and the report is the same as without it.
     */
    public AnalysisResult analyze(AnalysisRequest request, Cache cache) {
        QueryLintConfig config = request.config();
        // the last run's results are read while the context is worked out and the tree is walked
        Cache.Run cached = cache.start(() -> Cache.context(request, rules, prefilter));
        List<Notice> notices = Collections.synchronizedList(new ArrayList<>());
        SourceSet sources = SourceSet.of(request.root(), request.paths(), config.includes(), config.excludes());
        List<SourceFile> files = sources.files(problem -> notices.add(new Notice(Notice.Kind.UNREADABLE_FILE,
                new Location(problem.substring(0, Math.max(1, problem.indexOf(':'))), 1, 1), problem)));

        List<FileAnalysis.Result> results = new ArrayList<>();
        // the deadline, fatal errors and files that fail are the workers' business (see Workers)
        Workers pool = Workers.start(request.threads(), config.deadlineSeconds());
        try {
            cached.loaded();
            // a re-run where every file kept its size and time reads nothing and parses nothing
            List<FileAnalysis.Result> asRecorded = cached.enabled()
                    ? cached.resultsIfAsRecorded(files, sources::attributes, config) : null;
            if (asRecorded != null) {
                results.addAll(asRecorded);
                progress.filesAnalysed(files.size(), files.size());
            } else {
                // else every file is hashed (read only when its size or time moved), and nothing is parsed when none changed
                Map<String, String> hashes = cached.enabled() ? Cache.byPath(files,
                        runAll(pool, files, file -> cached.hash(file, config, sources.attributes(file)))) : Map.of();
                java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
                if (cached.unchanged(files, hashes)) {
                    for (SourceFile file : files) {
                        results.add(cached.reuseUnchanged(file));
                        progress.filesAnalysed(done.incrementAndGet(), files.size());
                    }
                } else {
                    results.addAll(analyzeAfresh(request, files, notices, hashes, cached, pool, done));
                }
            }
            cached.save();
        } finally {
            pool.shutdownNow();
        }

        notices.addAll(pool.notices());

        List<Finding> findings = new ArrayList<>();
        List<QueryUnit> queries = new ArrayList<>();
        List<Finding> suppressedFindings = new ArrayList<>();
        for (FileAnalysis.Result r : results) {
            if (r == null || r == FileAnalysis.Result.EMPTY) {
                continue; // most files: nothing to add (a loop of four empty addAll per file costs a cold JVM 20 ms at 1M lines)
            }
            findings.addAll(r.findings());
            notices.addAll(r.notices());
            queries.addAll(r.queries());
            suppressedFindings.addAll(r.suppressedFindings());
        }
        Collections.sort(findings);
        Collections.sort(suppressedFindings);
        Baseline.Split split = request.baseline().split(findings);
        List<Notice> sortedNotices = new ArrayList<>(new java.util.TreeSet<>(notices)); // both passes may report a file
        Collections.sort(sortedNotices);
        queries.sort((a, b) -> a.location().compareTo(b.location()));
        return new AnalysisResult(split.fresh(), sortedNotices, queries, descriptors(), suppressedFindings.size(), split.known(),
                split.stale(), files.size(), suppressedFindings);
    }

    /**
     * The analysis of a tree some of whose files changed since the cache was filled (all of
     * them, without a cache): the results of every file, in the files' order.
     */
    private List<FileAnalysis.Result> analyzeAfresh(AnalysisRequest request, List<SourceFile> files, List<Notice> notices,
                                                    Map<String, String> hashes, Cache.Run cached, Workers pool,
                                                    java.util.concurrent.atomic.AtomicInteger done) {
        QueryLintConfig config = request.config();
        ProjectConstants constants = new ProjectConstants();
        try (QueryParser parser = new QueryParser(config.parseTimeoutMillis(), QueryParser.DEFAULT_MAX_QUERY_CHARS)) {
            // survey: each file is read once, and from its text alone the engine learns which files
            // may hold queries, which the first pass and the entity reading need, and whose string
            // constants are named where; a file none of them needs is not read again
            Survey survey = new Survey();
            // (a file that cannot be read is read again by the second pass, which reports why)
            List<Survey.Facts> looked = runAll(pool, files, file -> survey.facts(file, readQuietly(file, request, config)));
            Map<String, Survey.Facts> facts = new java.util.HashMap<>();
            Map<String, SourceFile> byPath = new java.util.HashMap<>();
            for (int i = 0; i < files.size(); i++) {
                facts.put(files.get(i).path(), looked.get(i) == null ? Survey.Facts.NONE : looked.get(i));
                byPath.put(files.get(i).path(), files.get(i));
            }
            // holders that build their constants from other holders' (read again from their text), then who extends what
            survey.close(facts, path -> readQuietly(byPath.get(path), request, config));
            Map<String, List<String>> supertypes = survey.supertypes();
            constants.supertypes(supertypes);
            cached.compare(files, hashes, facts, f -> !prefilter || survey.constantsNeeded(f), supertypes);
            // pass 1: what extraction needs to know of the whole tree (string constants, named queries,
            // repositories, mapper interfaces and fragments); XML first, as a mapper's namespace names its
            // interface. The Java files parsed here also give the JPA mappings, so that JPQL names resolve
            // to tables and columns: one parse serves both.
            constants.providerTypes(survey.providers());
            runAll(pool, files.stream().filter(ProjectConstants::indexedFirst).toList(), file -> {
                String text = readQuietly(file, request, config);
                if (text != null) {
                    constants.index(file, text);
                }
                return null;
            });
            List<EntityReader.MappedClass> mapped = Collections.synchronizedList(new ArrayList<>());
            runAll(pool, files.stream().filter(f -> f.kind() == SourceKind.JAVA).toList(), file -> {
                Survey.Facts f = facts.get(file.path());
                boolean index = !prefilter || f.indexWorthy() || survey.constantsNeeded(f) || survey.providerNeeded(f)
                        || constants.isMapperInterfaceFile(file.path());
                boolean entities = !prefilter || f.entity();
                if (!index && !entities) {
                    return null;
                }
                String text = readQuietly(file, request, config);
                if (text != null) {
                    JavaSourceExtractor.parse(file, text, new ExtractionSink()).ifPresent(unit -> {
                        if (index) {
                            constants.index(file, unit);
                        }
                        if (entities) {
                            mapped.addAll(EntityReader.read(unit));
                        }
                    });
                }
                return null;
            });
            // a method of a subclass that hands its text on to a wrapper its supertype declares is a wrapper too: only
            // known once every file's own wrappers are, so the subclasses that name a wrapper are read once more
            // and a call of a helper that runs a named query by the name it is given is a reading of that query
            java.util.Set<String> wrapperTypes = constants.wrapperTypes();
            java.util.Set<String> namedHelpers = constants.namedWrapperNames();
            if (!wrapperTypes.isEmpty() || !namedHelpers.isEmpty()) {
                int[] wrapperNames = Survey.hashes(constants.wrapperNames());
                int[] namedHelperNames = Survey.hashes(namedHelpers);
                runAll(pool, files.stream().filter(f -> f.kind() == SourceKind.JAVA).toList(), file -> {
                    Survey.Facts f = facts.get(file.path());
                    boolean inherits = !wrapperTypes.isEmpty() && f.mentionsAny(wrapperNames)
                            && f.declaredTypes().stream().anyMatch(t -> constants.inheritsWrappers(t, wrapperTypes));
                    boolean namedCalls = !namedHelpers.isEmpty() && f.mentionsAny(namedHelperNames);
                    if (!inherits && !namedCalls) {
                        return null;
                    }
                    String text = readQuietly(file, request, config);
                    boolean handsOn = inherits && text != null && ProjectConstants.mayHandOnText(text);
                    if (text != null && (handsOn || namedCalls)) {
                        JavaSourceExtractor.parse(file, text, new ExtractionSink()).ifPresent(unit -> {
                            if (handsOn) {
                                constants.indexInheritedWrappers(unit);
                            }
                            if (namedCalls) {
                                constants.indexNamedWrapperCalls(file, unit);
                            }
                        });
                    }
                    return null;
                });
            }
            // a table or column named by another file's constant: the first pass has indexed it by now
            mapped.replaceAll(m -> EntityReader.resolve(m, constants::constant));
            constants.resolveDeferredNamedQueries();
            SchemaModel schema = schema(files, request, config, parser, mapped, survey.createdTables(), notices);
            // a result may read anything of the project index and the schema: when they changed, none is
            // reused (string constants excepted: the cache knows their readers by the name of their type)
            cached.requireSame(Cache.digest(List.of(constants.contentsBesidesConstants(), schema)));
            // the engine's survey is the Java extractor's pre-filter here: a Java file is parsed in the
            // second pass when its text may hold a query, or when its code names a repository interface
            // or a query wrapper of the tree; any other file yields nothing and is not read again
            int[] leads = Survey.hashes(constants.namesThatLeadToQueries());
            List<Extractor> extractors = List.of(JavaSourceExtractor.withoutPrefilter(constants),
                    new SqlScriptExtractor(constants, config.dialect()), new MapperXmlExtractor(constants),
                    new LiquibaseExtractor(), new NamedQueriesProperties(constants));
            FileAnalysis analysis = new FileAnalysis(rules, request, extractors, parser, schema);
            // pass 2: every file on its own, unless the cache holds what it yielded
            return runAll(pool, files, file -> {
                String hash = hashes.get(file.path());
                Survey.Facts f = facts.get(file.path());
                FileAnalysis.Result r = cached.reuse(file, hash, f).orElseGet(() -> {
                    boolean skip = prefilter && file.kind() == SourceKind.JAVA && !f.queryFile()
                            && !f.mentionsAny(leads);
                    FileAnalysis.Result fresh = skip ? FileAnalysis.Result.EMPTY : analysis.analyze(file);
                    cached.store(file, hash, f.declaredTypes(), fresh);
                    return fresh;
                });
                progress.filesAnalysed(done.incrementAndGet(), files.size());
                return r;
            });
        }
    }

    private interface FileTask<T> {
        T run(SourceFile file);
    }

    private static <T> List<T> runAll(Workers pool, List<SourceFile> files, FileTask<T> task) {
        return pool.run(files, task::run);
    }

    /**
     * The schema the rules judge by: replayed migrations, changelogs and schema scripts, JPA
     * mappings, and production row counts from the sizes file.
     */
    private static SchemaModel schema(List<SourceFile> files, AnalysisRequest request, QueryLintConfig config,
                                      QueryParser parser, List<EntityReader.MappedClass> mapped,
                                      java.util.Set<String> createdByCode, List<Notice> notices) {
        List<EntityReader.MappedClass> sorted = new ArrayList<>(mapped);
        sorted.sort(java.util.Comparator.comparing(EntityReader.MappedClass::className)
                .thenComparing(EntityReader.MappedClass::table).thenComparing(EntityReader.MappedClass::entityName));
        SchemaLoader.Result loaded = SchemaLoader.load(files.stream().filter(SchemaLoader::candidate).toList(),
                file -> readQuietly(file, request, config), parser, path -> SqlDialect.forPath(path, config.dialect()),
                sorted, createdByCode);
        notices.addAll(loaded.notices());
        java.nio.file.Path sizesFile = request.effectiveSizesFile();
        TableSizes sizes = sizesFile == null ? TableSizes.EMPTY : TableSizes.read(sizesFile);
        return loaded.schema().withRows(sizes.rowsByName());
    }

    private static String readQuietly(SourceFile file, AnalysisRequest request, QueryLintConfig config) {
        return FileAnalysis.read(file, request, config, new ArrayList<>());
    }

    /** Runs the extractors on one file without rules: the inventory. */
    public static List<QueryUnit> inventoryOf(SourceFile file, String text) {
        ExtractionSink sink = new ExtractionSink();
        for (Extractor e : List.of(new JavaSourceExtractor(), new SqlScriptExtractor(), new MapperXmlExtractor(),
                new LiquibaseExtractor(), new NamedQueriesProperties())) {
            if (e.accepts(file)) {
                e.extract(file, text, sink);
            }
        }
        return sink.units();
    }
}
