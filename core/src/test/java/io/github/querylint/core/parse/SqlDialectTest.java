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
        assertThat(SqlDialect.forPath("db/h2data/V1.sql", SqlDialect.ANSI)).isEqualTo(SqlDialect.ANSI);
        assertThat(SqlDialect.forPath("src/app/UserDao.java", SqlDialect.ANSI)).isEqualTo(SqlDialect.ANSI);
        assertThat(SqlDialect.forPath("db/postgresql/V1.sql", SqlDialect.MYSQL)).isEqualTo(SqlDialect.MYSQL);
    }
}
