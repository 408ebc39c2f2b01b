package io.github.querylint.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin builds a request, calls the engine and decides; it never reaches past the engine. */
class ThinAdapterTest {

    @Test
    void thePluginSeesTheEngineNotItsInsidesNorTheCli() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.querylint.maven");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.github.querylint.cli..", "picocli..",
                        "io.github.querylint.rules..", "io.github.querylint.core.extract..", "io.github.querylint.core.parse..",
                        "net.sf.jsqlparser..", "com.github.javaparser..", "org.hibernate..", "org.antlr..")
                .check(classes);
    }
}
