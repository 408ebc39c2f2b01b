package io.github.querylint.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows of ARCHITECTURE.md, kept by a test rather than by goodwill. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.querylint");
    }

    @Test
    void coreDependsOnNoAdapterAndNoRule() {
        noClasses().that().resideInAPackage("io.github.querylint.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.querylint.rules..",
                        "io.github.querylint.cli..", "io.github.querylint.maven..", "picocli..", "org.apache.maven..")
                .check(classes);
    }

    @Test
    void rulesSeeOnlyTheSpiAndTheQueryModel() {
        noClasses().that().resideInAPackage("io.github.querylint.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.javaparser..", "net.sf.jsqlparser..",
                        "org.hibernate..", "org.antlr..", "org.apache.maven..", "picocli..",
                        "io.github.querylint.core.engine..", "io.github.querylint.core.extract..",
                        "io.github.querylint.core.report..", "io.github.querylint.cli..")
                .check(classes);
    }

    @Test
    void parsersStayInCoreParse() {
        noClasses().that().resideOutsideOfPackage("io.github.querylint.core.parse..")
                .should().dependOnClassesThat().resideInAnyPackage("net.sf.jsqlparser..", "org.hibernate..", "org.antlr..")
                .check(classes);
    }

    @Test
    void cliNeverSeesMaven() {
        noClasses().that().resideInAPackage("io.github.querylint.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "io.github.querylint.maven..")
                .check(classes);
    }
}
