package io.github.querylint.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.Location;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Extraction golden files: each folder under {@code extraction/} is a small source tree (at least
 * an {@code Input.java} or another input) and {@code expected.units}, the query units and
 * extraction notices it must yield, one block per unit. Run with
 * {@code -Dquerylint.updateGolden=true} to rewrite the expected files, then review the diff.
 */
class ExtractionGoldenTest {

    static final String EXPECTED = "expected.units";

    /** Notices the extractors raise; parser notices belong to the parser's tests. */
    private static final Set<Notice.Kind> EXTRACTION_NOTICES = Set.of(Notice.Kind.UNPARSEABLE_FILE,
            Notice.Kind.UNREADABLE_FILE, Notice.Kind.SKIPPED_QUERY);

    static Path cases() throws URISyntaxException {
        return Path.of(ExtractionGoldenTest.class.getResource("/extraction").toURI());
    }

    static Stream<String> caseNames() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(cases())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void extractsExactlyTheExpectedUnits(String name) throws Exception {
        Path dir = cases().resolve(name);
        String actual = render(extract(dir));
        Path expectedFile = dir.resolve(EXPECTED);
        if (Boolean.getBoolean("querylint.updateGolden")) {
            Path source = Path.of("src/test/resources/extraction", name, EXPECTED);
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            AnalysisResult again = extract(dir);
            again.notices().stream().filter(n -> !EXTRACTION_NOTICES.contains(n.kind()))
                    .forEach(n -> System.err.println(name + ": " + n.location() + " " + n.message()));
            return;
        }
        assertThat(expectedFile).as("%s has no %s; run with -Dquerylint.updateGolden=true", name, EXPECTED).exists();
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertThat(actual).as("extraction of %s", name).isEqualTo(expected);
    }

    /** All cases at once, as one tree with clashing names, read by one thread and by four: the same units. */
    @org.junit.jupiter.api.Test
    void isTheSameWhateverTheThreadCount() throws Exception {
        Path all = cases();
        String sequential = render(new Analyzer(List.of()).analyze(AnalysisRequest.of(all).withThreads(1)));
        for (int run = 0; run < 3; run++) {
            String parallel = render(new Analyzer(List.of()).analyze(AnalysisRequest.of(all).withThreads(4)));
            assertThat(parallel).isEqualTo(sequential);
        }
    }

    static AnalysisResult extract(Path dir) {
        return new Analyzer(List.of()).analyze(AnalysisRequest.of(dir).withThreads(1));
    }

    /** One block per unit, sorted by location, then the extraction notices. */
    static String render(AnalysisResult result) {
        StringBuilder sb = new StringBuilder();
        for (QueryUnit q : result.queries()) {
            CallSite c = q.callSite();
            sb.append(where(q.location())).append(' ').append(q.origin().id()).append(' ').append(q.language().id())
                    .append(' ').append(c.cardinality().name().toLowerCase(Locale.ROOT));
            if (!c.terminalCall().isEmpty()) {
                sb.append(" via=").append(c.terminalCall().replace(' ', '_'));
            }
            if (c.boundedByCode()) {
                sb.append(" bound=").append(c.rowBound());
            }
            if (c.inLoop()) {
                sb.append(" in-loop");
            }
            if (c.firstRowOnly()) {
                sb.append(" first-row");
            }
            if (q.dynamic()) {
                sb.append(" dynamic");
            }
            if (q.filterConditional()) {
                sb.append(" filter-conditional");
            }
            if (!q.suppressed().isEmpty()) {
                sb.append(" suppressed=").append(String.join(",", q.suppressed().stream().sorted().toList()));
            }
            if (!q.related().isEmpty()) {
                sb.append(" related=").append(q.related().stream().map(ExtractionGoldenTest::where)
                        .collect(Collectors.joining(",")));
            }
            sb.append("\n    ").append(q.normalizedText()).append('\n');
        }
        for (Notice n : result.notices()) {
            if (EXTRACTION_NOTICES.contains(n.kind())) {
                sb.append("notice ").append(where(n.location())).append(' ')
                        .append(n.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')).append(": ")
                        .append(n.message()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String where(Location l) {
        return l.path() + ":" + l.line();
    }
}
