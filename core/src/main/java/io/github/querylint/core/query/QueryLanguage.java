package io.github.querylint.core.query;

import java.util.Locale;

/** The language a query is written in. JPQL and HQL share Hibernate's grammar. */
public enum QueryLanguage {
    SQL,
    JPQL,
    HQL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
