package io.github.querylint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.parse.SqlDialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaLoaderTest {

    @TempDir
    Path root;

    private SchemaModel.Table table(SchemaModel schema, String name) {
        return schema.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in " + schema.tables().keySet()));
    }

    @Test
    void flywayVersionsCompareNumberByNumber() {
        assertThat(SchemaLoader.version("V1_10__x.sql")).containsExactly(1L, 10L);
        assertThat(SchemaLoader.compareVersions(List.of(1L, 2L), List.of(1L, 10L))).isNegative();
        assertThat(SchemaLoader.compareVersions(List.of(2L), List.of(10L))).isNegative();
        assertThat(SchemaLoader.compareVersions(List.of(1L, 1L), List.of(1L, 1L, 0L))).isZero();
        // V10 renames what V2 created: replayed as text order (V10 < V2) it would rename nothing
        SchemaModel schema = new SchemaFixture(root)
                .file("db/migration/V10__rename.sql", "ALTER TABLE orders RENAME COLUMN state TO status;")
                .file("db/migration/V2__orders.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY, state TEXT);")
                .file("db/migration/V2_1__index.sql", "CREATE INDEX idx_orders_state ON orders (state);")
                .file("db/migration/R__views.sql", "CREATE OR REPLACE VIEW open_orders AS SELECT * FROM orders WHERE status = 'OPEN';")
                .schema();
        SchemaModel.Table orders = table(schema, "orders");
        assertThat(orders.columns()).containsExactly("id", "status");
        assertThat(orders.indexes()).containsExactly(List.of("status"));
        assertThat(orders.indexedOn("status")).isTrue();
        assertThat(schema.knows("open_orders")).isTrue();
        assertThat(schema.migrations()).isTrue();
    }

    @Test
    void aMysqlDumpIsReadWithItsEscapesAndAStatementNotReadIsSaid() {
        // a dump whose names are backquoted: MySQL, where '\'##\'' is one quoted default
        SchemaLoader.Result result = new SchemaFixture(root)
                .file("src/main/resources/schema.sql", """
                        DROP TABLE IF EXISTS `tb_carousel`;
                        CREATE TABLE `tb_carousel` (
                          `carousel_id` int(11) NOT NULL AUTO_INCREMENT COMMENT 'id',
                          `redirect_url` varchar(100) NOT NULL DEFAULT '\\'##\\'' COMMENT 'link',
                          PRIMARY KEY (`carousel_id`) USING BTREE
                        ) ENGINE = InnoDB;
                        CREATE TABLE `tb_broken` (`id` int(11) NOT NULL,, `x` int);
                        """)
                .load();
        assertThat(result.schema().knows("tb_carousel")).isTrue();
        assertThat(table(result.schema(), "tb_carousel").primaryKey()).containsExactly("carousel_id");
        // what the schema misses is said, where it is written
        assertThat(result.notices()).singleElement().satisfies(n -> {
            assertThat(n.location().path()).isEqualTo("src/main/resources/schema.sql");
            assertThat(n.location().line()).isEqualTo(7);
            assertThat(n.message()).startsWith("schema change could not be read (").endsWith("); the schema misses it");
        });
    }

    @Test
    void aStatementThatCannotBeReadIsNoticedAtItsOwnLine() {
        // two statements begin alike: the notice stands at the one that failed, not at the first of that start
        SchemaLoader.Result result = new SchemaFixture(root)
                .file("db/migration/h2/V1__jobs.sql", """
                        CREATE TABLE `jobs` (`id` BIGINT PRIMARY KEY, `host_name` VARCHAR(255));
                        ALTER TABLE `jobs`
                          ADD COLUMN `interactive` BOOLEAN NOT NULL DEFAULT FALSE;
                        ALTER TABLE `jobs`
                          ALTER COLUMN `host_name` RENAME TO `agent_hostname`;
                        ALTER TABLE `jobs`
                          ALTER COLUMN `interactive` RENAME `x` ((;
                        """)
                .load();
        assertThat(table(result.schema(), "jobs").columns()).containsExactly("id", "agent_hostname", "interactive");
        assertThat(result.notices()).singleElement().satisfies(n -> assertThat(n.location().line()).isEqualTo(6));
    }

    @Test
    void aTemplateIsNoMigrationToReplay() {
        // a code generator's template: its CREATE TABLE exists only once the template runs
        SchemaModel schema = new SchemaFixture(root)
                .file("db/migration/V1__orders.sql", "CREATE TABLE orders (id BIGINT PRIMARY KEY);")
                .file("db/migration/V2__generated.sql", "CREATE TABLE order_log (id BIGINT);\n"
                        + "<#if withAudit>\nCREATE TABLE audit (id BIGINT);\n</#if>")
                .schema();
        assertThat(schema.tables().keySet()).containsExactly("orders");
    }

    @Test
    void createTableReadsKeysIndexesAndForeignKeys() {
        SchemaModel schema = new SchemaFixture(root)
                .file("db/migration/V1__init.sql", """
                        -- the first migration
                        CREATE TABLE customers (
                            id BIGSERIAL PRIMARY KEY,
                            email VARCHAR(200) NOT NULL UNIQUE,
                            tenant_id BIGINT NOT NULL,
                            code TEXT,
                            CONSTRAINT uq_customers_code UNIQUE (tenant_id, code)
                        );
                        CREATE TABLE orders (
                            id BIGINT GENERATED ALWAYS AS IDENTITY,
                            customer_id BIGINT NOT NULL REFERENCES customers (id),
                            created_at TIMESTAMP NOT NULL,
                            PRIMARY KEY (id)
                        );
                        INSERT INTO customers (email, tenant_id) VALUES ('a@b.c', 1);
                        CREATE UNIQUE INDEX ux_lower_email ON customers (lower(email));
                        CREATE UNIQUE INDEX ux_partial ON orders (created_at) WHERE customer_id > 0;
                        """)
                .schema();
        SchemaModel.Table customers = table(schema, "customers");
        assertThat(customers.primaryKey()).containsExactly("id");
        assertThat(customers.isUniqueOn(Set.of("email"))).isTrue();
        assertThat(customers.isUniqueOn(Set.of("tenant_id", "code"))).isTrue();
        assertThat(customers.isUniqueOn(Set.of("tenant_id"))).isFalse();
        assertThat(customers.isUniqueOn(Set.of("lower(email)"))).isFalse();
        SchemaModel.Table orders = table(schema, "orders");
        assertThat(orders.primaryKey()).containsExactly("id");
        assertThat(orders.foreignKeys()).containsExactly(new SchemaModel.ForeignKey(List.of("customer_id"), "customers", List.of("id")));
        // PostgreSQL does not index foreign keys by itself
        assertThat(orders.indexedOn("customer_id")).isFalse();
        // a partial unique index proves no uniqueness, but it is an index
        assertThat(orders.isUniqueOn(Set.of("created_at"))).isFalse();
        assertThat(orders.indexedOn("created_at")).isTrue();
    }

    @Test
    void mysqlIndexesForeignKeysByItself() {
        SchemaModel schema = new SchemaFixture(root).dialect(SqlDialect.MYSQL)
                .file("db/migration/V1__init.sql", """
                        CREATE TABLE orders (id INT AUTO_INCREMENT, customer_id INT, sku VARCHAR(20),
                          PRIMARY KEY (id), KEY idx_sku (sku), UNIQUE KEY uk_x (customer_id, sku),
                          CONSTRAINT fk_c FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE=InnoDB;
                        ALTER TABLE orders CHANGE sku article VARCHAR(20);
                        """)
                .schema();
        SchemaModel.Table orders = table(schema, "orders");
        assertThat(orders.columns()).containsExactly("id", "customer_id", "article");
        assertThat(orders.indexedOn("customer_id")).isTrue();
        assertThat(orders.indexedOn("article")).isTrue();
    }

    @Test
    void alterTableAddsRenamesAndDrops() {
        SchemaModel schema = new SchemaFixture(root)
                .file("db/migration/V1__init.sql", """
                        CREATE TABLE accounts (login TEXT, name TEXT, legacy TEXT);
                        CREATE TABLE scratch (id INT);
                        """)
                .file("db/migration/V2__keys.sql", """
                        ALTER TABLE accounts ADD COLUMN id BIGINT;
                        ALTER TABLE accounts ADD CONSTRAINT pk_accounts PRIMARY KEY (id);
                        ALTER TABLE accounts ADD CONSTRAINT uq_login UNIQUE (login);
                        ALTER TABLE accounts ADD COLUMN team_id BIGINT, ADD COLUMN code TEXT;
                        ALTER TABLE accounts ADD CONSTRAINT fk_team FOREIGN KEY (team_id) REFERENCES teams (id);
                        ALTER TABLE accounts DROP COLUMN legacy;
                        ALTER TABLE accounts RENAME COLUMN name TO display_name;
                        ALTER TABLE accounts RENAME TO users;
                        DROP TABLE IF EXISTS scratch;
                        CREATE INDEX idx_team ON users (team_id);
                        DROP INDEX idx_team;
                        """)
                .schema();
        assertThat(schema.table("accounts")).isEmpty();
        assertThat(schema.table("scratch")).isEmpty();
        SchemaModel.Table users = table(schema, "users");
        assertThat(users.columns()).containsExactly("login", "display_name", "id", "team_id", "code");
        assertThat(users.primaryKey()).containsExactly("id");
        assertThat(users.isUniqueOn(Set.of("login"))).isTrue();
        assertThat(users.indexedOn("team_id")).isFalse();
        assertThat(users.foreignKeys()).hasSize(1);
    }

    @Test
    void schemaScriptsDoNotReplaceMigratedTables() {
        SchemaModel schema = new SchemaFixture(root)
                .file("src/main/resources/db/migration/V1__init.sql", "CREATE TABLE items (id INT PRIMARY KEY, sku TEXT);")
                .file("src/test/resources/schema.sql", """
                        CREATE TABLE IF NOT EXISTS items (sku TEXT PRIMARY KEY);
                        CREATE TABLE audit (id INT PRIMARY KEY);
                        """)
                .schema();
        assertThat(table(schema, "items").primaryKey()).containsExactly("id");
        assertThat(table(schema, "audit").primaryKey()).containsExactly("id");
    }

    @Test
    void flywayPlaceholdersAndSchemaQualifiedNames() {
        SchemaModel schema = new SchemaFixture(root)
                .file("db/migration/V1__init.sql", """
                        CREATE TABLE ${schema}.events (id BIGINT PRIMARY KEY, kind TEXT);
                        CREATE INDEX idx_kind ON app.events (kind);
                        """)
                .schema();
        assertThat(table(schema, "events").indexedOn("kind")).isTrue();
        assertThat(table(schema, "app.events").primaryKey()).containsExactly("id");
    }

    @Test
    void unreadableStatementsAreCountedNotFatal() {
        SchemaLoader.Result result = new SchemaFixture(root)
                .file("db/migration/V1__init.sql", """
                        CREATE TABLE ok (id INT PRIMARY KEY);
                        CREATE TABLE broken (id INT PRIMARY KEY,, x);
                        ALTER TABLE missing ADD COLUMN x INT;
                        """)
                .load();
        assertThat(result.schema().table("ok")).isPresent();
        assertThat(result.stats().statements()).isEqualTo(3);
        assertThat(result.stats().statementsFailed()).isEqualTo(1);
        assertThat(result.stats().changesSkipped()).isEqualTo(1);
        // no rule judges DDL, so the notice is the one word of what the schema misses
        assertThat(result.notices()).singleElement().satisfies(n -> {
            assertThat(n.location().line()).isEqualTo(2);
            assertThat(n.message()).startsWith("schema change could not be read (unexpected ','");
        });
    }

    @Test
    void nothingDeclaredGivesAnEmptySchema() {
        SchemaModel schema = new SchemaFixture(root).file("src/Main.java", "class Main {}").schema();
        assertThat(schema.isEmpty()).isTrue();
        assertThat(schema.migrations()).isFalse();
    }

    @Test
    void schemaScriptsWaitForTheTablesTheyIndex() {
        // schema-entities-idx.sql sorts before schema-entities.sql: its indexes wait for the tables
        SchemaModel schema = new SchemaFixture(root)
                .file("dao/src/main/resources/sql/schema-entities-idx.sql", "CREATE INDEX IF NOT EXISTS idx_device_name ON device (name);")
                .file("dao/src/main/resources/sql/schema-entities.sql", "CREATE TABLE IF NOT EXISTS device (id UUID PRIMARY KEY, name VARCHAR(255));")
                .schema();
        assertThat(table(schema, "device").indexedOn("name")).isTrue();
    }

    @Test
    void aSchemaScriptMayCarryAPrefixAndADialect() {
        // Spring Batch's samples: business-schema-hsqldb.sql beside the framework's schema-hsqldb.sql
        SchemaModel schema = new SchemaFixture(root)
                .file("samples/src/main/resources/common/business-schema-hsqldb.sql",
                        "CREATE TABLE CUSTOMER (ID BIGINT PRIMARY KEY, NAME VARCHAR(45));")
                .file("core/src/main/resources/schema-hsqldb.sql", "CREATE TABLE BATCH_JOB_INSTANCE (JOB_INSTANCE_ID BIGINT);")
                .file("core/src/test/resources/custom-incrementer-ddl.sql", "CREATE TABLE BATCH_JE_SEQ (ID BIGINT);")
                .file("docs/schemata/notes.sql", "CREATE TABLE not_a_schema_script (id INT);")
                // the same kind of name outside a resources folder: kept for reference, not loaded
                .file("db/old-schema-files/core-ddl-latest.sql", "CREATE TABLE m_old (id INT);")
                .schema();
        assertThat(schema.migrations()).isTrue();
        assertThat(table(schema, "customer")).isNotNull();
        assertThat(table(schema, "batch_job_instance")).isNotNull();
        assertThat(table(schema, "batch_je_seq")).isNotNull();
        assertThat(schema.table("not_a_schema_script")).isEmpty();
        assertThat(schema.table("m_old")).isEmpty();
    }

    @Test
    void whatJSqlParserRejectsGetsASecondReading() {
        SchemaLoader.Result result = new SchemaFixture(root).dialect(SqlDialect.POSTGRESQL)
                .file("db/migration/V1__init.sql", """
                        DROP TABLE settings IF EXISTS;
                        CREATE TABLE settings (key VARCHAR(255) NOT NULL, type VARCHAR(50), value TEXT,
                            CONSTRAINT settings_pkey PRIMARY KEY (key));
                        CREATE TABLE programstageinstance (id BIGINT PRIMARY KEY, validation TEXT);
                        CREATE SEQUENCE IF NOT EXISTS note_sequence;
                        """)
                .file("db/migration/V2__rename.sql", """
                        ALTER TABLE programstageinstance DROP COLUMN IF EXISTS validation;
                        ALTER TABLE IF EXISTS programstageinstance RENAME TO event;
                        ALTER TABLE settings ADD COLUMN value2 TEXT;
                        """)
                .load();
        SchemaModel schema = result.schema();
        assertThat(table(schema, "settings").columns()).containsExactly("key", "type", "value", "value2");
        assertThat(table(schema, "settings").primaryKey()).containsExactly("key");
        assertThat(table(schema, "event").columns()).containsExactly("id");
        assertThat(result.stats().statementsFailed()).isZero();
        // a sequence is no table: not read, not counted
        assertThat(result.stats().statements()).isEqualTo(6);
    }

    @Test
    void aTablesStorageAndPartitioningAreNoPartOfIt() {
        SchemaLoader.Result result = new SchemaFixture(root)
                .file("db/migration/V1__init.sql", """
                        CREATE TABLE meter_reading (
                            reading_id NUMBER(15) NOT NULL,
                            meter_id   NUMBER(12) NOT NULL,
                            read_at    DATE NOT NULL,
                            CONSTRAINT pk_meter_reading PRIMARY KEY (reading_id)
                        )
                        PARTITION BY RANGE (read_at) INTERVAL (NUMTOYMINTERVAL(1, 'MONTH'))
                        (PARTITION p_initial VALUES LESS THAN (DATE '2020-01-01'));
                        CREATE INDEX ix_reading_meter_time ON meter_reading (meter_id, read_at) LOCAL;
                        CREATE TABLE events (id BIGINT, kind VARCHAR(20), at TIMESTAMP) PARTITION BY RANGE (at);
                        CREATE TABLE copy_of_events AS SELECT id, kind FROM events;
                        """)
                .load();
        SchemaModel schema = result.schema();
        assertThat(table(schema, "meter_reading").columns()).containsExactly("reading_id", "meter_id", "read_at");
        assertThat(table(schema, "meter_reading").primaryKey()).containsExactly("reading_id");
        assertThat(table(schema, "meter_reading").indexes()).contains(List.of("meter_id", "read_at"));
        assertThat(table(schema, "events").columns()).containsExactly("id", "kind", "at");
        assertThat(schema.knows("copy_of_events")).isTrue();
        assertThat(result.notices()).isEmpty();
    }

    @Test
    void vendorSpellingsOfTheSameChangesAreRead() {
        SchemaLoader.Result result = new SchemaFixture(root)
                .file("db/migration/V1__init.sql", """
                        CREATE TABLE person (ID IDENTITY PRIMARY KEY, NAME VARCHAR(255),
                        );
                        CREATE TABLE sds (sd_id BIGINT PRIMARY KEY);
                        CREATE TABLE skewed (id BIGINT PRIMARY KEY, sd_id BIGINT, label VARCHAR(20));
                        ALTER TABLE skewed ADD CONSTRAINT skewed_fk1 FOREIGN KEY (sd_id) REFERENCES sds (sd_id) INITIALLY DEFERRED;
                        ALTER TABLE skewed ADD CONSTRAINT skewed_fk2 FOREIGN KEY (sd_id) REFERENCES sds (sd_id)
                            DEFERRABLE INITIALLY IMMEDIATE;
                        CREATE TABLE old_community (id BIGINT PRIMARY KEY);
                        DROP TABLE old_community CASCADE CONSTRAINTS;
                        ALTER TABLE skewed ALTER COLUMN label RENAME TO left_label;
                        ALTER TABLE skewed ALTER COLUMN left_label SET DATA TYPE CLOB;
                        ALTER TABLE skewed DROP FOREIGN KEY skewed_fk1, DROP KEY skewed_label_index;
                        ALTER TABLE skewed ADD (
                          CONSTRAINT skewed_fk3 FOREIGN KEY (sd_id) REFERENCES sds (sd_id));
                        ALTER TABLE skewed ADD CHECK sd_id >= 0;
                        ALTER TABLE skewed ADD CONSTRAINT skewed_positive CHECK id >= 0 AND sd_id >= 0;
                        """)
                .load();
        SchemaModel schema = result.schema();
        assertThat(table(schema, "person").primaryKey()).containsExactly("ID");
        assertThat(table(schema, "skewed").columns()).containsExactly("id", "sd_id", "left_label");
        assertThat(schema.knows("old_community")).isFalse();
        assertThat(result.notices()).isEmpty();
        assertThat(result.stats().statementsFailed()).isZero();
    }

    @Test
    void sqlServerScriptsAsSsmsWritesThemAreRead() {
        SchemaLoader.Result result = new SchemaFixture(root).dialect(SqlDialect.SQLSERVER)
                .file("db/migration/sqlserver/V1__init.sql", """
                        SET ANSI_NULLS ON
                        GO
                        CREATE TABLE [dbo].[x_portal_user] (
                                [id] [bigint] IDENTITY(1,1) NOT NULL,
                                PRIMARY KEY CLUSTERED ([id] ASC)
                                WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, ALLOW_PAGE_LOCKS = ON) ON [PRIMARY]
                        ) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
                        GO
                        CREATE TABLE [dbo].[x_policy_label] (
                                [id] [bigint] IDENTITY(1,1) NOT NULL,
                                [label_name] [varchar](512) DEFAULT NULL,
                                [added_by_id] [bigint] DEFAULT NULL NULL,
                                PRIMARY KEY CLUSTERED ([id] ASC) WITH (PAD_INDEX = OFF, IGNORE_DUP_KEY = OFF) ON [PRIMARY],
                                CONSTRAINT [x_policy_label_UK_label_name] UNIQUE NONCLUSTERED ([label_name] ASC)
                                WITH (PAD_INDEX = OFF, IGNORE_DUP_KEY = OFF) ON [PRIMARY]
                        )
                        GO
                        ALTER TABLE [dbo].[x_policy_label] WITH CHECK ADD CONSTRAINT [x_policy_label_FK_added_by_id]
                        FOREIGN KEY ([added_by_id]) REFERENCES [dbo].[x_portal_user] ([id])
                        ALTER TABLE [dbo].[x_policy_label] CHECK CONSTRAINT [x_policy_label_FK_added_by_id]
                        CREATE NONCLUSTERED INDEX [x_policy_label_IDX_added_by_id] ON [x_policy_label]
                        (
                           [added_by_id] ASC
                        )
                        WITH (SORT_IN_TEMPDB = OFF, DROP_EXISTING = OFF, ONLINE = OFF) ON [PRIMARY]
                        SET ANSI_PADDING ON
                        GO
                        """)
                .load();
        SchemaModel schema = result.schema();
        assertThat(result.notices()).isEmpty();
        assertThat(table(schema, "x_policy_label").columns()).containsExactly("id", "label_name", "added_by_id");
        assertThat(table(schema, "x_policy_label").primaryKey()).containsExactly("id");
        assertThat(table(schema, "x_policy_label").isUniqueOn(Set.of("label_name"))).isTrue();
        assertThat(table(schema, "x_portal_user").primaryKey()).containsExactly("id");
        assertThat(table(schema, "x_policy_label").indexedOn("added_by_id")).isTrue();
    }

    @Test
    void migrationsThatAlterTablesTheyNeverCreateAreNoWholeSchema() {
        StringBuilder alters = new StringBuilder("CREATE TABLE a (id INT PRIMARY KEY);\n");
        for (int i = 0; i < 5; i++) {
            alters.append("ALTER TABLE made_by_hibernate ADD COLUMN c").append(i).append(" INT;\n");
        }
        SchemaModel schema = new SchemaFixture(root).file("db/migration/V1__x.sql", alters.toString()).schema();
        assertThat(schema.table("a")).isPresent();
        assertThat(schema.migrations()).isFalse();
    }
}
