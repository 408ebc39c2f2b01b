package io.github.querylint.core.query;

import io.github.querylint.core.source.Location;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One query found in the code base, with everything extraction learned about it.
 *
 * @param location          where findings on it point (CONVENTIONS.md "Where a finding points")
 * @param origin            the API family or file kind
 * @param language          SQL, JPQL or HQL
 * @param text              the query text as assembled; unknown parts are placeholders
 * @param callSite          what the code says about how the result is read
 * @param dynamic           whether part of the text was not known statically
 * @param filterConditional whether the filter may vanish at run time (a MyBatis {@code <where><if>})
 * @param suppressed        rule ids suppressed by annotations around it ({@code "*"} for all)
 * @param related           other places that built the text (constants, appends), for reports
 * @param optionalColumns   columns (lower case, as written, without qualifier) that the text compares only in a
 *                          part that may be left out ({@code <if test="id != null"> AND id = #{id}</if>}): such an
 *                          equality makes no key lookup
 */
public record QueryUnit(Location location, QueryOrigin origin, QueryLanguage language, String text,
                        CallSite callSite, boolean dynamic, boolean filterConditional, Set<String> suppressed,
                        List<Location> related, Set<String> optionalColumns) {

    /**
     * Written by extraction where a part of a query's text was not known statically; the parsers
     * read it as an identifier (or a value where one belongs). One name for both stages.
     */
    public static final String DYNAMIC_PLACEHOLDER = "ql_dynamic";

    public QueryUnit {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        callSite = callSite == null ? CallSite.UNKNOWN : callSite;
        suppressed = suppressed == null ? Set.of() : Set.copyOf(suppressed);
        related = related == null ? List.of() : List.copyOf(related);
        optionalColumns = optionalColumns == null ? Set.of() : Set.copyOf(optionalColumns);
    }

    public QueryUnit(Location location, QueryOrigin origin, QueryLanguage language, String text, CallSite callSite,
                     boolean dynamic, boolean filterConditional, Set<String> suppressed, List<Location> related) {
        this(location, origin, language, text, callSite, dynamic, filterConditional, suppressed, related, Set.of());
    }

    public static QueryUnit of(Location location, QueryOrigin origin, QueryLanguage language, String text,
                               CallSite callSite) {
        return new QueryUnit(location, origin, language, text, callSite, false, false, Set.of(), List.of());
    }

    public QueryUnit withSuppressed(Set<String> rules) {
        return new QueryUnit(location, origin, language, text, callSite, dynamic, filterConditional, rules, related,
                optionalColumns);
    }

    public QueryUnit withDynamic(boolean value) {
        return new QueryUnit(location, origin, language, text, callSite, value, filterConditional, suppressed, related,
                optionalColumns);
    }

    public QueryUnit withFilterConditional(boolean value) {
        return new QueryUnit(location, origin, language, text, callSite, dynamic, value, suppressed, related,
                optionalColumns);
    }

    public QueryUnit withCallSite(CallSite value) {
        return new QueryUnit(location, origin, language, text, value, dynamic, filterConditional, suppressed, related,
                optionalColumns);
    }

    public QueryUnit withOptionalColumns(Set<String> value) {
        return new QueryUnit(location, origin, language, text, callSite, dynamic, filterConditional, suppressed, related,
                value);
    }

    /** The text on one line with runs of white space collapsed: what fingerprints and reports use. */
    public String normalizedText() {
        return normalize(text);
    }

    public static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
