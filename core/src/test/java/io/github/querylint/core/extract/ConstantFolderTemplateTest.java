package io.github.querylint.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MessageFormat patterns, and which unknown parts a folded helper's text may keep. */
class ConstantFolderTemplateTest {

    private static String fold(String expression) {
        CompilationUnit unit = JavaParsers.newParser().parse("class A { String prefix; void f() { String sql = "
                + expression + "; } }").getResult().orElseThrow();
        VariableDeclarator v = unit.findAll(VariableDeclarator.class).stream()
                .filter(d -> d.getNameAsString().equals("sql")).findFirst().orElseThrow();
        return new ConstantFolder(unit, ProjectConstants.EMPTY).fold(v.getInitializer().orElseThrow())
                .map(ConstantFolder.Folded::text).orElse("<none>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // an unknown prefix stays apart from the name after it; an unknown value is a bind parameter
            "MessageFormat.format(\"SELECT a FROM {0}orders WHERE b = {1}\", prefix, x)|SELECT a FROM ql_dynamic orders WHERE b = ?",
            "java.text.MessageFormat.format(\"SELECT a FROM {0} WHERE c = {1,number}\", \"t\", 5)|SELECT a FROM t WHERE c = 5",
            "MessageFormat.format(\"SELECT a FROM t ORDER BY a {0}\", new Object[] {\"DESC\"})|SELECT a FROM t ORDER BY a DESC",
            // a quote pair is one quote, a quoted run is written as it is
            "MessageFormat.format(\"SELECT a FROM t WHERE s = ''{0}'' AND k = '{x}'\", \"on\")|SELECT a FROM t WHERE s = 'on' AND k = {x}"})
    void messageFormatPatternsFold(String expression, String expected) {
        assertThat(fold(expression)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a subquery goes after FROM ( and EXISTS (, a list of values after IN (
            "\"SELECT SUM(c) FROM (\" + prefix + \") x\"|SELECT SUM(c) FROM (ql_dynamic) x",
            "\"SELECT a FROM t WHERE EXISTS (\" + prefix + \")\"|SELECT a FROM t WHERE EXISTS (ql_dynamic)",
            "\"SELECT a FROM t WHERE b IN (\" + prefix + \")\"|SELECT a FROM t WHERE b IN (?)"})
    void anUnknownPartAfterAnOpeningParenthesisIsASubqueryOrAValue(String expression, String expected) {
        assertThat(fold(expression)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT a FROM ql_dynamic WHERE b = ?|false",
            "INSERT INTO ql_dynamic (a) VALUES (?)|false",
            "UPDATE ql_dynamic SET a = ?|false",
            "SELECT a FROM t JOIN ql_dynamic ON t.id = x.id|false",
            "SELECT a FROM t WHERE s = 'ql_dynamic'|false",
            "SELECT ql_dynamic FROM t|true",
            "SELECT a FROM t WHERE ql_dynamic|true",
            "SELECT a FROM t ORDER BY ql_dynamic|true"})
    void onlyATablesNameOrAValueMayStayUnknown(String text, boolean unknown) {
        assertThat(ConstantFolder.unknownClause(text)).isEqualTo(unknown);
    }
}
