package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour and progress follow the terminal, NO_COLOR, TERM and CI; --color overrides the guess. */
class TerminalTest {

    private static final String ESC = "\u001b[";
    private static final Environment TERMINAL = new Environment(Map.of("TERM", "xterm-256color"), true);

    @Test
    void colourOnlyOnATerminalWithoutNoColorAndWithASmartTerminal() {
        assertThat(TERMINAL.colorAllowed()).isTrue();
        assertThat(new Environment(Map.of(), true).colorAllowed()).isTrue();
        assertThat(new Environment(Map.of("TERM", "xterm"), false).colorAllowed()).isFalse();
        assertThat(new Environment(Map.of("TERM", "xterm", "NO_COLOR", "1"), true).colorAllowed()).isFalse();
        assertThat(new Environment(Map.of("TERM", "dumb"), true).colorAllowed()).isFalse();
        // no-color.org: an empty NO_COLOR does not count
        assertThat(new Environment(Map.of("TERM", "xterm", "NO_COLOR", ""), true).colorAllowed()).isTrue();
    }

    @Test
    void progressOnlyOnATerminalAndNeverInCi() {
        assertThat(TERMINAL.progressAllowed()).isTrue();
        assertThat(new Environment(Map.of("TERM", "xterm"), false).progressAllowed()).isFalse();
        assertThat(new Environment(Map.of("TERM", "xterm", "CI", "true"), true).progressAllowed()).isFalse();
        assertThat(new Environment(Map.of("TERM", "xterm", "CI", ""), true).progressAllowed()).isFalse();
        assertThat(new Environment(Map.of("TERM", "dumb"), true).progressAllowed()).isFalse();
    }

    @Test
    void theTextReportIsColouredWhenTheTerminalAllowsIt() {
        String project = Cli.project().toString();
        assertThat(Cli.run(TERMINAL, "check", project).out()).contains(ESC + "1;31merror" + ESC + "0m");
        assertThat(Cli.run(new Environment(Map.of("TERM", "xterm", "NO_COLOR", "1"), true), "check", project).out())
                .doesNotContain(ESC);
        assertThat(Cli.run(new Environment(Map.of("TERM", "dumb"), true), "check", project).out()).doesNotContain(ESC);
        assertThat(Cli.run("check", project).out()).doesNotContain(ESC);
    }

    @Test
    void colorFlagOverridesTheGuessButNeverColoursMachineFormats(@TempDir Path dir) throws Exception {
        String project = Cli.project().toString();
        assertThat(Cli.run("check", project, "--color", "always").out()).contains(ESC);
        assertThat(Cli.run(TERMINAL, "check", project, "--color", "never").out()).doesNotContain(ESC);
        assertThat(Cli.run(TERMINAL, "check", project, "--format", "json", "--color", "always").out()).doesNotContain(ESC);
        Path file = dir.resolve("report.txt");
        Cli.Run run = Cli.run(TERMINAL, "check", project, "--output", file.toString());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain(ESC).contains("[select-star]");
        assertThat(run.out()).isEmpty();
        // on a slow machine the progress line may have shown (and been erased with \r) before the summary
        String summary = run.err().substring(run.err().lastIndexOf('\r') + 1);
        assertThat(summary).startsWith("QueryLint: 2 errors, 8 warnings, 2 notes").endsWith("\n").hasLineCount(1);
        assertThat(Cli.run("check", project, "--color", "sometimes").exit()).isEqualTo(Main.ERROR);
    }

    @Test
    void progressWaitsASecondThenRewritesOneLineAndErasesIt() {
        AtomicLong now = new AtomicLong(0);
        StringWriter err = new StringWriter();
        try (ProgressLine progress = new ProgressLine(new PrintWriter(err), now::get)) {
            progress.filesAnalysed(1, 300);
            assertThat(err.toString()).isEmpty();
            now.set(1_500_000_000L);
            progress.filesAnalysed(120, 300);
            assertThat(err.toString()).isEqualTo("\rQueryLint: 120 of 300 files");
            now.addAndGet(50_000_000L);
            progress.filesAnalysed(121, 300); // too soon after the last one
            assertThat(err.toString()).isEqualTo("\rQueryLint: 120 of 300 files");
            now.addAndGet(300_000_000L);
            progress.filesAnalysed(300, 300);
        }
        String blank = " ".repeat("QueryLint: 120 of 300 files".length());
        assertThat(err.toString()).isEqualTo("\rQueryLint: 120 of 300 files\rQueryLint: 300 of 300 files\r" + blank + "\r");
    }

    @Test
    void ciKeepsStderrFreeOfProgressEvenOnATerminal() {
        // (how long the scan takes does not matter: with CI set there is no progress line at all)
        Environment ci = new Environment(Map.of("TERM", "xterm", "CI", "true"), true);
        Cli.Run run = Cli.run(ci, "check", Cli.project().toString(), "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("{");
    }
}
