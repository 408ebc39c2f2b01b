package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration the run cannot trust stops it: exit code 2 and one line naming file, line and key. */
class ConfigErrorTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Path project(Path tmp, String config) throws Exception {
        Files.createDirectories(tmp.resolve("src"));
        Files.writeString(tmp.resolve("src/Dao.java"), """
                class Dao {
                    java.util.List<String> all(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList("SELECT email FROM customers", String.class);
                    }
                }
                """);
        Files.writeString(tmp.resolve(".querylint.yml"), config);
        return tmp;
    }

    @Test
    void anUnknownOptionStopsTheRun(@TempDir Path tmp) throws Exception {
        project(tmp, "root: true\nrules:\n  excessive-joins:\n    maxJoin: 3\n");
        Run run = run("check", tmp.toString());
        assertThat(run.exit()).isEqualTo(Main.ERROR);
        assertThat(run.err()).startsWith("querylint: " + tmp.resolve(".querylint.yml") + ":4: rules.excessive-joins.maxJoin: "
                + "unknown option of excessive-joins; known: enabled, severity, maxJoins");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void inventoryReadsAConfigThatSetsRules(@TempDir Path tmp) throws Exception {
        // inventory runs no rule, but the project's configuration names them: it is the one check reads
        project(tmp, "root: true\nrules:\n  excessive-joins:\n    maxJoins: 3\n  select-star: false\n");
        Run run = run("inventory", tmp.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isEqualTo(Main.OK);
        assertThat(run.out()).contains("SELECT email FROM customers");
    }

    @Test
    void aBadValueStopsTheRun(@TempDir Path tmp) throws Exception {
        project(tmp, "root: true\nrules:\n  unbounded-result:\n    severity: critical\n");
        Run run = run("check", tmp.toString());
        assertThat(run.exit()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains(".querylint.yml:4: rules.unbounded-result.severity: unknown severity 'critical'");
    }

    @Test
    void anExplicitConfigIsCheckedToo(@TempDir Path tmp) throws Exception {
        project(tmp, "root: true\n");
        Path custom = Files.writeString(tmp.resolve("custom.yml"), "rules:\n  no-such-rule: false\n");
        Run run = run("check", "--config", custom.toString(), tmp.toString());
        assertThat(run.exit()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains("custom.yml:2: rules.no-such-rule: unknown rule");
    }

    @Test
    void aGoodConfigIsApplied(@TempDir Path tmp) throws Exception {
        project(tmp, "root: true\nrules:\n  unbounded-result:\n    severity: warning\n");
        Run run = run("check", "--format", "text", tmp.toString());
        assertThat(run.exit()).isEqualTo(Main.OK);
        assertThat(run.out()).contains("warning: query reads every row of `customers`").contains("[unbounded-result]");
    }
}
