package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.config.ConfigException;
import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.Reports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Help, version, exit codes and the one-line failures, in this JVM (QueryLintJarIT does it with the jar). */
class CommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"check", "inventory", "rules", "baseline"})
    void everySubcommandHasHelpAndVersion(String command) {
        Cli.Run help = Cli.run(command, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: querylint " + command).contains("--help").contains("--verbose");
        assertThat(help.err()).isEmpty();
        Cli.Run version = Cli.run(command, "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).isEqualTo("QueryLint " + ReportContext.version() + "\n");
    }

    @Test
    void topLevelHelpAndVersion() {
        assertThat(Cli.run("--help").out()).contains("check").contains("inventory").contains("Exit codes: 0");
        assertThat(Cli.run("--version").out()).isEqualTo("QueryLint " + ReportContext.version() + "\n");
        Cli.Run nothing = Cli.run();
        assertThat(nothing.exit()).isEqualTo(Main.ERROR);
        assertThat(nothing.err()).isEqualTo("querylint: say what to do: check, inventory, rules, baseline or sizes "
                + "(see 'querylint --help')\n");
    }

    @Test
    void checkHelpListsEveryFormatAndOption() {
        String help = Cli.run("check", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains(String.join(", ", Reports.formats()));
        for (String option : List.of("--format", "--output", "--config", "--fail-on", "--baseline", "--diff-base",
                "--color", "--include-suppressed")) {
            assertThat(help).contains(option);
        }
    }

    @Test
    void exitCodeFollowsFailOn(@TempDir Path clean) throws Exception {
        String project = Cli.project().toString();
        assertThat(Cli.run("check", project).exit()).isEqualTo(Main.FINDINGS);
        assertThat(Cli.run("check", project, "--fail-on", "none").exit()).isEqualTo(Main.OK);
        Files.writeString(clean.resolve("Clean.java"), "class Clean { int x() { return 1; } }\n");
        Cli.Run run = Cli.run("check", clean.toString());
        assertThat(run.exit()).isEqualTo(Main.OK);
        assertThat(run.out()).isEqualTo("QueryLint: 0 errors, 0 warnings, 0 notes in 0 queries of 1 file "
                + "(0 suppressed, 0 in baseline)\n");
        // only warnings and notes: fine at --fail-on error, a failure at --fail-on warning
        Path star = clean.resolve("star.sql");
        Files.writeString(star, "SELECT * FROM t WHERE id = 1;\n");
        assertThat(Cli.run("check", star.toString()).exit()).isEqualTo(Main.OK);
        assertThat(Cli.run("check", star.toString(), "--fail-on", "warning").exit()).isEqualTo(Main.FINDINGS);
    }

    @Test
    void usageConfigurationAndIoErrorsAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path badConfig = dir.resolve("bad.yml");
        Files.writeString(badConfig, "rules:\n  no-such-rule: error\n");
        Path notADirectory = dir.resolve("file.txt");
        Files.writeString(notADirectory, "x");
        List<String[]> cases = List.of(
                new String[] {"check", "--format", "html"},
                new String[] {"check", "--fail-on", "sometimes"},
                new String[] {"check", "--no-such-option"},
                new String[] {"nonsense"},
                new String[] {"check", dir.resolve("missing").toString()},
                new String[] {"check", "--config", dir.resolve("missing.yml").toString(), dir.toString()},
                new String[] {"check", "--config", badConfig.toString(), dir.toString()},
                new String[] {"check", "--baseline", dir.resolve("none.json").toString(), dir.toString()},
                new String[] {"check", "--output", notADirectory.resolve("x.txt").toString(), dir.toString()});
        for (String[] args : cases) {
            Cli.Run run = Cli.run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(Main.ERROR);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err()).as(String.join(" ", args)).startsWith("querylint: ").hasLineCount(1)
                    .doesNotContain("internal error").doesNotContain("Exception");
        }
        assertThat(Cli.run("check", "--format", "html").err()).contains("text, json, sarif, checkstyle, gitlab, rdjsonl, github");
    }

    @Test
    void anInternalErrorIsOneLineThatSaysWhereTheStackTraceWent() throws Exception {
        StringWriter err = new StringWriter();
        int exit = Failures.report(new IllegalStateException("boom"), new PrintWriter(err), false);
        assertThat(exit).isEqualTo(Main.ERROR);
        assertThat(err.toString()).hasLineCount(1).startsWith("querylint: internal error: java.lang.IllegalStateException: boom");
        Matcher m = Pattern.compile("stack trace in (.+querylint-error-\\d+\\.txt)").matcher(err.toString());
        assertThat(m.find()).isTrue();
        Path trace = Path.of(m.group(1));
        assertThat(Files.readString(trace)).contains("boom").contains("at io.github.querylint.cli.CommandLineTest");
        Files.delete(trace);

        StringWriter verbose = new StringWriter();
        Failures.report(new IllegalStateException("boom"), new PrintWriter(verbose), true);
        assertThat(verbose.toString()).startsWith("querylint: internal error: java.lang.IllegalStateException: boom\n")
                .contains("\tat io.github.querylint.cli.CommandLineTest");

        StringWriter config = new StringWriter();
        Failures.report(new ConfigException(".querylint.yml:3: unknown key 'x'"), new PrintWriter(config), false);
        assertThat(config.toString()).isEqualTo("querylint: .querylint.yml:3: unknown key 'x'\n");
    }

    @Test
    void verboseIsAcceptedByEverySubcommand() {
        CommandLine cli = new CommandLine(new Main(Cli.PIPE));
        assertThat(Failures.verbose(cli.parseArgs("check", "--verbose", "."))).isTrue();
        assertThat(Failures.verbose(new CommandLine(new Main(Cli.PIPE)).parseArgs("--verbose", "inventory"))).isTrue();
        assertThat(Failures.verbose(new CommandLine(new Main(Cli.PIPE)).parseArgs("check", "."))).isFalse();
    }
}
