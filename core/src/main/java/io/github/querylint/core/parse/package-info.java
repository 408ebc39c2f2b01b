/**
 * Parsing: query text in, one {@link io.github.querylint.core.parse.QueryShape} out, for SQL
 * (JSqlParser) and JPQL/HQL (Hibernate's grammar) alike. No other package sees either parser.
 *
 * <p>Policy, in the order it applies:
 * <ol>
 *   <li>{@link io.github.querylint.core.parse.Placeholders} turns framework syntax ({@code #{x}},
 *       {@code ${x}}, SpEL, {@code %:name%}, {@code {h-schema}}) into parameters or the identifier
 *       {@code ql_dynamic}; a text that is nothing but run-time parts is skipped with a reason.</li>
 *   <li>SQL is parsed once in the configured dialect, on one shared executor with the configured
 *       timeout. Only when that fails: statements no rule reads (DDL, {@code LOCK}, {@code SET}, ...)
 *       are recognised by their leading words; reserved words used as column names ({@code uuid},
 *       {@code script}, {@code settings}) are quoted; a run-time fragment after a complete predicate
 *       becomes an unknown predicate ({@code ORDER BY ... ${paging}}: a parameter limit); and the text
 *       is retried in the common core and in the dialects whose lexers it calls for. The first
 *       attempt's error is the one reported. A timeout is never retried.</li>
 *   <li>JPQL and HQL have no executor: the token stream checks a deadline (at least
 *       {@link io.github.querylint.core.parse.QueryParser#MIN_JPQL_TIMEOUT_MILLIS}, since the
 *       grammar's prediction cache is built lazily), with a second attempt after a timeout.</li>
 *   <li>Both languages share the size cap of {@link io.github.querylint.core.parse.QueryParser}.</li>
 * </ol>
 *
 * <p>Parse rates on real code bases are measured by {@code ParseRateBenchmark} in the tests (off by
 * default; its Javadoc says how to run it).
 */
package io.github.querylint.core.parse;
