package io.github.querylint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class QuickJitTest {

    private static final String DEFAULT_ONLY = """

            Directive: (default)
             matching: *.*
             c1 directives:
              Enable:true Exclude:false
             c2 directives:
              Enable:true Exclude:false
            """;

    @Test
    void theDirectiveExcludesC2ForQueryLintAndItsParsersOnly() {
        assertThat(QuickJit.directive()).isEqualTo("[{ match: [\"io/github/querylint/*.*\", \"com/github/javaparser/*.*\","
                + " \"net/sf/jsqlparser/*.*\", \"org/hibernate/grammars/*.*\", \"org/antlr/v4/runtime/*.*\"],"
                + " c2: { Exclude: true } }]");
    }

    @Test
    void onlyAJvmWithTieredCompilationAndNoDirectiveOfItsOwnGetsOne() {
        assertThat(QuickJit.worthAdding(DEFAULT_ONLY, true)).isTrue();
        // C2 alone: excluding it would leave the code interpreted
        assertThat(QuickJit.worthAdding(DEFAULT_ONLY, false)).isFalse();
        // the user's directives, or this one from an earlier build of a long-lived JVM
        String more = "\nDirective:\n matching: com/acme/*.*\n c2 directives:\n  Exclude:true\n" + DEFAULT_ONLY;
        assertThat(QuickJit.worthAdding(more, true)).isFalse();
        assertThat(QuickJit.worthAdding("", true)).isFalse();
    }

    @Test
    void theDirectiveReachesThisJvmOnce() throws Exception {
        String first = QuickJit.applyOnce();
        assertThat(QuickJit.applyOnce()).isEqualTo("already decided");
        String printed = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        if (first.contains("added")) {
            assertThat(printed).contains("io/github/querylint/*.*", "org/antlr/v4/runtime/*.*");
            assertThat(printed.split("Exclude:true", -1)).hasSize(2); // c2 of the one directive, c1 untouched
        } else {
            assertThat(first).containsAnyOf("already", "tiered", "not available");
        }
    }
}
