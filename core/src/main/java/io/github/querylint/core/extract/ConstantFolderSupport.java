package io.github.querylint.core.extract;

/** Shared constants of string assembly. */
final class ConstantFolderSupport {

    /** Written where a part of a query's text is not known statically; parses as an identifier. */
    static final String DYNAMIC = io.github.querylint.core.query.QueryUnit.DYNAMIC_PLACEHOLDER;

    private ConstantFolderSupport() {
    }
}
