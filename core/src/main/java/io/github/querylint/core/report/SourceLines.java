package io.github.querylint.core.report;

import io.github.querylint.core.source.LineIndex;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The text of a line of a scanned file, by report path. Locations count columns in UTF-16 code
 * units (what SARIF's {@code utf16CodeUnits} says); formats that count UTF-8 bytes (reviewdog)
 * convert with {@link #utf8Column}. Without the line the column is kept as it is, which is exact
 * for every line whose text before the column is ASCII.
 */
@FunctionalInterface
public interface SourceLines {

    SourceLines NONE = (path, line) -> Optional.empty();

    /** The 1-based line of the file at {@code path} (relative to the scanned root), without its line break. */
    Optional<String> line(String path, int line);

    /** The 1-based column counted in UTF-8 bytes for a 1-based column counted in UTF-16 code units. */
    default int utf8Column(String path, int line, int column) {
        Optional<String> text = line(path, line);
        if (text.isEmpty()) {
            return column;
        }
        String t = text.get();
        int chars = Math.min(column - 1, t.length());
        return t.substring(0, chars).getBytes(StandardCharsets.UTF_8).length + (column - 1 - chars) + 1;
    }

    /** Reads files under {@code root} on demand (each file once), decoding them as the analysis did. */
    static SourceLines under(Path root, Charset charset) {
        Path base = root.toAbsolutePath().normalize();
        Map<String, Optional<LineIndex>> files = new HashMap<>();
        return (path, line) -> {
            Optional<LineIndex> index;
            synchronized (files) {
                index = files.computeIfAbsent(path, p -> read(base, p, charset));
            }
            return index.map(i -> line <= i.lineCount() ? i.lineText(line) : null);
        };
    }

    private static Optional<LineIndex> read(Path base, String path, Charset charset) {
        Path file = base.resolve(path).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = new String(Files.readAllBytes(file), charset);
            // the analysis drops a byte order mark before it counts columns
            return Optional.of(new LineIndex(text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
