package io.github.querylint.core.source;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where something sits in the scanned tree: a {@code /}-separated path relative to the scanned
 * root, and a 1-based line and column.
 */
public record Location(String path, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::path)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    public Location {
        Objects.requireNonNull(path, "path");
        if (line < 1) {
            line = 1;
        }
        if (column < 1) {
            column = 1;
        }
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
