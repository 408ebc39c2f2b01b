package io.github.querylint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityMappingTest {

    @TempDir
    Path root;

    private static final String BASE = """
            package shop;
            import jakarta.persistence.*;
            @MappedSuperclass
            abstract class BaseEntity {
                @Id @GeneratedValue
                protected Long id;
                @Column(name = "created_on")
                protected java.time.Instant createdAt;
            }
            """;

    private static final String USER = """
            package shop;
            import jakarta.persistence.*;
            @Entity
            @Table(name = "users", uniqueConstraints = @UniqueConstraint(columnNames = {"tenant", "login"}),
                   indexes = {@Index(name = "idx_last", columnList = "last_name, first_name"),
                              @Index(columnList = "badge", unique = true)})
            public class User extends BaseEntity {
                @Column(unique = true, nullable = false)
                private String email;
                private String tenant;
                private String login;
                private String lastName;
                private String firstName;
                private String badge;
                @ManyToOne @JoinColumn(name = "team_ref")
                private Team team;
                @ManyToOne
                private Office office;
                @OneToMany(mappedBy = "owner")
                private java.util.List<Order> orders;
                @Transient
                private String display;
                private static final long serialVersionUID = 1L;
            }
            """;

    private static final String ORDER = """
            package shop;
            import javax.persistence.*;
            @Entity(name = "PurchaseOrder")
            public class Order {
                @Id
                @Column(name = "order_no")
                private Long number;
                @ManyToOne
                private User owner;
                private String status;
            }
            """;

    @Test
    void entitiesAreTheSchemaWhenNoMigrationDeclaresOne() {
        SchemaModel schema = new SchemaFixture(root)
                .file("src/shop/BaseEntity.java", BASE).file("src/shop/User.java", USER).file("src/shop/Order.java", ORDER)
                .schema();
        assertThat(schema.migrations()).isFalse();
        SchemaModel.Table users = schema.table("User").orElseThrow();
        assertThat(users.name()).isEqualTo("users");
        assertThat(users.columns()).containsExactly("id", "created_on", "email", "tenant", "login", "last_name",
                "first_name", "badge", "team_ref", "office_id");
        assertThat(users.primaryKey()).containsExactly("id");
        assertThat(users.isUniqueOn(Set.of("email"))).isTrue();
        assertThat(users.isUniqueOn(Set.of("tenant", "login"))).isTrue();
        assertThat(users.isUniqueOn(Set.of("badge"))).isTrue();
        assertThat(users.indexedOn("last_name")).isTrue();
        assertThat(users.indexedOn("first_name")).isFalse();
        assertThat(schema.column("User", "createdAt")).isEqualTo("created_on");
        assertThat(schema.column("User", "team")).isEqualTo("team_ref");
        assertThat(schema.column("User", "lastName")).isEqualTo("last_name");
        SchemaModel.Table orders = schema.table("PurchaseOrder").orElseThrow();
        assertThat(orders.name()).isEqualTo("purchase_order");
        assertThat(orders.primaryKey()).containsExactly("order_no");
        assertThat(schema.column("PurchaseOrder", "number")).isEqualTo("order_no");
        assertThat(schema.column("PurchaseOrder", "owner")).isEqualTo("owner_id");
        // Hibernate imports the class's own name too: a criteria query's from(Order.class) reads the same entity
        assertThat(schema.knows("Order")).isTrue();
        assertThat(schema.table("Order").orElseThrow().name()).isEqualTo("purchase_order");
        assertThat(schema.column("Order", "number")).isEqualTo("order_no");
    }

    @Test
    void withMigrationsEntitiesOnlyMapNames() {
        SchemaModel schema = new SchemaFixture(root)
                .file("src/shop/BaseEntity.java", BASE).file("src/shop/User.java", USER).file("src/shop/Order.java", ORDER)
                .file("db/migration/V1__init.sql", """
                        CREATE TABLE users (id BIGINT PRIMARY KEY, created_on TIMESTAMP, email TEXT, lastName TEXT);
                        CREATE TABLE PurchaseOrder (order_no BIGINT PRIMARY KEY, owner_id BIGINT, status TEXT);
                        """)
                .schema();
        assertThat(schema.migrations()).isTrue();
        // the migrations say what is unique, not the entity: email is not unique there
        assertThat(schema.table("User").orElseThrow().isUniqueOn(Set.of("email"))).isFalse();
        assertThat(schema.table("User").orElseThrow().columns()).hasSize(4);
        // a column spelt as the property (Hibernate's default naming) is found too
        assertThat(schema.column("User", "lastName")).isEqualTo("lastName");
        // no @Table: the table named as the entity is found
        assertThat(schema.tableName("PurchaseOrder")).isEqualTo("PurchaseOrder");
        assertThat(schema.entities().get("PurchaseOrder").columns()).containsEntry("number", "order_no");
        assertThat(schema.tables().keySet()).containsExactlyInAnyOrder("users", "PurchaseOrder");
        // Order is the class of PurchaseOrder, under the name Hibernate imports it by
        assertThat(List.copyOf(schema.entities().keySet())).containsExactly("Order", "PurchaseOrder", "User");
    }

    @Test
    void hibernateAndJpaXmlMappingsDeclareEntitiesToo() {
        SchemaModel schema = new SchemaFixture(root)
                .file("src/main/resources/org/shop/Visit.hbm.xml", """
                        <?xml version="1.0"?>
                        <!DOCTYPE hibernate-mapping PUBLIC "-//Hibernate/Hibernate Mapping DTD 3.0//EN"
                            "http://www.hibernate.org/dtd/hibernate-mapping-3.0.dtd">
                        <hibernate-mapping package="org.shop">
                          <class name="Visit" table="visit_log">
                            <id name="id" column="visit_id"/>
                            <natural-id><property name="code" column="visit_code"/></natural-id>
                            <property name="note"/>
                            <many-to-one name="patient" column="patient_id"/>
                            <joined-subclass name="HomeVisit" table="home_visit">
                              <key column="visit_id"/>
                              <property name="address"/>
                            </joined-subclass>
                          </class>
                        </hibernate-mapping>
                        """)
                .file("src/main/resources/META-INF/orm.xml", """
                        <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.0">
                          <entity class="org.shop.Clinic" name="Clinic">
                            <table name="clinics"/>
                            <attributes>
                              <id name="id"><column name="clinic_no"/></id>
                              <basic name="name"><column name="clinic_name" unique="true"/></basic>
                            </attributes>
                          </entity>
                        </entity-mappings>
                        """)
                .schema();
        assertThat(schema.tableName("Visit")).isEqualTo("visit_log");
        assertThat(schema.tableName("HomeVisit")).isEqualTo("home_visit");
        SchemaModel.Table visits = schema.table("Visit").orElseThrow();
        assertThat(visits.primaryKey()).containsExactly("visit_id");
        assertThat(visits.isUniqueOn(Set.of("visit_code"))).isTrue();
        assertThat(schema.column("Visit", "patient")).isEqualTo("patient_id");
        assertThat(schema.column("Visit", "note")).isEqualTo("note");
        SchemaModel.Table clinics = schema.table("Clinic").orElseThrow();
        assertThat(clinics.primaryKey()).containsExactly("clinic_no");
        assertThat(clinics.isUniqueOn(Set.of("clinic_name"))).isTrue();
    }

    @Test
    void namesGivenAsConstantsAreLookedUpOnceTheTreeIsIndexed() {
        CompilationUnit unit = com.github.javaparser.StaticJavaParser.parse("""
                package shop.model;
                import static shop.model.Columns.*;
                import jakarta.persistence.*;
                @Entity
                @Table(name = Tables.PURCHASES)
                public class Purchase {
                    private static final String TOTAL = "gross_total";
                    @Id Long id;
                    @Column(name = STATE) String state;
                    @Column(name = TOTAL) java.math.BigDecimal total;
                    @ManyToOne @JoinColumn(name = Columns.MISSING) Customer customer;
                }
                """);
        EntityReader.MappedClass read = EntityReader.read(unit).get(0);
        Map<String, String> constants = Map.of("Tables.PURCHASES", "purchase_orders", "shop.model.Columns.STATE", "order_state");
        EntityReader.MappedClass m = EntityReader.resolve(read, k -> java.util.Optional.ofNullable(constants.get(k)));
        assertThat(m.table()).isEqualTo("purchase_orders");
        assertThat(m.tableGiven()).isTrue();
        // the class's own constant is read at once; one nobody declares leaves the default name
        assertThat(m.columns()).containsExactly(Map.entry("id", "id"), Map.entry("state", "order_state"),
                Map.entry("total", "gross_total"), Map.entry("customer", "customer_id"));
        EntityReader.MappedClass none = EntityReader.resolve(read, k -> java.util.Optional.empty());
        assertThat(none.table()).isEqualTo("purchase");
        assertThat(none.tableGiven()).isFalse();
    }
}
