package io.github.querylint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodebaseGeneratorTest {

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void theSameSpecWritesTheSameBytes(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws IOException {
        CodebaseGenerator.Spec spec = CodebaseGenerator.Spec.of(30_000);
        CodebaseGenerator.Summary first = CodebaseGenerator.generate(spec, a);
        CodebaseGenerator.generate(spec, b);
        CodebaseGenerator.generate(spec.withSeed(7), c);
        assertThat(contents(a)).isEqualTo(contents(b)).isNotEqualTo(contents(c));
        assertThat(first.lines()).isBetween(30_000L, 31_000L);
        assertThat(first.queryFiles()).isPositive();
        assertThat(contents(a).keySet()).anyMatch(p -> p.endsWith(".xml")).anyMatch(p -> p.endsWith("Repository.java"));
    }

    @Test
    void aReactorHasAParentAndModulePoms(@TempDir Path root) throws IOException {
        CodebaseGenerator.generate(CodebaseGenerator.Spec.of(4_000).withModules(3, "1.0"), root);
        assertThat(root.resolve("pom.xml")).content().contains("<module>module-02</module>", "querylint-maven-plugin");
        assertThat(root.resolve("module-00/pom.xml")).exists();
        // the APIs come from one module every module depends on, as from a jar, and it is not reviewed
        assertThat(root.resolve("pom.xml")).content().contains("<module>api-stubs</module>");
        assertThat(root.resolve("api-stubs/src/main/java/org/springframework/jdbc/core/JdbcTemplate.java")).exists();
        assertThat(root.resolve("module-01/src/main/java/org/springframework")).doesNotExist();
        assertThat(root.resolve("module-01/pom.xml")).content().contains("<artifactId>api-stubs</artifactId>");
        assertThat(root.resolve("api-stubs/pom.xml")).content().contains("<querylint.skip>true</querylint.skip>");
        assertThat(root.resolve("pom.xml")).content().doesNotContain("junit");
        assertThat(root.resolve("module-00/src/test")).doesNotExist();
    }

    @Test
    void testsComeOnTopOfTheSameMainSources(@TempDir Path plain, @TempDir Path tested) throws IOException {
        CodebaseGenerator.Spec spec = CodebaseGenerator.Spec.of(6_000).withModules(2, "1.0");
        CodebaseGenerator.generate(spec, plain);
        CodebaseGenerator.Summary with = CodebaseGenerator.generate(spec.withTestShare(0.5), tested);
        Map<String, String> main = new TreeMap<>(contents(tested));
        main.keySet().removeIf(p -> p.contains("/src/test/") || p.equals("pom.xml"));
        Map<String, String> expected = new TreeMap<>(contents(plain));
        expected.remove("pom.xml");
        assertThat(main).isEqualTo(expected);
        assertThat(with.testFiles()).isPositive();
        assertThat(with.testLines()).isBetween(with.lines() / 10, with.lines() / 2);
        assertThat(tested.resolve("pom.xml")).content()
                .contains("<version>" + CodebaseGenerator.JUNIT_VERSION + "</version>", "maven-surefire-plugin");
    }

    @Test
    void theTestsUseTheVersionsThisBuildUses() throws IOException {
        String parent = Files.readString(Path.of(System.getProperty("querylint.project.dir", "..")).resolve("pom.xml"));
        assertThat(parent).contains("<junit.version>" + CodebaseGenerator.JUNIT_VERSION + "</junit.version>");
        assertThat(parent).containsPattern("maven-surefire-plugin</artifactId>\\s*<version>"
                + CodebaseGenerator.SUREFIRE_VERSION.replace(".", "\\.") + "</version>");
    }
}
