package io.github.querylint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.finding.Notice;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each Liquibase change type the schema needs, in XML, YAML and JSON, and the order includes give. */
class LiquibaseTest {

    @TempDir
    Path root;

    private static final String XML_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
            """;

    private SchemaModel.Table table(SchemaModel schema, String name) {
        return schema.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in " + schema.tables().keySet()));
    }

    @Test
    void xmlChangeTypes() {
        SchemaModel schema = new SchemaFixture(root).file("src/main/resources/db/changelog/db.changelog-master.xml", XML_HEAD + """
                  <changeSet id="1" author="a">
                    <createTable tableName="customer">
                      <column name="id" type="bigint" autoIncrement="true">
                        <constraints primaryKey="true" nullable="false"/>
                      </column>
                      <column name="email" type="varchar(200)">
                        <constraints unique="true" uniqueConstraintName="uq_email"/>
                      </column>
                      <column name="nick" type="varchar(50)"/>
                    </createTable>
                    <createTable tableName="purchase">
                      <column name="purchase_no" type="bigint"/>
                      <column name="customer_id" type="bigint">
                        <constraints references="customer(id)" foreignKeyName="fk_purchase_customer"/>
                      </column>
                      <column name="legacy_code" type="varchar(10)"/>
                    </createTable>
                    <createTable tableName="scratch">
                      <column name="id" type="int"/>
                    </createTable>
                  </changeSet>
                  <changeSet id="2" author="a">
                    <addColumn tableName="purchase">
                      <column name="region" type="varchar(10)"/>
                      <column name="ticket" type="varchar(20)"><constraints unique="true"/></column>
                    </addColumn>
                    <addPrimaryKey tableName="purchase" columnNames="purchase_no" constraintName="pk_purchase"/>
                    <addUniqueConstraint tableName="purchase" columnNames="region, legacy_code" constraintName="uq_region_code"/>
                    <createIndex tableName="purchase" indexName="idx_purchase_customer">
                      <column name="customer_id"/>
                    </createIndex>
                    <createIndex tableName="customer" indexName="ux_nick" unique="true">
                      <column name="nick"/>
                    </createIndex>
                    <dropTable tableName="scratch"/>
                    <renameColumn tableName="purchase" oldColumnName="legacy_code" newColumnName="code"/>
                    <rollback>
                      <dropTable tableName="purchase"/>
                    </rollback>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <sql>CREATE INDEX idx_purchase_region ON purchase (region);</sql>
                  </changeSet>
                </databaseChangeLog>
                """).schema();
        SchemaModel.Table customer = table(schema, "customer");
        assertThat(customer.primaryKey()).containsExactly("id");
        assertThat(customer.isUniqueOn(Set.of("email"))).isTrue();
        assertThat(customer.isUniqueOn(Set.of("nick"))).isTrue();
        SchemaModel.Table purchase = table(schema, "purchase");
        assertThat(purchase.columns()).containsExactly("purchase_no", "customer_id", "code", "region", "ticket");
        assertThat(purchase.primaryKey()).containsExactly("purchase_no");
        assertThat(purchase.isUniqueOn(Set.of("region", "code"))).isTrue();
        assertThat(purchase.isUniqueOn(Set.of("ticket"))).isTrue();
        assertThat(purchase.indexedOn("customer_id")).isTrue();
        assertThat(purchase.indexedOn("region")).isTrue();
        assertThat(purchase.foreignKeys()).containsExactly(
                new SchemaModel.ForeignKey(List.of("customer_id"), "customer", List.of("id")));
        assertThat(schema.table("scratch")).isEmpty();
    }

    @Test
    void yamlChangeTypes() {
        SchemaModel schema = new SchemaFixture(root).file("db/changelog/db.changelog-master.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - createTable:
                            tableName: person
                            columns:
                              - column:
                                  name: id
                                  type: bigint
                                  constraints:
                                    primaryKey: true
                                    nullable: false
                              - column:
                                  name: login
                                  type: varchar(50)
                              - column:
                                  name: old_name
                                  type: varchar(50)
                        - createTable:
                            tableName: temp
                            columns:
                              - column:
                                  name: id
                                  type: int
                  - changeSet:
                      id: 2
                      author: a
                      changes:
                        - addColumn:
                            tableName: person
                            columns:
                              - column:
                                  name: team_id
                                  type: bigint
                        - addUniqueConstraint:
                            tableName: person
                            columnNames: login
                            constraintName: uq_login
                        - createIndex:
                            tableName: person
                            indexName: idx_team
                            columns:
                              - column:
                                  name: team_id
                        - renameColumn:
                            tableName: person
                            oldColumnName: old_name
                            newColumnName: full_name
                        - dropTable:
                            tableName: temp
                      rollback:
                        - dropTable:
                            tableName: person
                  - changeSet:
                      id: 3
                      author: a
                      changes:
                        - createTable:
                            tableName: badge
                            columns:
                              - column:
                                  name: code
                                  type: varchar(10)
                        - addPrimaryKey:
                            tableName: badge
                            columnNames: code
                        - sql:
                            sql: CREATE INDEX idx_person_name ON person (full_name)
                """).schema();
        SchemaModel.Table person = table(schema, "person");
        assertThat(person.columns()).containsExactly("id", "login", "full_name", "team_id");
        assertThat(person.primaryKey()).containsExactly("id");
        assertThat(person.isUniqueOn(Set.of("login"))).isTrue();
        assertThat(person.indexedOn("team_id")).isTrue();
        assertThat(person.indexedOn("full_name")).isTrue();
        assertThat(table(schema, "badge").primaryKey()).containsExactly("code");
        assertThat(schema.table("temp")).isEmpty();
    }

    @Test
    void jsonChangeTypes() {
        SchemaModel schema = new SchemaFixture(root).file("db/changelog/changelog.json", """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "1", "author": "a", "changes": [
                    {"createTable": {"tableName": "device", "columns": [
                      {"column": {"name": "serial", "type": "varchar(40)", "constraints": {"primaryKey": true}}},
                      {"column": {"name": "owner", "type": "varchar(40)"}}
                    ]}},
                    {"addColumn": {"tableName": "device", "columns": [{"column": {"name": "mac", "type": "varchar(17)"}}]}},
                    {"addUniqueConstraint": {"tableName": "device", "columnNames": "mac"}},
                    {"createIndex": {"tableName": "device", "indexName": "idx_owner", "columns": [{"column": {"name": "owner"}}]}},
                    {"renameColumn": {"tableName": "device", "oldColumnName": "owner", "newColumnName": "owner_login"}}
                  ]}}
                ]}
                """).schema();
        SchemaModel.Table device = table(schema, "device");
        assertThat(device.columns()).containsExactly("serial", "owner_login", "mac");
        assertThat(device.primaryKey()).containsExactly("serial");
        assertThat(device.isUniqueOn(Set.of("mac"))).isTrue();
        assertThat(device.indexedOn("owner_login")).isTrue();
    }

    @Test
    void includesReplayInTheMasterChangelogsOrder() {
        // by path, 01-rename.xml sorts before the master and its target: only the include order is right
        SchemaModel schema = new SchemaFixture(root)
                .file("src/main/resources/db/changelog/master.xml", XML_HEAD + """
                          <include file="db/changelog/changes/10-create.xml"/>
                          <include file="changes/01-rename.xml" relativeToChangelogFile="true"/>
                          <includeAll path="db/changelog/later/"/>
                        </databaseChangeLog>
                        """)
                .file("src/main/resources/db/changelog/changes/10-create.xml", XML_HEAD + """
                          <changeSet id="1" author="a">
                            <createTable tableName="shipment">
                              <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                              <column name="track" type="varchar(20)"/>
                            </createTable>
                          </changeSet>
                        </databaseChangeLog>
                        """)
                .file("src/main/resources/db/changelog/changes/01-rename.xml", XML_HEAD + """
                          <changeSet id="2" author="a">
                            <renameColumn tableName="shipment" oldColumnName="track" newColumnName="tracking_no"/>
                          </changeSet>
                        </databaseChangeLog>
                        """)
                .file("src/main/resources/db/changelog/later/a-index.sql", """
                        --liquibase formatted sql
                        --changeset a:3
                        CREATE UNIQUE INDEX ux_tracking ON shipment (tracking_no);
                        --rollback DROP INDEX ux_tracking;
                        """)
                .schema();
        SchemaModel.Table shipment = table(schema, "shipment");
        assertThat(shipment.columns()).containsExactly("id", "tracking_no");
        assertThat(shipment.isUniqueOn(Set.of("tracking_no"))).isTrue();
    }

    @Test
    void brokenChangelogIsANotice() {
        SchemaLoader.Result result = new SchemaFixture(root)
                .file("db/changelog/broken.xml", XML_HEAD + "<changeSet id=\"1\">\n<createTable tableName=\"x\">\n</databaseChangeLog>\n")
                .file("db/changelog/sql.yaml", """
                        databaseChangeLog:
                          - changeSet:
                              id: 1
                              author: a
                              changes:
                                - sql:
                                    sql: CREATE TABLE nope (id INT,, x)
                        """)
                .load();
        assertThat(result.notices()).extracting(Notice::kind)
                .containsExactlyInAnyOrder(Notice.Kind.UNPARSEABLE_FILE, Notice.Kind.PARSE_FAILURE);
        assertThat(result.notices()).allSatisfy(n -> assertThat(n.message()).contains("schema"));
    }
}
