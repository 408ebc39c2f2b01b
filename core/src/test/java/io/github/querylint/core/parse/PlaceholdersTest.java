package io.github.querylint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void aBoundValueGluedToLiteralsIsOneValue() {
        assertThat(Placeholders.rewrite("SELECT a FROM t WHERE n LIKE \"%\"#{key}\"%\" LIMIT 20"))
                .isEqualTo("SELECT a FROM t WHERE n LIKE ? LIMIT 20");
        assertThat(Placeholders.rewrite("WHERE n LIKE '%' #{key} '%' AND b = #{b}")).isEqualTo("WHERE n LIKE ? AND b = ?");
        assertThat(Placeholders.rewrite("WHERE c LIKE #{p}'%' OR c LIKE '%'#{s}")).isEqualTo("WHERE c LIKE ? OR c LIKE ?");
    }

    @Test
    void literalsAndValuesApartStayApart() {
        assertThat(Placeholders.rewrite("WHERE n = 'x' AND b = #{b} AND c IN (#{c1}, 'y')"))
                .isEqualTo("WHERE n = 'x' AND b = ? AND c IN (?, 'y')");
        assertThat(Placeholders.rewrite("WHERE n = 'it''s' AND m = 'a\\'b' AND x = #{x}"))
                .isEqualTo("WHERE n = 'it''s' AND m = 'a\\'b' AND x = ?");
        assertThat(Placeholders.rewrite("SELECT \"name\" FROM \"users\" WHERE \"id\" = #{id}"))
                .isEqualTo("SELECT \"name\" FROM \"users\" WHERE \"id\" = ?");
        // a value inside quotes, and a quote never closed: left as they are
        assertThat(Placeholders.rewrite("WHERE n LIKE '%#{k}%'")).isEqualTo("WHERE n LIKE '%?%'");
        assertThat(Placeholders.rewrite("WHERE n = #{n} AND note = 'open")).isEqualTo("WHERE n = ? AND note = 'open");
    }

    @Test
    void aHugeLiteralNeedsNoDeepStack() {
        String big = "x".repeat(2_000_000) + "\\'" + "y".repeat(1_000_000);
        String sql = "INSERT INTO t (a, b) VALUES ('" + big + "', #{b})";
        assertThat(Placeholders.rewrite(sql)).endsWith("', ?)").hasSize(sql.length() - "#{b}".length() + 1);
    }
}
