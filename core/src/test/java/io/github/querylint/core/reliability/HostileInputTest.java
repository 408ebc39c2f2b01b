package io.github.querylint.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.QueryContext;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.rule.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of broken and hostile files, written by the tests into temporary trees next to healthy
 * files: each hostile file becomes a notice that names it and says what to do, and the healthy
 * files are still judged. Nothing crashes, nothing hangs, no notice asks to report a bug.
 */
@Timeout(120)
class HostileInputTest {

    @TempDir
    Path root;

    /** The healthy findings are all there, and no notice asks to report a bug. */
    private AnalysisResult analyzeWithHealthyFiles() {
        return analyzeWithHealthyFiles(QueryLintConfig.DEFAULTS);
    }

    private AnalysisResult analyzeWithHealthyFiles(QueryLintConfig config) {
        Trees.healthy(root);
        AnalysisResult result = Trees.analyze(root, config, 2);
        assertThat(Trees.findingLines(result)).containsAll(Trees.HEALTHY_FINDINGS);
        assertThat(result.notices()).noneSatisfy(n -> assertThat(n.message()).contains("please report"));
        assertThat(result.notices()).allSatisfy(n -> assertThat(n.location().path()).doesNotStartWith("/"));
        return result;
    }

    private static Notice onlyNotice(AnalysisResult result, String path) {
        List<Notice> notices = Trees.noticesFor(result, path);
        assertThat(notices).as("notices for " + path + " in " + result.notices()).hasSize(1);
        return notices.get(0);
    }

    @Test
    void javaWithSyntaxErrorsIsANoticeAtTheErrorLine() {
        Trees.write(root, "src/main/java/bad/Broken.java", """
                package bad;

                class Broken {
                    java.util.List<?> all(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList("SELECT * FROM broken")
                    }
                """);
        AnalysisResult result = analyzeWithHealthyFiles();
        Notice n = onlyNotice(result, "src/main/java/bad/Broken.java");
        assertThat(n.kind()).isEqualTo(Notice.Kind.UNPARSEABLE_FILE);
        assertThat(n.location().line()).isEqualTo(5);
        assertThat(n.message()).contains("syntax error", "not analysed");
    }

    @Test
    void binaryFilesWithSourceNamesAreNoticesNotGarbage() {
        byte[] binary = new byte[4096];
        new java.util.Random(42).nextBytes(binary);
        binary[10] = 0;
        byte[] classFile = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 'q', 'u', 'e', 'r', 'y'};
        Trees.write(root, "src/main/java/blob/Image.java", binary);
        Trees.write(root, "src/main/resources/db/dump.sql", binary);
        Trees.write(root, "src/main/resources/mapper/Blob.xml", classFile);
        AnalysisResult result = analyzeWithHealthyFiles();
        for (String path : List.of("src/main/java/blob/Image.java", "src/main/resources/db/dump.sql",
                "src/main/resources/mapper/Blob.xml")) {
            Notice n = onlyNotice(result, path);
            assertThat(n.kind()).isEqualTo(Notice.Kind.UNREADABLE_FILE);
            assertThat(n.message()).contains("binary", "exclude it");
        }
    }

    /** Empty files hold nothing to lose: no notice, no crash (a notice per empty file would be noise). */
    @Test
    void emptyFilesAreQuietlyEmpty() {
        Trees.write(root, "src/main/java/empty/Empty.java", "");
        Trees.write(root, "src/main/resources/db/migration/V2__empty.sql", "");
        Trees.write(root, "src/main/resources/mapper/Empty.xml", "");
        Trees.write(root, "src/main/java/empty/Blank.java", " \n\t\r\n");
        AnalysisResult result = analyzeWithHealthyFiles();
        assertThat(result.notices()).isEmpty();
        assertThat(result.findings()).hasSize(Trees.HEALTHY_FINDINGS.size());
    }

    /** A 50 MB generated dump is over the default size limit: one stat call, no read, and a notice. */
    @Test
    void aFiftyMegabyteDumpIsSkippedWithANoticeNamingTheLimit() throws IOException {
        Path dump = root.resolve("src/main/resources/db/dump/full-dump.sql");
        Files.createDirectories(dump.getParent());
        byte[] line = "INSERT INTO events (id, kind, payload) VALUES (1, 'click', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(dump), 1 << 20)) {
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        long start = System.nanoTime();
        AnalysisResult result = analyzeWithHealthyFiles();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
        Notice n = onlyNotice(result, "src/main/resources/db/dump/full-dump.sql");
        assertThat(n.kind()).isEqualTo(Notice.Kind.LIMIT);
        assertThat(n.message()).contains("maxFileBytes", "over the limit");
    }

    /** Under a smaller configured limit, and a dump that is read: thousands of statements, one huge one. */
    @Test
    void dumpsUnderTheLimitAreReadAndAHugeStatementIsSkippedWithANotice() {
        StringBuilder dump = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            dump.append("INSERT INTO events (id, kind) VALUES (").append(i).append(", 'k").append(i).append("');\n");
        }
        dump.append("INSERT INTO blobs (id, data) VALUES (1, '").append("ab".repeat(60_000)).append("');\n");
        Trees.write(root, "src/main/resources/db/seed/data.sql", dump.toString());
        Trees.write(root, "src/main/resources/db/seed/too-big.sql", "SELECT 1;\n".repeat(60_000));
        QueryLintConfig config = QueryLintConfig.DEFAULTS.withMaxFileBytes(500_000);
        long start = System.nanoTime();
        AnalysisResult result = analyzeWithHealthyFiles(config);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(60_000);
        Notice huge = onlyNotice(result, "src/main/resources/db/seed/data.sql");
        assertThat(huge.kind()).isEqualTo(Notice.Kind.SKIPPED_QUERY);
        assertThat(huge.location().line()).isEqualTo(5_001);
        assertThat(huge.message()).contains("characters is over the parser's limit");
        assertThat(onlyNotice(result, "src/main/resources/db/seed/too-big.sql").message())
                .contains("600000 bytes", "500000 bytes", "maxFileBytes");
        assertThat(result.queries().stream().filter(q -> q.location().path().endsWith("data.sql"))).hasSize(5_001);
    }

    @Test
    void aTenThousandTermConcatenationIsFoldedOrANotice() {
        StringBuilder java = new StringBuilder("""
                package gen;

                class Generated {
                    static final String SQL = "SELECT * FROM big WHERE id = 0"
                """);
        for (int i = 1; i < 10_000; i++) {
            java.append("        + \" OR id = ").append(i).append("\"\n");
        }
        java.append("""
                        ;

                    java.util.List<?> all(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList(SQL);
                    }
                }
                """);
        Trees.write(root, "src/main/java/gen/Generated.java", java.toString());
        long start = System.nanoTime();
        AnalysisResult result = analyzeWithHealthyFiles();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(60_000);
        boolean found = Trees.findingLines(result).contains("src/main/java/gen/Generated.java:10004");
        boolean noticed = !Trees.noticesFor(result, "src/main/java/gen/Generated.java").isEmpty();
        assertThat(found || noticed).as("finding or notice for the generated file: " + result.notices()).isTrue();
    }

    @Test
    void deeplyNestedParenthesesInSqlAndJavaAreNoticesNotStackOverflows() {
        int depth = 30_000;
        Trees.write(root, "src/main/resources/db/deep.sql",
                "SELECT * FROM t WHERE a = " + "(".repeat(depth) + "1" + ")".repeat(depth) + ";\n");
        Trees.write(root, "src/main/java/deep/Deep.java", """
                package deep;

                class Deep {
                    int x = %s1%s;

                    java.util.List<?> all(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList("SELECT * FROM deep");
                    }
                }
                """.formatted("(".repeat(depth), ")".repeat(depth)));
        Trees.write(root, "src/main/java/deep/DeepQuery.java", """
                package deep;

                class DeepQuery {
                    java.util.List<?> all(jakarta.persistence.EntityManager em) {
                        return em.createQuery("select o from Order o where o.a = %s1%s").getResultList();
                    }
                }
                """.formatted("(".repeat(500), ")".repeat(500)));
        AnalysisResult result = analyzeWithHealthyFiles();
        Notice sql = onlyNotice(result, "src/main/resources/db/deep.sql");
        assertThat(sql.kind()).isIn(Notice.Kind.PARSE_FAILURE, Notice.Kind.PARSE_TIMEOUT, Notice.Kind.SKIPPED_QUERY);
        Notice java = onlyNotice(result, "src/main/java/deep/Deep.java");
        assertThat(java.message()).contains("too deeply", "exclude it");
        Notice jpql = onlyNotice(result, "src/main/java/deep/DeepQuery.java");
        assertThat(jpql.message()).contains("parentheses nest 500 deep");
    }

    @Test
    void invalidUtf8AndLatin1AreNoticesAndTheirQueriesStillCount() {
        byte[] latin1 = """
                package enc;

                // Größe: the comment is Latin-1, not UTF-8
                class Latin {
                    java.util.List<?> all(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList("SELECT * FROM latin");
                    }
                }
                """.getBytes(StandardCharsets.ISO_8859_1);
        Trees.write(root, "src/main/java/enc/Latin.java", latin1);
        byte[] broken = "-- bad bytes: \u0000\n".replace("\u0000", "XX").getBytes(StandardCharsets.UTF_8);
        byte[] sql = new byte[broken.length + 40];
        System.arraycopy(broken, 0, sql, 0, broken.length);
        byte[] rest = "\nSELECT * FROM broken_utf8;\n".getBytes(StandardCharsets.UTF_8);
        sql[broken.length - 3] = (byte) 0xC3; // a lead byte without its continuation
        sql[broken.length - 2] = (byte) 0x28;
        System.arraycopy(rest, 0, sql, broken.length, rest.length);
        Trees.write(root, "src/main/resources/db/bad-utf8.sql", java.util.Arrays.copyOf(sql, broken.length + rest.length));
        AnalysisResult result = analyzeWithHealthyFiles();
        for (String path : List.of("src/main/java/enc/Latin.java", "src/main/resources/db/bad-utf8.sql")) {
            Notice n = onlyNotice(result, path);
            assertThat(n.kind()).isEqualTo(Notice.Kind.UNREADABLE_FILE);
            assertThat(n.message()).contains("not valid UTF-8", "encoding");
        }
        assertThat(Trees.findingLines(result)).contains("src/main/java/enc/Latin.java:6",
                "src/main/resources/db/bad-utf8.sql:3");
    }

    @Test
    void crlfMixedLineEndsAndBomKeepLocationsRight() {
        Trees.write(root, "src/main/java/eol/Crlf.java", ("\uFEFFpackage eol;\r\n\r\nclass Crlf {\r\n"
                + "    java.util.List<?> a(org.springframework.jdbc.core.JdbcTemplate jdbc) {\r\n"
                + "        return jdbc.queryForList(\"SELECT * FROM crlf\");\r\n    }\r\n}\r\n"));
        Trees.write(root, "src/main/java/eol/Mixed.java", ("package eol;\n\rclass Mixed {\r\n"
                + "    java.util.List<?> a(org.springframework.jdbc.core.JdbcTemplate jdbc) {\r"
                + "        return jdbc.queryForList(\"SELECT * FROM mixed\");\n    }\r\n}\n"));
        Trees.write(root, "src/main/resources/db/eol.sql",
                "\uFEFF-- one\r\nSELECT 1;\rSELECT * FROM cr;\nSELECT 2;\r\n\r\nSELECT * FROM crlf;\r\n");
        Trees.write(root, "src/main/resources/mapper/Crlf.xml", "\uFEFF<?xml version=\"1.0\"?>\r\n<mapper namespace=\"m\">\r"
                + "<select id=\"a\">SELECT 1</select>\n\r\n<select id=\"b\">SELECT * FROM crlf_xml</select>\r\n</mapper>\r\n");
        AnalysisResult result = analyzeWithHealthyFiles();
        assertThat(result.notices()).isEmpty();
        assertThat(Trees.findingLines(result)).contains(
                "src/main/java/eol/Crlf.java:5",
                "src/main/java/eol/Mixed.java:5",
                "src/main/resources/db/eol.sql:3",
                "src/main/resources/db/eol.sql:6",
                "src/main/resources/mapper/Crlf.xml:5");
    }

    @Test
    void symlinkLoopsAreNotFollowedAndSaidSo() throws IOException {
        Path dir = Files.createDirectories(root.resolve("src/main/java/loop"));
        try {
            Files.createSymbolicLink(dir.resolve("again"), dir);
            Files.createSymbolicLink(dir.resolve("self"), dir.resolve("self"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links cannot be made here: " + e);
        }
        Trees.write(root, "src/main/java/loop/Looped.java", "package loop;\nclass Looped {}\n");
        AnalysisResult result = analyzeWithHealthyFiles();
        Notice n = onlyNotice(result, "src/main/java/loop/again");
        assertThat(n.message()).contains("symbolic link not followed", "scan its target directly");
        assertThat(result.notices()).hasSize(1);
    }

    @Test
    void unreadableFilesAndDirectoriesAreNoticesWhenPermissionsBite() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = Trees.write(root, "src/main/java/locked/Locked.java", "package locked;\nclass Locked {}\n");
        Path dir = Trees.write(root, "src/main/java/sealed/Inside.java", "package sealed;\nclass Inside {}\n").getParent();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            // as root (containers, CI) permissions do not bite: nothing to test then
            assumeFalse(Files.isReadable(file), "running as a user who can read anything (root)");
            AnalysisResult result = analyzeWithHealthyFiles();
            assertThat(onlyNotice(result, "src/main/java/locked/Locked.java").message()).contains("check its permissions");
            assertThat(onlyNotice(result, "src/main/java/sealed").message()).contains("check its permissions");
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** A directory removed while the run goes on (a build cleaning up, a branch switch). */
    @Test
    void aDirectoryThatVanishesMidRunIsANotice() {
        Trees.healthy(root);
        Trees.write(root, "aaa/First.java", """
                package aaa;
                class First {
                    java.util.List<?> a(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList("SELECT id FROM first");
                    }
                }
                """);
        // a file that holds a query is read again by the second pass, which finds it gone
        Trees.write(root, "zzz/gone/Gone.java", "package gone;\nclass Gone { Object f() { return jdbc.queryForList(\"SELECT id FROM t\"); } }\n");
        Path gone = root.resolve("zzz/gone");
        AtomicBoolean deleted = new AtomicBoolean();
        Rule vandal = new Rule() {
            @Override
            public RuleDescriptor descriptor() {
                return new RuleDescriptor("vandal", "Vandal", "Deletes a directory mid-run, for tests", Severity.INFO,
                        List.of(), "0.1.0");
            }

            @Override
            public List<Violation> check(QueryContext context) {
                if (context.query().location().path().equals("aaa/First.java") && deleted.compareAndSet(false, true)) {
                    deleteTree(gone);
                }
                return List.of();
            }
        };
        AnalysisResult result = Trees.analyzer(vandal).analyze(new AnalysisRequest(root, List.of(root),
                QueryLintConfig.DEFAULTS, Baseline.EMPTY, 1, StandardCharsets.UTF_8));
        assertThat(deleted).isTrue();
        assertThat(Trees.findingLines(result)).containsAll(Trees.HEALTHY_FINDINGS);
        Notice n = onlyNotice(result, "zzz/gone/Gone.java");
        assertThat(n.message()).contains("disappeared", "run again");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
