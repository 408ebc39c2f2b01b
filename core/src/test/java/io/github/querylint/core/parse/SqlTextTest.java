package io.github.querylint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text-level repairs and readings around JSqlParser. */
class SqlTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT uuid FROM t WHERE uuid = ?|SELECT `uuid` FROM t WHERE `uuid` = ?",
            "SELECT c.uuid FROM c ORDER BY c.uuid|SELECT c.`uuid` FROM c ORDER BY c.`uuid`",
            "UPDATE t SET uuid = uuid() WHERE uuid IS NULL|UPDATE t SET `uuid` = uuid() WHERE `uuid` IS NULL",
            "SELECT CAST(x AS uuid), y::uuid FROM t|SELECT CAST(x AS uuid), y::uuid FROM t",
            "SELECT 'uuid' FROM t -- uuid here|SELECT 'uuid' FROM t -- uuid here",
            "SELECT \"uuid\", :uuid FROM t|SELECT \"uuid\", :uuid FROM t",
            "SELECT COUNT(script) FROM v|SELECT COUNT(`script`) FROM v",
            "SELECT a FROM t WINDOW w AS (ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)|"
                    + "SELECT a FROM t WINDOW w AS (ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)",
            "SELECT id FROM t WHERE n = @x INTO @y, @z|SELECT id FROM t WHERE n = @x",
            "SELECT settings #> :p FROM s|SELECT `settings` #> :p FROM s",
            "SELECT s.theme FROM users u JOIN settings s ON s.user_id = u.id|"
                    + "SELECT s.theme FROM users u JOIN `settings` s ON s.user_id = u.id",
            "UPDATE settings SET theme = ? WHERE id = ?|UPDATE `settings` SET theme = ? WHERE id = ?"})
    void repairQuotesReservedColumnNamesOnly(String in, String out) {
        assertThat(SqlText.repair(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT a FROM t WHERE s = ? ql_dynamic ORDER BY a|SELECT a FROM t WHERE s = ? AND ql_dynamic ORDER BY a",
            "SELECT a FROM t WHERE s = #{s} AND (b = ?) ql_dynamic|SELECT a FROM t WHERE s = #{s} AND (b = ?) AND ql_dynamic",
            "SELECT a FROM t x ql_dynamic|SELECT a FROM t x WHERE ql_dynamic",
            "SELECT count(e) AS n, max(a) AS m ql_dynamic|SELECT count(e) AS n, max(a) AS m FROM ql_dynamic WHERE ql_dynamic",
            "SELECT a, b ql_dynamic FROM t|SELECT a, b ql_dynamic FROM t",
            "SELECT a FROM t ORDER BY a ql_dynamic|SELECT a FROM t ORDER BY a LIMIT ql_dynamic",
            "SELECT a, count(*) FROM t GROUP BY a ql_dynamic|'SELECT a, count(*) FROM t GROUP BY a '",
            "SELECT a FROM t WHERE s = ql_dynamic AND ql_dynamic|SELECT a FROM t WHERE s = ql_dynamic AND ql_dynamic",
            "SELECT ql_dynamic FROM ql_dynamic WHERE ql_dynamic IN (ql_dynamic)|"
                    + "SELECT ql_dynamic FROM ql_dynamic WHERE ql_dynamic IN (ql_dynamic)",
            "UPDATE ql_dynamic SET ql_dynamic = ? ql_dynamic|UPDATE ql_dynamic SET ql_dynamic = ? WHERE ql_dynamic",
            "UPDATE t SET a = 1 ql_dynamic WHERE id = ?|UPDATE t SET a = 1 ql_dynamic WHERE id = ?",
            "SELECT u.a FROM u LEFT JOIN d ON u.d = d.id ql_dynamic|SELECT u.a FROM u LEFT JOIN d ON u.d = d.id WHERE ql_dynamic",
            "SELECT u.a FROM u JOIN d ON u.d = d.id ql_dynamic WHERE u.b = ?|"
                    + "SELECT u.a FROM u JOIN d ON u.d = d.id AND ql_dynamic WHERE u.b = ?",
            "SELECT u.a FROM u WHERE u.b IN (SELECT x FROM r JOIN s ON s.id = r.s) AND u.c = ? ql_dynamic|"
                    + "SELECT u.a FROM u WHERE u.b IN (SELECT x FROM r JOIN s ON s.id = r.s) AND u.c = ? AND ql_dynamic",
            "SELECT c.a FROM c WHERE c.kind = :kind ql_dynamic ORDER BY c.a|"
                    + "SELECT c.a FROM c WHERE c.kind = :kind AND ql_dynamic ORDER BY c.a",
            "SELECT a::text ql_dynamic FROM t|SELECT a::text ql_dynamic FROM t"})
    void fragmentsAfterACompletePredicateBecomeAnUnknownPredicate(String in, String out) {
        assertThat(SqlText.dynamicFragments(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LOCK TABLES a WRITE|OTHER",
            "  /* leading comment */ SET NAMES utf8|OTHER",
            "CREATE INDEX ix ON t (a)|DDL",
            "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql|DDL",
            "CREATE TABLE t (id int)|DDL",
            "CREATE TABLE t AS SELECT * FROM u|",
            "CREATE MATERIALIZED VIEW v AS SELECT 1|",
            "ALTER VIEW v AS SELECT 1|",
            "EXEC proc ?|CALL",
            "PREPARE stmt FROM @sql|OTHER",
            "DEALLOCATE PREPARE stmt|OTHER",
            "IF EXISTS (SELECT * FROM sysobjects WHERE name = 'tg') BEGIN DROP TRIGGER tg END|OTHER",
            // a procedure's body split at each semicolon
            "OPEN cursor1|OTHER",
            "loopc1: LOOP FETCH cursor1 INTO group_name1, mingroupid1|OTHER",
            "FETCH cursor2 INTO id2|OTHER",
            "RETURN (myid)|OTHER",
            "CLOSE cursor1|OTHER",
            "SELECT a FROM t WHERE b = :c|",
            "SELECT 1|",
            "WITH x AS (SELECT 1) SELECT * FROM x|",
            "INSERT INTO t VALUES (1)|"})
    void unjudgedKindComesFromTheLeadingWords(String sql, String kind) {
        StatementKind got = SqlText.unjudgedKind(sql);
        assertThat(got == null ? null : got.name()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INSERT INTO t VALUES (1, 'a')|true",
            "insert into t (a, b) value (1, 2)|true",
            "REPLACE INTO t VALUES (1)|true",
            "INSERT INTO r VALUES (1, 'select x from y')|true",
            "INSERT INTO r VALUES (1, 'it\\'s; select x from y')|true",
            "INSERT INTO t SELECT * FROM u|false",
            "INSERT INTO t (a) SELECT a FROM u WHERE b IN (VALUES (1))|false",
            "UPDATE t SET a = 1|false",
            "INSERT INTO t DEFAULT VALUES|true",
            "INSERT ALL INTO t (a, b) VALUES (?, ?) INTO t (a, b) VALUES (?, ?) SELECT * FROM dual|true",
            "INSERT ALL INTO t (a) VALUES (?) SELECT * FROM DUAL|true",
            "INSERT ALL INTO t (a) VALUES (x) SELECT x FROM u|false",
            "INSERT ALL INTO t (a) VALUES (?) SELECT * FROM dual WHERE 1 = 0|false",
            "SELECT 1|false"})
    void onlyInsertsOfLiteralRowsWriteValuesOnly(String sql, boolean expected) {
        assertThat(SqlText.writesValuesOnly(sql)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "update t set codes = :errors where uid = :id|update t set codes = ? where uid = ?",
            "select a::text from t where b = :b|select a::text from t where b = ?",
            "select 'a:b' from t where c = :c_1|select 'a:b' from t where c = ?",
            "select x from t where y = ?|select x from t where y = ?"})
    void namedParametersBecomeMarks(String sql, String expected) {
        assertThat(SqlText.namedParametersAsMarks(sql)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ql_dynamic|true", "(ql_dynamic)|true", "ql_dynamic ql_dynamic|true", "/* x */ ql_dynamic|true",
            "SELECT ql_dynamic|false", "ql_dynamic_id INT|false", "'text'|false"})
    void wholeDynamic(String text, boolean whole) {
        assertThat(SqlText.wholeDynamic(text)).isEqualTo(whole);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ORDER BY ql_dynamic ql_dynamic|ORDER BY ql_dynamic",
            "ORDER BY ql_dynamic  ql_dynamic ql_dynamic, b|ORDER BY ql_dynamic, b",
            "t_ql_dynamic ql_dynamic|t_ql_dynamic ql_dynamic"})
    void dynamicRunsCollapse(String in, String out) {
        assertThat(SqlText.collapseDynamicRuns(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ql_dynamic LIMIT ? OFFSET ?|true",
            "ql_dynamic SELECT ql_dynamic WHERE ql_dynamic LIMIT ? OFFSET ?|true",
            "SELECT ql_dynamic FROM orders|false",
            "ql_dynamic WHERE status = 'x'|false",
            "SELECT a FROM t|false"})
    void aTextOfKeywordsAndUnknownPartsOnlyIsAStructure(String text, boolean structure) {
        assertThat(SqlText.structureOnly(text)).isEqualTo(structure);
        if (structure) {
            assertThat(new SqlParser(1000).parse(text, SqlDialect.ANSI)).isInstanceOfSatisfying(ParseOutcome.Skipped.class,
                    s -> assertThat(s.reason()).isEqualTo(SqlParser.STRUCTURE_ONLY));
        }
    }
}
