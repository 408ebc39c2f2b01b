package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.testing.JsonSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, run as its own process the way a user and a CI system run it: exit codes 0, 1
 * and 2, what goes to stdout and what to stderr, with a CI environment and a POSIX locale.
 */
class QueryLintJarIT {

    private record Result(int exit, String out, String err) {
    }

    private static Result querylint(Map<String, String> env, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("querylint.jar", "target/querylint.jar"));
        assertThat(jar).as("the shaded jar (run mvn verify, not test)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("NO_COLOR");
        pb.environment().put("CI", "true");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("querylint finished").isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err.get(), StandardCharsets.UTF_8));
    }

    private static Result querylint(String... args) throws Exception {
        return querylint(Map.of(), args);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void versionAndHelp() throws Exception {
        Result version = querylint("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("QueryLint ").hasLineCount(1);
        assertThat(version.err()).isEmpty();
        Result help = querylint("check", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: querylint check").contains("--diff-base").contains("rdjsonl");
    }

    @Test
    void findingsExitOneWithTheReportOnStdoutAndNothingOnStderr() throws Exception {
        Result run = querylint("check", Cli.project().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("src/main/java/com/acme/berichte/Übersicht Bericht.java:17:48: warning: ")
                .contains("src/main/java/com/acme/tickets/TicketDao.java:19:21: error: ")
                .doesNotContain("\u001b[")
                .endsWith("QueryLint: 2 errors, 8 warnings, 2 notes in 13 queries of 6 files (2 suppressed, 0 in baseline)\n");
        assertThat(querylint("check", Cli.project().toString(), "--fail-on", "none").exit()).isZero();
    }

    @Test
    void aCleanTreeExitsZero(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Ok.java"), "class Ok {}\n");
        Result run = querylint("check", dir.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("QueryLint: 0 errors");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void usageErrorsExitTwoWithOneLineOnStderr(@TempDir Path dir) throws Exception {
        for (String[] args : List.of(new String[] {"check", "--format", "yaml"}, new String[] {"check", "--bogus"},
                new String[] {"check", dir.resolve("missing").toString()},
                new String[] {"check", dir.toString(), "--diff-base", "main"})) {
            Result run = querylint(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err()).as(String.join(" ", args)).startsWith("querylint: ").hasLineCount(1);
        }
    }

    @Test
    void sarifToAFileIsValidAndTheSummaryGoesToStderr(@TempDir Path dir) throws Exception {
        Path sarif = dir.resolve("out/querylint.sarif");
        Result run = querylint("check", Cli.project().toString(), "--format", "sarif", "--output", sarif.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("QueryLint: 2 errors").hasLineCount(1);
        assertThat(JsonSchemas.sarifProblems(Files.readString(sarif))).isEmpty();
    }

    @Test
    void outputIsUtf8EvenUnderAPosixLocale() throws Exception {
        // the JVM cannot spell the umlaut file name under LANG=C: a notice says so, and the rest is UTF-8
        Result run = querylint(Map.of("LC_ALL", "C", "LANG", "C"), "check", Cli.project().toString(), "--format", "gitlab");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("[").contains("\"check_name\" : \"unreadable-file\"").contains("LANG=C.UTF-8")
                .contains("\"check_name\" : \"unbounded-result\"");
        assertThat(run.err()).isEmpty();
        Result utf8 = querylint(Map.of("LC_ALL", "C.UTF-8"), "check", Cli.project().toString(), "--format", "gitlab");
        assertThat(utf8.out()).contains("\"path\" : \"src/main/java/com/acme/berichte/Übersicht Bericht.java\"");
    }

    @Test
    void diffBaseOnAGitRepository(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("old.sql"), "SELECT * FROM old;\n");
        Cli.git(repo, "init", "-q");
        Cli.git(repo, "add", ".");
        Cli.git(repo, "commit", "-q", "-m", "first");
        Result unchanged = querylint("check", repo.toString(), "--diff-base", "HEAD", "--fail-on", "warning");
        assertThat(unchanged.exit()).isZero();
        assertThat(unchanged.err()).contains("1 of 1 findings are on lines not changed");
        Files.writeString(repo.resolve("old.sql"), "SELECT * FROM old;\nSELECT * FROM new;\n");
        Result changed = querylint("check", repo.toString(), "--diff-base", "HEAD", "--fail-on", "warning",
                "--format", "github");
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.out()).startsWith("::warning file=old.sql,line=2,col=1,").doesNotContain("line=1,");
        Result missing = querylint("check", repo.toString(), "--diff-base", "v9.9");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("querylint: git revision 'v9.9' does not exist here");
    }
}
