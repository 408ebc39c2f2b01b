package io.github.querylint.core.finding;

import io.github.querylint.core.source.Location;
import java.util.Objects;

/**
 * Something the run could not do, said out loud instead of dropped: a query that did not parse,
 * a file that could not be read, a limit that was hit.
 */
public record Notice(Kind kind, Location location, String message) implements Comparable<Notice> {

    public enum Kind {
        PARSE_FAILURE,
        PARSE_TIMEOUT,
        SKIPPED_QUERY,
        UNREADABLE_FILE,
        UNPARSEABLE_FILE,
        LIMIT
    }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Notice other) {
        // by location, kind, message (spelt out: see Location#compareTo)
        int c = location.compareTo(other.location);
        if (c == 0) {
            c = kind.compareTo(other.kind);
        }
        return c != 0 ? c : message.compareTo(other.message);
    }
}
