package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.querylint.core.diff.DiffException;
import io.github.querylint.core.diff.GitDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --diff-base on git repositories made here: what counts as changed, and every way it can fail. */
class DiffBaseTest {

    private static final String BEFORE = """
            package acme;

            import jakarta.persistence.EntityManager;
            import java.util.List;
            import java.util.Map;
            import org.springframework.jdbc.core.JdbcTemplate;

            class Dao {
                JdbcTemplate jdbc;
                EntityManager em;

                List<Map<String, Object>> untouched() {
                    return jdbc.queryForList("SELECT * FROM audit_log");
                }

                List<Map<String, Object>> block(long team) {
                    return jdbc.queryForList(\"""
                            SELECT id
                              FROM tickets
                             WHERE team_id = ?
                            ORDER BY id LIMIT 20
                            \""", team);
                }

                List<Object> bounded() {
                    return em.createQuery("select o from Order o order by o.id", Object.class)
                            .setMaxResults(50)
                            .getResultList();
                }
            }
            """;

    @TempDir
    Path repo;

    @BeforeEach
    void commitTheFirstVersion() throws Exception {
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("src/Dao.java"), BEFORE);
        Cli.git(repo, "init", "-q");
        Cli.git(repo, "add", ".");
        Cli.git(repo, "commit", "-q", "-m", "first");
    }

    private void change() throws Exception {
        String after = BEFORE.replace("        SELECT id\n", "        SELECT *\n")
                .replace("                .setMaxResults(50)\n", "");
        Files.writeString(repo.resolve("src/Dao.java"), after);
        Files.createDirectories(repo.resolve("sql"));
        Files.writeString(repo.resolve("sql/fresh report.sql"), "-- new, not yet added to git\nSELECT * FROM fresh;\n");
    }

    @Test
    void reportsOnlyFindingsOnLinesChangedSinceTheRevision() throws Exception {
        Cli.Run everything = Cli.run("check", repo.toString(), "--format", "json");
        assertThat(findings(everything.out())).containsExactly(
                "src/Dao.java:13 select-star", "src/Dao.java:13 unbounded-result");
        change();
        Cli.Run all = Cli.run("check", repo.toString(), "--format", "json");
        assertThat(findings(all.out())).contains("src/Dao.java:13 select-star", "src/Dao.java:17 select-star",
                "src/Dao.java:26 unbounded-result", "sql/fresh report.sql:2 select-star");

        Cli.Run run = Cli.run("check", repo.toString(), "--format", "json", "--diff-base", "HEAD");
        // a star typed inside a text block is a change of the query that starts above it; a removed
        // setMaxResults is a change of the call next to it; an untracked file is new in every line
        assertThat(findings(run.out())).containsExactly("sql/fresh report.sql:2 select-star",
                "src/Dao.java:17 select-star", "src/Dao.java:26 unbounded-result");
        assertThat(run.exit()).isEqualTo(Main.FINDINGS);
        assertThat(run.err()).isEqualTo("QueryLint: --diff-base HEAD: 2 of 5 findings are on lines not changed since then "
                + "and were left out\n");
    }

    @Test
    void nothingChangedMeansNothingToReportAndExitZero() throws Exception {
        change();
        Cli.git(repo, "add", ".");
        Cli.git(repo, "commit", "-q", "-m", "second");
        Cli.Run run = Cli.run("check", repo.toString(), "--diff-base", "HEAD");
        assertThat(run.exit()).isEqualTo(Main.OK);
        assertThat(run.out()).startsWith("QueryLint: 0 errors, 0 warnings, 0 notes");
        // the same tree against the first commit: the changes of the second one
        Cli.Run since = Cli.run("check", repo.toString(), "--diff-base", "HEAD~1", "--format", "json");
        assertThat(findings(since.out())).containsExactly("sql/fresh report.sql:2 select-star",
                "src/Dao.java:17 select-star", "src/Dao.java:26 unbounded-result");
        assertThat(since.exit()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void aSubdirectoryScanMatchesGitPathsToItsOwnRoot() throws Exception {
        change();
        Cli.Run run = Cli.run("check", repo.resolve("src").toString(), "--format", "json", "--diff-base", "HEAD");
        assertThat(findings(run.out())).containsExactly("Dao.java:17 select-star", "Dao.java:26 unbounded-result");
    }

    @Test
    void aRevisionThatDoesNotExistIsAUsageError() {
        Cli.Run run = Cli.run("check", repo.toString(), "--diff-base", "no-such-branch");
        assertThat(run.exit()).isEqualTo(Main.ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("querylint: git revision 'no-such-branch' does not exist here; name a branch, "
                + "tag or commit (fetch a remote branch first: git fetch origin main)\n");
        Cli.Run option = Cli.run("check", repo.toString(), "--diff-base", "--output=x");
        assertThat(option.exit()).isEqualTo(Main.ERROR);
        assertThat(option.err()).hasLineCount(1);
        // a revision is never handed to git where it could pass for an option
        assertThatThrownBy(() -> GitDiff.since(repo, "--output=x")).isInstanceOf(DiffException.class)
                .hasMessage("--diff-base '--output=x' is not a git revision; name a branch, tag or commit");
    }

    @Test
    void aShallowCloneSaysToFetchMoreHistory(@TempDir Path clones) throws Exception {
        Files.writeString(repo.resolve("src/Dao.java"), BEFORE + "// second\n");
        Cli.git(repo, "commit", "-q", "-am", "second");
        Cli.git(clones, "clone", "-q", "--depth", "1", repo.toUri().toString(), "shallow");
        Cli.Run run = Cli.run("check", clones.resolve("shallow").toString(), "--diff-base", "HEAD~1");
        assertThat(run.exit()).isEqualTo(Main.ERROR);
        assertThat(run.err()).startsWith("querylint: git revision 'HEAD~1' is not in this shallow clone; fetch the history")
                .contains("fetch-depth: 0").hasLineCount(1);
    }

    @Test
    void outsideAGitRepositoryItSaysSo(@TempDir Path plain) throws Exception {
        Files.writeString(plain.resolve("a.sql"), "SELECT * FROM t;\n");
        Cli.Run run = Cli.run("check", plain.toString(), "--diff-base", "main");
        assertThat(run.exit()).isEqualTo(Main.ERROR);
        assertThat(run.err()).isEqualTo("querylint: " + plain.toAbsolutePath().normalize()
                + " is not inside a git working tree, so --diff-base main has nothing to compare with; "
                + "run it in a clone or drop --diff-base\n");
    }

    private static List<String> findings(String json) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json).get("findings")) {
            out.add(f.get("path").asText() + ":" + f.get("line").asInt() + " " + f.get("ruleId").asText());
        }
        return out;
    }
}
