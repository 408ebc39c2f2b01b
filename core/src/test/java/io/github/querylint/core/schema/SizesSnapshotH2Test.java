package io.github.querylint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The fast path for developers without PostgreSQL: H2's catalog, in memory. */
class SizesSnapshotH2Test {

    @Test
    void readsRowCountsFromTheCatalog() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:sizes_snapshot;DB_CLOSE_DELAY=-1")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10))");
                s.execute("INSERT INTO orders SELECT x, 'OPEN' FROM SYSTEM_RANGE(1, 5000)");
                s.execute("CREATE TABLE customers (id BIGINT PRIMARY KEY)");
                s.execute("INSERT INTO customers SELECT x FROM SYSTEM_RANGE(1, 120)");
                s.execute("CREATE TABLE empty_one (id INT)");
                s.execute("CREATE SCHEMA billing");
                s.execute("CREATE TABLE billing.invoices (id INT)");
                s.execute("INSERT INTO billing.invoices VALUES (1), (2), (3)");
                s.execute("CREATE VIEW open_orders AS SELECT * FROM orders WHERE status = 'OPEN'");
            }
            SizesSnapshot.Result result = SizesSnapshot.take(c);
            assertThat(result.sizes().tables()).containsOnlyKeys("orders", "customers", "empty_one", "billing.invoices");
            assertThat(result.sizes().tables().get("orders").rows()).isEqualTo(5000);
            assertThat(result.sizes().tables().get("customers").rows()).isEqualTo(120);
            assertThat(result.sizes().tables().get("empty_one").rows()).isZero();
            assertThat(result.sizes().tables().get("billing.invoices").rows()).isEqualTo(3);
            assertThat(result.source()).contains("H2");
            // the connection is handed back as it came
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
            String yaml = result.sizes().toYaml(result.header());
            assertThat(yaml).contains("  orders: 5000\n").startsWith("# Production table sizes for QueryLint");
            assertThat(TableSizes.parse("querylint-sizes.yml", yaml)).isEqualTo(result.sizes());
        }
    }
}
