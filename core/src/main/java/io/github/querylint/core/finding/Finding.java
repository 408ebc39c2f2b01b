package io.github.querylint.core.finding;

import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;
import java.util.List;
import java.util.Objects;

/**
 * A violation placed in the code base: what reports print.
 *
 * @param ruleId      the rule's id
 * @param severity    effective severity (configured, or raised by the rule's evidence)
 * @param message     one sentence: what is wrong and what to do
 * @param location    where it points
 * @param query       the normalised query text
 * @param origin      the API family the query came from
 * @param fingerprint stable across unrelated edits: rule + path + normalised query, no line numbers
 * @param related     where the query text was assembled, when elsewhere
 */
public record Finding(String ruleId, Severity severity, String message, Location location, String query,
                      String origin, String fingerprint, List<Location> related) implements Comparable<Finding> {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        query = query == null ? "" : query;
        origin = origin == null ? "" : origin;
        fingerprint = fingerprint == null ? "" : fingerprint;
        related = related == null ? List.of() : List.copyOf(related);
    }

    @Override
    public int compareTo(Finding other) {
        // by location, rule, message, query (spelt out: see Location#compareTo)
        int c = location.compareTo(other.location);
        if (c == 0) {
            c = ruleId.compareTo(other.ruleId);
        }
        if (c == 0) {
            c = message.compareTo(other.message);
        }
        return c != 0 ? c : query.compareTo(other.query);
    }
}
