package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.parse.QueryParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query the parser takes seconds over is stopped at the parser timeout, said in a notice, and
 * the run goes on with every other file: a few such queries never stall a run.
 */
class PathologicalQueryTest {

    /** An IN list of 12,000 values: just under the size limit, and seconds of JSqlParser's time. */
    private static String slowStatement(int seed) {
        String values = IntStream.range(0, 12_000).mapToObj(i -> String.valueOf(100_000 + i + seed))
                .collect(Collectors.joining(", "));
        return "SELECT a FROM t" + seed + " WHERE id IN (" + values + ");\n";
    }

    @Test
    void slowQueriesAreStoppedAtTheTimeoutAndTheRestOfTheRunGoesOn(@TempDir Path tree) throws Exception {
        Files.createDirectories(tree.resolve("sql"));
        for (int i = 0; i < 4; i++) {
            String statement = slowStatement(i);
            assertThat(statement.length()).isLessThan(QueryParser.DEFAULT_MAX_QUERY_CHARS);
            Files.writeString(tree.resolve("sql/slow" + i + ".sql"), statement);
        }
        for (int i = 0; i < 20; i++) {
            Files.writeString(tree.resolve("sql/fine" + i + ".sql"), "SELECT id, name FROM users WHERE id = " + i + ";\n");
        }
        // warm the parser first, so that loading and compiling it is not what the short timeout below measures
        List<Path> fine = IntStream.range(0, 20).mapToObj(i -> tree.resolve("sql/fine" + i + ".sql")).toList();
        for (int i = 0; i < 3; i++) {
            new Analyzer(List.of()).analyze(AnalysisRequest.of(tree).withThreads(1).withPaths(fine));
        }

        QueryLintConfig config = QueryLintConfig.DEFAULTS;
        QueryLintConfig strict = new QueryLintConfig(config.source(), config.dialect(), config.includes(), config.excludes(),
                config.rules(), 50, config.maxFileBytes());
        long start = System.nanoTime();
        AnalysisResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new Analyzer(List.of()).analyze(AnalysisRequest.of(tree).withConfig(strict).withThreads(2)));
        long millis = (System.nanoTime() - start) / 1_000_000;

        List<Notice> timeouts = result.notices().stream().filter(n -> n.kind() == Notice.Kind.PARSE_TIMEOUT).toList();
        assertThat(timeouts).extracting(n -> n.location().path())
                .contains("sql/slow0.sql", "sql/slow1.sql", "sql/slow2.sql", "sql/slow3.sql");
        assertThat(timeouts.get(timeouts.size() - 1).message()).contains("50 ms").contains("parseTimeoutMillis");
        assertThat(result.queries()).hasSize(24);
        // the simple statements parse (on a starved machine one may still run out of its 50 ms)
        assertThat(result.notices()).filteredOn(n -> n.location().path().contains("fine"))
                .allMatch(n -> n.kind() == Notice.Kind.PARSE_TIMEOUT);
        // four stopped statements cost about four timeouts (doubled: JSqlParser tries twice), not their seconds
        assertThat(millis).isLessThan(20_000);
    }
}
