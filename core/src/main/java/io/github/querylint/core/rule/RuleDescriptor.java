package io.github.querylint.core.rule;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule's metadata, declared once on the rule.
 *
 * @param id       kebab-case id used everywhere (SARIF ruleId, suppressions, config, docs, fixtures)
 * @param title    a few words
 * @param summary  one sentence without a trailing period
 * @param severity default severity
 * @param options  typed options
 * @param since    the version that introduced it
 */
public record RuleDescriptor(String id, String title, String summary, Severity severity, List<Option<?>> options,
                             String since) {

    public static final Pattern ID = Pattern.compile("[a-z]+(-[a-z]+)*");

    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(severity, "severity");
        options = options == null ? List.of() : List.copyOf(options);
        since = since == null ? "" : since;
    }

    public Option<?> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }
}
