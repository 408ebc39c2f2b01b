package io.github.querylint.core.parse;

import java.util.Locale;

/** The SQL dialect native queries are parsed in. {@link #ANSI} accepts the common core of all. */
public enum SqlDialect {
    ANSI,
    POSTGRESQL,
    MYSQL,
    MARIADB,
    ORACLE,
    SQLSERVER,
    H2;

    public static SqlDialect fromId(String id) {
        String key = id.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (key) {
            case "POSTGRES", "POSTGRESQL", "PG" -> POSTGRESQL;
            case "MYSQL" -> MYSQL;
            case "MARIADB" -> MARIADB;
            case "ORACLE" -> ORACLE;
            case "SQLSERVER", "MSSQL", "TSQL" -> SQLSERVER;
            case "H2" -> H2;
            case "ANSI", "GENERIC", "DEFAULT" -> ANSI;
            default -> throw new IllegalArgumentException("unknown dialect '" + id
                    + "'; use one of ansi, postgresql, mysql, mariadb, oracle, sqlserver, h2");
        };
    }

    /**
     * The dialect of a file by where it stands: a migration under a vendor folder
     * ({@code db/migration/postgresql}) is in that vendor's dialect; elsewhere, or when a dialect
     * other than ANSI is configured, the configured one.
     */
    public static SqlDialect forPath(String path, SqlDialect configured) {
        if (configured != ANSI) {
            return configured;
        }
        String p = "/" + path.toLowerCase(Locale.ROOT);
        if (p.contains("/postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("/mysql")) {
            return MYSQL;
        }
        if (p.contains("/mariadb")) {
            return MARIADB;
        }
        if (p.contains("/oracle")) {
            return ORACLE;
        }
        if (p.contains("/sqlserver") || p.contains("/mssql")) {
            return SQLSERVER;
        }
        if (p.contains("/h2/")) {
            return H2;
        }
        return configured;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
