package io.github.querylint.core.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Asks the local git which lines changed since a revision: {@code git diff --unified=0 REF} in
 * the scanned root (committed, staged and unstaged changes alike), plus untracked files. Every
 * way this can fail ends in a {@link DiffException} whose message says what to do.
 */
public final class GitDiff {

    private static final long TIMEOUT_SECONDS = 120;

    private GitDiff() {
    }

    public static ChangedLines since(Path root, String ref) {
        if (ref == null || ref.isBlank() || ref.startsWith("-")) {
            throw new DiffException("--diff-base '" + ref + "' is not a git revision; name a branch, tag or commit");
        }
        Result inside = git(root, "rev-parse", "--is-inside-work-tree");
        if (!inside.ok() || !inside.out().strip().equals("true")) {
            throw new DiffException(root + " is not inside a git working tree, so --diff-base " + ref
                    + " has nothing to compare with; run it in a clone or drop --diff-base");
        }
        if (!git(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}").ok()) {
            boolean shallow = git(root, "rev-parse", "--is-shallow-repository").out().strip().equals("true");
            throw new DiffException(shallow
                    ? "git revision '" + ref + "' is not in this shallow clone; fetch the history it needs "
                            + "(actions/checkout: fetch-depth: 0; GitLab: GIT_DEPTH: 0; or git fetch --unshallow)"
                    : "git revision '" + ref + "' does not exist here; name a branch, tag or commit "
                            + "(fetch a remote branch first: git fetch origin main)");
        }
        Result diff = git(root, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
                "--unified=0", "--relative", "--src-prefix=a/", "--dst-prefix=b/", ref, "--");
        if (!diff.ok()) {
            throw new DiffException("git diff " + ref + " failed: " + diff.firstErrorLine());
        }
        Result others = git(root, "ls-files", "--others", "--exclude-standard", "-z");
        Set<String> untracked = new TreeSet<>();
        if (others.ok()) {
            Arrays.stream(others.out().split("\u0000")).filter(s -> !s.isEmpty()).forEach(untracked::add);
        }
        return ChangedLines.parse(diff.out(), untracked);
    }

    private record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        String firstErrorLine() {
            String line = err.strip().lines().findFirst().orElse("");
            return line.isEmpty() ? "exit code " + exit : line;
        }
    }

    private static Result git(Path root, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new DiffException("git cannot be started (" + e.getMessage() + "); --diff-base needs git on the PATH");
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DiffException("git " + String.join(" ", args) + " took longer than " + TIMEOUT_SECONDS + " s and was stopped");
            }
            return new Result(process.exitValue(), out.get(), err.get());
        } catch (IOException | ExecutionException e) {
            process.destroyForcibly();
            throw new DiffException("git " + String.join(" ", args) + " could not be read (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DiffException("interrupted while waiting for git");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
