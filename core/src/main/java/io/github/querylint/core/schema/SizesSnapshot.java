package io.github.querylint.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes the table sizes of a live database from its catalog statistics only: PostgreSQL's
 * {@code pg_class.reltuples} (ordinary and partitioned tables outside the system schemas),
 * MySQL's and MariaDB's {@code information_schema.tables.table_rows}, H2's
 * {@code INFORMATION_SCHEMA.TABLES.ROW_COUNT_ESTIMATE}. It runs in a read-only transaction that is
 * rolled back, never reads table data and never runs an application query. Both adapters (the
 * {@code sizes} command and the {@code querylint:sizes} goal) only open the connection and write
 * the file.
 */
public final class SizesSnapshot {

    /** Seconds one catalog query may take. */
    static final int QUERY_TIMEOUT_SECONDS = 60;

    private static final String POSTGRESQL = """
            SELECT n.nspname, c.relname,
                   CASE WHEN c.relkind = 'p'
                        THEN (SELECT sum(GREATEST(p.reltuples, 0)) FROM pg_catalog.pg_inherits i
                              JOIN pg_catalog.pg_class p ON p.oid = i.inhrelid WHERE i.inhparent = c.oid)
                        ELSE c.reltuples END,
                   c.relpages::bigint * current_setting('block_size')::bigint,
                   c.relkind
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY 1, 2""";

    private static final String MYSQL = """
            SELECT table_schema, table_name, table_rows, avg_row_length
            FROM information_schema.tables
            WHERE table_type = 'BASE TABLE'
              AND table_schema NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
            ORDER BY 1, 2""";

    private static final String H2 = """
            SELECT TABLE_SCHEMA, TABLE_NAME, ROW_COUNT_ESTIMATE
            FROM INFORMATION_SCHEMA.TABLES
            WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA <> 'INFORMATION_SCHEMA'
            ORDER BY 1, 2""";

    private SizesSnapshot() {
    }

    /**
     * @param sizes      the sizes read
     * @param source     where they came from, for the file's header ("PostgreSQL catalog statistics (pg_class.reltuples)")
     * @param unanalyzed tables the database holds no statistics for yet (left out of the file; run ANALYZE)
     */
    public record Result(TableSizes sizes, String source, List<String> unanalyzed) {
        public Result {
            unanalyzed = List.copyOf(unanalyzed);
        }

        /** The comment lines that head the written file. */
        public List<String> header() {
            return List.of("Production table sizes for QueryLint, from " + source + ".",
                    "No table data was read. Refresh with: querylint sizes --jdbc-url URL --user USER",
                    "(the password comes from the environment variable QUERYLINT_DB_PASSWORD).");
        }
    }

    /** Reads the catalog; the connection is left as it was given (auto-commit and read-only restored). */
    public static Result take(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try {
            String product = connection.getMetaData().getDatabaseProductName();
            String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
            if (p.contains("postgres")) {
                try (var s = connection.createStatement()) {
                    s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                    s.execute("SET TRANSACTION READ ONLY");
                }
                return postgresql(connection);
            }
            if (p.contains("mysql") || p.contains("mariadb")) {
                return mysql(connection, p.contains("mariadb") ? "MariaDB" : "MySQL");
            }
            if (p.equals("h2")) {
                return h2(connection);
            }
            throw new SQLException("querylint sizes reads the catalogs of PostgreSQL, MySQL, MariaDB and H2, not " + product);
        } finally {
            try {
                connection.rollback();
            } finally {
                connection.setReadOnly(readOnly);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static Result postgresql(Connection connection) throws SQLException {
        Map<String, TableSizes.Size> sizes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> unanalyzed = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(POSTGRESQL)) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String name = schema.equals("public") ? rs.getString(2) : schema + "." + rs.getString(2);
                    double tuples = rs.getDouble(3);
                    if (rs.wasNull() || tuples < 0) {
                        unanalyzed.add(name); // reltuples = -1: never vacuumed or analysed (PostgreSQL 14 and later)
                        continue;
                    }
                    long rows = Math.round(tuples);
                    long bytes = rs.getLong(4);
                    boolean partitioned = "p".equals(rs.getString(5));
                    long avg = !partitioned && rows > 0 && bytes > 0 ? Math.round((double) bytes / rows) : 0;
                    sizes.put(name, new TableSizes.Size(rows, avg));
                }
            }
        }
        return new Result(new TableSizes(sizes), "PostgreSQL catalog statistics (pg_class.reltuples, relpages)", unanalyzed);
    }

    private static Result mysql(Connection connection, String product) throws SQLException {
        String current = connection.getCatalog();
        Map<String, TableSizes.Size> sizes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> unanalyzed = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(MYSQL)) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String name = schema.equalsIgnoreCase(current) ? rs.getString(2) : schema + "." + rs.getString(2);
                    long rows = rs.getLong(3);
                    if (rs.wasNull()) {
                        unanalyzed.add(name);
                        continue;
                    }
                    sizes.put(name, new TableSizes.Size(rows, Math.max(0, rs.getLong(4))));
                }
            }
        }
        return new Result(new TableSizes(sizes), product + " catalog statistics (information_schema.tables.table_rows)",
                unanalyzed);
    }

    private static Result h2(Connection connection) throws SQLException {
        String current = connection.getSchema();
        Map<String, TableSizes.Size> sizes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (PreparedStatement s = connection.prepareStatement(H2)) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String table = folded(rs.getString(2));
                    String name = schema.equalsIgnoreCase(current) ? table : folded(schema) + "." + table;
                    sizes.put(name, new TableSizes.Size(Math.max(0, rs.getLong(3)), 0));
                }
            }
        }
        return new Result(new TableSizes(sizes), "H2 catalog statistics (INFORMATION_SCHEMA.TABLES.ROW_COUNT_ESTIMATE)",
                List.of());
    }

    /** H2 folds unquoted names to upper case; the file reads better in the case the migrations use. */
    private static String folded(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
    }
}
