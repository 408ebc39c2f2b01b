package io.github.querylint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The query model as JSqlParser fills it: one case a row, each naming only the facts it is about. */
class SqlShapeTest {

    private static final SqlParser PARSER = new SqlParser(10_000);

    @AfterAll
    static void close() {
        PARSER.close();
    }

    static QueryShape shape(String sql, SqlDialect dialect) {
        ParseOutcome outcome = PARSER.parse(sql, dialect);
        assertThat(outcome).as("parse of: %s", sql).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) outcome).shape();
    }

    private static Arguments row(String sql, String facts) {
        return Arguments.of(sql, facts);
    }

    static Stream<Arguments> blocksAndRoles() {
        return Stream.of(
                row("SELECT a FROM t", "kind=SELECT roles=OUTERMOST"),
                row("SELECT 1", "roles=OUTERMOST from=false tables=-"),
                row("WITH recent AS (SELECT * FROM orders WHERE created > ?) SELECT id FROM recent",
                        "roles=CTE,OUTERMOST #0 stars=* tables=orders #1 stars=- tables=recent"),
                row("WITH a AS (SELECT id FROM x), b AS (SELECT id FROM a) SELECT * FROM b", "roles=CTE,CTE,OUTERMOST"),
                row("SELECT a FROM t WHERE b IN (SELECT b FROM u)", "roles=OUTERMOST,SUBQUERY #1 tables=u"),
                row("SELECT (SELECT max(x) FROM u WHERE u.t = t.id) AS m FROM t", "roles=OUTERMOST,SUBQUERY"),
                row("SELECT * FROM (SELECT id, name FROM users) x", "roles=OUTERMOST,SUBQUERY #0 tables=(subquery) "
                        + "aliases=x #1 tables=users"),
                row("SELECT a FROM t UNION SELECT a FROM u", "roles=SET_OPERAND,SET_OPERAND #1 tables=u"),
                row("SELECT a FROM t UNION ALL SELECT a FROM u EXCEPT SELECT a FROM v",
                        "roles=SET_OPERAND,SET_OPERAND,SET_OPERAND"),
                row("(SELECT a FROM t) UNION (SELECT a FROM u) ORDER BY a LIMIT 10",
                        "roles=SET_OPERAND,SET_OPERAND #0 limit=10 #1 limit=10"),
                // a trailing LIMIT after an operand that has no parentheses bounds the whole union, as MySQL and
                // PostgreSQL run it; one inside parentheses bounds its operand only
                row("SELECT a FROM t WHERE w = ? UNION ALL SELECT a FROM u WHERE w = ? LIMIT 200",
                        "roles=SET_OPERAND,SET_OPERAND #0 limit=200 #1 limit=200"),
                row("SELECT a FROM t UNION ALL (SELECT a FROM u LIMIT 5)", "roles=SET_OPERAND,SET_OPERAND #1 limit=5"),
                row("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.t_id = t.id)",
                        "roles=OUTERMOST,EXISTS_PROBE #1 eq=u.t_id"),
                row("SELECT a FROM t WHERE NOT EXISTS (SELECT * FROM u WHERE u.t_id = t.id)",
                        "roles=OUTERMOST,EXISTS_PROBE #0 stars=- #1 stars=*"),
                row("CREATE VIEW v AS SELECT * FROM t", "kind=CREATE_VIEW target=v roles=VIEW #0 stars=*"),
                // SELECT ... INTO a new table is CREATE TABLE ... AS SELECT: the rows stay in the database
                row("SELECT * INTO archive_2019 FROM invoices WHERE issued < ?",
                        "kind=DDL target=archive_2019 roles=WRITE_SOURCE #0 stars=* restricts=true"),
                row("CREATE OR REPLACE VIEW report.v AS SELECT a FROM t JOIN u ON u.id = t.u_id",
                        "kind=CREATE_VIEW target=report.v roles=VIEW #0 joins=1"),
                row("INSERT INTO archive SELECT * FROM orders WHERE created < ?",
                        "kind=INSERT target=archive roles=WRITE_SOURCE #0 stars=* restricts=true"),
                row("INSERT INTO t (a, b) VALUES (?, ?)", "kind=INSERT target=t blocks=0"),
                row("CREATE TABLE copy AS SELECT * FROM t", "kind=DDL target=copy roles=WRITE_SOURCE"),
                row("SELECT a FROM t WHERE b = (SELECT b FROM u WHERE c IN (SELECT c FROM v WHERE d > 1))",
                        "roles=OUTERMOST,SUBQUERY,SUBQUERY #2 tables=v ranges=true"),
                row("SELECT a FROM t JOIN (SELECT t_id FROM u GROUP BY t_id) g ON g.t_id = t.id",
                        "roles=OUTERMOST,SUBQUERY #0 joins=1 tables=t,(subquery) #1 grouped=true"));
    }

    static Stream<Arguments> stars() {
        return Stream.of(
                row("SELECT * FROM orders", "stars=* starTables=orders"),
                row("SELECT o.* FROM orders o", "stars=o.* starTables=orders"),
                row("SELECT o.*, c.name FROM orders o JOIN customers c ON c.id = o.customer_id",
                        "stars=o.* starTables=orders"),
                row("SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id", "stars=* starTables=?"),
                row("SELECT c.*, o.* FROM orders o JOIN customers c ON c.id = o.cid", "stars=c.*,o.* "
                        + "starTables=customers,orders"),
                row("SELECT COUNT(*) FROM orders", "stars=- agg=true"),
                row("SELECT COUNT(*) OVER () AS total, id FROM orders", "stars=- agg=false"),
                row("SELECT id FROM t WHERE EXISTS (SELECT * FROM u WHERE u.id = t.u_id)", "stars=- #1 stars=*"),
                row("WITH x AS (SELECT * FROM t) SELECT id FROM x", "#0 role=CTE stars=* #1 stars=-"),
                row("SELECT id FROM (SELECT * FROM t) s", "#0 stars=- #1 stars=* role=SUBQUERY"),
                // a star over a derived table or CTE that names its columns expands only those (~: narrowed)
                row("SELECT * FROM (SELECT a, b FROM t) s", "#0 stars=*~ #1 stars=-"),
                row("SELECT s.* FROM (SELECT a, b FROM t) s", "#0 stars=s.*~"),
                row("WITH x AS (SELECT a FROM t) SELECT * FROM x", "#1 stars=*~"),
                row("WITH x AS (SELECT a FROM t), y AS (SELECT * FROM x) SELECT * FROM y", "#1 stars=*~ #2 stars=*~"),
                row("WITH x AS (SELECT * FROM t) SELECT * FROM x", "#0 stars=* #1 stars=*"),
                row("SELECT * FROM (SELECT * FROM t) s", "#0 stars=* #1 stars=*"),
                row("SELECT * FROM (SELECT a FROM t UNION SELECT b FROM u) s", "#0 stars=*~"),
                row("SELECT * FROM (SELECT a FROM t UNION SELECT * FROM u) s", "#0 stars=*"),
                row("SELECT * FROM (SELECT a FROM t) s JOIN u ON u.id = s.a", "#0 stars=*"),
                // a lateral subquery runs per outer row: its WHERE and LIMIT are no filter of the customers
                row("SELECT c.id, o.id FROM customers c CROSS JOIN LATERAL (SELECT id FROM orders WHERE customer_id = c.id "
                        + "ORDER BY id DESC LIMIT 1) o", "#0 restricts=false"),
                row("SELECT c.Id, x.Total FROM Customers c CROSS APPLY (SELECT TOP 1 i.Total FROM Invoices i "
                        + "WHERE i.CustomerId = c.Id) x", "#0 restricts=false"),
                row("SELECT c.id FROM customers c JOIN (SELECT customer_id FROM orders WHERE status = 'OPEN') o "
                        + "ON o.customer_id = c.id", "#0 restricts=true"),
                // a derived table that is a set operation hands on its operands' filters, when every operand filters
                row("SELECT DISTINCT x.* FROM ((SELECT id FROM loans WHERE id = ?) UNION ALL "
                        + "(SELECT id FROM loans l WHERE l.id IN (SELECT loan_id FROM groups_loans))) AS x", "#0 restricts=true"),
                row("SELECT x.* FROM (SELECT id FROM loans WHERE id = ? UNION ALL SELECT id FROM savings) x",
                        "#0 restricts=false"),
                row("SELECT x.* FROM ((SELECT l.id FROM loans l JOIN clients c ON c.id = l.client_id WHERE l.id = ?) "
                        + "UNION ALL (SELECT s.id FROM savings s WHERE s.id = ?)) x", "#0 limit=2"),
                row("SELECT x.* FROM (SELECT id FROM loans WHERE status = ?) x", "#0 limit=none"),
                // s.* expands only s's named columns, whatever is joined beside it; u.* does not
                row("SELECT s.*, u.name FROM (SELECT a FROM t) s JOIN u ON u.id = s.a", "#0 stars=s.*~"),
                row("WITH late AS (SELECT id, cid FROM inv) SELECT late.*, c.* FROM late JOIN c ON c.id = late.cid",
                        "#1 stars=late.*~,c.*"),
                row("SELECT * FROM (SELECT * FROM (SELECT a FROM t) y) s", "#0 stars=*~ #1 stars=*~"),
                row("SELECT public.orders.* FROM public.orders", "stars=public.orders.* starTables=public.orders"),
                row("SELECT \"o\".* FROM \"orders\" \"o\"", "stars=o.* starTables=orders tables=orders"));
    }

    static Stream<Arguments> tablesAndJoins() {
        return Stream.of(
                row("SELECT a FROM orders o", "tables=orders aliases=o driving=orders joins=0"),
                row("SELECT a FROM orders AS o", "aliases=o"),
                row("SELECT a FROM shop.orders", "tables=shop.orders"),
                row("SELECT a FROM orders o JOIN lines l ON l.order_id = o.id", "tables=orders,lines driving=orders joins=1"),
                row("SELECT a FROM orders o LEFT JOIN lines l ON l.order_id = o.id "
                        + "RIGHT OUTER JOIN x ON x.id = l.x_id FULL JOIN y ON y.id = x.y_id CROSS JOIN z", "joins=4"),
                row("SELECT a FROM orders o, customers c WHERE c.id = o.customer_id", "tables=orders,customers joins=1 "
                        + "restricts=false"),
                row("SELECT a FROM a, b, c, d", "joins=3 driving=a"),
                row("SELECT a FROM (a JOIN b ON a.id = b.a_id) JOIN c ON c.id = b.c_id", "tables=a,b,c joins=2 driving=a"),
                row("SELECT a FROM a JOIN (b JOIN c ON c.id = b.c_id) ON b.a_id = a.id", "tables=a,b,c joins=2"),
                row("SELECT a FROM a NATURAL JOIN b", "joins=1"),
                row("SELECT a FROM a JOIN b USING (id)", "joins=1"),
                row("SELECT a FROM t1 JOIN t2 ON t2.id = t1.id JOIN t3 ON t3.id = t2.id JOIN t4 ON t4.id = t3.id "
                        + "JOIN t5 ON t5.id = t4.id JOIN t6 ON t6.id = t5.id JOIN t7 ON t7.id = t6.id", "joins=6"),
                row("SELECT a FROM t WHERE b IN (SELECT b FROM u JOIN v ON v.id = u.v_id)", "joins=0 #1 joins=1"));
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                row("SELECT a FROM t", "restricts=false eq=- ranges=false patterns=false"),
                row("SELECT a FROM t WHERE id = ?", "restricts=true eq=id"),
                row("SELECT a FROM t WHERE t.id = :id", "eq=t.id"),
                row("SELECT a FROM t WHERE ? = t.id", "eq=t.id"),
                row("SELECT a FROM t WHERE status = 'OPEN' AND tenant_id = ?", "eq=status,tenant_id"),
                row("SELECT a FROM t WHERE created > ?", "restricts=true eq=- ranges=true"),
                row("SELECT a FROM t WHERE created BETWEEN ? AND ?", "ranges=true"),
                row("SELECT a FROM t WHERE amount <= 10", "ranges=true"),
                row("SELECT a FROM t WHERE name LIKE ?", "restricts=true patterns=true eq=-"),
                row("SELECT a FROM t WHERE name NOT LIKE 'x%'", "patterns=true"),
                row("SELECT a FROM t WHERE name ILIKE :q", "patterns=true"),
                row("SELECT a FROM t WHERE 1=1", "restricts=false"),
                row("SELECT a FROM t WHERE 1 = 1 AND id = ?", "restricts=true eq=id"),
                row("SELECT a FROM t WHERE 'a' = 'a'", "restricts=false"),
                row("SELECT a FROM t WHERE 1 = 0", "restricts=true limit=0"),
                row("SELECT a FROM t WHERE FALSE AND b = ?", "restricts=true limit=0"),
                row("SELECT a FROM t WHERE TRUE", "restricts=false"),
                row("SELECT a FROM t WHERE (1=1)", "restricts=false"),
                row("SELECT a FROM t WHERE a = ? OR b = ?", "restricts=true eq=- ranges=false patterns=false"),
                row("SELECT a FROM t WHERE a LIKE ? OR b > ?", "restricts=true eq=- ranges=true patterns=true"),
                row("SELECT a FROM t WHERE NOT (a LIKE ?)", "patterns=true"),
                row("SELECT a FROM t WHERE (a = ? AND b = ?)", "eq=a,b"),
                row("SELECT a FROM t WHERE a IN (?, ?)", "restricts=true eq=a"),
                row("SELECT a FROM t WHERE deleted_at IS NULL", "restricts=true eq=-"),
                // a key is never null: every row passes
                row("SELECT a FROM t WHERE t.id IS NOT NULL", "restricts=false"),
                row("SELECT a FROM t WHERE id IS NOT NULL AND b = ?", "restricts=true eq=b"),
                row("SELECT a FROM t WHERE parent_id IS NOT NULL", "restricts=true"),
                // a column compared without case still proves a key lookup (never an index, see Predicate)
                row("SELECT a FROM t WHERE lower(name) = ?", "restricts=true eq=name"),
                row("SELECT a FROM t WHERE upper(name) = upper(?)", "restricts=true eq=name"),
                row("SELECT a FROM t WHERE substr(name, 1, 3) = ?", "restricts=true eq=-"),
                row("SELECT a FROM t WHERE created = now()", "eq=created"),
                row("SELECT a FROM orders o, customers c WHERE o.customer_id = c.id", "restricts=false eq=-"),
                row("SELECT a FROM orders o, customers c WHERE o.customer_id = c.id AND c.id = ?",
                        "restricts=true eq=c.id"),
                row("SELECT a FROM orders o JOIN customers c ON c.id = o.customer_id AND c.region = ?",
                        "restricts=true eq=c.region"),
                row("SELECT a FROM orders o LEFT JOIN customers c ON c.id = o.customer_id AND c.region = ?",
                        "restricts=false"),
                row("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.t_id = t.id)", "restricts=true "
                        + "#1 restricts=true eq=u.t_id"),
                row("SELECT a FROM t WHERE x = (SELECT max(x) FROM u WHERE u.t_id = t.id AND u.k = ?)",
                        "#1 eq=u.t_id,u.k"),
                row("SELECT a FROM t WHERE a = :a AND (b = :b OR c = :c)", "eq=a restricts=true"));
    }

    static Stream<Arguments> rowLimits() {
        return Stream.of(
                row("SELECT a FROM t", "limit=none"),
                row("SELECT a FROM t LIMIT 10", "limit=10"),
                row("SELECT a FROM t LIMIT ?", "limit=param"),
                row("SELECT a FROM t LIMIT :size OFFSET :offset", "limit=param"),
                row("SELECT a FROM t LIMIT 5, 20", "limit=20"),
                row("SELECT a FROM t LIMIT ?, ?", "limit=param"),
                row("SELECT a FROM t LIMIT ALL", "limit=none"),
                row("SELECT a FROM t OFFSET 10", "limit=none"),
                row("SELECT a FROM t ORDER BY a OFFSET 10 ROWS FETCH NEXT 20 ROWS ONLY", "limit=20"),
                row("SELECT a FROM t FETCH FIRST 1 ROWS ONLY", "limit=1"),
                row("SELECT a FROM t FETCH FIRST ROW ONLY", "limit=1"),
                row("SELECT a FROM t FETCH FIRST ? ROWS ONLY", "limit=param"),
                row("SELECT a FROM t ORDER BY a OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", "limit=param"),
                row("SELECT TOP 5 a FROM t", "limit=5"),
                row("SELECT TOP (?) a FROM t", "limit=param"),
                row("SELECT TOP 10 PERCENT a FROM t", "limit=none"),
                row("SELECT a FROM t WHERE ROWNUM <= 10", "limit=10 restricts=false"),
                row("SELECT a FROM t WHERE ROWNUM < 11", "limit=10"),
                row("SELECT a FROM t WHERE ROWNUM = 1", "limit=1"),
                row("SELECT a FROM t WHERE 10 >= ROWNUM", "limit=10"),
                row("SELECT a FROM t WHERE ROWNUM <= ?", "limit=param"),
                row("SELECT a FROM t WHERE status = ? AND ROWNUM <= :n", "limit=param restricts=true eq=status"),
                row("SELECT * FROM (SELECT a FROM t ORDER BY a) WHERE ROWNUM <= 10", "limit=10"),
                row("SELECT * FROM (SELECT x.*, ROWNUM rn FROM (SELECT a FROM t ORDER BY a) x WHERE ROWNUM <= ?) "
                        + "WHERE rn > ?", "limit=param restricts=true"),
                // a page of the rows ROW_NUMBER() numbers in a derived table or a CTE (SQL Server before OFFSET)
                row("WITH r AS (SELECT a, ROW_NUMBER() OVER (ORDER BY a) AS rn FROM t WHERE b = ?) "
                        + "SELECT a FROM r WHERE rn BETWEEN ? AND ?", "#1 limit=param"),
                row("SELECT * FROM (SELECT a, ROW_NUMBER() OVER (ORDER BY a) rn FROM t) x WHERE x.rn > ? AND x.rn <= ?",
                        "limit=param"),
                row("SELECT * FROM (SELECT a, ROW_NUMBER() OVER (ORDER BY a) rn FROM t) x WHERE rn BETWEEN 11 AND 20",
                        "limit=10"),
                row("SELECT * FROM (SELECT a, ROW_NUMBER() OVER (ORDER BY a) rn FROM t) x WHERE rn > ?", "limit=none"),
                row("SELECT * FROM (SELECT a, RANK() OVER (ORDER BY a) rk FROM t) x WHERE rk <= 10", "limit=none"),
                // numbered per group: ten rows of every customer
                row("SELECT * FROM (SELECT a, ROW_NUMBER() OVER (PARTITION BY c ORDER BY a) rn FROM t) x WHERE rn <= 10",
                        "limit=none"),
                row("SELECT * FROM (SELECT TOP 10 a FROM t) s", "limit=10"),
                row("SELECT a FROM (SELECT a FROM t LIMIT 10) s JOIN u ON u.a = s.a", "limit=none"),
                // a join on the joined table's key adds at most one row to each: the derived table's page stays the bound
                row("SELECT s.a, u.b FROM (SELECT a, user_id FROM t ORDER BY a LIMIT ?) s JOIN users u ON u.id = s.user_id",
                        "limit=param"),
                row("SELECT RES.*, HTI.PROC_INST_ID_ FROM (SELECT * FROM hil ORDER BY ts LIMIT 50) RES "
                        + "INNER JOIN taskinst HTI ON RES.TASK_ID_ = HTI.ID_ LEFT JOIN users u ON u.id = RES.user_id", "limit=50"),
                row("SELECT s.a FROM (SELECT id, a FROM t LIMIT 10) s JOIN orders o ON o.user_id = s.id", "limit=none"),
                row("SELECT s.a FROM (SELECT a, u FROM t LIMIT 10) s JOIN users u ON u.id = s.u OR u.id = ?", "limit=none"),
                row("SELECT a FROM t LIMIT ql_dynamic", "limit=param"),
                row("SELECT a FROM t WHERE b IN (SELECT b FROM u LIMIT 3)", "limit=none #1 limit=3"));
    }

    static Stream<Arguments> aggregates() {
        return Stream.of(
                row("SELECT COUNT(*) FROM t", "agg=true grouped=false"),
                row("SELECT count(*), max(created) FROM t WHERE x = ?", "agg=true"),
                row("SELECT COALESCE(SUM(amount), 0) FROM t", "agg=true"),
                row("SELECT SUM(a) / COUNT(*) FROM t", "agg=true"),
                row("SELECT COUNT(*) + 1 FROM t", "agg=true"),
                // a constant beside an aggregate is one row too; constants alone are one per row
                row("SELECT count(e) AS n, 'x' AS kind, ST_Extent(?) AS extent FROM t", "agg=true"),
                row("SELECT 1, ? FROM t", "agg=false"),
                row("SELECT status, COUNT(*) FROM t GROUP BY status", "agg=false grouped=true"),
                row("SELECT COUNT(*) FROM t GROUP BY status", "agg=false grouped=true"),
                row("SELECT COUNT(*) OVER () FROM t", "agg=false"),
                row("SELECT a, COUNT(*) OVER (PARTITION BY a) FROM t", "agg=false"),
                // FILTER and WITHIN GROUP still fold the rows into one; only OVER keeps every row
                row("SELECT count(*) FILTER (WHERE created >= ?) AS c0, count(*) AS c1 FROM t", "agg=true"),
                row("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FROM t", "agg=true"),
                row("SELECT count(*) FILTER (WHERE a > 0) OVER (PARTITION BY b) FROM t", "agg=false"),
                row("SELECT DISTINCT a FROM t", "distinct=true agg=false"),
                row("SELECT DISTINCT ON (a) a, b FROM t", "distinct=true"),
                row("SELECT COUNT(DISTINCT a) FROM t", "agg=true distinct=false"),
                row("SELECT now()", "agg=false from=false"),
                row("SELECT 1 FROM dual", "agg=false from=false"),
                row("SELECT a FROM t", "agg=false grouped=false distinct=false"));
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                row("SELECT a FROM t WHERE id = ? FOR UPDATE", "kind=SELECT forUpdate=true"),
                row("SELECT a FROM t FOR UPDATE SKIP LOCKED", "forUpdate=true"),
                row("SELECT a FROM t FOR UPDATE NOWAIT", "forUpdate=true"),
                row("SELECT a FROM t", "forUpdate=false"),
                row("UPDATE t SET a = ? WHERE id = ?", "kind=UPDATE writeWhere=true target=t"),
                row("UPDATE t SET a = ?", "kind=UPDATE writeWhere=false"),
                row("UPDATE t SET a = (SELECT max(b) FROM u) WHERE c IN (SELECT c FROM v)",
                        "kind=UPDATE writeWhere=true roles=SUBQUERY"),
                // SQL Server's UPDATE alias SET .. FROM table alias JOIN ..: the target is the table the alias names
                row("UPDATE x SET x.s = 'E' FROM tickets x JOIN sla s ON s.p = x.p WHERE x.h > s.h",
                        "kind=UPDATE writeWhere=true target=tickets"),
                row("DELETE x FROM tickets x JOIN sla s ON s.p = x.p WHERE x.h > s.h",
                        "kind=DELETE writeWhere=true target=tickets"),
                row("UPDATE tickets SET s = 'E' FROM sla s WHERE s.p = tickets.p", "kind=UPDATE writeWhere=true target=tickets"),
                row("DELETE FROM t WHERE id = ?", "kind=DELETE writeWhere=true target=t"),
                row("DELETE FROM t", "kind=DELETE writeWhere=false target=t"),
                row("DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.t_id = t.id)",
                        "kind=DELETE roles=EXISTS_PROBE"),
                row("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING", "kind=INSERT target=t"),
                row("MERGE INTO t USING s ON (t.id = s.id) WHEN MATCHED THEN UPDATE SET t.a = s.a", "kind=MERGE target=t"),
                row("CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(20))", "kind=DDL blocks=0"),
                row("ALTER TABLE t ADD COLUMN c INT", "kind=DDL"),
                row("CREATE INDEX ix ON t (a)", "kind=DDL"),
                row("DROP TABLE t", "kind=DDL"),
                row("TRUNCATE TABLE t", "kind=DDL"),
                row("CALL refresh_stats(?)", "kind=CALL blocks=0"));
    }

    static Stream<Arguments> traps() {
        return Stream.of(
                // a star in an EXISTS probe is never read; COUNT(*) is an aggregate, not a star
                row("SELECT id FROM t WHERE EXISTS (SELECT * FROM u WHERE u.t_id = t.id)",
                        "stars=- #1 role=EXISTS_PROBE stars=*"),
                row("SELECT COUNT(*) FROM t WHERE EXISTS (SELECT * FROM u)", "stars=- agg=true"),
                row("SELECT COUNT(*) OVER (), t.* FROM t", "stars=t.* agg=false"),
                row("WITH c AS (SELECT * FROM t) SELECT c.id FROM c", "#0 role=CTE stars=* #1 stars=-"),
                row("SELECT a FROM t WHERE b IN (SELECT b FROM u WHERE c IN (SELECT * FROM v))",
                        "roles=OUTERMOST,SUBQUERY,SUBQUERY #2 stars=*"),
                // equality on a joined table's key says nothing about how many orders come back
                row("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.id = ?",
                        "driving=orders eq=c.id"),
                row("SELECT o.id FROM orders o WHERE o.id = ?", "driving=orders eq=o.id"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource({"blocksAndRoles", "stars", "tablesAndJoins", "filters", "rowLimits", "aggregates", "statements",
            "traps"})
    void shapeOfSql(String sql, String facts) {
        ShapeFacts.check(sql, shape(sql, SqlDialect.ANSI), facts);
    }
}
