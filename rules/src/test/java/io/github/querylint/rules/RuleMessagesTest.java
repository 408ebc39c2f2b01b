package io.github.querylint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.parse.ParseOutcome;
import io.github.querylint.core.parse.QueryParser;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleOptions;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import io.github.querylint.core.schema.SchemaModel;
import io.github.querylint.core.source.Location;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What the fixtures cannot say: the words and severities of messages, the schema's keys and column
 * counts, and options. Each rule is called directly, as the engine would.
 */
class RuleMessagesTest {

    private static final QueryParser PARSER = new QueryParser(3_000, QueryParser.DEFAULT_MAX_QUERY_CHARS);
    private static final CallSite LIST = new CallSite("queryForList", Cardinality.COLLECTION, "", false, "Dao", "all");

    private static final SchemaModel SCHEMA = new SchemaModel(Map.of(
            "tickets", new SchemaModel.Table("tickets", List.of("id", "team_id", "seq", "title", "status", "body"),
                    List.of("id"), List.of(List.of("team_id", "seq"))),
            "users", new SchemaModel.Table("users", List.of("id", "email", "name"), List.of("id"), List.of())),
            Map.of());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static List<Violation> check(Rule rule, String text, QueryLanguage language, SchemaModel schema,
                                         Map<String, Object> options, boolean conditional) {
        QueryUnit unit = QueryUnit.of(new Location("Dao.java", 1, 1), QueryOrigin.JDBC_TEMPLATE, language, text, LIST)
                .withFilterConditional(conditional);
        return check(rule, unit, schema, options);
    }

    /** A whole query unit (its origin, its flags) judged by a rule, its text parsed first. */
    private static List<Violation> check(Rule rule, QueryUnit unit, SchemaModel schema, Map<String, Object> options) {
        ParseOutcome outcome = PARSER.parse(unit.text(), unit.language(), SqlDialect.ANSI);
        assertThat(outcome).as(unit.text()).isInstanceOf(ParseOutcome.Parsed.class);
        return rule.check(new QueryContext(unit, ((ParseOutcome.Parsed) outcome).shape(), schema, new RuleOptions(options)));
    }

    private static List<Violation> sql(Rule rule, String text) {
        return check(rule, text, QueryLanguage.SQL, SchemaModel.EMPTY, Map.of(), false);
    }

    @Test
    void unboundedNamesTheTableAndWhereTheRowsGo() {
        assertThat(sql(new UnboundedResultRule(), "SELECT email FROM users")).singleElement().satisfies(v -> {
            assertThat(v.message()).isEqualTo("query reads every row of `users` into a List; "
                    + "add a filter and paginate (Pageable, setMaxResults or LIMIT)");
            assertThat(v.severity()).isNull(); // the rule's default: error
        });
        assertThat(sql(new UnboundedResultRule(), "SELECT u.email, a.city FROM users u LEFT JOIN addresses a ON a.user_id = u.id"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("every row of `users` joined with `addresses`"));
    }

    /** A table no migration creates is likely a typo; one a migration dropped makes the query stale. */
    @Test
    void unknownTableSaysWhetherTheTableNeverExistedOrWasDropped() {
        SchemaModel schema = new SchemaModel(Map.of("users", new SchemaModel.Table("users", List.of("id", "email"),
                List.of("id"), List.of())), Map.of(), Map.of(), java.util.Set.of(), true, java.util.Set.of("drafts"));
        assertThat(check(new UnknownTableRule(), "SELECT id FROM userz WHERE id = ?", QueryLanguage.SQL, schema, Map.of(),
                false)).singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("query reads `userz`, which no"
                        + " migration or schema script creates; check the name, or add the migration"));
        assertThat(check(new UnknownTableRule(), "SELECT id FROM drafts WHERE id = ?", QueryLanguage.SQL, schema, Map.of(),
                false)).singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("query reads `drafts`, which a"
                        + " migration drops or renames; the query is stale: use what replaced it, or remove the query"));
        assertThat(check(new UnknownTableRule(), "UPDATE drafts SET id = id WHERE id = ?", QueryLanguage.SQL, schema,
                Map.of(), false)).singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("query writes"
                        + " `drafts`, which a migration drops or renames; the query is stale: use what replaced it, or"
                        + " remove the query"));
        assertThat(check(new UnknownTableRule(), "INSERT INTO userz (id) SELECT id FROM drafts", QueryLanguage.SQL,
                schema, Map.of(), false)).singleElement().satisfies(v -> assertThat(v.message()).startsWith(
                        "query writes `userz` and reads `drafts`, which no migration"));
    }

    /** HQL may name an entity by its class's full name; a reader knows the class by its own. */
    @Test
    void anEntityNamedInFullIsShownByItsClassName() {
        assertThat(check(new UnboundedResultRule(), "select p from org.shop.cms.domain.PageImpl p", QueryLanguage.HQL,
                SchemaModel.EMPTY, Map.of(), false)).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("query reads every row of `PageImpl` into a List"));
        assertThat(sql(new UnboundedResultRule(), "SELECT id FROM sales.dbo.Orders")).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("query reads every row of `sales.dbo.Orders`"));
    }

    /** FROM ${table}: the placeholder the parser sees is no name to show a reader. */
    @Test
    void aTableChosenAtRunTimeIsSaidSo() {
        assertThat(sql(new MissingPaginationRule(), "SELECT id FROM ${table} WHERE parent_id = ?")).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith(
                        "query can return many rows of a table chosen at run time (filtered by parent_id) into a List"));
        assertThat(sql(new MissingPaginationRule(), "SELECT id FROM ${table} t WHERE t.${pidField} = ?")).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith(
                        "query can return many rows of a table chosen at run time into a List"));
        assertThat(sql(new UnboundedResultRule(), "SELECT o.id FROM orders o JOIN ${detail} d ON d.order_id = o.id"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("`orders` joined with a table chosen"));
        // schema + "." + table, both unknown; a known table in a schema chosen at run time
        String dynamic = QueryUnit.DYNAMIC_PLACEHOLDER;
        assertThat(sql(new UnboundedResultRule(), "SELECT id FROM " + dynamic + "." + dynamic)).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("query reads every row of a table chosen at run time"));
        assertThat(sql(new UnboundedResultRule(), "SELECT id FROM " + dynamic + ".orders")).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("query reads every row of `orders` into a List"));
    }

    /** An entity compared as a whole is compared by its id: one row per entity the caller passes. */
    @Test
    void anEntityComparedAsAWholeIsAKey() {
        assertThat(check(new MissingPaginationRule(), "select o from Operation o left join fetch o.labels where o in :operations",
                QueryLanguage.HQL, SchemaModel.EMPTY, Map.of(), false)).isEmpty();
        assertThat(check(new MissingPaginationRule(), "select o from Operation o where o = :operation",
                QueryLanguage.HQL, SchemaModel.EMPTY, Map.of(), false)).isEmpty();
        // a joined entity compared as a whole is no key of the driving one
        assertThat(check(new MissingPaginationRule(), "select o from Operation o join o.account a where a = :account",
                QueryLanguage.HQL, SchemaModel.EMPTY, Map.of(), false)).hasSize(1);
    }

    /** A Specification or a criteria object: the filter is unknown, and may be empty. */
    @Test
    void aFilterBuiltAtRunTimeMayReadEveryRow() {
        String text = "select e from AuditLog e where " + QueryUnit.DYNAMIC_PLACEHOLDER + " = true";
        QueryUnit unit = new QueryUnit(new Location("Dao.java", 1, 1), QueryOrigin.SPRING_DATA_INHERITED,
                QueryLanguage.JPQL, text, LIST, true, false, java.util.Set.of(), List.of());
        assertThat(check(new UnboundedResultRule(), unit, SchemaModel.EMPTY, Map.of())).singleElement().satisfies(v -> assertThat(v.message())
                .isEqualTo("query may read every row of `AuditLog` into a List: its filter is built at run time"
                        + " (a Specification or a criteria object) and filters nothing when it is empty; paginate it"
                        + " (Pageable, setMaxResults or LIMIT), or make sure a filter always applies"));
    }

    /** A list of which the code uses only the first row: the advice is to fetch that one row, not to paginate. */
    @Test
    void onlyTheFirstRowUsedIsOneRowToFetch() {
        CallSite first = LIST.withFirstRowOnly(true);
        QueryUnit byName = QueryUnit.of(new Location("UserDao.java", 1, 1), QueryOrigin.HIBERNATE,
                QueryLanguage.HQL, "from User u where u.userName = :name", first);
        assertThat(check(new MissingPaginationRule(), byName, SchemaModel.EMPTY, Map.of())).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("query can return many rows of `User` (filtered by"
                        + " u.userName) into a List of which the code uses only the first with no limit; fetch one row"
                        + " (setMaxResults(1), LIMIT 1 or FETCH FIRST 1 ROW ONLY), with an ORDER BY if it matters which"));
        QueryUnit latest = QueryUnit.of(new Location("RateDao.java", 1, 1), QueryOrigin.JDBC_TEMPLATE,
                QueryLanguage.SQL, "SELECT rate FROM rates ORDER BY day DESC", first);
        assertThat(check(new UnboundedResultRule(), latest, SchemaModel.EMPTY, Map.of())).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("query reads every row of `rates` into a List of which"
                        + " the code uses only the first; fetch one row (setMaxResults(1), LIMIT 1 or FETCH FIRST 1 ROW"
                        + " ONLY), with an ORDER BY if it matters which"));
        QueryUnit config = QueryUnit.of(new Location("ConfigService.java", 1, 1), QueryOrigin.MYBATIS_PLUS,
                QueryLanguage.SQL, "SELECT id, value FROM trade_config", first);
        assertThat(check(new UnboundedResultRule(), config, SchemaModel.EMPTY, Map.of())).singleElement()
                .satisfies(v -> assertThat(v.message()).endsWith("fetch one row (last(\"limit 1\") on the wrapper, or"
                        + " LIMIT 1 in the mapper's SQL), with an ORDER BY if it matters which"));
    }

    /** MyBatis-Plus and Panache reads are bounded in their own words. */
    @Test
    void theAdviceNamesTheFrameworksOwnPaging() {
        QueryUnit everyNotice = QueryUnit.of(new Location("NoticeService.java", 1, 1), QueryOrigin.MYBATIS_PLUS,
                QueryLanguage.SQL, "SELECT id, title FROM sys_notice", LIST);
        assertThat(check(new UnboundedResultRule(), everyNotice, SchemaModel.EMPTY, Map.of())).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("query reads every row of `sys_notice` into a List;"
                        + " add a filter and paginate (selectPage or page with a Page, or last(\"limit n\"))"));
        QueryUnit maybeFiltered = QueryUnit.of(new Location("NoticeService.java", 1, 1), QueryOrigin.MYBATIS_PLUS,
                QueryLanguage.SQL, "SELECT id, title FROM sys_notice WHERE status = ?", LIST).withFilterConditional(true);
        assertThat(check(new UnboundedResultRule(), maybeFiltered, SchemaModel.EMPTY, Map.of())).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("every predicate of its WHERE applies only under a"
                        + " condition (a leading boolean, an if, an IfPresent)"));
        QueryUnit panache = QueryUnit.of(new Location("PersonResource.java", 1, 1), QueryOrigin.PANACHE,
                QueryLanguage.HQL, "from Person where status = ?1", LIST);
        assertThat(check(new MissingPaginationRule(), panache, SchemaModel.EMPTY, Map.of())).singleElement()
                .satisfies(v -> assertThat(v.message()).endsWith("paginate it (page(..) or range(..) on the query)"));
    }

    @Test
    void groupedQueriesAreANoteAndDistinctEntitiesAreNot() {
        assertThat(sql(new UnboundedResultRule(), "SELECT status, COUNT(*) FROM tickets GROUP BY status"))
                .singleElement().satisfies(v -> {
                    assertThat(v.severity()).isEqualTo(Severity.INFO);
                    assertThat(v.message()).startsWith("query returns one row per group of `tickets`");
                });
        assertThat(check(new UnboundedResultRule(), "select distinct t from Ticket t join t.watchers w", QueryLanguage.JPQL,
                SchemaModel.EMPTY, Map.of(), false)).singleElement()
                .satisfies(v -> assertThat(v.severity()).isNull());
        // a list of references to another table's key is no small group: every customer who ever ordered
        assertThat(sql(new UnboundedResultRule(), "SELECT DISTINCT customer_id FROM orders")).singleElement()
                .satisfies(v -> assertThat(v.severity()).isNull());
        // JPQL: a plain column the mapping shows is one row per value; a path it does not show may be an association
        SchemaModel mapped = new SchemaModel(Map.of(), Map.of(), Map.of("Product", new SchemaModel.Entity("Product",
                "product", Map.of("id", "id", "brand", "brand", "category", "category_id"), java.util.Set.of("brand"))),
                java.util.Set.of(), false);
        for (String brands : List.of("select distinct p.brand from Product p", "select distinct(p.brand) from Product p",
                "select distinct brand from Product")) {
            assertThat(check(new UnboundedResultRule(), brands, QueryLanguage.HQL, mapped, Map.of(), false)).as(brands)
                    .singleElement().satisfies(v -> assertThat(v.severity()).isEqualTo(Severity.INFO));
        }
        assertThat(check(new UnboundedResultRule(), "select distinct p.category from Product p", QueryLanguage.JPQL,
                mapped, Map.of(), false)).singleElement()
                .satisfies(v -> assertThat(v.severity()).isNull());
    }

    @Test
    void aVanishingWhereIsPossiblyUnbounded() {
        List<Violation> v = check(new UnboundedResultRule(), "SELECT id FROM tickets WHERE 1=1 AND status = ?",
                QueryLanguage.SQL, SchemaModel.EMPTY, Map.of(), true);
        assertThat(v).singleElement().satisfies(x -> assertThat(x.message())
                .startsWith("query may read every row of `tickets` into a List: every predicate of its WHERE is appended"
                        + " only under a condition in the code"));
        QueryUnit mapper = QueryUnit.of(new Location("TicketMapper.xml", 1, 1), QueryOrigin.MYBATIS_XML, QueryLanguage.SQL,
                "SELECT id FROM tickets WHERE status = ?", LIST).withFilterConditional(true);
        assertThat(check(new UnboundedResultRule(), mapper, SchemaModel.EMPTY, Map.of())).singleElement().satisfies(x -> assertThat(x.message())
                .contains("every predicate of its WHERE sits in an <if> and vanishes when none applies"));
        assertThat(check(new MissingPaginationRule(), "SELECT id FROM tickets WHERE 1=1 AND status = ?",
                QueryLanguage.SQL, SchemaModel.EMPTY, Map.of(), true)).isEmpty();
    }

    @Test
    void missingPaginationNamesTheFilterAndTheJoins() {
        assertThat(sql(new MissingPaginationRule(), "SELECT t.title FROM tickets t JOIN users u ON u.id = t.owner_id WHERE u.id = ?"))
                .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("query can return many rows of `tickets` "
                        + "joined with `users` (filtered by u.id) into a List with no limit; paginate it (Pageable, setMaxResults or LIMIT)"));
    }

    @Test
    void theSchemaKnowsUniqueKeysTheNamesDoNot() {
        String byUniqueKey = "SELECT title FROM tickets WHERE team_id = ? AND seq = ?";
        assertThat(sql(new MissingPaginationRule(), byUniqueKey)).hasSize(1); // no schema: team_id is no key by its name
        assertThat(check(new MissingPaginationRule(), byUniqueKey, QueryLanguage.SQL, SCHEMA, Map.of(), false)).isEmpty();
        assertThat(check(new MissingPaginationRule(), "SELECT title FROM tickets WHERE team_id = ?", QueryLanguage.SQL,
                SCHEMA, Map.of(), false)).hasSize(1); // half a unique key is no key
    }

    @Test
    void selectStarCountsTheColumnsWhenTheSchemaIsKnown() {
        assertThat(check(new SelectStarRule(), "SELECT * FROM tickets WHERE id = ?", QueryLanguage.SQL, SCHEMA, Map.of(), false))
                .singleElement().satisfies(v -> assertThat(v.message())
                        .isEqualTo("query selects every column of `tickets` (6 columns) with *; name the columns the caller needs"));
        assertThat(sql(new SelectStarRule(), "SELECT t.*, u.name FROM tickets t JOIN users u ON u.id = t.owner_id"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("every column of `tickets` with t.*"));
    }

    @Test
    void maxJoinsIsAnOption() {
        String fourJoins = "SELECT a.x FROM a JOIN b ON b.id = a.b JOIN c ON c.id = b.c JOIN d ON d.id = c.d JOIN e ON e.id = d.e";
        assertThat(sql(new ExcessiveJoinsRule(), fourJoins)).isEmpty();
        assertThat(check(new ExcessiveJoinsRule(), fourJoins, QueryLanguage.SQL, SchemaModel.EMPTY, Map.of("maxJoins", 3), false))
                .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("query joins 4 times in one select "
                        + "(`a`, `b`, `c`, `d`, `e`), more than the maximum of 3 (maxJoins); "
                        + "fetch only what the caller needs, or split the query"));
    }

    @Test
    void jpqlPathJoinsAreNamed() {
        assertThat(check(new ExcessiveJoinsRule(), "select o.customer.address.city.name from Order o join o.lines l",
                QueryLanguage.JPQL, SchemaModel.EMPTY, Map.of("maxJoins", 2), false)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("(`Order`, `o.lines`, `o.customer`, `o.customer.address`"));
    }
}
