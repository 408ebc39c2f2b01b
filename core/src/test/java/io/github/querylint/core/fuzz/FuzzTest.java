package io.github.querylint.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.extract.ExtractionSink;
import io.github.querylint.core.extract.Extractor;
import io.github.querylint.core.extract.JavaSourceExtractor;
import io.github.querylint.core.extract.MapperXmlExtractor;
import io.github.querylint.core.extract.SqlScriptExtractor;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.parse.ParseOutcome;
import io.github.querylint.core.parse.QueryParser;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.LineIndex;
import io.github.querylint.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the Java extractor, the SQL script and mapper XML extractors, both parsers and
 * the whole pipeline: whatever the input, nothing escapes but queries and notices. A bounded run
 * is part of every build; a long campaign is, for example,
 * {@code ./mvnw -o -B -pl core verify -Dtest=FuzzTest -Dquerylint.fuzz.tries=200000 -Dquerylint.fuzz.seconds=300 -Dquerylint.fuzz.seed=7}.
 */
class FuzzTest {

    private static QueryParser parser;

    @BeforeAll
    static void start() {
        parser = new QueryParser(QueryLintConfig.DEFAULT_PARSE_TIMEOUT_MILLIS, QueryParser.DEFAULT_MAX_QUERY_CHARS);
    }

    @AfterAll
    static void stop() {
        parser.close();
    }

    @Test
    void sqlParserAnswersEveryInput() {
        SqlDialect[] dialects = SqlDialect.values();
        int[] next = {0};
        assertNoFailure(Campaign.run("sql", Seeds.SQL, Campaign.tries(Campaign.CI_TRIES), input -> {
            SqlDialect dialect = dialects[next[0]++ % dialects.length];
            return label(parser.parse(input, QueryLanguage.SQL, dialect));
        }));
    }

    @Test
    void jpqlParserAnswersEveryInput() {
        assertNoFailure(Campaign.run("jpql", Seeds.JPQL, Campaign.tries(Campaign.CI_TRIES),
                input -> label(parser.parse(input, QueryLanguage.JPQL, SqlDialect.ANSI))));
    }

    @Test
    void javaExtractorGivesQueriesOrNotices() {
        assertNoFailure(Campaign.run("java", Seeds.JAVA, Campaign.tries(Campaign.CI_TRIES / 2),
                input -> extract(new JavaSourceExtractor(), "src/main/java/shop/Fuzzed.java", input)));
    }

    @Test
    void sqlScriptExtractorGivesStatementsOrNotices() {
        assertNoFailure(Campaign.run("sql-script", Seeds.SCRIPTS, Campaign.tries(Campaign.CI_TRIES),
                input -> extract(new SqlScriptExtractor(), "db/migration/V1__fuzzed.sql", input)));
    }

    @Test
    void mapperXmlExtractorGivesQueriesOrNotices() {
        assertNoFailure(Campaign.run("mapper-xml", Seeds.XML, Campaign.tries(Campaign.CI_TRIES),
                input -> extract(new MapperXmlExtractor(), "src/main/resources/mapper/Fuzzed.xml", input)));
    }

    /** Extraction, parsing and rules together, through files: no notice asks to report a bug. */
    @Test
    void pipelineNeverFailsInternally(@TempDir Path root) {
        List<String> seeds = new ArrayList<>();
        Seeds.JAVA.forEach(s -> seeds.add("java\u0000" + s));
        Seeds.SCRIPTS.forEach(s -> seeds.add("sql\u0000" + s));
        Seeds.XML.forEach(s -> seeds.add("xml\u0000" + s));
        Analyzer analyzer = new Analyzer(List.of());
        assertNoFailure(Campaign.run("pipeline", seeds, Campaign.tries(Campaign.CI_TRIES / 10), input -> {
            int cut = input.indexOf('\u0000');
            String kind = cut > 0 && cut <= 4 ? input.substring(0, cut) : "java";
            String text = cut > 0 && cut <= 4 ? input.substring(cut + 1) : input;
            Path dir = Files.createTempDirectory(root, "t");
            Path file = dir.resolve("Fuzzed." + (kind.equals("sql") || kind.equals("xml") ? kind : "java"));
            Files.write(file, text.getBytes(StandardCharsets.UTF_8)); // lone surrogates become '?'

            AnalysisResult result = analyzer.analyze(new AnalysisRequest(dir, List.of(dir), QueryLintConfig.DEFAULTS,
                    Baseline.EMPTY, 1, StandardCharsets.UTF_8));
            for (Notice n : result.notices()) {
                assertThat(n.message()).doesNotContain("please report");
            }
            delete(dir);
            return result.notices().isEmpty() ? "clean" : "notices";
        }));
    }

    private static String label(ParseOutcome outcome) {
        assertThat(outcome).isNotNull();
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            assertThat(parsed.shape()).isNotNull();
            assertThat(parsed.shape().blocks()).doesNotContainNull();
            return "parsed";
        }
        if (outcome instanceof ParseOutcome.Failed failed) {
            assertThat(failed.message()).isNotBlank();
            // a message like this means a parser or shape builder threw, not that the text is wrong
            return failed.message().startsWith("parser failed:") ? "internal:" + failed.message()
                    .replaceFirst("parser failed: ([\\w.$]+).*", "$1") : "failed";
        }
        return outcome instanceof ParseOutcome.TimedOut ? "timed-out" : "skipped";
    }

    private static String extract(Extractor extractor, String path, String text) {
        SourceFile file = SourceFile.of(Path.of("/fuzz"), Path.of("/fuzz").resolve(path));
        assertThat(extractor.accepts(file)).isTrue();
        ExtractionSink sink = new ExtractionSink();
        try {
            extractor.extract(file, text, sink);
        } catch (StackOverflowError e) {
            return "stack-overflow"; // the analyzer turns this into a notice; counted, not failed
        }
        int lines = new LineIndex(text).lineCount();
        for (QueryUnit unit : sink.units()) {
            assertThat(unit.location().path()).isEqualTo(file.path());
            assertThat(unit.location().line()).isBetween(1, lines);
            assertThat(unit.text()).isNotNull();
        }
        for (Notice n : sink.notices()) {
            assertThat(n.location().path()).isEqualTo(file.path());
            assertThat(n.message()).isNotBlank();
        }
        return sink.units().isEmpty() ? (sink.notices().isEmpty() ? "nothing" : "notice") : "queries";
    }

    private static void assertNoFailure(Campaign.Summary summary) {
        assertThat(summary.failures()).as(summary.line() + "; inputs in target/fuzz-failures/")
                .extracting(f -> f.problem().lines().findFirst().orElse("")).isEmpty();
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
