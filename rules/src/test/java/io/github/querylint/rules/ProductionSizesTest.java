package io.github.querylint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.rule.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Severities and estimates that the fixture markers cannot say: error when production is large, warning when small. */
class ProductionSizesTest {

    private static AnalysisResult analyze(Path dir) {
        return new Analyzer(RuleFixturesTest.rules()).analyze(AnalysisRequest.of(dir).withThreads(1));
    }

    private static Finding finding(AnalysisResult result, String rule, String queryPart) {
        List<Finding> found = result.findings().stream()
                .filter(f -> f.ruleId().equals(rule) && f.query().contains(queryPart)).toList();
        assertThat(found).as("%s on a query with '%s' in %s", rule, queryPart, result.findings()).hasSize(1);
        return found.get(0);
    }

    @Test
    void largeTablesMakeErrorsWithTheEstimateSmallOnesWarnings() throws Exception {
        AnalysisResult result = analyze(RuleFixturesTest.fixtures().resolve("missing-pagination-schema"));

        Finding outage = finding(result, "missing-pagination", "JOIN users u");
        assertThat(outage.severity()).isEqualTo(Severity.ERROR);
        assertThat(outage.message()).startsWith("query reads up to ~240K rows of `orders`");

        Finding tenant = finding(result, "missing-pagination", "WHERE tenant_id = ?");
        assertThat(tenant.severity()).isEqualTo(Severity.ERROR);
        assertThat(tenant.message()).contains("~30K rows of `users`");

        Finding all = finding(result, "unbounded-result", "SELECT order_no FROM orders");
        assertThat(all.severity()).isEqualTo(Severity.ERROR);
        assertThat(all.message()).contains("every row of `orders` (~24M in production)");

        Finding coupons = finding(result, "unbounded-result", "SELECT code FROM coupons");
        assertThat(coupons.severity()).isEqualTo(Severity.WARNING);
        assertThat(coupons.message()).contains("(400 in production)");

        Finding kind = finding(result, "missing-pagination", "WHERE kind = ?");
        assertThat(kind.severity()).isEqualTo(Severity.WARNING);
        assertThat(kind.message()).contains("up to 4 rows of `coupons`");

        // JPQL: the entity's table, by the entity mapping
        Finding jpql = finding(result, "missing-pagination", "o.status = :s");
        assertThat(jpql.severity()).isEqualTo(Severity.ERROR);
        assertThat(jpql.message()).contains("~240K rows of `orders`");
    }

    @Test
    void unindexedFilterSaysWhichTablesAndColumns() throws Exception {
        AnalysisResult result = analyze(RuleFixturesTest.fixtures().resolve("unindexed-filter"));
        assertThat(finding(result, "unindexed-filter", "WHERE region = ?").message()).isEqualTo("query looks up"
                + " `customers` (~3M rows) by region and `orders` (~24M rows) by customer_id, and no index starts with"
                + " any of those columns; add an index that leads with the most selective one");
        assertThat(finding(result, "unindexed-filter", "WHERE o.status = 'OPEN'").message())
                .startsWith("query looks up `orders` (~24M rows) by status, and no index starts with that column;");
        assertThat(finding(result, "unindexed-filter", "WHERE o.status = 'OPEN'").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void anEntitysTableNamedByAConstantIsWeighedByItsRealName(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/shop/model"));
        Files.writeString(dir.resolve("src/shop/model/Tables.java"), """
                package shop.model;
                public final class Tables {
                    public static final String PURCHASES = "purchase_orders";
                    public static final String STATE = "order_state";
                    private Tables() {
                    }
                }
                """);
        Files.writeString(dir.resolve("src/shop/model/Purchase.java"), """
                package shop.model;
                import static shop.model.Tables.*;
                import jakarta.persistence.*;
                @Entity
                @Table(name = Tables.PURCHASES)
                public class Purchase {
                    private static final String TOTAL = "gross_total";
                    @Id Long id;
                    @Column(name = STATE) String state;
                    @Column(name = TOTAL) java.math.BigDecimal total;
                }
                """);
        Files.writeString(dir.resolve("src/shop/model/PurchaseDao.java"), """
                package shop.model;
                import jakarta.persistence.EntityManager;
                import java.util.List;
                class PurchaseDao {
                    EntityManager em;
                    List<Purchase> all() {
                        return em.createQuery("select p from Purchase p", Purchase.class).getResultList();
                    }
                }
                """);
        Files.writeString(dir.resolve("querylint-sizes.yml"), "tables:\n  purchase_orders: 9000000\n");
        Finding all = finding(analyze(dir), "unbounded-result", "from Purchase p");
        assertThat(all.severity()).isEqualTo(Severity.ERROR);
        assertThat(all.message()).contains("(~9M in production)");
    }

    @Test
    void withoutSizesTheDefaultsStand(@TempDir Path dir) throws Exception {
        Path source = RuleFixturesTest.fixtures().resolve("missing-pagination-schema");
        try (var files = Files.walk(source)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().equals("querylint-sizes.yml")) {
                    Path target = dir.resolve(source.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
        AnalysisResult result = analyze(dir);
        Finding outage = finding(result, "missing-pagination", "JOIN users u");
        assertThat(outage.severity()).isEqualTo(Severity.WARNING);
        assertThat(outage.message()).startsWith("query can return many rows of `orders` joined with `users`");
        assertThat(finding(result, "unbounded-result", "SELECT code FROM coupons").severity()).isEqualTo(Severity.ERROR);
        // the schema still proves the key lookups single-row
        assertThat(result.findings()).noneMatch(f -> f.query().contains("order_no = ?"));
    }

    @Test
    void theThresholdIsAnOption(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("querylint-sizes.yml"), "tables:\n  coupons: 400\n");
        Files.writeString(dir.resolve(".querylint.yml"), "rules:\n  unbounded-result:\n    largeResultRows: 100\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/Q.java"), """
                class Q {
                    java.util.List<String> all(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList("SELECT code FROM coupons", String.class);
                    }
                }
                """);
        var config = new io.github.querylint.core.config.ConfigLoader(new Analyzer(RuleFixturesTest.rules()).descriptors())
                .load(dir.resolve(".querylint.yml"));
        AnalysisResult result = new Analyzer(RuleFixturesTest.rules())
                .analyze(AnalysisRequest.of(dir).withThreads(1).withConfig(config));
        assertThat(finding(result, "unbounded-result", "coupons").severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void estimatesReadAsPeopleSayThem() {
        assertThat(RowEstimate.approx(12)).isEqualTo("12");
        assertThat(RowEstimate.approx(2_400)).isEqualTo("~2.4K");
        assertThat(RowEstimate.approx(240_000)).isEqualTo("~240K");
        assertThat(RowEstimate.approx(2_400_000)).isEqualTo("~2.4M");
        assertThat(RowEstimate.approx(24_000_000)).isEqualTo("~24M");
        assertThat(RowEstimate.approx(999_700)).isEqualTo("~1M");
        assertThat(RowEstimate.approx(3_000_000_000L)).isEqualTo("~3B");
    }
}
