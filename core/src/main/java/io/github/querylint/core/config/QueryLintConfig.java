package io.github.querylint.core.config;

import io.github.querylint.core.parse.SqlDialect;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration of a run, from {@code .querylint.yml} and the adapter's options.
 *
 * @param source           where it was read from, for messages; empty for defaults
 * @param dialect          the SQL dialect of native queries
 * @param includes         globs of files to scan (relative paths); empty means all
 * @param excludes         globs of files to skip
 * @param rules            per-rule settings by rule id
 * @param parseTimeoutMillis per-query parser timeout
 * @param maxFileBytes     files larger than this are not read (a notice says so)
 * @param deadlineSeconds  the whole run's deadline: once it has passed, no further file is analysed and
 *                         a notice says how many were left; 0 for none
 */
public record QueryLintConfig(String source, SqlDialect dialect, List<String> includes, List<String> excludes,
                              Map<String, RuleSettings> rules, long parseTimeoutMillis, long maxFileBytes,
                              long deadlineSeconds) {

    public static final long DEFAULT_PARSE_TIMEOUT_MILLIS = 3_000;
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    public static final QueryLintConfig DEFAULTS = new QueryLintConfig("", SqlDialect.ANSI, List.of(), List.of(),
            Map.of(), DEFAULT_PARSE_TIMEOUT_MILLIS, DEFAULT_MAX_FILE_BYTES, 0);

    public QueryLintConfig {
        source = source == null ? "" : source;
        dialect = dialect == null ? SqlDialect.ANSI : dialect;
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        rules = rules == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(rules));
        deadlineSeconds = Math.max(0, deadlineSeconds);
    }

    /** A configuration without a deadline (the shape adapters built before the deadline existed). */
    public QueryLintConfig(String source, SqlDialect dialect, List<String> includes, List<String> excludes,
                           Map<String, RuleSettings> rules, long parseTimeoutMillis, long maxFileBytes) {
        this(source, dialect, includes, excludes, rules, parseTimeoutMillis, maxFileBytes, 0);
    }

    public QueryLintConfig withDeadlineSeconds(long value) {
        return new QueryLintConfig(source, dialect, includes, excludes, rules, parseTimeoutMillis, maxFileBytes, value);
    }

    public QueryLintConfig withMaxFileBytes(long value) {
        return new QueryLintConfig(source, dialect, includes, excludes, rules, parseTimeoutMillis, value,
                deadlineSeconds);
    }

    public RuleSettings rule(String id) {
        return rules.getOrDefault(id, RuleSettings.DEFAULT);
    }

    public QueryLintConfig withRule(String id, RuleSettings settings) {
        TreeMap<String, RuleSettings> copy = new TreeMap<>(rules);
        copy.put(id, settings);
        return new QueryLintConfig(source, dialect, includes, excludes, copy, parseTimeoutMillis, maxFileBytes,
                deadlineSeconds);
    }
}
