package io.github.querylint.core.diff;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines added or changed since a revision, by report path ({@code /}-separated, relative to
 * the scanned root), read from {@code git diff --unified=0}. A deletion counts as a change of the
 * lines on either side of it: removing {@code .setMaxResults(50)} leaves no added line, yet the
 * query next to it has changed.
 *
 * @param lines      changed line numbers (1-based) per path
 * @param wholeFiles paths that are new to git (untracked): every line counts as added
 */
public record ChangedLines(Map<String, Set<Integer>> lines, Set<String> wholeFiles) {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    public ChangedLines {
        Map<String, Set<Integer>> copy = new TreeMap<>();
        lines.forEach((path, set) -> copy.put(path, Set.copyOf(set)));
        lines = Map.copyOf(copy);
        wholeFiles = Set.copyOf(wholeFiles);
    }

    /** Whether a line of a file is new or changed. */
    public boolean changed(String path, int line) {
        return wholeFiles.contains(path) || lines.getOrDefault(path, Set.of()).contains(line);
    }

    /** Whether any of the lines {@code from..to} of a file is new or changed. */
    public boolean changed(String path, int from, int to) {
        if (wholeFiles.contains(path)) {
            return true;
        }
        Set<Integer> changed = lines.getOrDefault(path, Set.of());
        for (int line = from; line <= to; line++) {
            if (changed.contains(line)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a file has any change. */
    public boolean touches(String path) {
        return wholeFiles.contains(path) || lines.containsKey(path);
    }

    /**
     * Keeps the findings whose query has a changed line: the line the finding points at, the
     * lines its query text spans below it (text blocks, mapper statements, SQL scripts), or a
     * place where the text was assembled. Notices stay for files that changed.
     */
    public AnalysisResult filter(AnalysisResult result) {
        Map<Location, Integer> lastLine = new HashMap<>();
        for (QueryUnit q : result.queries()) {
            int spanned = (int) q.text().chars().filter(c -> c == '\n').count();
            lastLine.merge(q.location(), q.location().line() + spanned, Math::max);
        }
        List<Finding> findings = keep(result.findings(), lastLine);
        List<Finding> suppressed = keep(result.suppressedFindings(), lastLine);
        List<Notice> notices = result.notices().stream().filter(n -> touches(n.location().path())).toList();
        return new AnalysisResult(findings, notices, result.queries(), result.rules(), suppressed.size(),
                result.baselined(), result.staleBaseline(), result.filesScanned(), suppressed);
    }

    private List<Finding> keep(List<Finding> findings, Map<Location, Integer> lastLine) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            Location at = f.location();
            boolean changed = changed(at.path(), at.line(), lastLine.getOrDefault(at, at.line()))
                    || f.related().stream().anyMatch(l -> changed(l.path(), l.line()));
            if (changed) {
                kept.add(f);
            }
        }
        return kept;
    }

    /**
     * Reads the output of {@code git diff --unified=0 --src-prefix=a/ --dst-prefix=b/}. Hunk
     * bodies are skipped by count, so a removed line that reads {@code -- x} is never taken for a
     * file header.
     */
    public static ChangedLines parse(String diff, Set<String> untracked) {
        Map<String, Set<Integer>> lines = new TreeMap<>();
        String path = null;
        int oldLeft = 0;
        int newLeft = 0;
        for (String line : diff.split("\n", -1)) {
            if (oldLeft > 0 || newLeft > 0) {
                if (line.startsWith("-")) {
                    oldLeft--;
                } else if (line.startsWith("+")) {
                    newLeft--;
                } else if (!line.startsWith("\\")) {
                    // a context line (there are none with --unified=0): the hunk is over
                    oldLeft = 0;
                    newLeft = 0;
                }
                continue;
            }
            if (line.startsWith("diff --git ")) {
                path = null;
            } else if (line.startsWith("+++ ")) {
                String name = unquote(line.substring(4).replaceFirst("\t$", ""));
                path = name.startsWith("b/") ? name.substring(2) : null; // null: /dev/null, the file was deleted
            } else if (line.startsWith("@@ ")) {
                Matcher m = HUNK.matcher(line);
                if (!m.find()) {
                    continue;
                }
                oldLeft = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                int start = Integer.parseInt(m.group(3));
                newLeft = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
                if (path == null) {
                    continue;
                }
                Set<Integer> changed = lines.computeIfAbsent(path, p -> new TreeSet<>());
                if (newLeft == 0) {
                    // a pure deletion after line `start`: the lines around it have changed neighbours
                    changed.add(Math.max(1, start));
                    changed.add(start + 1);
                } else {
                    for (int i = 0; i < newLeft; i++) {
                        changed.add(start + i);
                    }
                }
            }
        }
        return new ChangedLines(lines, untracked);
    }

    /** Undoes git's C-style quoting of a path ({@code "b/caf\303\251.java"}); other paths stay as they are. */
    static String unquote(String name) {
        if (name.length() < 2 || name.charAt(0) != '"' || name.charAt(name.length() - 1) != '"') {
            return name;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 1; i < name.length() - 1; i++) {
            char c = name.charAt(i);
            if (c != '\\' || i + 1 >= name.length() - 1) {
                int cp = name.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
                continue;
            }
            char e = name.charAt(++i);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'v' -> bytes.write(11);
                default -> {
                    if (e >= '0' && e <= '7' && i + 2 < name.length() - 1) {
                        bytes.write(Integer.parseInt(name.substring(i, i + 3), 8));
                        i += 2;
                    } else {
                        bytes.write(e);
                    }
                }
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
