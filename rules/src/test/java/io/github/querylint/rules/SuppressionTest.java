package io.github.querylint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.report.JsonReport;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.TextReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The suppression fixtures (their markers are checked by RuleFixturesTest): suppressed findings are
 * left out of the reports and counted in the summary.
 */
class SuppressionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"suppression.java, 14", "suppression.sql, 7", "suppression.xml, 2"})
    void suppressedFindingsAreCountedInTheSummary(String file, int suppressed) throws Exception {
        Path root = RuleFixturesTest.fixtures();
        AnalysisResult result = new Analyzer(RuleFixturesTest.rules())
                .analyze(AnalysisRequest.of(root).withThreads(1).withPaths(List.of(root.resolve(file))));
        assertThat(result.suppressed()).isEqualTo(suppressed);
        assertThat(TextReport.summary(result)).contains("(" + suppressed + " suppressed, 0 in baseline");
        assertThat(new JsonReport().render(result, ReportContext.defaults())).contains("\"suppressed\" : " + suppressed);
    }
}
