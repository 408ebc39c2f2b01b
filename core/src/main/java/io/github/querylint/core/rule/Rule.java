package io.github.querylint.core.rule;

import java.util.List;

/**
 * A check on one query. Rules are pure functions: no I/O, no mutable state, no locations.
 * Built-in and third-party rules are found with {@link java.util.ServiceLoader}.
 */
public interface Rule {

    RuleDescriptor descriptor();

    /** The violations in one query; an empty list means nothing to report. */
    List<Violation> check(QueryContext context);
}
