package io.github.querylint.core.testing;

import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.source.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fixture marker of CONVENTIONS.md: {@code ~ L<n> expect <token> ... [ignore <rule-id> ...]}
 * in any comment syntax. Checking is strict both ways: every expected token must be found in its
 * window, no other rule may fire in it (but the ignored ones), and no finding may fall outside
 * every window.
 */
public final class Expectations {

    private static final Pattern MARKER = Pattern.compile("~\\s*L(\\d+)\\s+expect\\s+([^\\r\\n]*?)\\s*(?:-->|\\*/)?\\s*$");

    /** One marker: the window of lines it covers and what it expects there. */
    public record Window(String path, int markerLine, int from, int to, List<Set<String>> expected, Set<String> ignored) {
        boolean covers(Finding f) {
            return f.location().path().equals(path) && f.location().line() >= from && f.location().line() <= to;
        }
    }

    private Expectations() {
    }

    /** Every marker in the tree, paths relative to root. */
    public static List<Window> read(Path root) {
        List<Window> windows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (SourceKind.of(file.getFileName().toString()) == SourceKind.OTHER) {
                    continue;
                }
                String rel = root.relativize(file).toString().replace('\\', '/');
                List<String> lines = Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                        .split("\r\n|\r|\n", -1));
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i));
                    if (!m.find()) {
                        continue;
                    }
                    int n = Integer.parseInt(m.group(1));
                    List<Set<String>> expected = new ArrayList<>();
                    Set<String> ignored = new HashSet<>();
                    boolean ignoring = false;
                    for (String token : m.group(2).trim().split("\\s+")) {
                        if (token.equals("ignore")) {
                            ignoring = true;
                        } else if (ignoring) {
                            ignored.add(token);
                        } else if (!token.equals("none") && !token.isEmpty()) {
                            expected.add(Set.of(token.split("\\|")));
                        }
                    }
                    windows.add(new Window(rel, i + 1, i + 2, i + 1 + n, expected, ignored));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return windows;
    }

    /** Every mismatch between the markers under root and the findings, as readable lines; empty when all agree. */
    public static List<String> mismatches(Path root, List<Finding> findings) {
        return mismatches(read(root), findings);
    }

    /** Mismatches for one file of the tree (its markers and its findings only). */
    public static List<String> mismatches(Path root, String path, List<Finding> findings) {
        return mismatches(read(root).stream().filter(w -> w.path().equals(path)).toList(),
                findings.stream().filter(f -> f.location().path().equals(path)).toList());
    }

    private static List<String> mismatches(List<Window> windows, List<Finding> findings) {
        List<String> problems = new ArrayList<>();
        for (Window w : windows) {
            List<Finding> inside = findings.stream().filter(w::covers).toList();
            for (Set<String> token : w.expected()) {
                if (inside.stream().noneMatch(f -> token.contains(f.ruleId()))) {
                    problems.add(w.path() + ":" + w.markerLine() + ": expected " + String.join("|", token)
                            + " in lines " + w.from() + "-" + w.to() + ", found " + describe(inside));
                }
            }
            for (Finding f : inside) {
                boolean expected = w.expected().stream().anyMatch(t -> t.contains(f.ruleId()));
                if (!expected && !w.ignored().contains(f.ruleId())) {
                    problems.add(w.path() + ":" + f.location().line() + ": unexpected " + f.ruleId() + " ("
                            + f.message() + ") in the window of the marker at line " + w.markerLine());
                }
            }
        }
        for (Finding f : findings) {
            if (windows.stream().noneMatch(w -> w.covers(f))) {
                problems.add(f.location().path() + ":" + f.location().line() + ": finding outside every marker: "
                        + f.ruleId() + " (" + f.message() + ")");
            }
        }
        return problems;
    }

    private static String describe(List<Finding> findings) {
        return findings.isEmpty() ? "nothing" : findings.stream().map(f -> f.ruleId() + "@" + f.location().line()).toList().toString();
    }
}
