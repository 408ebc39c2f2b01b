package io.github.querylint.maven;

import io.github.querylint.core.config.ConfigException;
import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.config.RuleSettings;
import io.github.querylint.core.rule.Option;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the POM's {@code disabledRules} and {@code ruleOptions} on top of {@code .querylint.yml}:
 * a POM value wins over the file's value for the same rule and key, and everything else in the
 * file stays. Unknown rules, keys and values are errors, as they are in the file.
 */
final class PomRuleSettings {

    private PomRuleSettings() {
    }

    static QueryLintConfig apply(QueryLintConfig config, List<RuleDescriptor> descriptors, List<String> disabledRules,
                                 Map<String, String> ruleOptions) {
        Map<String, RuleDescriptor> known = new TreeMap<>();
        descriptors.forEach(d -> known.put(d.id(), d));
        QueryLintConfig out = config;
        for (Map.Entry<String, String> e : new TreeMap<>(ruleOptions == null ? Map.of() : ruleOptions).entrySet()) {
            String key = e.getKey().strip();
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new ConfigException("ruleOptions in the POM: '" + key + "' must be <rule-id>.<option>, for example"
                        + " <excessive-joins.maxJoins>4</excessive-joins.maxJoins>");
            }
            RuleDescriptor rule = rule(known, key.substring(0, dot), "ruleOptions '" + key + "'");
            String name = key.substring(dot + 1);
            String value = e.getValue() == null ? "" : e.getValue().strip();
            out = out.withRule(rule.id(), set(rule, out.rule(rule.id()), name, value, key));
        }
        for (String entry : disabledRules == null ? List.<String>of() : disabledRules) {
            for (String id : entry.split(",")) {
                if (!id.isBlank()) {
                    RuleDescriptor rule = rule(known, id.strip(), "disabledRules");
                    RuleSettings s = out.rule(rule.id());
                    out = out.withRule(rule.id(), new RuleSettings(false, s.severity(), s.options()));
                }
            }
        }
        return out;
    }

    private static RuleSettings set(RuleDescriptor rule, RuleSettings s, String name, String value, String key) {
        switch (name) {
            case "enabled":
                if (!value.equals("true") && !value.equals("false")) {
                    throw new ConfigException("ruleOptions in the POM: " + key + " must be true or false, got '" + value + "'");
                }
                return new RuleSettings(Boolean.parseBoolean(value), s.severity(), s.options());
            case "severity":
                try {
                    return new RuleSettings(s.enabled(), Severity.fromId(value), s.options());
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException("ruleOptions in the POM: " + key + ": " + ex.getMessage());
                }
            default:
                Option<?> option = rule.option(name);
                if (option == null) {
                    List<String> keys = new ArrayList<>(List.of("enabled", "severity"));
                    rule.options().forEach(o -> keys.add(o.name()));
                    throw new ConfigException("ruleOptions in the POM: unknown option '" + name + "' of rule " + rule.id()
                            + " in <" + key + ">; known: " + String.join(", ", keys));
                }
                Map<String, Object> options = new LinkedHashMap<>(s.options());
                try {
                    options.put(name, option.convert(value));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException("ruleOptions in the POM: " + key + ": " + ex.getMessage());
                }
                return new RuleSettings(s.enabled(), s.severity(), options);
        }
    }

    private static RuleDescriptor rule(Map<String, RuleDescriptor> known, String id, String where) {
        RuleDescriptor rule = known.get(id);
        if (rule == null) {
            throw new ConfigException(where + " in the POM: unknown rule '" + id + "'; known rules are "
                    + String.join(", ", known.keySet()));
        }
        return rule;
    }
}
