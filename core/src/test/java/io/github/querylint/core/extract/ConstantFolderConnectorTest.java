package io.github.querylint.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a text built so far has its WHERE: the connector an if/else chooses depends on it. */
class ConstantFolderConnectorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "select c from Customer c|false",
            "select c from Customer c where c.name = :name|true",
            "SELECT a FROM t WHERE a = 1|true",
            "select a from t where a in (select x from u)|true",
            "select a from t join (select x from u where y = 1) v on v.x = t.a|false",
            "select a from t where a = 'x' union select b from u|false",
            "select a from t where a = 1 and b in (select c from d where e = 2|true",
            "select a from t where_clause_column = 1|false",
            "select a from t -- note: 'where'|false"})
    void theSelectTheTextEndsInHasItsWhere(String text, boolean expected) {
        assertThat(ConstantFolder.hasWhere(text)).isEqualTo(expected);
    }
}
