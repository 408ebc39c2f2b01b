package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.Reports;
import io.github.querylint.core.rule.Rule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What makes a run fast never changes what it reports: on every fixture project, the pre-filters
 * of the entity reading and of pass 2 (which Java files they parse) on and off give the same
 * result, byte for byte in every report format. Pass 1's choice of files stays on: parsing every
 * file there changes the index (engine/constants then reports Columns.LIST as dynamic).
 */
class PrefilterEquivalenceTest {

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
                Path.of(PrefilterEquivalenceTest.class.getResource("/fixtures").toURI()),
                projectDir().resolve("examples/shop"),
                projectDir().resolve("cli/src/test/resources/project"),
                Path.of(PrefilterEquivalenceTest.class.getResource("/engine/constants").toURI()));
    }

    /** Every report of a result, concatenated: equal strings mean byte-identical output in every format. */
    static String rendered(AnalysisResult result) {
        ReportContext context = ReportContext.defaults().withIncludeSuppressed(true);
        StringBuilder sb = new StringBuilder();
        Reports.all().forEach(r -> sb.append(r.render(result, context)).append("\n----\n"));
        sb.append(result.queries()).append('\n').append(result.notices()).append('\n').append(result.suppressedFindings());
        return sb.toString();
    }

    static AnalysisResult run(Path root, boolean prefilter) {
        Analyzer analyzer = new Analyzer(rules());
        analyzer.prefilter = prefilter;
        return analyzer.analyze(AnalysisRequest.of(root).withThreads(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void thePreFiltersChangeNoFinding(Path project) {
        AnalysisResult filtered = run(project, true);
        AnalysisResult everything = run(project, false);
        assertThat(filtered.queries()).isNotEmpty();
        assertThat(rendered(filtered)).isEqualTo(rendered(everything));
    }
}
