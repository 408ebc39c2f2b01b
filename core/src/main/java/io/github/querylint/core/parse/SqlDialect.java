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

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
