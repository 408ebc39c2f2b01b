package io.github.querylint.core.config;

import io.github.querylint.core.rule.Severity;
import java.util.Map;

/** How one rule is configured: on or off, its severity, its option values. */
public record RuleSettings(boolean enabled, Severity severity, Map<String, Object> options) {

    public static final RuleSettings DEFAULT = new RuleSettings(true, null, Map.of());

    public RuleSettings {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
