package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration mistakes end in exit code 2 with one line naming file, line and key; the deadline is an option. */
class CliReliabilityTest {

    @TempDir
    Path root;

    private record Run(int code, String err) {
    }

    private Run run(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    private void source() throws IOException {
        Path file = root.resolve("src/main/java/a/Dao.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package a;
                class Dao {
                    java.util.List<?> a(org.springframework.jdbc.core.JdbcTemplate jdbc) {
                        return jdbc.queryForList("SELECT id FROM t WHERE id = ?", 1);
                    }
                }
                """);
    }

    @Test
    void aConfigurationMistakeIsExitTwoWithFileLineAndKey() throws IOException {
        source();
        Files.writeString(root.resolve(".querylint.yml"), "root: true\nrules:\n  no-such-rule: off\n");
        Run run = run("check", root.toString());
        assertThat(run.code()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains(".querylint.yml:3: rules.no-such-rule: unknown rule");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void badYamlIsExitTwoToo() throws IOException {
        source();
        Files.writeString(root.resolve(".querylint.yml"), "root: true\nexcludes: [a\n");
        Run run = run("check", root.toString());
        assertThat(run.code()).isEqualTo(Main.ERROR);
        assertThat(run.err()).contains(".querylint.yml:3: not valid YAML");
    }

    @Test
    void theDeadlineOptionIsCheckedAndUsed() throws IOException {
        source();
        Files.writeString(root.resolve(".querylint.yml"), "root: true\ndeadlineSeconds: 600\n");
        assertThat(run("check", "--deadline", "0", root.toString()).code()).isEqualTo(Main.ERROR);
        assertThat(run("check", "--deadline", "60", root.toString()).code()).isEqualTo(Main.OK);
    }
}
