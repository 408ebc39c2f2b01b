package io.github.querylint.core.source;

import java.util.Locale;

/** What an extractor can make of a file, decided from its name. */
public enum SourceKind {
    JAVA,
    XML,
    SQL,
    YAML,
    JSON,
    OTHER,
    /** Spring Data JPA's named queries, {@code jpa-named-queries.properties}; any other properties file is OTHER. */
    PROPERTIES;

    public static SourceKind of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".java")) {
            return JAVA;
        }
        if (name.endsWith(".xml")) {
            return XML;
        }
        if (name.endsWith(".sql")) {
            return SQL;
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return YAML;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.equals("jpa-named-queries.properties")) {
            return PROPERTIES;
        }
        return OTHER;
    }
}
