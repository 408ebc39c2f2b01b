package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.Reports;
import io.github.querylint.core.rule.Rule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What makes a run fast never changes what it reports: on every fixture project, the pre-filters
 * on and off, one thread and two, and a cold, a filled and a warm cache give the same result,
 * byte for byte in every report format.
 */
class EngineEquivalenceTest {

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class).forEach(rules::add);
        return rules;
    }

    static Path projectDir() {
        return Path.of(System.getProperty("querylint.project.dir", "..")).toAbsolutePath().normalize();
    }

    static Stream<Path> projects() throws URISyntaxException {
        return Stream.of(
                Path.of(EngineEquivalenceTest.class.getResource("/fixtures").toURI()),
                projectDir().resolve("examples/shop"),
                projectDir().resolve("examples/families"),
                projectDir().resolve("cli/src/test/resources/project"),
                Path.of(EngineEquivalenceTest.class.getResource("/engine/constants").toURI()));
    }

    /** Every report of a result, concatenated: equal strings mean byte-identical output in every format. */
    static String rendered(AnalysisResult result) {
        ReportContext context = ReportContext.defaults().withIncludeSuppressed(true);
        StringBuilder sb = new StringBuilder();
        Reports.all().forEach(r -> sb.append(r.render(result, context)).append("\n----\n"));
        sb.append(result.queries()).append('\n').append(result.notices()).append('\n').append(result.suppressedFindings());
        return sb.toString();
    }

    static AnalysisResult run(Path root, boolean prefilter, int threads, Cache cache) {
        Analyzer analyzer = new Analyzer(rules());
        analyzer.prefilter = prefilter;
        return analyzer.analyze(AnalysisRequest.of(root).withThreads(threads), cache);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void thePreFiltersChangeNoFinding(Path project) {
        AnalysisResult filtered = run(project, true, 1, Cache.NONE);
        AnalysisResult everything = run(project, false, 1, Cache.NONE);
        assertThat(filtered.queries()).isNotEmpty();
        assertThat(rendered(filtered)).isEqualTo(rendered(everything));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void twoThreadsReportWhatOneReports(Path project) {
        String one = rendered(run(project, true, 1, Cache.NONE));
        for (int i = 0; i < 3; i++) {
            assertThat(rendered(run(project, true, 2, Cache.NONE))).isEqualTo(one);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void aWarmRunReportsWhatAColdRunReports(Path project, @TempDir Path cacheDir) {
        String cold = rendered(run(project, true, 2, Cache.NONE));
        Cache cache = Cache.in(cacheDir);
        assertThat(rendered(run(project, true, 2, cache))).isEqualTo(cold);
        assertThat(cache.lastRun().reused()).isZero();
        assertThat(Files.exists(cacheDir.resolve(Cache.FILE_NAME))).isTrue();
        assertThat(rendered(run(project, true, 2, cache))).isEqualTo(cold);
        assertThat(cache.lastRun().analysed()).isZero();
        assertThat(cache.lastRun().reused()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void aCorruptOrForeignCacheIsIgnored(Path project, @TempDir Path cacheDir) throws IOException {
        String cold = rendered(run(project, true, 1, Cache.NONE));
        Cache cache = Cache.in(cacheDir);
        Files.write(cacheDir.resolve(Cache.FILE_NAME), "not a cache".getBytes(StandardCharsets.UTF_8));
        assertThat(rendered(run(project, true, 1, cache))).isEqualTo(cold);
        assertThat(cache.lastRun().reused()).isZero();
        // a cache filled with another configuration (here: the pre-filter off) is not used either
        run(project, false, 1, cache);
        assertThat(rendered(run(project, true, 1, cache))).isEqualTo(cold);
        assertThat(cache.lastRun().reused()).isZero();
        // truncated in the middle
        byte[] bytes = Files.readAllBytes(cacheDir.resolve(Cache.FILE_NAME));
        Files.write(cacheDir.resolve(Cache.FILE_NAME), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(rendered(run(project, true, 1, cache))).isEqualTo(cold);
        assertThat(cache.lastRun().reused()).isZero();
    }
}
