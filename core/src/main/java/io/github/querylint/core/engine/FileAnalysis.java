package io.github.querylint.core.engine;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.config.RuleSettings;
import io.github.querylint.core.extract.ExtractionSink;
import io.github.querylint.core.extract.Extractor;
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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-file pass: read one file, extract its queries, parse and judge each, apply the
 * suppressions. What it returns holds plain data only, so no AST outlives its file.
 */
final class FileAnalysis {

    /**
     * What one file yields.
     *
     * @param suppressedFindings the findings that suppressions hid
     */
    record Result(List<Finding> findings, List<Notice> notices, List<QueryUnit> queries,
                  List<Finding> suppressedFindings) {

        static final Result EMPTY = new Result(List.of(), List.of(), List.of(), List.of());

        Result {
            findings = findings == null ? List.of() : List.copyOf(findings);
            notices = notices == null ? List.of() : List.copyOf(notices);
            queries = queries == null ? List.of() : List.copyOf(queries);
            suppressedFindings = suppressedFindings == null ? List.of() : List.copyOf(suppressedFindings);
        }
    }

    private final List<Rule> rules;
    private final AnalysisRequest request;
    private final QueryLintConfig config;
    private final List<Extractor> extractors;
    private final QueryParser parser;
    private final SchemaModel schema;

    FileAnalysis(List<Rule> rules, AnalysisRequest request, List<Extractor> extractors, QueryParser parser,
                 SchemaModel schema) {
        this.rules = rules;
        this.request = request;
        this.config = request.config();
        this.extractors = extractors;
        this.parser = parser;
        this.schema = schema;
    }

    Result analyze(SourceFile file) {
        List<Notice> notices = new ArrayList<>();
        String text = read(file, request, config, notices);
        if (text == null) {
            return new Result(List.of(), notices, List.of(), List.of());
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
            return new Result(List.of(), notices, List.of(), List.of());
        }
        LineIndex lines = new LineIndex(text);
        boolean sql = file.kind() == SourceKind.SQL;
        SqlDialect dialect = SqlDialect.forPath(file.path(), config.dialect());
        List<Finding> findings = new ArrayList<>();
        List<Finding> hidden = new ArrayList<>();
        for (QueryUnit unit : sink.units()) {
            List<Finding> raw = judge(unit, dialect, notices);
            for (Finding f : raw) {
                if (Suppressions.suppressed(lines, f.location().line(), f.ruleId(), unit.suppressed(), sql)) {
                    hidden.add(f);
                } else {
                    findings.add(f);
                }
            }
        }
        return new Result(findings, notices, sink.units(), hidden);
    }

    private List<Finding> judge(QueryUnit unit, SqlDialect dialect, List<Notice> notices) {
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
        RuleSettings settings = config.rule(Analyzer.PARSE_ERROR.id());
        if (settings.enabled()) {
            out.add(finding(Analyzer.PARSE_ERROR.id(), settings.severity() != null ? settings.severity()
                    : Analyzer.PARSE_ERROR.severity(), message, unit));
        }
        return out;
    }

    private static Finding finding(String ruleId, Severity severity, String message, QueryUnit unit) {
        String normalized = unit.normalizedText();
        return new Finding(ruleId, severity, message, unit.location(), normalized, unit.origin().id(),
                Fingerprint.of(ruleId, unit.location().path(), normalized), unit.related());
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
        if (charset.equals(java.nio.charset.StandardCharsets.UTF_8)) {
            // String's own UTF-8 decoding has a fast path for ASCII that a CharsetDecoder lacks (every
            // file is read four times); it replaces what is malformed with U+FFFD, so a text without
            // one was well-formed, and only a text with one is decoded again, strictly
            text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return text.isEmpty() || text.charAt(0) != '\uFEFF' ? text : text.substring(1);
            }
        }
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
}
