package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.querylint.core.schema.TableSizes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code querylint sizes} on H2 (always) and PostgreSQL (when QUERYLINT_PG_URL names one), then {@code check} with the file. */
class SizesCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        SizesCommand.env = System::getenv;
    }

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        out.reset();
        err.reset();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** A project whose migration creates orders and coupons, and one query reading each whole. */
    private Path project() throws Exception {
        Path project = dir.resolve("shop");
        Files.createDirectories(project.resolve("db/migration"));
        Files.createDirectories(project.resolve("src/shop"));
        Files.writeString(project.resolve("db/migration/V1__init.sql"), """
                CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10));
                CREATE TABLE coupons (code VARCHAR(20) PRIMARY KEY);
                """);
        Files.writeString(project.resolve("src/shop/Queries.java"), """
                package shop;
                class Queries {
                    java.util.List<String> statuses(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList("SELECT status FROM orders", String.class);
                    }
                    java.util.List<String> coupons(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList("SELECT code FROM coupons", String.class);
                    }
                }
                """);
        return project;
    }

    private JsonNode findings(Path project, Path sizes) throws Exception {
        int code = run("check", project.toString(), "--format", "json", "--sizes", sizes.toString(), "--fail-on", "none");
        assertThat(code).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode finding(JsonNode report, String query) {
        JsonNode findings = report.has("findings") ? report.get("findings") : report;
        for (JsonNode f : findings) {
            if (f.toString().contains(query)) {
                return f;
            }
        }
        throw new AssertionError("no finding on " + query + " in " + report);
    }

    @Test
    void h2CatalogToFileToSeverities() throws Exception {
        String url = "jdbc:h2:mem:cli_sizes;DB_CLOSE_DELAY=-1";
        SizesCommand.env = name -> null; // H2 in memory takes no password, whatever CI exports for PostgreSQL
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10))");
            s.execute("INSERT INTO orders SELECT x, 'OPEN' FROM SYSTEM_RANGE(1, 50000)");
            s.execute("CREATE TABLE coupons (code VARCHAR(20) PRIMARY KEY)");
            s.execute("INSERT INTO coupons SELECT 'C' || x FROM SYSTEM_RANGE(1, 40)");
            Path file = dir.resolve("querylint-sizes.yml");
            assertThat(run("sizes", "--jdbc-url", url, "--output", file.toString())).as(err.toString()).isZero();
            assertThat(err.toString()).contains("wrote the sizes of 2 tables");
            TableSizes sizes = TableSizes.read(file);
            assertThat(sizes.tables().get("orders").rows()).isEqualTo(50_000);
            assertThat(sizes.tables().get("coupons").rows()).isEqualTo(40);
            assertThat(Files.readString(file)).startsWith("# Production table sizes for QueryLint, from H2");

            JsonNode report = findings(project(), file);
            JsonNode orders = finding(report, "SELECT status FROM orders");
            assertThat(orders.toString()).contains("\"error\"").contains("~50K in production");
            JsonNode coupons = finding(report, "SELECT code FROM coupons");
            assertThat(coupons.toString()).contains("\"warning\"").contains("(40 in production)");
            s.execute("DROP TABLE orders");
            s.execute("DROP TABLE coupons");
        }
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        assertThat(run("sizes", "--jdbc-url", "jdbc:postgresql://localhost/x?user=a&password=secret")).isEqualTo(Main.ERROR);
        assertThat(err.toString()).contains("QUERYLINT_DB_PASSWORD").doesNotContain("secret");
        assertThat(run("sizes", "--jdbc-url", "jdbc:mysql://a:secret@localhost/x")).isEqualTo(Main.ERROR);
        assertThat(run("sizes", "--password", "secret", "--jdbc-url", "jdbc:h2:mem:x")).isEqualTo(Main.ERROR);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineAndExit2() {
        SizesCommand.env = name -> name.equals(SizesCommand.PASSWORD_ENV) ? "s3cr3t-value" : null;
        assertThat(run("sizes", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--user", "nobody",
                "--output", dir.resolve("x.yml").toString())).isEqualTo(Main.ERROR);
        assertThat(err.toString()).startsWith("querylint: cannot read table sizes:").doesNotContain("s3cr3t-value");
        assertThat(dir.resolve("x.yml")).doesNotExist();
    }

    @Test
    void aMissingSizesFileIsAUsageError() throws Exception {
        assertThat(run("check", project().toString(), "--sizes", dir.resolve("nope.yml").toString())).isEqualTo(Main.ERROR);
        assertThat(err.toString()).contains("sizes file not found");
    }

    @Test
    void postgresCatalogToFileToSeverities() throws Exception {
        String url = System.getenv("QUERYLINT_PG_URL");
        boolean required = "true".equalsIgnoreCase(System.getenv("QUERYLINT_PG_REQUIRED"));
        Assumptions.assumeTrue(required || (url != null && !url.isBlank()), "no PostgreSQL named (QUERYLINT_PG_URL)");
        String user = System.getenv().getOrDefault("QUERYLINT_PG_USER", "querylint");
        Properties props = new Properties();
        props.setProperty("user", user);
        if (System.getenv("QUERYLINT_DB_PASSWORD") != null) {
            props.setProperty("password", System.getenv("QUERYLINT_DB_PASSWORD"));
        }
        Connection probe;
        try {
            probe = DriverManager.getConnection(url, props);
        } catch (java.sql.SQLException e) {
            Assumptions.assumeTrue(required, "PostgreSQL not reachable: " + e.getMessage());
            throw e;
        }
        String schema = "querylint_cli_" + Long.toHexString(System.nanoTime());
        try (Connection c = probe; Statement s = c.createStatement()) {
            try {
                s.execute("CREATE SCHEMA " + schema);
                s.execute("CREATE TABLE " + schema + ".orders (id BIGINT PRIMARY KEY, status TEXT)");
                s.execute("INSERT INTO " + schema + ".orders SELECT g, 'OPEN' FROM generate_series(1, 40000) g");
                s.execute("CREATE TABLE " + schema + ".coupons (code TEXT PRIMARY KEY)");
                s.execute("INSERT INTO " + schema + ".coupons SELECT 'C' || g FROM generate_series(1, 300) g");
                s.execute("ANALYZE " + schema + ".orders");
                s.execute("ANALYZE " + schema + ".coupons");
                Path file = dir.resolve("querylint-sizes.yml");
                assertThat(run("sizes", "--jdbc-url", url, "--user", user, "--output", file.toString()))
                        .as(err.toString()).isZero();
                TableSizes sizes = TableSizes.read(file);
                assertThat(sizes.tables().get(schema + ".orders").rows()).isBetween(36_000L, 44_000L);
                // the project names the tables without their schema: found by their simple names
                Path project = project();
                JsonNode report = findings(project, file);
                assertThat(finding(report, "SELECT status FROM orders").toString()).contains("\"error\"").contains("~40K");
                assertThat(finding(report, "SELECT code FROM coupons").toString()).contains("\"warning\"");
            } finally {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
