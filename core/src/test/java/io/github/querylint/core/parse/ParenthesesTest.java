package io.github.querylint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParenthesesTest {

    private static List<String> elements(String text) {
        return Parentheses.elements(text, text.indexOf('(')).stream().map(r -> text.substring(r[0], r[1])).toList();
    }

    @Test
    void elementsSplitAtTheBracketsOwnCommasOnly() {
        assertThat(elements("CREATE TABLE t (id INT, amount NUMERIC(10, 2), note VARCHAR(20) DEFAULT 'a,b') TABLESPACE x"))
                .containsExactly("id INT", " amount NUMERIC(10, 2)", " note VARCHAR(20) DEFAULT 'a,b'");
        assertThat(elements("f(\"a,b\", `c)`)")).containsExactly("\"a,b\"", " `c)`");
        assertThat(elements("f()")).containsExactly("");
    }

    @Test
    void anUnclosedBracketHasNoElementsAndNoClose() {
        assertThat(elements("CREATE TABLE t (id INT, name VARCHAR(20)")).isEmpty();
        assertThat(Parentheses.closing("(a, (b)", 0)).isEqualTo(-1);
        assertThat(Parentheses.closing("x (a, (b)) y", 2)).isEqualTo(9);
        assertThat(Parentheses.closing("no bracket", -1)).isEqualTo(-1);
    }
}
