package io.github.querylint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.rule.Rule;
import io.github.querylint.core.testing.Expectations;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture under fixtures/ with every rule, strict both ways. A fixture is a file
 * ({@code <rule-id>.java}) or, when a rule needs a schema and table sizes, a directory
 * ({@code <rule-id>/} or {@code <rule-id>-<case>/}) scanned as a project of its own.
 */
class RuleFixturesTest {

    static Path fixtures() throws URISyntaxException {
        return Path.of(RuleFixturesTest.class.getResource("/fixtures").toURI());
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class).forEach(rules::add);
        return rules;
    }

    static Stream<String> fixtureFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(fixtures())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureFiles")
    void fixtureMatchesItsMarkers(String file) throws Exception {
        Path root = fixtures();
        Path dir = root.resolve(file);
        if (Files.isDirectory(dir)) {
            // a small project with its own migrations, entities and querylint-sizes.yml, scanned from its root
            AnalysisResult result = new Analyzer(rules()).analyze(AnalysisRequest.of(dir).withThreads(1));
            assertThat(Expectations.mismatches(dir, result.findings())).isEmpty();
            assertThat(Expectations.read(dir)).isNotEmpty();
            return;
        }
        AnalysisResult result = new Analyzer(rules())
                .analyze(AnalysisRequest.of(root).withThreads(1).withPaths(List.of(root.resolve(file))));
        assertThat(Expectations.mismatches(root, file, result.findings())).isEmpty();
        assertThat(Expectations.read(root).stream().filter(w -> w.path().equals(file))).isNotEmpty();
    }
}
