package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.querylint.core.config.ConfigException;
import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.report.JsonReport;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.TextReport;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** querylint-baseline.json: keyed by rule, path and normalised query, so that only new findings count. */
class BaselineTest {

    /** Flags every select, naming its table: enough to give each query a finding. */
    static final class EverySelect implements Rule {
        static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("every-select", "Every select", "Flags every select",
                Severity.ERROR, List.of(), "0");

        @Override
        public RuleDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public List<Violation> check(QueryContext context) {
            SelectBlock block = context.shape().outermost();
            return block == null ? List.of() : List.of(Violation.of("select from " + block.tableNames()));
        }
    }

    private static final String DAO = """
            package shop;

            class Dao {
                private final org.springframework.jdbc.core.JdbcTemplate jdbc = null;

                java.util.List<String> emails() {
                    return jdbc.queryForList("SELECT email FROM customers", String.class);
                }

                java.util.List<String> totals() {
                    return jdbc.queryForList("SELECT total FROM orders", String.class);
                }
            }
            """;

    @TempDir
    Path root;
    private Path dao;
    private final Analyzer analyzer = new Analyzer(List.of(new EverySelect()));

    @BeforeEach
    void writeProject() throws Exception {
        dao = Files.createDirectories(root.resolve("src/shop")).resolve("Dao.java");
        Files.writeString(dao, DAO);
    }

    private AnalysisResult analyze(Baseline baseline) {
        return analyzer.analyze(AnalysisRequest.of(root).withThreads(1).withBaseline(baseline));
    }

    private Baseline accepted() throws Exception {
        Path file = root.resolve(Baseline.FILE_NAME);
        Baseline.of(analyze(Baseline.EMPTY).findings()).write(file);
        return Baseline.read(file);
    }

    @Test
    void aBaselineAcceptsTodaysFindings() throws Exception {
        Baseline baseline = accepted();
        assertThat(baseline.entries()).hasSize(2);
        AnalysisResult result = analyze(baseline);
        assertThat(result.findings()).isEmpty();
        assertThat(result.baselined()).isEqualTo(2);
        assertThat(result.staleBaseline()).isEmpty();
    }

    @Test
    void movingCodeKeepsTheBaselineValid() throws Exception {
        Baseline baseline = accepted();
        String moved = DAO.replace("class Dao {", "/** Lines above move every query down. */\n\nclass Dao {\n\n")
                .replace("    java.util.List<String> emails()", "    // reformatted\n    java.util.List<String>   emails()")
                .replace("\"SELECT email FROM customers\"", "\"SELECT email \"\n                + \"FROM   customers\"");
        Files.writeString(dao, moved);
        AnalysisResult result = analyze(baseline);
        assertThat(result.findings()).isEmpty();
        assertThat(result.baselined()).isEqualTo(2);
        assertThat(result.staleBaseline()).isEmpty();
    }

    @Test
    void aNewFindingIsReported() throws Exception {
        Baseline baseline = accepted();
        Files.writeString(dao, DAO.replace("    java.util.List<String> totals()", """
                    java.util.List<String> names() {
                        return jdbc.queryForList("SELECT name FROM products", String.class);
                    }

                    java.util.List<String> totals()"""));
        AnalysisResult result = analyze(baseline);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("select from [products]");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(result.countAtLeast(Severity.ERROR)).isEqualTo(1);
        assertThat(result.baselined()).isEqualTo(2);
    }

    @Test
    void aRemovedFindingBecomesStaleAndReportsSayHowToDropIt() throws Exception {
        Baseline baseline = accepted();
        Files.writeString(dao, DAO.replace("\"SELECT total FROM orders\"", "\"SELECT total FROM orders WHERE id = ?\""));
        AnalysisResult result = analyze(baseline);
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("orders"));
        assertThat(result.staleBaseline()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("src/shop/Dao.java");
            assertThat(e.ruleId()).isEqualTo("every-select");
            assertThat(e.message()).isEqualTo("select from [orders]");
        });
        String text = new TextReport().render(result, ReportContext.defaults());
        assertThat(text).contains("Stale baseline entries", "querylint baseline",
                "  src/shop/Dao.java: select from [orders] [every-select]", "1 stale baseline entries");
        String json = new JsonReport().render(result, ReportContext.defaults());
        assertThat(json).contains("\"staleBaseline\"", "\"staleBaselineEntries\" : 1");
    }

    @Test
    void theSameQueryTwiceNeedsTwoEntries() throws Exception {
        Files.writeString(dao, DAO.replace("\"SELECT total FROM orders\"", "\"SELECT email FROM customers\""));
        Baseline baseline = accepted();
        assertThat(baseline.entries()).hasSize(2);
        Files.writeString(dao, DAO.replace("\"SELECT total FROM orders\"", "\"SELECT email FROM customers\"")
                .replace("    java.util.List<String> totals()", """
                    java.util.List<String> again() {
                        return jdbc.queryForList("SELECT email FROM customers", String.class);
                    }

                    java.util.List<String> totals()"""));
        AnalysisResult result = analyze(baseline);
        assertThat(result.findings()).hasSize(1);
        assertThat(result.baselined()).isEqualTo(2);
    }

    @Test
    void theFileIsSortedAndStable() throws Exception {
        Baseline first = Baseline.of(analyze(Baseline.EMPTY).findings());
        Baseline second = Baseline.of(analyze(Baseline.EMPTY).findings());
        assertThat(first.toJson()).isEqualTo(second.toJson()).contains("\"version\" : 1").doesNotContain("\"line\"");
    }

    @Test
    void aFileThatIsNoBaselineIsRefused() throws Exception {
        Path file = Files.writeString(root.resolve("other.json"), "{\"results\": []}");
        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a QueryLint baseline");
    }
}
