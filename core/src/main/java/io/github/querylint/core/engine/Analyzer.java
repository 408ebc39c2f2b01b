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
import io.github.querylint.core.schema.SchemaModel;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the pipeline: files, extraction, parsing, rules, suppression, baseline; returns sorted
 * findings. One call per run; files are analysed in parallel and no AST outlives its file.
 */
public final class Analyzer {

    /** The built-in result for queries that were found but could not be parsed. */
    public static final RuleDescriptor PARSE_ERROR = new RuleDescriptor("parse-error", "Query could not be parsed",
            "A query was found but could not be parsed, so no other rule could judge it", Severity.INFO, List.of(), "0.1.0");

    private final List<Rule> rules;

    public Analyzer(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort((a, b) -> a.descriptor().id().compareTo(b.descriptor().id()));
        this.rules = List.copyOf(sorted);
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
        ExecutorService pool = request.threads() > 1 ? Executors.newFixedThreadPool(request.threads(), r -> {
            Thread t = new Thread(r, "querylint-worker");
            t.setDaemon(true);
            return t;
        }) : null;
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
            List<Extractor> extractors = List.of(new JavaSourceExtractor(constants), new SqlScriptExtractor(constants),
                    new MapperXmlExtractor(constants), new LiquibaseExtractor());
            // pass 2: every file on its own
            results.addAll(runAll(pool, files, file -> analyzeFile(file, request, config, extractors, parser)));
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }

        List<Finding> findings = new ArrayList<>();
        List<QueryUnit> queries = new ArrayList<>();
        int suppressed = 0;
        for (FileResult r : results) {
            if (r == null) {
                continue;
            }
            findings.addAll(r.findings);
            notices.addAll(r.notices);
            queries.addAll(r.queries);
            suppressed += r.suppressed;
        }
        Collections.sort(findings);
        Baseline.Split split = request.baseline().split(findings);
        List<Notice> sortedNotices = new ArrayList<>(notices);
        Collections.sort(sortedNotices);
        queries.sort((a, b) -> a.location().compareTo(b.location()));
        return new AnalysisResult(split.fresh(), sortedNotices, queries, descriptors(), suppressed, split.known(),
                split.stale(), files.size());
    }

    private interface FileTask<T> {
        T run(SourceFile file);
    }

    private static <T> List<T> runAll(ExecutorService pool, List<SourceFile> files, FileTask<T> task) {
        List<T> out = new ArrayList<>();
        if (pool == null) {
            for (SourceFile f : files) {
                out.add(task.run(f));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>();
        for (SourceFile f : files) {
            futures.add(pool.submit(() -> task.run(f)));
        }
        for (Future<T> future : futures) {
            try {
                out.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("analysis interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    pool.shutdownNow();
                    throw error;
                }
                throw new IllegalStateException("analysis failed: " + cause, cause);
            }
        }
        return out;
    }

    private record FileResult(List<Finding> findings, List<Notice> notices, List<QueryUnit> queries, int suppressed) {
    }

    private FileResult analyzeFile(SourceFile file, AnalysisRequest request, QueryLintConfig config,
                                   List<Extractor> extractors, QueryParser parser) {
        List<Notice> notices = new ArrayList<>();
        String text = read(file, request, config, notices);
        if (text == null) {
            return new FileResult(List.of(), notices, List.of(), 0);
        }
        ExtractionSink sink = new ExtractionSink();
        for (Extractor extractor : extractors) {
            if (extractor.accepts(file)) {
                try {
                    extractor.extract(file, text, sink);
                } catch (RuntimeException | StackOverflowError e) {
                    notices.add(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), 1, 1),
                            "extraction failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                                    + "); the file's queries were not analysed, please report this"));
                }
            }
        }
        notices.addAll(sink.notices());
        if (sink.units().isEmpty()) {
            return new FileResult(List.of(), notices, List.of(), 0);
        }
        LineIndex lines = new LineIndex(text);
        boolean sql = file.kind() == SourceKind.SQL;
        SqlDialect dialect = Dialects.forPath(file.path(), config.dialect());
        List<Finding> findings = new ArrayList<>();
        int suppressed = 0;
        for (QueryUnit unit : sink.units()) {
            List<Finding> raw = judge(unit, parser, dialect, config, notices);
            for (Finding f : raw) {
                if (Suppressions.suppressed(lines, f.location().line(), f.ruleId(), unit.suppressed(), sql)) {
                    suppressed++;
                } else {
                    findings.add(f);
                }
            }
        }
        return new FileResult(findings, notices, sink.units(), suppressed);
    }

    private List<Finding> judge(QueryUnit unit, QueryParser parser, SqlDialect dialect, QueryLintConfig config,
                                List<Notice> notices) {
        ParseOutcome outcome = parser.parse(unit.text(), unit.language(), dialect);
        List<Finding> out = new ArrayList<>();
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            for (Rule rule : rules) {
                RuleDescriptor d = rule.descriptor();
                RuleSettings settings = config.rule(d.id());
                if (!settings.enabled()) {
                    continue;
                }
                QueryContext context = new QueryContext(unit, parsed.shape(), SchemaModel.EMPTY,
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
            kind = Notice.Kind.SKIPPED_QUERY;
            message = "query not parsed: " + skipped.reason();
        }
        notices.add(new Notice(kind, unit.location(), message));
        RuleSettings settings = config.rule(PARSE_ERROR.id());
        if (settings.enabled()) {
            out.add(finding(PARSE_ERROR.id(), settings.severity() != null ? settings.severity() : PARSE_ERROR.severity(),
                    message, unit));
        }
        return out;
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
