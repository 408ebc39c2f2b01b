package io.github.querylint.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the CLI in this JVM with captured streams and a chosen environment; runs git for test repositories. */
final class Cli {

    /** Output of a pipe in CI-less, colour-less surroundings. */
    static final Environment PIPE = new Environment(Map.of(), false);

    private Cli() {
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        return run(PIPE, args);
    }

    static Run run(Environment environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(out, err, environment, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The fixture project: paths with spaces and umlauts, a file with CR LF line ends, multi-line queries. */
    static Path project() {
        return Path.of("src/test/resources/project").toAbsolutePath();
    }

    /** Runs git in {@code dir} without the machine's git configuration; fails the test when git fails. */
    static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=QueryLint Test", "-c",
                "user.email=test@querylint.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
                "-c", "core.autocrlf=false"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
