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
     * ({@code db/migration/postgresql}), or a script whose name names a vendor ({@code tables_postgres.sql}), is in
     * that vendor's dialect; elsewhere, or when a dialect other than ANSI is configured, the configured one.
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
        String name = p.substring(p.lastIndexOf('/') + 1);
        return name.endsWith(".java") ? configured : byFileName(name);
    }

    /**
     * The vendor a script's file name names ({@code tables_postgres.sql}, {@code flowable.mssql.upgradestep.sql},
     * {@code schema-h2.sql}), as a word of its own; ANSI when it names none or several.
     */
    private static SqlDialect byFileName(String name) {
        SqlDialect found = ANSI;
        for (String word : name.split("[^a-z0-9]+")) {
            SqlDialect d = switch (word) {
                case "postgres", "postgresql" -> POSTGRESQL;
                case "mysql" -> MYSQL;
                case "mariadb" -> MARIADB;
                case "oracle" -> ORACLE;
                case "sqlserver", "mssql" -> SQLSERVER;
                case "h2" -> H2;
                default -> null;
            };
            if (d != null && found != ANSI && d != found) {
                return ANSI;
            }
            found = d == null ? found : d;
        }
        return found;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
