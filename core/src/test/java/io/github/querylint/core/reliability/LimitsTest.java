package io.github.querylint.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of a run, each named in its notice: the per-query parse timeout, the per-file size
 * limit, the overall deadline; and an {@link Error} stops the run at once with every worker gone.
 */
@Timeout(120)
class LimitsTest {

    @TempDir
    Path root;

    /** A rule that runs some code on every query, to make a run slow or make it fail. */
    private static Rule probe(Consumer<QueryContext> action) {
        return new Rule() {
            @Override
            public RuleDescriptor descriptor() {
                return new RuleDescriptor("limit-probe", "Limit probe", "Runs test code on every query", Severity.INFO,
                        List.of(), "0.1.0");
            }

            @Override
            public List<Violation> check(QueryContext context) {
                action.accept(context);
                return List.of();
            }
        };
    }

    private AnalysisResult analyze(Analyzer analyzer, QueryLintConfig config, int threads) {
        return analyzer.analyze(new AnalysisRequest(root, List.of(root), config, Baseline.EMPTY, threads,
                StandardCharsets.UTF_8));
    }

    private void manyFiles(int count) {
        for (int i = 0; i < count; i++) {
            Trees.write(root, "src/main/resources/db/q" + String.format("%03d", i) + ".sql",
                    "SELECT * FROM t" + i + ";\n");
        }
    }

    @Test
    void theParseTimeoutIsANoticeNamingItsOption() {
        Trees.write(root, "src/main/resources/db/slow.sql", "SELECT * FROM t WHERE a IN ("
                + "(".repeat(300) + "1" + ")".repeat(300) + ", " + "?, ".repeat(20_000) + "?);\n");
        QueryLintConfig config = new QueryLintConfig("", null, null, null, null, 1, QueryLintConfig.DEFAULT_MAX_FILE_BYTES);
        AnalysisResult result = analyze(Trees.analyzer(), config, 1);
        assertThat(result.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.PARSE_TIMEOUT);
            assertThat(n.message()).contains("1 ms", "parseTimeoutMillis");
        });
    }

    @Test
    void theSizeLimitIsANoticeNamingItsOption() {
        Trees.healthy(root);
        Trees.write(root, "src/main/resources/db/big.sql", "SELECT * FROM big;\n".repeat(100));
        AnalysisResult result = analyze(Trees.analyzer(), QueryLintConfig.DEFAULTS.withMaxFileBytes(1_000), 2);
        assertThat(Trees.noticesFor(result, "src/main/resources/db/big.sql")).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("1900 bytes", "1000 bytes (maxFileBytes)"));
        assertThat(Trees.findingLines(result)).containsAll(Trees.HEALTHY_FINDINGS);
    }

    @Test
    void theDeadlineStopsTheRunAndSaysHowManyFilesWereLeft() {
        manyFiles(40);
        Analyzer slow = Trees.analyzer(probe(q -> sleep(150)));
        long start = System.nanoTime();
        AnalysisResult result = analyze(slow, QueryLintConfig.DEFAULTS.withDeadlineSeconds(1), 1);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isLessThan(5_000);
        List<Notice> limits = result.notices().stream().filter(n -> n.kind() == Notice.Kind.LIMIT).toList();
        assertThat(limits).singleElement().satisfies(n -> assertThat(n.message())
                .contains("deadline of 1 s", "deadlineSeconds", "--deadline", "of 40 files were not analysed", "incomplete"));
        // what was analysed before the deadline is reported
        assertThat(result.findings()).isNotEmpty().hasSizeLessThan(40);
    }

    /** A file whose analysis never ends (a parser that ignores interrupts) cannot hold the run past the deadline. */
    @Test
    void theDeadlineAlsoAbandonsAFileThatNeverFinishes() {
        manyFiles(3);
        Analyzer stuck = Trees.analyzer(probe(q -> {
            if (q.query().location().path().endsWith("q001.sql")) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // deaf to interrupts, like a parser deep in its grammar
                }
            }
        }));
        long start = System.nanoTime();
        AnalysisResult result = analyze(stuck, QueryLintConfig.DEFAULTS.withDeadlineSeconds(2), 2);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(result.notices()).filteredOn(n -> n.kind() == Notice.Kind.LIMIT).singleElement()
                .satisfies(n -> {
                    assertThat(n.location().path()).isEqualTo("src/main/resources/db/q001.sql");
                    assertThat(n.message()).contains("1 of 3 files were not analysed");
                });
        assertThat(Trees.findingLines(result)).containsExactly("src/main/resources/db/q000.sql:1",
                "src/main/resources/db/q002.sql:1");
    }

    @Test
    void withoutADeadlineNothingIsCutShort() {
        manyFiles(10);
        AnalysisResult result = analyze(Trees.analyzer(), QueryLintConfig.DEFAULTS, 2);
        assertThat(result.notices()).isEmpty();
        assertThat(result.findings()).hasSize(10);
    }

    @Test
    void anOutOfMemoryErrorStopsEveryWorkerAndNamesTheFile() {
        manyFiles(30);
        Analyzer failing = Trees.analyzer(probe(q -> {
            if (q.query().location().path().endsWith("q007.sql")) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
            sleep(20);
        }));
        java.util.Set<Thread> before = workers();
        assertThatThrownBy(() -> analyze(failing, QueryLintConfig.DEFAULTS, 3))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessageContaining("while analysing src/main/resources/db/q007.sql")
                .hasMessageContaining("Java heap space (simulated)");
        assertNoWorkerLeftAlive(before);
    }

    @Test
    void anyOtherErrorAlsoStopsTheWorkers() {
        manyFiles(10);
        Analyzer failing = Trees.analyzer(probe(q -> {
            throw new AssertionError("a broken rule");
        }));
        java.util.Set<Thread> before = workers();
        assertThatThrownBy(() -> analyze(failing, QueryLintConfig.DEFAULTS, 2)).isInstanceOf(AssertionError.class);
        assertNoWorkerLeftAlive(before);
    }

    /** A bug in one file's analysis (a rule's stack overflow here) is a notice; the rest goes on. */
    @Test
    void aStackOverflowInOneFileIsANoticeAndTheRunGoesOn() {
        manyFiles(5);
        Analyzer deep = Trees.analyzer(probe(q -> {
            if (q.query().location().path().endsWith("q002.sql")) {
                throw new StackOverflowError();
            }
        }));
        AnalysisResult result = analyze(deep, QueryLintConfig.DEFAULTS, 2);
        assertThat(result.findings()).hasSize(4);
        assertThat(result.notices()).singleElement().satisfies(n -> {
            assertThat(n.location().path()).isEqualTo("src/main/resources/db/q002.sql");
            assertThat(n.message()).contains("StackOverflowError");
        });
    }

    /** No worker of this run is left (another test's abandoned worker may still be spinning). */
    private static void assertNoWorkerLeftAlive(java.util.Set<Thread> before) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        java.util.Set<Thread> left = workers();
        left.removeAll(before);
        while (System.nanoTime() < until && !left.isEmpty()) {
            sleep(50);
            left = workers();
            left.removeAll(before);
        }
        assertThat(left).as("querylint worker threads still alive").isEmpty();
    }

    private static java.util.Set<Thread> workers() {
        java.util.Set<Thread> out = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("querylint-worker") && t.isAlive()).forEach(out::add);
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
