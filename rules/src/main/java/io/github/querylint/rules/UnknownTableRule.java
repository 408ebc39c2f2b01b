package io.github.querylint.rules;

import io.github.querylint.core.parse.StatementKind;
import io.github.querylint.core.parse.TableRef;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
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
     * The history tables Flyway ({@code flyway_schema_history}, {@code schema_version} before Flyway 5) and
     * Liquibase keep of their own. The database's catalog is {@link TableRef#catalog()}.
     */
    private static final Pattern HISTORY = Pattern.compile(
            "(?i)([\\w]+\\.)?(flyway_schema_history|schema_version|databasechangelog|databasechangeloglock)");

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
                || context.query().origin() == QueryOrigin.MYBATIS_PLUS
                || (jpql ? schema.entities().isEmpty() : !schema.migrations())) {
            return List.of();
        }
        Set<String> unknown = new LinkedHashSet<>();
        List<TableRef> refs = new java.util.ArrayList<>();
        StatementKind kind = context.shape().kind();
        TableRef written = null;
        if (!context.shape().target().isEmpty() && (kind == StatementKind.INSERT || kind == StatementKind.UPDATE
                || kind == StatementKind.DELETE || kind == StatementKind.MERGE)) {
            written = new TableRef(context.shape().target(), "", true);
            refs.add(written);
        }
        context.shape().blocks().forEach(block -> refs.addAll(block.tables()));
        for (TableRef ref : refs) {
            String name = ref.name();
            if (name.isEmpty() || name.startsWith("(") || name.contains("(") || name.startsWith("#")
                    || name.contains(QueryUnit.DYNAMIC_PLACEHOLDER)
                    || name.startsWith("@") || (!jpql && ref.catalog()) || HISTORY.matcher(name).matches()) {
                continue;
            }
            if (jpql) {
                // a path join (o.customer) names an association, not an entity
                if (name.contains(".") && !ref.driving() && Character.isLowerCase(name.charAt(0))) {
                    continue;
                }
                name = simpleName(name);
                if (!Character.isUpperCase(name.charAt(0))) {
                    continue; // entities are classes; a lower-case name is native SQL sent through createQuery
                }
            }
            if (!(jpql ? schema.knows(name) : schema.knowsTable(name)) && !definedInQuery(name, context.query().text())) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return List.of();
        }
        boolean stale = !jpql && unknown.stream().allMatch(schema::wasDropped);
        if (stale && context.query().origin() == QueryOrigin.SQL_FILE) {
            return List.of(); // a script may run before the migration that drops the table (a data migration)
        }
        // the table an INSERT, UPDATE, DELETE or MERGE writes, when it is one of the unknown ones
        String target = written == null ? null : jpql ? simpleName(written.name()) : written.name();
        Set<String> read = new LinkedHashSet<>(unknown);
        boolean writes = target != null && read.remove(target);
        String what = jpql ? (unknown.size() == 1 ? "entity " : "entities ") : "";
        String uses = writes && read.isEmpty() ? "writes " + what + Messages.names(Set.of(target))
                : writes ? "writes " + what + Messages.names(Set.of(target)) + " and reads " + Messages.names(read)
                : "reads " + what + Messages.names(read);
        String message = jpql
                ? "query " + uses + ", which no @Entity in the scanned code declares; check the name, or scan the"
                        + " module that maps it"
                : stale
                ? "query " + uses + ", which a migration drops or renames; the query is stale: use what replaced it,"
                        + " or remove the query"
                : "query " + uses + ", which no migration or schema script creates; check the name, or add the"
                        + " migration";
        return List.of(Violation.of(message));
    }

    private static String simpleName(String name) {
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    }

    /** A CTE ({@code WITH name AS (...)}) or a temporary table the query text itself defines. */
    private static boolean definedInQuery(String name, String text) {
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        Pattern cte = Pattern.compile("(?i)\\b" + Pattern.quote(simple) + "\\s*(\\([^)]*\\)\\s*)?AS\\s*(NOT\\s+)?(MATERIALIZED\\s*)?\\(");
        return cte.matcher(text).find() || text.toLowerCase(Locale.ROOT).contains("temporary table " + simple.toLowerCase(Locale.ROOT));
    }
}
