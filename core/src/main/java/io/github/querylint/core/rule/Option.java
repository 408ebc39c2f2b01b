package io.github.querylint.core.rule;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed rule option, declared once in the rule's descriptor and set in {@code .querylint.yml}
 * or the POM.
 */
public record Option<T>(String name, String description, Class<T> type, T defaultValue) {

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option names are lowerCamelCase: " + name);
        }
    }

    public static Option<Integer> ofInt(String name, String description, int defaultValue) {
        return new Option<>(name, description, Integer.class, defaultValue);
    }

    public static Option<Long> ofLong(String name, String description, long defaultValue) {
        return new Option<>(name, description, Long.class, defaultValue);
    }

    public static Option<Boolean> ofBoolean(String name, String description, boolean defaultValue) {
        return new Option<>(name, description, Boolean.class, defaultValue);
    }

    /** Converts a configured value (YAML scalar or POM string) to this option's type. */
    public T convert(Object raw) {
        if (type.isInstance(raw)) {
            return type.cast(raw);
        }
        String text = String.valueOf(raw).trim();
        try {
            if (type == Integer.class) {
                return type.cast(Integer.valueOf(text));
            }
            if (type == Long.class) {
                return type.cast(Long.valueOf(text));
            }
            if (type == Boolean.class && (text.equals("true") || text.equals("false"))) {
                return type.cast(Boolean.valueOf(text));
            }
            if (type == String.class) {
                return type.cast(text);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option " + name + " wants " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + ", got '" + text + "'");
    }
}
