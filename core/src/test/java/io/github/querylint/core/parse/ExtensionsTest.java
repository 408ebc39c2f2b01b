package io.github.querylint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.query.QueryLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Placeholders, framework extensions and vendor syntax are no parse errors: each row must parse,
 * and keep the facts it names.
 */
class ExtensionsTest {

    private static final QueryParser PARSER = new QueryParser(10_000, QueryParser.DEFAULT_MAX_QUERY_CHARS);

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static Arguments sql(String text, String facts) {
        return Arguments.of(QueryLanguage.SQL, SqlDialect.ANSI, text, facts);
    }

    private static Arguments sql(SqlDialect dialect, String text, String facts) {
        return Arguments.of(QueryLanguage.SQL, dialect, text, facts);
    }

    private static Arguments jpql(String text, String facts) {
        return Arguments.of(QueryLanguage.JPQL, SqlDialect.ANSI, text, facts);
    }

    static Stream<Arguments> placeholders() {
        return Stream.of(
                sql("SELECT a FROM t WHERE id = ?", "eq=id"),
                sql("SELECT a FROM t WHERE id = ?1", "eq=id"),
                sql("SELECT a FROM t WHERE id = :id AND b = :b_2", "eq=id,b"),
                sql("SELECT a FROM t WHERE id = #{id}", "eq=id"),
                sql("SELECT a FROM t WHERE id = #{id,jdbcType=BIGINT} AND s IN (#{a}, #{b})", "eq=id,s"),
                // MySQL joins adjacent string literals: MyBatis's bound value glued to its wildcards is one pattern
                sql(SqlDialect.MYSQL, "SELECT a FROM t WHERE name LIKE \"%\"#{key}\"%\" LIMIT 20", "patterns=true limit=20"),
                sql("SELECT a FROM t WHERE name LIKE '%' #{key} '%' AND b = #{b}", "patterns=true eq=b"),
                sql("SELECT a FROM t WHERE code LIKE #{prefix}'%' OR code LIKE '%'#{suffix}", "patterns=true"),
                sql("SELECT a FROM t WHERE name = 'x' AND b = #{b} AND c = 'y'", "eq=name,b,c"),
                sql("SELECT a FROM t WHERE id = ${id}", "eq=id restricts=true"),
                sql("SELECT ${columns} FROM t", "stars=- tables=t"),
                sql("SELECT a FROM ${table} WHERE id = ?", "tables=ql_dynamic eq=id"),
                sql("SELECT a FROM t_${suffix} x", "tables=t_ql_dynamic aliases=x"),
                sql("SELECT a FROM t ORDER BY ${sort}", "tables=t"),
                sql("SELECT a FROM t ORDER BY ${sort} ${direction}", "tables=t"),
                sql("SELECT a FROM t LIMIT ${size}", "limit=param"),
                sql(SqlDialect.MYSQL, "SELECT id FROM orders WHERE user_id = ? LOCK IN SHARE MODE", "eq=user_id"),
                // a boolean literal is a value: the flag is compared, not joined to a column named true
                sql(SqlDialect.POSTGRESQL, "SELECT u.name FROM users u WHERE u.active = true", "eq=u.active"),
                sql(SqlDialect.H2, "MERGE INTO accounts (id, email) KEY (id) VALUES (?, ?)", "kind=INSERT target=accounts"),
                sql("SELECT d FROM generate_series(?::date, ?::date, interval '1 day') AS d", "from=false"),
                sql(SqlDialect.H2, "SELECT x FROM SYSTEM_RANGE(1, ?)", "from=false"),
                // Activiti's table prefix, its paging hooks, and a substitution inside a parameter's attributes
                sql("SELECT r.a FROM ${prefix}ACT_RU_TASK r WHERE r.b = #{b, jdbcType=${blobType}}", "tables=ACT_RU_TASK eq=r.b"),
                sql("${limitBefore} select RES.* ${limitBetween} from ${prefix}ACT_RU_JOB RES where RES.TYPE_ = ? "
                        + "${orderBy} ${limitAfter}", "tables=ACT_RU_JOB eq=RES.TYPE_ limit=param"),
                // Camunda's: DISTINCT as a substitution, a paging hook inside a derived table, date parts glued together
                sql("${limitBefore} select ${distinct} RES.* ${limitBetween} from ${prefix}ACT_RU_BATCH RES "
                        + "where RES.ID_ = ? ${orderBy} ${limitAfter}", "tables=ACT_RU_BATCH eq=RES.ID_ limit=param"),
                sql("SELECT RES.*, J.QUERY_ FROM ( ${limitBefore} select ${distinct} RES.ID_ from ${prefix}ACT_RU_FILTER RES "
                        + "${limitAfter} ) RES LEFT JOIN ${prefix}ACT_RU_JOB J ON RES.ID_ = J.ID_", "tables=(subquery),ACT_RU_JOB #1 tables=ACT_RU_FILTER limit=param"),
                sql("select count(${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}) from ${prefix}ACT_RU_JOB RES",
                        "tables=ACT_RU_JOB"),
                // MyBatis Generator's criteria: conditions, not modifiers
                sql("select id from t WHERE ( ${criterion.condition} and ${criterion.condition} ) order by ${orderByClause}",
                        "tables=t restricts=true"),
                sql("delete from ACT_HI_BATCH where REMOVAL_TIME_ <= ? AND ${datepart1} ql_dynamic ${datepart2}${date}${datepart3} "
                        + "between ? and ?", "kind=DELETE writeWhere=true"),
                sql("delete from ACT_HI_ATTACHMENT where REMOVAL_TIME_ <= ? AND ${datepart1}${date}${datepart2} between ? and ?",
                        "kind=DELETE writeWhere=true"),
                sql("SELECT a FROM t WHERE s = ? ORDER BY ${orderBy}", "tables=t eq=s limit=none"),
                sql("SELECT a FROM t WHERE page_id = ${pageId}", "eq=page_id limit=none"),
                sql("SELECT a FROM t WHERE status = ql_dynamic", "eq=status"),
                sql("SELECT u.id FROM sys_user u WHERE u.del_flag = '0' AND u.status = #{status} ${params.dataScope} "
                        + "ORDER BY u.id", "restricts=true eq=u.del_flag,u.status"),
                sql("SELECT a FROM t x ${where} ORDER BY a", "restricts=true tables=t runTime=true"),
                sql("SELECT a FROM t WHERE 1=1 ${filters} ORDER BY a", "restricts=true runTime=true"),
                sql("SELECT a FROM t WHERE (ql_dynamic)", "restricts=true runTime=true"),
                sql("SELECT a FROM t WHERE ql_dynamic AND status = ?", "restricts=true eq=status runTime=false"),
                sql("SELECT a FROM t WHERE id = ${id}", "restricts=true runTime=false"),
                sql("SELECT a FROM t x JOIN u ON u.id = x.u AND u.kind = ? ${where}", "restricts=true runTime=false"),
                sql("SELECT a FROM t WHERE id IN (SELECT b FROM u y ${where})", "runTime=false #1 runTime=true"),
                sql("SELECT a FROM t ${ew.customSqlSegment}", "aliases=- restricts=true runTime=true"),
                sql("SELECT a FROM t GROUP BY a ORDER BY a DESC ${paging}", "limit=param"),
                sql("SELECT ql_dynamic FROM ql_dynamic WHERE ql_dynamic = ? ORDER BY ql_dynamic", "restricts=true eq=- runTime=false"),
                sql("SELECT a FROM t WHERE name LIKE %:name%", "patterns=true"),
                sql("SELECT a FROM t WHERE name LIKE %?1%", "patterns=true"),
                sql("SELECT a FROM t WHERE name LIKE :prefix% AND code LIKE %:suffix", "patterns=true"),
                sql("SELECT a FROM t WHERE name ILIKE %:name%", "patterns=true"),
                sql("SELECT a FROM t WHERE owner = :#{principal.id}", "eq=owner"),
                sql("SELECT a FROM t WHERE owner = ?#{[0].id}", "eq=owner"),
                sql("SELECT * FROM #{#entityName} e WHERE e.id = ?1", "tables=ql_entity eq=e.id"),
                sql("SELECT a FROM {h-schema}orders o WHERE o.id = :id", "tables=orders eq=o.id"),
                sql("SELECT a FROM {h-catalog}{h-schema}orders", "tables=orders"),
                // Hibernate's aliases of a native query (hbm.xml sql-query); a JDBC escape is no alias
                sql("select {p.*}, {c.name} from price p join customer c on c.id = p.customer_id where p.id = :id",
                        "tables=price,customer eq=p.id"),
                jpql("select o from Order o where o.id = ?1", "eq=o.id"),
                jpql("select o from Order o where o.id = :id", "eq=o.id"),
                jpql("select o from Order o where o.owner = :#{principal.username}", "eq=o.owner"),
                jpql("select o from Order o where o.owner = ?#{[0]}", "eq=o.owner"),
                jpql("select e from #{#entityName} e where e.id = :id", "tables=ql_entity eq=e.id"),
                jpql("select o from Order o where o.name like %:name%", "patterns=true"),
                jpql("select o from Order o where o.name like %?1% or o.code like :c%", "patterns=true"),
                jpql("select o from Order o where lower(o.name) like lower(concat('%', :q, '%'))", "patterns=true"),
                jpql("select o from Order o where o.status = ql_dynamic", "restricts=true runTime=false"),
                // a Specification or criteria query: Spring Data's findAll(spec) as the extractor writes it
                jpql("select e from AuditLog e where ql_dynamic = true", "restricts=false runTime=true"),
                jpql("select e from AuditLog e where (ql_dynamic = true)", "restricts=false runTime=true"),
                jpql("select e from AuditLog e where 1 = 1 and ql_dynamic = true", "restricts=false runTime=true"),
                jpql("select e from AuditLog e where ql_dynamic = true and e.kind = :k", "restricts=true runTime=false"),
                jpql("select e from AuditLog e", "restricts=false runTime=false"),
                jpql("select e from AuditLog e where e.id in (select x.id from Export x where ql_dynamic = true)",
                        "restricts=true runTime=false #1 runTime=true"),
                jpql("select o from ql_dynamic o where o.id = :id", "tables=ql_dynamic eq=o.id"),
                jpql("select o from Order o order by ql_dynamic", "tables=Order"),
                jpql("select o from Order o where o.status = ${status} order by ${sort} ${dir}", "restricts=true"));
    }

    static Stream<Arguments> vendorSyntax() {
        return Stream.of(
                // set-returning functions over the caller's values: rows the caller passes, not a table's
                sql("SELECT nextval('seq') FROM generate_series(1, ?)", "from=false"),
                sql("SELECT u.id FROM unnest(?::bigint[]) AS u(id)", "from=false"),
                sql("SELECT t.uid, t.name FROM item t JOIN unnest(:ids) AS u(uid) ON t.uid = u.uid",
                        "from=true restricts=true"),
                sql("SELECT t.uid FROM item t LEFT JOIN unnest(:ids) AS u(uid) ON t.uid = u.uid", "restricts=false"),
                sql("SELECT a FROM t WHERE created > :d::timestamp AND id = ?::uuid", "ranges=true"),
                sql("SELECT a::text, CAST(b AS uuid) FROM t WHERE id = :id", "eq=id"),
                sql("SELECT a FROM t WHERE name ILIKE ?", "patterns=true"),
                sql("SELECT a FROM t WHERE name NOT ILIKE '%x'", "patterns=true"),
                sql("SELECT data->>'name', data->'tags' FROM t WHERE data->>'kind' = ?", "restricts=true"),
                sql("SELECT a FROM t WHERE data #> '{a,b}' IS NOT NULL AND data #>> '{a}' = ?", "restricts=true"),
                sql("SELECT a FROM t WHERE tags @> ARRAY['x'] AND data @> '{\"k\": 1}'::jsonb", "restricts=true"),
                sql("SELECT * FROM user_settings WHERE type = :type AND (settings #> :path) IS NOT NULL",
                        "stars=* restricts=true"),
                sql("SELECT `name`, `order` FROM `shop`.`orders` WHERE `id` = ?", "tables=shop.orders eq=id"),
                sql(SqlDialect.MYSQL, "SELECT `name` FROM `orders` WHERE note = 'it\\'s' LIMIT 10", "limit=10"),
                sql("SELECT a FROM t WHERE note = 'it\\'s'", "tables=t"),
                sql("SELECT TOP 10 [name] FROM [dbo].[users] WHERE [id] > ?", "limit=10 tables=dbo.users ranges=true"),
                sql(SqlDialect.SQLSERVER, "SELECT TOP (?) u.[name] FROM [dbo].[users] u WITH (NOLOCK)", "limit=param"),
                // T-SQL table hints: locking and seek directives, not names
                sql("select * from ACT_RU_EVENT_SUBSCR with (UPDLOCK, ROWLOCK) where EVENT_TYPE_ = ?", "stars=* eq=EVENT_TYPE_"),
                sql("update RES set RES.REMOVAL_TIME_ = ? FROM ACT_HI_ATTACHMENT RES WITH (FORCESEEK) where RES.ID_ = ?",
                        "kind=UPDATE writeWhere=true"),
                sql(SqlDialect.SQLSERVER, "SELECT o.id FROM dbo.Outbox o WITH (READPAST, XLOCK) WHERE o.status = ?",
                        "eq=o.status"),
                // T-SQL writes: DELETE TOP (n), an OUTPUT of the touched rows, MERGE without INTO
                sql(SqlDialect.SQLSERVER, "DELETE TOP (?) FROM dbo.Outbox WITH (ROWLOCK, READPAST) OUTPUT deleted.Id "
                        + "WHERE Status = 'READY'", "kind=DELETE writeWhere=true"),
                sql(SqlDialect.SQLSERVER, "MERGE dbo.Balances WITH (HOLDLOCK) AS t USING (SELECT ? AS CustomerId) AS s "
                        + "ON t.CustomerId = s.CustomerId WHEN MATCHED THEN UPDATE SET t.Amount = 1 "
                        + "WHEN NOT MATCHED BY TARGET THEN INSERT (CustomerId) VALUES (s.CustomerId);", "kind=MERGE"),
                // an OUTPUT clause that ends the statement
                sql(SqlDialect.SQLSERVER, "MERGE dbo.Stock WITH (HOLDLOCK) AS t USING (SELECT ? AS Id, ? AS Delta) AS s "
                        + "ON t.Id = s.Id WHEN MATCHED THEN UPDATE SET t.OnHand = t.OnHand + s.Delta "
                        + "WHEN NOT MATCHED THEN INSERT (Id, OnHand) VALUES (s.Id, s.Delta) "
                        + "OUTPUT $action AS MergeAction, inserted.OnHand;", "kind=MERGE"),
                sql(SqlDialect.SQLSERVER, "SELECT u.name FROM users u ORDER BY u.id OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY",
                        "limit=50"),
                sql(SqlDialect.ORACLE, "SELECT a FROM t WHERE ROWNUM <= 100", "limit=100"),
                sql("SELECT a FROM t, u WHERE t.id = u.t_id(+) AND t.k = ?", "joins=1 eq=t.k"),
                sql(SqlDialect.ORACLE, "SELECT a FROM t WHERE b = :b AND ROWNUM = 1", "limit=1 eq=b"),
                sql("SELECT id FROM t WHERE name = @x INTO @y", "tables=t"),
                sql("SELECT uuid, script FROM concept WHERE uuid = ?", "eq=uuid"),
                sql("SELECT c.uuid FROM concept c WHERE c.uuid = :uuid ORDER BY c.uuid", "eq=c.uuid"),
                sql("UPDATE t SET uuid = uuid() WHERE uuid IS NULL", "kind=UPDATE writeWhere=true"),
                sql("SELECT c.id FROM m_appuser AS u JOIN client_mapping AS map ON u.id = map.appuser_id"
                        + " JOIN m_client AS c ON map.client_id = c.id WHERE u.id = ?", "joins=2 eq=u.id"),
                sql("SELECT COUNT(script) FROM schema_version WHERE version = :v", "agg=true"),
                sql(SqlDialect.POSTGRESQL, "UPDATE kv SET v = jsonb_extract_path(v, VARIADIC cast(:path as text[])) "
                        + "WHERE ns = :ns AND k = :k", "kind=UPDATE writeWhere=true"),
                // a parameter named like a word of the grammar (ERRORS)
                sql("UPDATE jobconfiguration SET errorcodes = :errors WHERE uid = :id", "kind=UPDATE writeWhere=true"),
                sql("\uFEFFSELECT a FROM t;", "tables=t"),
                sql("SELECT a FROM t;;", "tables=t"));
    }

    @ParameterizedTest(name = "[{index}] {0} {2}")
    @MethodSource({"placeholders", "vendorSyntax"})
    void parses(QueryLanguage language, SqlDialect dialect, String text, String facts) {
        ParseOutcome outcome = PARSER.parse(text, language, dialect);
        assertThat(outcome).as("parse of: %s", text).isInstanceOf(ParseOutcome.Parsed.class);
        ShapeFacts.check(text, ((ParseOutcome.Parsed) outcome).shape(), facts);
    }

    /** Statements of the common core: every dialect must accept them (with the fallbacks if need be). */
    static final List<String> ORDINARY = List.of(
            "SELECT a, b FROM t WHERE id = ?",
            "SELECT \"name\" FROM \"users\" WHERE \"id\" = :id",
            "SELECT t.* FROM t JOIN u ON u.t_id = t.id WHERE u.k = ? ORDER BY t.a DESC",
            "SELECT a FROM t WHERE b IN (SELECT b FROM u) AND c LIKE 'x%'",
            "SELECT status, COUNT(*) FROM t GROUP BY status HAVING COUNT(*) > 1",
            "WITH r AS (SELECT a FROM t) SELECT a FROM r",
            "SELECT a FROM t UNION ALL SELECT a FROM u",
            "SELECT CASE WHEN a > 0 THEN 'p' ELSE 'n' END FROM t",
            "SELECT a FROM t WHERE d BETWEEN ? AND ? OFFSET 10 ROWS FETCH NEXT 10 ROWS ONLY",
            "SELECT a FROM t WHERE note = 'it''s'",
            "SELECT a || b FROM t",
            "INSERT INTO t (a, b) VALUES (?, ?)",
            "UPDATE t SET a = ? WHERE id = ?",
            "DELETE FROM t WHERE id = ?",
            "SELECT a FROM t FOR UPDATE",
            "SELECT a FROM t WHERE path = 'C:\\' AND b = $1");

    @Test
    void ordinarySqlParsesInEveryDialect() {
        List<String> failures = new ArrayList<>();
        for (SqlDialect dialect : SqlDialect.values()) {
            for (String sql : ORDINARY) {
                if (!(PARSER.parse(sql, QueryLanguage.SQL, dialect) instanceof ParseOutcome.Parsed)) {
                    failures.add(dialect + ": " + sql);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * JSqlParser's dialects only switch lexer features on (MySQL: backslash escapes, # comments,
     * double-quoted strings; SQL Server: [brackets]; PostgreSQL: $$ strings). Alone, MySQL's reads
     * a double-quoted table name as a string and rejects the statement (62 of Apollo's H2 test
     * scripts); the fallback to the common core parses it.
     */
    @Test
    void dialectGrammarsAloneRejectOnlyWhatTheirLexersChange() {
        String quotedTable = "INSERT INTO \"Item\" (\"Key\", Comment) VALUES (?, 'c')";
        try (SqlParser sql = new SqlParser(10_000)) {
            List<String> rejected = new ArrayList<>();
            for (SqlDialect dialect : SqlDialect.values()) {
                for (String text : ORDINARY) {
                    if (!(sql.parseStrict(text, dialect) instanceof ParseOutcome.Parsed)) {
                        rejected.add(dialect.id() + ": " + text);
                    }
                }
                if (!(sql.parseStrict(quotedTable, dialect) instanceof ParseOutcome.Parsed)) {
                    rejected.add(dialect.id() + ": " + quotedTable);
                }
                assertThat(sql.parse(quotedTable, dialect)).isInstanceOf(ParseOutcome.Parsed.class);
            }
            assertThat(rejected).containsExactlyInAnyOrder("mysql: " + quotedTable, "mariadb: " + quotedTable);
        }
    }

    /** What the fallbacks add: vendor syntax parses whatever dialect is configured. */
    @Test
    void vendorSyntaxParsesWhateverTheConfiguredDialect() {
        List<String> vendor = List.of("SELECT TOP 5 [name] FROM [dbo].[users]",
                "SELECT a FROM t WHERE note = 'it\\'s' INTO @x",
                "SELECT `a` FROM `t` WHERE b = ? # trailing comment",
                "SELECT uuid FROM concept WHERE uuid = ?");
        List<String> failures = new ArrayList<>();
        for (SqlDialect dialect : SqlDialect.values()) {
            for (String text : vendor) {
                if (!(PARSER.parse(text, QueryLanguage.SQL, dialect) instanceof ParseOutcome.Parsed)) {
                    failures.add(dialect.id() + ": " + text);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void wholeDynamicTextIsSkippedWithAReason() {
        for (String text : List.of("ql_dynamic", " ql_dynamic ", "(ql_dynamic)", "${sql}", "ql_dynamic ql_dynamic")) {
            assertThat(PARSER.parse(text, QueryLanguage.SQL, SqlDialect.ANSI))
                    .isEqualTo(new ParseOutcome.Skipped(SqlParser.WHOLE_DYNAMIC));
            assertThat(PARSER.parse(text, QueryLanguage.HQL, SqlDialect.ANSI))
                    .isEqualTo(new ParseOutcome.Skipped(SqlParser.WHOLE_DYNAMIC));
        }
    }

    @Test
    void brokenSqlStillFailsWithTheFirstAttemptsPosition() {
        ParseOutcome outcome = PARSER.parse("SELECT a FROM t WHERE", QueryLanguage.SQL, SqlDialect.ANSI);
        assertThat(outcome).isInstanceOf(ParseOutcome.Failed.class);
        ParseOutcome.Failed failed = (ParseOutcome.Failed) outcome;
        assertThat(failed.line()).isEqualTo(1);
        assertThat(PARSER.parse("SELEC a FROM t", QueryLanguage.SQL, SqlDialect.POSTGRESQL))
                .isInstanceOf(ParseOutcome.Failed.class);
        assertThat(PARSER.parse("select o from Order o where", QueryLanguage.JPQL, SqlDialect.ANSI))
                .isInstanceOf(ParseOutcome.Failed.class);
    }

    /** Statements whose shape no rule reads parse to their kind, even where the grammar has no rule for them. */
    @Test
    void statementsNoRuleReadsAreRecognisedByTheirLeadingWords() {
        record Case(String sql, StatementKind kind) {
        }
        for (Case c : List.of(new Case("LOCK TABLES `orders` WRITE", StatementKind.OTHER),
                new Case("UNLOCK TABLES", StatementKind.OTHER),
                new Case("CREATE ALIAS IF NOT EXISTS UNIX_TIMESTAMP FOR \"com.acme.Fn.ts\"", StatementKind.DDL),
                new Case("CREATE SEQUENCE IF NOT EXISTS seq cache 1", StatementKind.DDL),
                new Case("ALTER TABLE \"T\" ALTER COLUMN c VARCHAR(255) NULL", StatementKind.DDL),
                new Case("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM x) THEN RAISE; END IF; END $$", StatementKind.OTHER),
                new Case("flush privileges", StatementKind.OTHER),
                new Case("DROP ALL OBJECTS", StatementKind.DDL),
                new Case("-- a comment first\nGRANT ALL ON *.* TO 'root'@'%'", StatementKind.DDL))) {
            ParseOutcome outcome = PARSER.parse(c.sql(), QueryLanguage.SQL, SqlDialect.ANSI);
            assertThat(outcome).as(c.sql()).isInstanceOf(ParseOutcome.Parsed.class);
            QueryShape shape = ((ParseOutcome.Parsed) outcome).shape();
            assertThat(shape.kind()).as(c.sql()).isEqualTo(c.kind());
            assertThat(shape.blocks()).isEmpty();
        }
        // a statement that holds a query is not waved through: a broken view stays a failure
        assertThat(PARSER.parse("CREATE VIEW v AS SELECT FROM WHERE", QueryLanguage.SQL, SqlDialect.ANSI))
                .isInstanceOf(ParseOutcome.Failed.class);
        assertThat(PARSER.parse("CREATE TABLE x AS SELECT * FROM WHERE", QueryLanguage.SQL, SqlDialect.ANSI))
                .isInstanceOf(ParseOutcome.Failed.class);
    }
}
