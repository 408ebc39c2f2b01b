package io.github.querylint.core.parse;

/**
 * A table (SQL) or entity (JPQL) read by a select block.
 *
 * @param name   as written, without quotes; for a JPQL path join the path ({@code o.customer})
 * @param alias  the alias, or empty
 * @param driving whether it is the first item of the FROM clause (the rows the query is about)
 */
public record TableRef(String name, String alias, boolean driving) {

    private static final java.util.Set<String> CATALOG_SCHEMAS = java.util.Set.of("information_schema", "pg_catalog",
            "performance_schema", "mysql", "sys", "sysibm", "syscat", "syscs_diag", "sysstat");
    /**
     * Oracle's data dictionary views ({@code user_tables}, {@code all_constraints}, {@code dba_objects}, each in its
     * three prefixes), its dynamic views ({@code v$session}), SQL Server's and SQLite's catalog tables, and the
     * one-row tables ({@code dual}, DB2's {@code sysdummy1}).
     */
    private static final java.util.regex.Pattern CATALOG_TABLE = java.util.regex.Pattern.compile(
            "(?i)(user|all|dba|cdb)_(tables|tab_columns|tab_cols|tab_comments|col_comments|constraints|cons_columns"
                    + "|indexes|ind_columns|sequences|views|objects|synonyms|triggers|source|procedures|arguments"
                    + "|users|tab_privs|role_privs|sys_privs|mviews|tab_partitions|segments|types|db_links|jobs"
                    + "|scheduler_jobs|dependencies|errors|lobs|part_tables|recyclebin|tablespaces)"
                    + "|g?v\\$\\w+|sysobjects|syscolumns|sysindexes|systypes|sysusers|sysdatabases"
                    + "|sqlite_master|sqlite_schema|sqlite_sequence|dual|sysdummy1|pg_\\w+");

    public TableRef {
        name = name == null ? "" : name;
        alias = alias == null ? "" : alias;
    }

    /** Whether a qualifier written in the query ({@code o} in {@code o.id}) refers to this table. */
    public boolean answersTo(String qualifier) {
        if (qualifier == null || qualifier.isEmpty()) {
            return false;
        }
        if (!alias.isEmpty()) {
            return alias.equalsIgnoreCase(qualifier);
        }
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return simple.equalsIgnoreCase(qualifier) || name.equalsIgnoreCase(qualifier);
    }

    /**
     * Whether this is the database's own catalog: a table of {@code information_schema}, {@code pg_catalog}
     * ({@code pg_class} even unqualified), SQL Server's {@code sys}, DB2's {@code syscat}, an Oracle data dictionary
     * view ({@code all_tab_columns}) or a one-row table such as {@code dual}. No migration creates those.
     */
    public boolean catalog() {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String schemaPart = dot < 0 ? "" : lower.substring(lower.lastIndexOf('.', dot - 1) + 1, dot);
        String simple = lower.substring(dot + 1);
        return CATALOG_SCHEMAS.contains(schemaPart) || CATALOG_TABLE.matcher(simple).matches();
    }
}
