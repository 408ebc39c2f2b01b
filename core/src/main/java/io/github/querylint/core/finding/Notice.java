package io.github.querylint.core.finding;

import io.github.querylint.core.source.Location;
import java.util.Comparator;
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

    private static final Comparator<Notice> ORDER = Comparator.comparing(Notice::location)
            .thenComparing(Notice::kind)
            .thenComparing(Notice::message);

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Notice other) {
        return ORDER.compare(this, other);
    }
}
