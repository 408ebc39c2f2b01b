package io.github.querylint.core.parse;

/** What parsing one query gave. */
public sealed interface ParseOutcome {

    record Parsed(QueryShape shape) implements ParseOutcome {
    }

    /**
     * @param message the parser's message, shortened to one line
     * @param line    1-based line inside the query text, 0 when unknown
     * @param column  1-based column inside the query text, 0 when unknown
     */
    record Failed(String message, int line, int column) implements ParseOutcome {
    }

    /** The parser did not finish within the configured time. */
    record TimedOut(long millis) implements ParseOutcome {
    }

    /** Not parsed on purpose (a statement kind nobody judges, a text over the size limit). */
    record Skipped(String reason) implements ParseOutcome {
    }
}
