package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.query.QueryUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change to one file analyses that file again, and the files that may read its constants, and
 * nothing else; the warm result is always the cold result of the changed tree.
 */
class CacheInvalidationTest {

    @TempDir
    Path tree;
    @TempDir
    Path cacheDir;

    private static final String SQL = "src/main/java/com/acme/sql/";
    private static final String DAO = "src/main/java/com/acme/dao/";

    @BeforeEach
    void copyProject() throws Exception {
        copy("/engine/constants", tree);
    }

    private static void copy(String resource, Path into) throws Exception {
        Path source = Path.of(CacheInvalidationTest.class.getResource(resource).toURI());
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path target = into.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private AnalysisResult warm(Cache cache) {
        return EngineEquivalenceTest.run(tree, true, 2, cache);
    }

    private String cold() {
        return EngineEquivalenceTest.rendered(EngineEquivalenceTest.run(tree, true, 1, Cache.NONE));
    }

    private void edit(String path, String from, String to) throws IOException {
        Path file = tree.resolve(path);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void constantsOfOtherFilesAreReadWholeWhicheverWayTheyAreNamed() {
        List<String> texts = warm(Cache.NONE).queries().stream().map(QueryUnit::text).toList();
        assertThat(texts).contains("SELECT id, name FROM users", "SELECT id, total FROM orders",
                "SELECT id, name FROM users WHERE id = ?", "SELECT * FROM monthly_totals",
                "SELECT id, name FROM users ORDER BY id", "SELECT id, total FROM totals");
    }

    @Test
    void aChangedConstantHolderAnalysesItsReadersAgain() throws IOException {
        Cache cache = Cache.in(cacheDir);
        warm(cache);
        int files = cache.lastRun().analysed();
        assertThat(files).isGreaterThan(5);

        edit(SQL + "Queries.java", "SELECT id, name FROM users", "SELECT * FROM users");
        AnalysisResult result = warm(cache);
        assertThat(EngineEquivalenceTest.rendered(result)).isEqualTo(cold());
        // Queries.java itself, and OrderDao and StaticDao, which name Queries
        assertThat(cache.lastRun().analysed()).isEqualTo(3);
        assertThat(result.findings()).anyMatch(f -> f.ruleId().equals("select-star")
                && f.location().path().endsWith("StaticDao.java"));

        edit(SQL + "Columns.java", "id, total", "*");
        assertThat(EngineEquivalenceTest.rendered(warm(cache))).isEqualTo(cold());
        assertThat(cache.lastRun().analysed()).isEqualTo(3);
    }

    @Test
    void aChangeToAHoldersParentOrToAQueryBuildingMethodAnalysesTheirReadersAgain() throws Exception {
        // StoreSql builds its statements from the constants of Tables, which it extends; OrderDao reads StoreSql's
        // constants through rtp(..) of BaseDao, and calls SqlTemplates' static methods
        copy("/fixtures/unbounded-result-sql-templates", tree.resolve("templates"));
        String store = "templates/src/store/";
        Cache cache = Cache.in(cacheDir);
        warm(cache);

        edit(store + "Tables.java", "ORDER_LINES = \"ORDER_LINES\"", "ORDER_LINES = \"ORDER_LINES WHERE SKU = ?\"");
        AnalysisResult result = warm(cache);
        assertThat(EngineEquivalenceTest.rendered(result)).isEqualTo(cold());
        // Tables, StoreSql (which names it), OrderDao (which implements StoreSql), PostgresOrderDao (which extends it),
        // and the other project's OrderDao, whose simple name is the same
        assertThat(cache.lastRun().analysed()).isEqualTo(5);
        assertThat(result.findings()).anyMatch(f -> f.ruleId().equals("missing-pagination")
                && f.location().path().endsWith("OrderDao.java") && f.location().line() == 41);

        // PostgresOrderDao reads StoreSql's constants through OrderDao, which implements it
        edit(store + "Tables.java", "ORDERS = \"ORDERS\"", "ORDERS = \"SALES_ORDERS\"");
        result = warm(cache);
        assertThat(EngineEquivalenceTest.rendered(result)).isEqualTo(cold());
        assertThat(result.queries()).anyMatch(q -> q.location().path().endsWith("PostgresOrderDao.java")
                && q.text().contains("SALES_ORDERS"));

        edit(store + "SqlTemplates.java", "\"SELECT ID, TOTAL FROM \" + TABLE;", "\"SELECT ID, TOTAL FROM \" + TABLE + \" LIMIT 10\";");
        result = warm(cache);
        assertThat(EngineEquivalenceTest.rendered(result)).isEqualTo(cold());
        assertThat(result.findings()).noneMatch(f -> f.location().path().endsWith("OrderDao.java")
                && f.location().line() == 77);
    }

    @Test
    void aChangeToAQueryFileAnalysesOnlyThatFile() throws IOException {
        Cache cache = Cache.in(cacheDir);
        warm(cache);
        edit(DAO + "OrderDao.java", "Queries.Reports.MONTHLY", "\"SELECT count(*) FROM monthly_totals\"");
        assertThat(EngineEquivalenceTest.rendered(warm(cache))).isEqualTo(cold());
        assertThat(cache.lastRun().analysed()).isEqualTo(1);
        warm(cache);
        assertThat(cache.lastRun().analysed()).isZero();
    }

    private void ageEveryFile() throws IOException {
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, hourAgo);
            }
        }
    }

    /** Files last modified well before the run that recorded them, with the same size and time: taken as recorded. */
    @Test
    void anUntouchedTreeIsTakenAsRecordedAndTheCacheFileIsLeftAlone() throws IOException {
        ageEveryFile();
        Cache cache = Cache.in(cacheDir);
        warm(cache);
        int all = cache.lastRun().analysed();
        Path file = cacheDir.resolve(Cache.FILE_NAME);
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(written.toMillis() - 60_000));
        java.nio.file.attribute.FileTime marked = Files.getLastModifiedTime(file);

        assertThat(EngineEquivalenceTest.rendered(warm(cache))).isEqualTo(cold());
        assertThat(cache.lastRun().reused()).isEqualTo(all);
        assertThat(cache.lastRun().analysed()).isZero();
        assertThat(cache.lastRun().asRecorded()).isTrue(); // the results of the run that wrote the file
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(marked); // nothing to write

        // the same content under a new time (a checkout) is hashed, found unchanged, and the new time recorded
        Files.setLastModifiedTime(tree.resolve(DAO + "OrderDao.java"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 1_800_000));
        assertThat(EngineEquivalenceTest.rendered(warm(cache))).isEqualTo(cold());
        assertThat(cache.lastRun().analysed()).isZero();
        assertThat(cache.lastRun().asRecorded()).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(marked);

        // a snapshot of an untouched tree is handed on whole, and the run that starts from it writes the file
        java.util.concurrent.atomic.AtomicReference<Cache.Snapshot> handed = new java.util.concurrent.atomic.AtomicReference<>();
        warm(Cache.in(cacheDir).savingTo(handed::set));
        assertThat(handed.get().files()).isEqualTo(all);
        Files.delete(file);
        Cache own = Cache.in(cacheDir).startingFrom(handed.get());
        assertThat(EngineEquivalenceTest.rendered(warm(own))).isEqualTo(cold());
        assertThat(own.lastRun().reused()).isEqualTo(all);
        assertThat(own.lastRun().asRecorded()).isFalse(); // it wrote the file
        assertThat(file).exists();
        warm(cache);
        assertThat(cache.lastRun().reused()).isEqualTo(all);
    }

    /**
     * A run ahead of a module's turn hands its snapshot to the module's own run, which re-analyses
     * only what changed in between and writes the cache file; the ahead run writes no file.
     */
    @Test
    void aSnapshotHandedOnIsAsGoodAsTheCacheFile() throws IOException {
        java.util.concurrent.atomic.AtomicReference<Cache.Snapshot> handed = new java.util.concurrent.atomic.AtomicReference<>();
        Cache ahead = Cache.in(cacheDir).savingTo(handed::set);
        warm(ahead);
        assertThat(handed.get()).isNotNull();
        assertThat(handed.get().files()).isEqualTo(ahead.lastRun().analysed()).isGreaterThan(5);
        assertThat(cacheDir.resolve(Cache.FILE_NAME)).doesNotExist();

        Cache own = Cache.in(cacheDir).startingFrom(handed.get());
        assertThat(EngineEquivalenceTest.rendered(warm(own))).isEqualTo(cold());
        assertThat(own.lastRun().analysed()).isZero();
        assertThat(cacheDir.resolve(Cache.FILE_NAME)).exists();

        // a change made between the two runs (a later phase of the build) is seen
        warm(ahead);
        edit(DAO + "OrderDao.java", "Queries.Reports.MONTHLY", "\"SELECT count(*) FROM monthly_totals\"");
        Cache after = Cache.in(cacheDir).startingFrom(handed.get());
        assertThat(EngineEquivalenceTest.rendered(warm(after))).isEqualTo(cold());
        assertThat(after.lastRun().analysed()).isEqualTo(1);
        // and the file it wrote serves the next build
        Cache next = Cache.in(cacheDir);
        warm(next);
        assertThat(next.lastRun().analysed()).isZero();
    }

    @Test
    void aSnapshotOfAnotherConfigurationIsIgnored() {
        java.util.concurrent.atomic.AtomicReference<Cache.Snapshot> handed = new java.util.concurrent.atomic.AtomicReference<>();
        EngineEquivalenceTest.run(tree, false, 1, Cache.in(cacheDir).savingTo(handed::set));
        Cache own = Cache.in(cacheDir).startingFrom(handed.get());
        assertThat(EngineEquivalenceTest.rendered(warm(own))).isEqualTo(cold());
        assertThat(own.lastRun().reused()).isZero();
    }

    /** Named queries, repositories, mapper methods, wrappers and the schema are read by anyone: a change to them reuses nothing. */
    @Test
    void aChangeToOtherProjectWideFactsAnalysesEverything() throws IOException {
        Cache cache = Cache.in(cacheDir);
        warm(cache);
        int all = cache.lastRun().analysed();
        edit("src/main/java/com/acme/service/UserRepository.java", "CrudRepository<User, Long>",
                "CrudRepository<Account, Long>");
        assertThat(EngineEquivalenceTest.rendered(warm(cache))).isEqualTo(cold());
        assertThat(cache.lastRun().analysed()).isEqualTo(all);
        assertThat(cache.lastRun().reused()).isZero();
    }

    @Test
    void aCallThatStartsBoundingANamedQueryJudgesItsDeclarationAgain() throws Exception {
        // the named query is judged at its @NamedQuery in Ticket.java by how TicketDao runs it: a change to the call
        // alone must reach the declaration's file
        copy("/fixtures/missing-pagination-named-queries", tree.resolve("desk"));
        String desk = "desk/src/main/java/desk/";
        Cache cache = Cache.in(cacheDir);
        assertThat(warm(cache).findings()).anyMatch(f -> f.location().path().endsWith("Ticket.java")
                && f.ruleId().equals("missing-pagination") && f.message().contains("TicketDao.openOfTeam()"));

        edit(desk + "TicketDao.java", ".setParameter(\"team\", team)\n                .getResultList();",
                ".setParameter(\"team\", team)\n                .setMaxResults(100)\n                .getResultList();");
        AnalysisResult result = warm(cache);
        assertThat(EngineEquivalenceTest.rendered(result)).isEqualTo(cold());
        assertThat(result.findings()).noneMatch(f -> f.message().contains("TicketDao.openOfTeam()"));
    }

    @Test
    void aClassThatAnotherStoreMapsIsAProjectWideFact() throws IOException {
        String service = "src/main/java/com/acme/service/";
        Files.writeString(tree.resolve(service + "User.java"), "package com.acme.service;\n\n"
                + "import org.springframework.data.mongodb.core.mapping.Document;\n\npublic class User {\n}\n");
        Files.writeString(tree.resolve(service + "Users.java"), "package com.acme.service;\n\nclass Users {\n\n"
                + "    private UserRepository users;\n\n    Object all() {\n        return users.findAll();\n    }\n}\n");
        Cache cache = Cache.in(cacheDir);
        assertThat(warm(cache).findings()).anyMatch(f -> f.location().path().endsWith("Users.java"));
        // Users.java names neither User nor its annotation: only the project-wide facts tell it that the
        // repository's entity became a MongoDB document
        edit(service + "User.java", "public class User", "@Document\npublic class User");
        AnalysisResult result = warm(cache);
        assertThat(EngineEquivalenceTest.rendered(result)).isEqualTo(cold());
        assertThat(result.findings()).noneMatch(f -> f.location().path().endsWith("Users.java"));
    }

    @Test
    void addedAndRemovedFilesAreSeen() throws IOException {
        Cache cache = Cache.in(cacheDir);
        warm(cache);
        Files.delete(tree.resolve(SQL + "Columns.java"));
        assertThat(EngineEquivalenceTest.rendered(warm(cache))).isEqualTo(cold());
        // the two readers of Columns now see an unknown constant
        assertThat(cache.lastRun().analysed()).isEqualTo(2);
        Files.writeString(tree.resolve(SQL + "Columns.java"),
                "package com.acme.sql;\n\npublic interface Columns {\n    String LIST = \"name\";\n}\n");
        assertThat(EngineEquivalenceTest.rendered(warm(cache))).isEqualTo(cold());
        assertThat(cache.lastRun().analysed()).isEqualTo(3);
        Files.createDirectories(tree.resolve("src/main/resources"));
        Files.writeString(tree.resolve("src/main/resources/more.sql"), "SELECT * FROM extra;\n");
        assertThat(EngineEquivalenceTest.rendered(warm(cache))).isEqualTo(cold());
        assertThat(cache.lastRun().analysed()).isEqualTo(1);
    }

    @Test
    void anotherConfigurationStartsAfresh() throws IOException {
        Cache cache = Cache.in(cacheDir);
        warm(cache);
        Files.writeString(tree.resolve(".querylint.yml"), "rules:\n  select-star:\n    enabled: false\n");
        Analyzer analyzer = new Analyzer(EngineEquivalenceTest.rules());
        io.github.querylint.core.config.QueryLintConfig config = new io.github.querylint.core.config.ConfigLoader(
                analyzer.descriptors()).load(tree.resolve(".querylint.yml"));
        AnalysisResult result = analyzer.analyze(AnalysisRequest.of(tree).withConfig(config), cache);
        assertThat(cache.lastRun().reused()).isZero();
        assertThat(result.findings()).noneMatch(f -> f.ruleId().equals("select-star"));
    }
}
