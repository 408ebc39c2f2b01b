package io.github.querylint.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.VarType;
import org.junit.jupiter.api.Test;

class JavaParsersTest {

    /** When JavaParser renames its processor, the validators would quietly come back: this says so. */
    @Test
    void theLanguageLevelProcessorIsReplaced() {
        ParserConfiguration configuration = JavaParsers.configuration();
        assertThat(configuration.getProcessors()).anyMatch(p -> p.get() instanceof JavaParsers.NoProcessing);
        assertThat(configuration.getProcessors()).noneMatch(p -> p.get().getClass().getName()
                .equals(JavaParsers.LANGUAGE_LEVEL_PROCESSOR));
    }

    @Test
    void java21SyntaxIsReadWithoutTheValidatorsAndVarKeepsItsName() {
        String code = "class A { int f(int k) { var list = new java.util.ArrayList<String>();"
                + " return switch (k) { case 1 -> 1; default -> { yield 2; } }; }"
                + " record R(int a) { } sealed interface S permits T { } final class T implements S { } }";
        ParseResult<CompilationUnit> result = JavaParsers.newParser().parse(code);
        assertThat(result.isSuccessful()).as(result.getProblems().toString()).isTrue();
        CompilationUnit unit = result.getResult().orElseThrow();
        // no post-processing: var stays a type named var, which is all extraction reads of it
        assertThat(unit.findAll(VarType.class)).isEmpty();
        assertThat(unit.findAll(com.github.javaparser.ast.body.VariableDeclarator.class).get(0).getTypeAsString())
                .isEqualTo("var");
        assertThat(unit.findAll(YieldStmt.class)).hasSize(1);
        // a validator rejected this (an interface method may not be protected); a linter still reads the file
        assertThat(JavaParsers.newParser().parse("interface I { protected void f(); }").isSuccessful()).isTrue();
        // what the grammar cannot read is still a syntax error
        assertThat(JavaParsers.newParser().parse("class B { void f( { } }").isSuccessful()).isFalse();
    }
}
