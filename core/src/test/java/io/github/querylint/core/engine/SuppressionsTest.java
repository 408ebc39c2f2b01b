package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.source.LineIndex;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The comment forms of CONVENTIONS.md "Suppression", one line above a query on line 2. */
class SuppressionsTest {

    @ParameterizedTest(name = "[{index}] {0} / {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            // querylint:ignore                                   | select-star      | false | true
            // querylint:ignore select-star                       | select-star      | false | true
            // querylint:ignore select-star                       | unbounded-result | false | false
            // querylint:ignore select-star,unbounded-result      | unbounded-result | false | true
            // querylint:ignore select-star, unbounded-result -- r | unbounded-result | false | true
            // querylint:ignore select-star -- unbounded-result   | unbounded-result | false | false
            /* querylint:ignore select-star */                    | select-star      | false | true
            <!-- querylint:ignore select-star -->                 | select-star      | false | true
            <!-- querylint:ignore select-star - why not -->       | select-star      | false | true
            -- querylint:ignore -- the archive mirrors the table  | excessive-joins  | true  | true
            // querylint:ignored in a sentence                    | select-star      | false | false
            // querylint:ignore select-star because I say so      | select-star      | false | false
            // querylint:ignore-next select-star                  | select-star      | false | false
            -- noqa                                               | select-star      | true  | false
            // nothing here                                       | select-star      | true  | false
            """)
    void theLineAbove(String comment, String rule, boolean sql, boolean suppressed) {
        LineIndex lines = new LineIndex(comment + "\nSELECT * FROM t\n");
        assertThat(Suppressions.suppressed(lines, 2, rule, Set.of(), sql)).isEqualTo(suppressed);
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SELECT * FROM t; -- noqa                  | select-star      | true  | true
            SELECT * FROM t; -- noqa: AM04            | select-star      | true  | true
            SELECT * FROM t; -- noqa: am04, excessive-joins | excessive-joins | true | true
            SELECT * FROM t; --noqa:select-star       | select-star      | true  | true
            SELECT * FROM t; -- noqa: AM04            | unbounded-result | true  | false
            SELECT * FROM t; -- noqa                  | select-star      | false | false
            run("SELECT * FROM t"); // querylint:ignore select-star | select-star | false | true
            """)
    void theSameLine(String line, String rule, boolean sql, boolean suppressed) {
        LineIndex lines = new LineIndex("-- header\n" + line + "\n");
        assertThat(Suppressions.suppressed(lines, 2, rule, Set.of(), sql)).isEqualTo(suppressed);
    }

    @ParameterizedTest
    @CsvSource({"*, select-star, true", "select-star, select-star, true", "select-star, unbounded-result, false"})
    void annotations(String annotated, String rule, boolean suppressed) {
        assertThat(Suppressions.suppressed(null, 1, rule, Set.of(annotated), false)).isEqualTo(suppressed);
    }
}
