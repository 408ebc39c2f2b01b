package io.github.querylint.core.engine;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.config.RuleSettings;
import io.github.querylint.core.extract.ExtractionSink;
import io.github.querylint.core.extract.Extractor;
import io.github.querylint.core.extract.JavaSourceExtractor;
import io.github.querylint.core.extract.LiquibaseExtractor;
import io.github.querylint.core.extract.MapperXmlExtractor;
import io.github.querylint.core.extract.ProjectConstants;
import io.github.querylint.core.extract.SqlScriptExtractor;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Fingerprint;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.parse.ParseOutcome;
import io.github.querylint.core.parse.QueryParser;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.RuleOptions;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import io.github.querylint.core.schema.EntityReader;
import io.github.querylint.core.schema.SchemaLoader;
import io.github.querylint.core.schema.SchemaModel;
import io.github.querylint.core.schema.TableSizes;
import io.github.querylint.core.source.LineIndex;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import io.github.querylint.core.source.SourceSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
     * False only in the tests that prove the pre-filters change no finding: the entity reading and
     * pass 2 then parse every Java file. Pass 1's choice (ProjectConstants) is not switched: it
     * decides what the index holds, not only what it costs.
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

    public AnalysisResult analyze(AnalysisRequest request) {
        QueryLintConfig config = request.config();
        List<Notice> notices = Collections.synchronizedList(new ArrayList<>());
        SourceSet sources = SourceSet.of(request.root(), request.paths(), config.includes(), config.excludes());
        List<SourceFile> files = sources.files(problem -> notices.add(new Notice(Notice.Kind.UNREADABLE_FILE,
                new Location(problem.substring(0, Math.max(1, problem.indexOf(':'))), 1, 1), problem)));

        ProjectConstants constants = new ProjectConstants();
        List<FileResult> results = new ArrayList<>();
        // the deadline, fatal errors and files that fail are the workers' business (see Workers)
        Workers pool = Workers.start(request.threads(), config.deadlineSeconds());
        try (QueryParser parser = new QueryParser(config.parseTimeoutMillis(), QueryParser.DEFAULT_MAX_QUERY_CHARS)) {
            // pass 1: what extraction needs to know of the whole tree (string constants, named queries,
            // repositories, mapper interfaces and fragments); XML first, as a mapper's namespace names its interface
            for (boolean first : new boolean[] {true, false}) {
                runAll(pool, files.stream().filter(f -> ProjectConstants.indexes(f)
                        && ProjectConstants.indexedFirst(f) == first).toList(), file -> {
                    String text = readQuietly(file, request, config);
                    if (text != null) {
                        constants.index(file, text);
                    }
                    return null;
                });
            }
            // the JPA mappings, so that JPQL names resolve to tables and columns
            List<EntityReader.MappedClass> mapped = Collections.synchronizedList(new ArrayList<>());
            runAll(pool, files.stream().filter(f -> f.kind() == SourceKind.JAVA).toList(), file -> {
                String text = readQuietly(file, request, config);
                if (text != null && (!prefilter || EntityReader.CANDIDATE.matcher(text).find())) {
                    JavaSourceExtractor.parse(file, text, new ExtractionSink())
                            .ifPresent(unit -> mapped.addAll(EntityReader.read(unit)));
                }
                return null;
            });
            SchemaModel schema = schema(files, request, config, parser, mapped, notices);
            List<Extractor> extractors = List.of(prefilter
                    ? new JavaSourceExtractor(constants) : JavaSourceExtractor.withoutPrefilter(constants), new SqlScriptExtractor(constants),
                    new MapperXmlExtractor(constants), new LiquibaseExtractor());
            // pass 2: every file on its own
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            results.addAll(runAll(pool, files, file -> {
                FileResult r = analyzeFile(file, request, config, extractors, parser, schema);
                progress.filesAnalysed(done.incrementAndGet(), files.size());
                return r;
            }));
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }

        notices.addAll(pool.notices());

        List<Finding> findings = new ArrayList<>();
        List<QueryUnit> queries = new ArrayList<>();
        List<Finding> suppressedFindings = new ArrayList<>();
        for (FileResult r : results) {
            if (r == null) {
                continue;
            }
            findings.addAll(r.findings);
            notices.addAll(r.notices);
            queries.addAll(r.queries);
            suppressedFindings.addAll(r.suppressedFindings);
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

    private interface FileTask<T> {
        T run(SourceFile file);
    }

    private static <T> List<T> runAll(Workers pool, List<SourceFile> files, FileTask<T> task) {
        return pool.run(files, task::run);
    }

    private record FileResult(List<Finding> findings, List<Notice> notices, List<QueryUnit> queries,
                              List<Finding> suppressedFindings) {
    }

    private FileResult analyzeFile(SourceFile file, AnalysisRequest request, QueryLintConfig config,
                                   List<Extractor> extractors, QueryParser parser, SchemaModel schema) {
        List<Notice> notices = new ArrayList<>();
        String text = read(file, request, config, notices);
        if (text == null) {
            return new FileResult(List.of(), notices, List.of(), List.of());
        }
        ExtractionSink sink = new ExtractionSink();
        for (Extractor extractor : extractors) {
            if (extractor.accepts(file)) {
                try {
                    extractor.extract(file, text, sink);
                } catch (StackOverflowError e) {
                    notices.add(Workers.tooDeep(file.path()));
                } catch (RuntimeException e) {
                    notices.add(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), 1, 1),
                            "extraction failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                                    + "); the file's queries were not analysed, please report this"));
                }
            }
        }
        notices.addAll(sink.notices());
        if (sink.units().isEmpty()) {
            return new FileResult(List.of(), notices, List.of(), List.of());
        }
        LineIndex lines = new LineIndex(text);
        boolean sql = file.kind() == SourceKind.SQL;
        SqlDialect dialect = Dialects.forPath(file.path(), config.dialect());
        List<Finding> findings = new ArrayList<>();
        List<Finding> hidden = new ArrayList<>();
        for (QueryUnit unit : sink.units()) {
            List<Finding> raw = judge(unit, parser, dialect, config, notices, schema);
            for (Finding f : raw) {
                if (Suppressions.suppressed(lines, f.location().line(), f.ruleId(), unit.suppressed(), sql)) {
                    hidden.add(f);
                } else {
                    findings.add(f);
                }
            }
        }
        return new FileResult(findings, notices, sink.units(), hidden);
    }

    private List<Finding> judge(QueryUnit unit, QueryParser parser, SqlDialect dialect, QueryLintConfig config,
                                List<Notice> notices, SchemaModel schema) {
        ParseOutcome outcome = parser.parse(unit.text(), unit.language(), dialect);
        List<Finding> out = new ArrayList<>();
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            for (Rule rule : rules) {
                RuleDescriptor d = rule.descriptor();
                RuleSettings settings = config.rule(d.id());
                if (!settings.enabled()) {
                    continue;
                }
                QueryContext context = new QueryContext(unit, parsed.shape(), schema,
                        new RuleOptions(settings.options()));
                List<Violation> violations;
                try {
                    violations = rule.check(context);
                } catch (RuntimeException e) {
                    notices.add(new Notice(Notice.Kind.PARSE_FAILURE, unit.location(), "rule " + d.id() + " failed ("
                            + e + "); please report this"));
                    continue;
                }
                for (Violation v : violations) {
                    Severity severity = settings.severity() != null ? settings.severity()
                            : v.severity() != null ? v.severity() : d.severity();
                    out.add(finding(d.id(), severity, v.message(), unit));
                }
            }
            return out;
        }
        String message;
        Notice.Kind kind;
        if (outcome instanceof ParseOutcome.Failed failed) {
            kind = Notice.Kind.PARSE_FAILURE;
            String where = failed.line() > 0 ? " at line " + failed.line() + ", column " + failed.column() + " of the query" : "";
            message = unit.language().id().toUpperCase(Locale.ROOT) + " query could not be parsed (" + failed.message()
                    + where + ")" + (unit.dynamic() ? "; part of it is built at run time" : "")
                    + "; no rule judged it: fix the syntax, set the dialect, or suppress it";
        } else if (outcome instanceof ParseOutcome.TimedOut timedOut) {
            kind = Notice.Kind.PARSE_TIMEOUT;
            message = "query parsing took longer than " + timedOut.millis()
                    + " ms and was stopped; no rule judged it (raise parseTimeoutMillis to wait longer)";
        } else {
            ParseOutcome.Skipped skipped = (ParseOutcome.Skipped) outcome;
            if (skipped.reason().equals("empty query")) {
                return out;
            }
            // a text over the size limit or built wholly at run time was not parsed on purpose:
            // a notice says so, but it is no parse error of the query
            notices.add(new Notice(Notice.Kind.SKIPPED_QUERY, unit.location(), "query not parsed: " + skipped.reason()));
            return out;
        }
        notices.add(new Notice(kind, unit.location(), message));
        RuleSettings settings = config.rule(PARSE_ERROR.id());
        if (settings.enabled()) {
            out.add(finding(PARSE_ERROR.id(), settings.severity() != null ? settings.severity() : PARSE_ERROR.severity(),
                    message, unit));
        }
        return out;
    }

    /**
     * The schema the rules judge by: replayed migrations, changelogs and schema scripts, JPA
     * mappings, and production row counts from the sizes file.
     */
    private static SchemaModel schema(List<SourceFile> files, AnalysisRequest request, QueryLintConfig config,
                                      QueryParser parser, List<EntityReader.MappedClass> mapped, List<Notice> notices) {
        List<EntityReader.MappedClass> sorted = new ArrayList<>(mapped);
        sorted.sort(java.util.Comparator.comparing(EntityReader.MappedClass::className)
                .thenComparing(EntityReader.MappedClass::table).thenComparing(EntityReader.MappedClass::entityName));
        SchemaLoader.Result loaded = SchemaLoader.load(files.stream().filter(SchemaLoader::candidate).toList(),
                file -> readQuietly(file, request, config), parser, path -> Dialects.forPath(path, config.dialect()),
                sorted);
        notices.addAll(loaded.notices());
        java.nio.file.Path sizesFile = request.effectiveSizesFile();
        TableSizes sizes = sizesFile == null ? TableSizes.EMPTY : TableSizes.read(sizesFile);
        return loaded.schema().withRows(sizes.rowsByName());
    }

    private static Finding finding(String ruleId, Severity severity, String message, QueryUnit unit) {
        String normalized = unit.normalizedText();
        return new Finding(ruleId, severity, message, unit.location(), normalized, unit.origin().id(),
                Fingerprint.of(ruleId, unit.location().path(), normalized), unit.related());
    }

    private static String readQuietly(SourceFile file, AnalysisRequest request, QueryLintConfig config) {
        return read(file, request, config, new ArrayList<>());
    }

    /** Reads a file's text; null with a notice when it is too large, binary or unreadable. */
    static String read(SourceFile file, AnalysisRequest request, QueryLintConfig config, List<Notice> notices) {
        Location at = new Location(file.path(), 1, 1);
        try {
            long size = Files.size(file.file());
            if (size > config.maxFileBytes()) {
                notices.add(new Notice(Notice.Kind.LIMIT, at, "file of " + size + " bytes is over the limit of "
                        + config.maxFileBytes() + " bytes (maxFileBytes) and was not read"));
                return null;
            }
            byte[] bytes = Files.readAllBytes(file.file());
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                if (bytes[i] == 0) {
                    notices.add(new Notice(Notice.Kind.UNREADABLE_FILE, at,
                            "file looks binary (it holds NUL bytes) and was not read; exclude it"));
                    return null;
                }
            }
            return decode(bytes, request.encoding(), at, notices);
        } catch (java.nio.file.NoSuchFileException e) {
            notices.add(new Notice(Notice.Kind.UNREADABLE_FILE, at, "file disappeared during the run (deleted or moved"
                    + " since the tree was walked) and was not read; run again on a tree nothing else is changing"));
            return null;
        } catch (IOException | SecurityException e) {
            notices.add(new Notice(Notice.Kind.UNREADABLE_FILE, at, "file cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check its permissions"));
            return null;
        }
    }

    private static String decode(byte[] bytes, Charset charset, Location at, List<Notice> notices) {
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            notices.add(new Notice(Notice.Kind.UNREADABLE_FILE, at, "file is not valid " + charset.name()
                    + "; undecodable bytes were replaced (set the source encoding if it is another one)"));
            text = new String(bytes, charset);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return text;
    }

    /** Runs the extractors on one file without rules: the inventory. */
    public static List<QueryUnit> inventoryOf(SourceFile file, String text) {
        ExtractionSink sink = new ExtractionSink();
        for (Extractor e : List.of(new JavaSourceExtractor(), new SqlScriptExtractor(), new MapperXmlExtractor(),
                new LiquibaseExtractor())) {
            if (e.accepts(file)) {
                e.extract(file, text, sink);
            }
        }
        return sink.units();
    }

    static final class Dialects {
        private Dialects() {
        }

        /** A migration under a vendor folder ({@code db/migration/postgresql}) is in that vendor's dialect. */
        static SqlDialect forPath(String path, SqlDialect configured) {
            if (configured != SqlDialect.ANSI) {
                return configured;
            }
            String p = path.toLowerCase(Locale.ROOT);
            if (p.contains("/postgres")) {
                return SqlDialect.POSTGRESQL;
            }
            if (p.contains("/mysql")) {
                return SqlDialect.MYSQL;
            }
            if (p.contains("/mariadb")) {
                return SqlDialect.MARIADB;
            }
            if (p.contains("/oracle")) {
                return SqlDialect.ORACLE;
            }
            if (p.contains("/sqlserver") || p.contains("/mssql")) {
                return SqlDialect.SQLSERVER;
            }
            if (p.contains("/h2/")) {
                return SqlDialect.H2;
            }
            return configured;
        }
    }
}
