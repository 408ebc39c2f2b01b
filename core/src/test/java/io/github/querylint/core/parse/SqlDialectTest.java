package io.github.querylint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void aMigrationUnderAVendorFolderIsInThatVendorsDialect() {
        assertThat(SqlDialect.forPath("src/main/resources/db/migration/postgresql/V1__init.sql", SqlDialect.ANSI))
                .isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.forPath("db/MySQL/V2.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.MYSQL);
        assertThat(SqlDialect.forPath("migrations/mssql/V3.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.SQLSERVER);
        assertThat(SqlDialect.forPath("db/h2/V4.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.H2);
        // a folder at the scanned root counts too
        assertThat(SqlDialect.forPath("oracle/V5.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.ORACLE);
    }

    @Test
    void elsewhereOrWhenConfiguredTheConfiguredDialectHolds() {
        assertThat(SqlDialect.forPath("db/migration/V1.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.ANSI);
        // a script whose name names one vendor as a word of its own
        assertThat(SqlDialect.forPath("docs/dbTables/tables_postgres.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.forPath("sql/flowable.mssql.upgradestep.6.0.1.all.sql", SqlDialect.ANSI))
                .isEqualTo(SqlDialect.SQLSERVER);
        assertThat(SqlDialect.forPath("sql/schema-h2.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.forPath("sql/from-mysql-to-postgres.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.ANSI);
        assertThat(SqlDialect.forPath("sql/nightly_mysqldump.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.ANSI);
        assertThat(SqlDialect.forPath("src/app/Dao_mysql.java", SqlDialect.ANSI)).isEqualTo(SqlDialect.ANSI);
        assertThat(SqlDialect.forPath("db/h2data/V1.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.ANSI);
        assertThat(SqlDialect.forPath("src/app/UserDao.java", SqlDialect.ANSI)).isEqualTo(SqlDialect.ANSI);
        assertThat(SqlDialect.forPath("db/postgresql/V1.sql", SqlDialect.MYSQL)).isEqualTo(SqlDialect.MYSQL);
    }
}
