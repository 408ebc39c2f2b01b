package io.github.querylint.rules;

import io.github.querylint.core.parse.SelectBlock;
import io.github.querylint.core.parse.TableRef;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import io.github.querylint.core.schema.SchemaModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A query reads a table that no migration or schema script creates (or, in JPQL, an entity no
 * {@code @Entity} in the code base declares): a typo, or a missing migration. Conservative on
 * purpose: only when the code base has migrations (or entities, for JPQL), never for queries
 * built at run time, migrations themselves, CTE names, table functions, temporary tables and
 * system catalogs.
 */
public final class UnknownTableRule implements Rule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("unknown-table", "Table missing from the migrations",
            "A query reads a table that no migration creates, or an entity that no class declares",
            Severity.INFO, List.of(), "0.1.0");

    /**
     * Schemas and tables every database has without a migration, and the history tables Flyway
     * ({@code flyway_schema_history}, {@code schema_version} before Flyway 5) and Liquibase keep of their own.
     */
    private static final Pattern SYSTEM = Pattern.compile(
            "(?i)(dual|sysdummy1|(information_schema|pg_catalog|sys|sysibm|mysql|performance_schema)\\..+|pg_[a-z_]+"
                    + "|([\\w]+\\.)?(flyway_schema_history|schema_version|databasechangelog|databasechangeloglock))");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Violation> check(QueryContext context) {
        SchemaModel schema = context.schema();
        boolean jpql = context.query().language() != QueryLanguage.SQL;
        // a derived or inherited repository query reads the repository's own type argument: a class that exists,
        // mapped by JPA or by another store (a Spring Data JDBC aggregate), never a misspelt name
        if (context.query().dynamic() || context.query().origin() == QueryOrigin.MIGRATION
                || context.query().origin() == QueryOrigin.SPRING_DATA_DERIVED
                || context.query().origin() == QueryOrigin.SPRING_DATA_INHERITED
                || (jpql ? schema.entities().isEmpty() : !schema.migrations())) {
            return List.of();
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (SelectBlock block : context.shape().blocks()) {
            for (TableRef ref : block.tables()) {
                String name = ref.name();
                if (name.isEmpty() || name.startsWith("(") || name.contains("(") || name.startsWith("#")
                        || name.startsWith("@") || SYSTEM.matcher(name).matches()) {
                    continue;
                }
                if (jpql) {
                    // a path join (o.customer) names an association, not an entity
                    if (name.contains(".") && !ref.driving() && Character.isLowerCase(name.charAt(0))) {
                        continue;
                    }
                    name = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                    if (!Character.isUpperCase(name.charAt(0))) {
                        continue; // entities are classes; a lower-case name is native SQL sent through createQuery
                    }
                }
                if (!schema.knows(name) && !definedInQuery(name, context.query().text())) {
                    unknown.add(name);
                }
            }
        }
        if (unknown.isEmpty()) {
            return List.of();
        }
        String names = Messages.names(unknown);
        boolean stale = !jpql && unknown.stream().allMatch(schema::wasDropped);
        if (stale && context.query().origin() == QueryOrigin.SQL_FILE) {
            return List.of(); // a script may run before the migration that drops the table (a data migration)
        }
        String message = jpql
                ? "query reads " + (unknown.size() == 1 ? "entity " : "entities ") + names + ", which no @Entity in the"
                        + " scanned code declares; check the name, or scan the module that maps it"
                : stale
                ? "query reads " + names + ", which a migration drops or renames; the query is stale: read what"
                        + " replaced it, or remove the query"
                : "query reads " + names + ", which no migration or schema script creates; check the name, or add"
                        + " the migration";
        return List.of(Violation.of(message));
    }

    /** A CTE ({@code WITH name AS (...)}) or a temporary table the query text itself defines. */
    private static boolean definedInQuery(String name, String text) {
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        Pattern cte = Pattern.compile("(?i)\\b" + Pattern.quote(simple) + "\\s*(\\([^)]*\\)\\s*)?AS\\s*(NOT\\s+)?(MATERIALIZED\\s*)?\\(");
        return cte.matcher(text).find() || text.toLowerCase(Locale.ROOT).contains("temporary table " + simple.toLowerCase(Locale.ROOT));
    }
}
