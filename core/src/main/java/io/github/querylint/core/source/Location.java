package io.github.querylint.core.source;

import java.util.Objects;

/**
 * Where something sits in the scanned tree: a {@code /}-separated path relative to the scanned
 * root, and a 1-based line and column.
 */
public record Location(String path, int line, int column) implements Comparable<Location> {

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
        // by path, line, column; spelt out, as a comparator built of method references costs a cold
        // JVM some 20 ms to set up, and every run loads this class first thing
        int c = path.compareTo(other.path);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, other.line);
        return c != 0 ? c : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
