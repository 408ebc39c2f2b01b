package io.github.querylint.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pre-filter: lets through every file the extractor can find a query in, and as few others as it can. */
class PrefilterTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc.queryForList(\"SELECT 1\")",
        "jdbc.queryForList (\"SELECT 1\")",
        "jdbc.<Row>query(\"SELECT 1\", mapper)",
        "jdbc.update /* why */ (\"DELETE FROM t\")",
        "jdbc.update // why\n (\"DELETE FROM t\")",
        "em.createQuery(q)",
        "session.createSQLQuery(q)",
        "conn.prepareStatement(sql)",
        "st.execute(sql)",
        "st.addBatch(sql)",
        "client.sql(\"SELECT 1\")",
        "@Query(\"select u from User u\") List<User> all();",
        "@ Query(\"select u from User u\") List<User> all();",
        "@org.springframework.data.jpa.repository.Query(\"select u from User u\")",
        "@NamedQuery(name = \"x\", query = \"select u from User u\")",
        "@Select(\"SELECT * FROM t\") List<Row> all();",
        "interface Users extends JpaRepository<User, Long> { List<User> findByName(String n); }",
        "interface Users extends BaseRepository<User> { }",
        "@RepositoryDefinition(domainClass = User.class, idClass = Long.class) interface Users { }",
    })
    void letsThroughWhatTheExtractorReads(String code) {
        assertThat(Prefilter.mayHoldQuery("class A { " + code + " }")).as(code).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "String message = \"Update failed: select another option\";",
        "// run the query, then update the cache",
        "int queryCount; Statement s; PreparedStatement ps;",
        "jdbcTemplate.getDataSource();",
        "void onUpdated() { }",
        "Function<String, Row> f = jdbc::queryForObject;",
        "class UserRepositoryImpl { void save(User u) { } }",
        "Query q = null;",
        "String sql = \"SELECT 1\";",
        "String doc = \"call jdbc.queryForList(sql) here\";",
        "/* jdbc.queryForList(\"SELECT 1\") */ void f() { }",
        "// @Query(\"select u from User u\")",
        "String help = \"\"\"\n  @Query(\"x\") interface UserRepository\n  \"\"\";",
    })
    void spares(String code) {
        assertThat(Prefilter.mayHoldQuery("class A { " + code + " }")).as(code).isFalse();
    }

    private static Path mainSources() {
        Path module = Path.of("src/main/java/io/github/querylint/core/extract");
        return Files.isDirectory(module) ? module : Path.of("core").resolve(module);
    }

    private static List<String> cases(String file, String from, String to) throws IOException {
        String text = Files.readString(mainSources().resolve(file), StandardCharsets.UTF_8);
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertThat(start).as(from).isPositive();
        Matcher m = Pattern.compile("case ((\"\\w+\",?\\s*)+)->").matcher(text.substring(start, end));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            Matcher name = Pattern.compile("\"(\\w+)\"").matcher(m.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /** A name the extractor tests but the pre-filter does not know would hide that query: both must grow together. */
    @Test
    void knowsEveryMethodNameAndAnnotationTheExtractorTests() throws IOException {
        List<String> calls = cases("ApiCalls.java", "static Optional<Api> match(", "private static Family family(");
        assertThat(calls).isNotEmpty();
        assertThat(ApiCalls.methodNames()).containsAll(calls);
        List<String> annotations = cases("JavaSourceExtractor.java", "switch (simple)", "default ->");
        assertThat(annotations).isNotEmpty();
        assertThat(Prefilter.ANNOTATIONS).containsAll(annotations);
    }
}
