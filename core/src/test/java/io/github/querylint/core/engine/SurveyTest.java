package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveyTest {

    private static SourceFile java(String name) {
        return SourceFile.of(Path.of("/tree"), Path.of("/tree/" + name));
    }

    @Test
    void declaredTypesIncludeNestedRecordsEnumsAndNamesAfterComments() {
        String text = "public final class Queries { interface /* x */ Inner { } enum Kind { A } record Row(int a) { }"
                + " @interface Marker { } class\n// c\nLast { } void f(Object record) { } }";
        assertThat(Survey.declaredTypes(text)).containsExactlyInAnyOrder("Queries", "Inner", "Kind", "Row", "Marker",
                "Last");
        assertThat(Survey.declaredTypes("int classes = 1; String subclass;")).isEmpty();
        // words in comments and literals, class literals and record as a variable declare nothing
        assertThat(Survey.declaredTypes("/** keeps each record and its class name */ String s = \"class Foo\";"
                + " char q = '\\''; Object o = Foo.class; String t = \"\"\"\n interface Bar\n\"\"\"; f(record);"
                + " record = x;")).isEmpty();
    }

    @Test
    void aHolderIsParsedOnlyWhenAQueryFileNamesOneOfItsTypes() {
        Survey survey = new Survey();
        Survey.Facts dao = survey.facts(java("Dao.java"),
                "class Dao { List<Row> all() { return jdbc.queryForList(Sql.ALL); } }");
        Survey.Facts sql = survey.facts(java("Sql.java"), "class Sql { static final String ALL = \"SELECT 1\"; }");
        Survey.Facts other = survey.facts(java("Other.java"), "class Other { static final String X = \"SELECT 2\"; }");
        Survey.Facts noString = survey.facts(java("Sql2.java"), "class Sql { static final int ALL = 1; }");
        Survey.Facts noStatic = survey.facts(java("Sql3.java"), "class Sql { private String all = \"SELECT 1\"; }");
        Survey.Facts otherName = survey.facts(java("Sql4.java"), "class Sql { static final String NONE = \"SELECT 1\"; }");
        Survey.Facts star = survey.facts(java("Star.java"), "interface Star { String ANY = \"id\"; }");
        survey.facts(java("Dao2.java"), "import static a.Star.*; class Dao2 { void f() { jdbc.update(\"x\" + ANY); } }");
        assertThat(dao.queryFile()).isTrue();
        assertThat(survey.constantsNeeded(sql)).isTrue();
        assertThat(survey.constantsNeeded(other)).isFalse();
        assertThat(survey.constantsNeeded(noString)).isFalse();
        assertThat(survey.constantsNeeded(noStatic)).isFalse();
        assertThat(survey.constantsNeeded(otherName)).isFalse();
        assertThat(survey.constantsNeeded(star)).isTrue();
        assertThat(sql.queryFile()).isFalse();
    }

    @Test
    void aHolderBuiltFromAnotherHoldersConstantsOrAQueryBuildingMethodIsParsedToo() {
        Survey survey = new Survey();
        Map<String, String> texts = new java.util.TreeMap<>();
        texts.put("Dao.java", "class Dao extends Base implements StoreSql, RowMapper<Order> { void f() {"
                + " jdbc.query(rtp(SELECT_ALL)); jdbc.query(Templates.byId(table)); } }");
        texts.put("StoreSql.java", "interface StoreSql extends Tables { String SELECT_ALL = \"SELECT * FROM \" + ORDERS; }");
        texts.put("Tables.java", "interface Tables { String ORDERS = \"orders\"; }");
        texts.put("Other.java", "interface Other { String X = \"x\"; }");
        texts.put("Base.java", "abstract class Base { protected String rtp(String query) { return query.replace(\"{0}\", p); } }");
        texts.put("Templates.java",
                "final class Templates { public static String byId(String t) { return \"SELECT a FROM \" + t; } }");
        texts.put("Order.java", "class Order { static final String KIND = \"order\"; }");
        Map<String, Survey.Facts> facts = new java.util.TreeMap<>();
        texts.forEach((path, text) -> facts.put(path, survey.facts(java(path), text)));
        Survey.Facts store = facts.get("StoreSql.java");
        Survey.Facts tables = facts.get("Tables.java");
        Survey.Facts unrelated = facts.get("Other.java");
        Survey.Facts base = facts.get("Base.java");
        Survey.Facts templates = facts.get("Templates.java");
        assertThat(survey.constantsNeeded(tables)).isFalse();
        survey.close(facts, texts::get);
        // a type argument of a supertype is no supertype: Order's constants are not inherited
        assertThat(survey.constantsNeeded(facts.get("Order.java"))).isFalse();
        assertThat(survey.constantsNeeded(store)).isTrue();
        assertThat(survey.constantsNeeded(tables)).isTrue(); // StoreSql's parent, through close()
        assertThat(survey.constantsNeeded(unrelated)).isFalse();
        assertThat(survey.constantsNeeded(base)).isTrue(); // rtp(..), a String method: no static, no interface
        assertThat(survey.constantsNeeded(templates)).isTrue(); // Templates.byId(..), a String method's name
    }

    @Test
    void eachTypesSupertypesAreReadFromItsHeader() {
        Survey survey = new Survey();
        survey.facts(java("A.java"), "public abstract class AbstractDsoDao<T extends DSpaceObject> extends AbstractDao<T>"
                + " implements Dao<T> { <X extends Number> void f() { } class Inner extends a.b.Base { } }");
        survey.facts(java("B.java"), "public class ItemDaoImpl extends AbstractDsoDao<Item> implements ItemDao { }");
        survey.facts(java("C.java"), "interface Sql extends Tables, Columns { } class Plain implements Runnable { }");
        assertThat(survey.supertypes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AbstractDsoDao", List.of("AbstractDao", "Dao"), "Inner", List.of("Base"),
                "ItemDaoImpl", List.of("AbstractDsoDao", "ItemDao"), "Sql", List.of("Tables", "Columns"),
                "Plain", List.of("Runnable")));
    }

    @Test
    void mentionsAnyMatchesWholeIdentifiersOnly() {
        assertThat(new Survey().facts(java("M.java"), "a = Queries.BASE;").mentionsAny(Set.of("Queries"))).isTrue();
        assertThat(new Survey().facts(java("M.java"), "a = MyQueries.BASE;").mentionsAny(Set.of("Queries"))).isFalse();
        assertThat(new Survey().facts(java("M.java"), "a = \"Queries.BASE\"; // Queries").mentionsAny(Set.of("Queries"))).isFalse();
        assertThat(new Survey().facts(java("M.java"), "anything").mentionsAny(Set.of())).isFalse();
        assertThat(Survey.references("import static a.b.Queries.*; import static c.Sql.BASE; x = Outer . Inner\n"
                + " /* c */ .NAME; y = \"Not.This\"; z = Foo.class;"))
                .contains("Queries.*", "Sql.BASE", "Outer.Inner", "Inner.NAME", "Foo.class")
                .doesNotContain("Not.This");
    }

    @Test
    void factsSayWhichPassNeedsAFileFromOneLookAtItsCode() {
        Survey survey = new Survey();
        Survey.Facts service = survey.facts(java("Service.java"),
                "class Service { private final UserRepository users; /* OrderRepository */ String s = \"ItemRepository\";"
                        + " List<User> all() { return users.findAll(); } }");
        assertThat(service.queryFile()).isFalse();
        assertThat(service.mentionsAny(Survey.hashes(List.of("UserRepository")))).isTrue();
        assertThat(service.mentionsAny(List.of("UserRepository"))).isTrue();
        // names in comments and literals are no code
        assertThat(service.mentionsAny(Survey.hashes(List.of("OrderRepository", "ItemRepository", "Users")))).isFalse();
        assertThat(service.indexWorthy()).isFalse();
        assertThat(service.entity()).isFalse();

        Survey.Facts entity = survey.facts(java("User.java"), "@jakarta.persistence.Entity class User { @Id Long id; }");
        assertThat(entity.entity()).isTrue();

        Survey.Facts repository = survey.facts(java("Users.java"),
                "interface Users extends JpaRepository<User, Long> { List<User> findByName(String n); }");
        assertThat(repository.queryFile()).isTrue();
        assertThat(repository.indexWorthy()).isTrue();

        Survey.Facts named = survey.facts(java("Order.java"),
                "@NamedQuery(name = \"Order.all\", query = \"select o from Order o\") class Order { }");
        assertThat(named.indexWorthy()).isTrue();
        assertThat(Survey.Facts.NONE.mentionsAny(Survey.hashes(List.of()))).as("an unread file may name anything")
                .isTrue();
    }
}
