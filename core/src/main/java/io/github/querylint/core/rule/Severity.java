package io.github.querylint.core.rule;

import java.util.Locale;

/** How serious a finding is, most serious first. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFO("note");

    private final String sarifLevel;

    Severity(String sarifLevel) {
        this.sarifLevel = sarifLevel;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String sarifLevel() {
        return sarifLevel;
    }

    /** Whether this is at least as serious as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Severity fromId(String id) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(id.trim()) || s.sarifLevel.equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "'; use error, warning or info");
    }
}
