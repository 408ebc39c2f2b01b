package io.github.querylint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Against a real PostgreSQL: runs when {@code QUERYLINT_PG_URL} (environment) or
 * {@code querylint.pg.url} (system property) names one, e.g.
 * {@code jdbc:postgresql://localhost:5432/querylint} with user {@code querylint} and the password in
 * {@code QUERYLINT_DB_PASSWORD}; skipped otherwise, and failed rather than skipped when
 * {@code QUERYLINT_PG_REQUIRED=true} (CI, after {@code .ci/postgres.sh}).
 */
class SizesSnapshotPostgresTest {

    static Connection connect() throws SQLException {
        String url = setting("querylint.pg.url", "QUERYLINT_PG_URL", "");
        boolean required = Boolean.parseBoolean(setting("querylint.pg.required", "QUERYLINT_PG_REQUIRED", "false"));
        if (url.isEmpty()) {
            if (required) {
                fail("QUERYLINT_PG_REQUIRED is set but QUERYLINT_PG_URL is not");
            }
            Assumptions.abort("no PostgreSQL named (set QUERYLINT_PG_URL to run this test)");
        }
        Properties props = new Properties();
        props.setProperty("user", setting("querylint.pg.user", "QUERYLINT_PG_USER", "querylint"));
        String password = System.getenv("QUERYLINT_DB_PASSWORD");
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            if (required) {
                throw e;
            }
            Assumptions.abort("PostgreSQL at " + url + " is not reachable: " + e.getMessage());
            return null;
        }
    }

    private static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    @Test
    void readsReltuplesAfterAnalyzeAndNoTableData() throws Exception {
        String schema = "querylint_it_" + Long.toHexString(System.nanoTime()).toLowerCase(Locale.ROOT);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try {
                s.execute("CREATE SCHEMA " + schema);
                s.execute("CREATE TABLE " + schema + ".orders (id BIGINT PRIMARY KEY, status TEXT, note TEXT)");
                s.execute("INSERT INTO " + schema + ".orders SELECT g, CASE WHEN g % 7 = 0 THEN 'OPEN' ELSE 'DONE' END,"
                        + " repeat('x', 100) FROM generate_series(1, 60000) g");
                s.execute("CREATE TABLE " + schema + ".customers (id BIGINT PRIMARY KEY, email TEXT)");
                s.execute("INSERT INTO " + schema + ".customers SELECT g, 'c' || g || '@example.org' FROM generate_series(1, 1500) g");
                s.execute("CREATE TABLE " + schema + ".fresh (id INT) WITH (autovacuum_enabled = false)");
                s.execute("INSERT INTO " + schema + ".fresh SELECT generate_series(1, 10)");
                s.execute("CREATE VIEW " + schema + ".open_orders AS SELECT * FROM " + schema + ".orders WHERE status = 'OPEN'");
                s.execute("ANALYZE " + schema + ".orders");
                s.execute("ANALYZE " + schema + ".customers");
                long[] before = scans(s, schema);

                SizesSnapshot.Result result;
                try (Connection snapshot = connect()) {
                    result = SizesSnapshot.take(snapshot);
                    assertThat(snapshot.getAutoCommit()).isTrue();
                }
                TableSizes.Size orders = result.sizes().tables().get(schema + ".orders");
                TableSizes.Size customers = result.sizes().tables().get(schema + ".customers");
                assertThat(orders).as("sizes: %s", result.sizes()).isNotNull();
                assertThat(orders.rows()).isBetween(54_000L, 66_000L);
                assertThat(orders.avgRowBytes()).isBetween(100L, 400L);
                assertThat(customers.rows()).isBetween(1_350L, 1_650L);
                assertThat(result.sizes().tables()).doesNotContainKey(schema + ".open_orders");
                if (serverVersion(s) >= 14) {
                    // never analysed: PostgreSQL 14 and later say so with reltuples = -1
                    assertThat(result.unanalyzed()).contains(schema + ".fresh");
                }
                assertThat(result.sizes().tables().keySet()).noneMatch(k -> k.startsWith("pg_") || k.startsWith("information_schema"));

                String yaml = result.sizes().toYaml(result.header());
                assertThat(TableSizes.parse("querylint-sizes.yml", yaml)).isEqualTo(result.sizes());
                assertThat(yaml).contains("pg_class.reltuples");

                // catalog only: not one scan of the tables themselves
                assertThat(scans(s, schema)).containsExactly(before);
            } finally {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static int serverVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Sequential and index scans of the schema's tables, as the statistics collector counts them.
     * A backend flushes its counts at the end of a transaction at most once a second (building the
     * primary key indexes counted as scans), so wait, end one, and only then read.
     */
    private static long[] scans(Statement s, String schema) throws SQLException, InterruptedException {
        Thread.sleep(1_200);
        s.execute("SELECT 1");
        s.execute("SELECT pg_stat_clear_snapshot()");
        try (ResultSet rs = s.executeQuery("SELECT coalesce(sum(seq_scan), 0), coalesce(sum(idx_scan), 0)"
                + " FROM pg_stat_user_tables WHERE schemaname = '" + schema + "'")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
