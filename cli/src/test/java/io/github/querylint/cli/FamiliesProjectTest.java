package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.SarifReport;
import io.github.querylint.core.testing.Expectations;
import io.github.querylint.core.testing.JsonSchemas;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** examples/families: one labelled file per query family, scored exactly, every family found. */
class FamiliesProjectTest {

    static Path families() {
        return ExampleShopTest.shop().resolveSibling("families");
    }

    @Test
    void findingsMatchTheMarkers() {
        AnalysisResult result = Runs.analyzer().analyze(AnalysisRequest.of(families()));
        assertThat(Expectations.mismatches(families(), result.findings())).isEmpty();
        assertThat(result.notices()).isEmpty();
        assertThat(JsonSchemas.sarifProblems(new SarifReport().render(result, ReportContext.defaults()))).isEmpty();
    }

    @Test
    void everyFamilyIsFound() {
        AnalysisResult result = Runs.analyzer().analyze(AnalysisRequest.of(families()));
        Set<String> origins = new TreeSet<>();
        for (QueryUnit q : result.queries()) {
            origins.add(q.origin().id());
        }
        assertThat(origins).containsExactlyInAnyOrder("jdbc", "jdbc-template", "jdbc-client", "jpa", "hibernate",
                "spring-data-query", "spring-data-derived", "spring-data-inherited", "named-query",
                "mybatis-annotation", "mybatis-xml", "migration");
        assertThat(result.queries()).hasSize(32);
    }
}
