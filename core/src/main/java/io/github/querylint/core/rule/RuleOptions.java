package io.github.querylint.core.rule;

import java.util.Map;

/** The option values a rule runs with: configured values over the descriptor's defaults. */
public record RuleOptions(Map<String, Object> values) {

    public static final RuleOptions DEFAULTS = new RuleOptions(Map.of());

    public RuleOptions {
        values = Map.copyOf(values);
    }

    public <T> T get(Option<T> option) {
        Object value = values.get(option.name());
        return value == null ? option.defaultValue() : option.type().cast(value);
    }
}
