package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.SarifReport;
import io.github.querylint.core.testing.Expectations;
import io.github.querylint.core.testing.JsonSchemas;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** examples/shop is scored exactly: its markers are the truth, strict both ways. */
class ExampleShopTest {

    static Path shop() {
        String project = System.getProperty("querylint.project.dir");
        return Path.of(project == null ? ".." : project).resolve("examples/shop").toAbsolutePath().normalize();
    }

    @Test
    void findingsMatchTheMarkers() {
        AnalysisResult result = Runs.analyzer().analyze(AnalysisRequest.of(shop()));
        assertThat(Expectations.mismatches(shop(), result.findings())).isEmpty();
        assertThat(result.notices()).isEmpty();
    }

    @Test
    void theOutageQueryIsReported() {
        AnalysisResult result = Runs.analyzer().analyze(AnalysisRequest.of(shop()));
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.location().path()).isEqualTo("src/main/java/com/example/shop/repo/UserRepository.java");
            assertThat(f.ruleId()).isEqualTo("excessive-joins");
        });
    }

    @Test
    void sarifIsValidAgainstTheSchema() {
        AnalysisResult result = Runs.analyzer().analyze(AnalysisRequest.of(shop()));
        String sarif = new SarifReport().render(result, ReportContext.defaults());
        assertThat(JsonSchemas.sarifProblems(sarif)).isEmpty();
        assertThat(sarif).contains("\"uri\" : \"src/main/java/com/example/shop/repo/UserRepository.java\"");
    }

    @Test
    void outputIsTheSameWithOneThreadOrMany() {
        AnalysisResult one = Runs.analyzer().analyze(AnalysisRequest.of(shop()).withThreads(1));
        AnalysisResult many = Runs.analyzer().analyze(AnalysisRequest.of(shop()).withThreads(4));
        ReportContext context = ReportContext.defaults();
        assertThat(new SarifReport().render(many, context)).isEqualTo(new SarifReport().render(one, context));
    }
}
