package io.github.querylint.core.rule;

import io.github.querylint.core.parse.QueryShape;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.schema.SchemaModel;

/** What a rule sees of one query: the unit as extracted, its parsed shape, the schema, its options. */
public record QueryContext(QueryUnit query, QueryShape shape, SchemaModel schema, RuleOptions options) {
}
