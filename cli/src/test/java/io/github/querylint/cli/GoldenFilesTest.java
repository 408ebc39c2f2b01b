package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.report.Reports;
import io.github.querylint.core.testing.JsonSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format on the fixture project, byte for byte against {@code src/test/resources/golden}.
 * After a deliberate change, accept the new output with {@code -Dquerylint.golden.update=true}
 * and read the diff before committing it.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<String> formats() {
        return Reports.formats().stream();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void eachFormatOnTheFixtureProject(String format) throws IOException {
        Cli.Run run = Cli.run("check", Cli.project().toString(), "--format", format);
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isEqualTo(Main.FINDINGS);
        assertGolden("check-" + format + extension(format), run.out());
        checkSyntax(format, run.out());
    }

    @Test
    void suppressedFindingsWhenAskedFor() throws IOException {
        for (String format : List.of("sarif", "json", "text")) {
            Cli.Run run = Cli.run("check", Cli.project().toString(), "--format", format, "--include-suppressed");
            assertThat(run.exit()).isEqualTo(Main.FINDINGS);
            assertGolden("check-include-suppressed-" + format + extension(format), run.out());
            checkSyntax(format, run.out());
        }
    }

    @Test
    void theFixtureHoldsWhatTheGoldenFilesAreMeantToCover() throws IOException {
        Path crlf = Cli.project().resolve("src/main/java/com/acme/legacy/CrlfDao.java");
        String text = Files.readString(crlf);
        assertThat(text).contains("\r\n").doesNotContainPattern("[^\r]\n");
        String out = Cli.run("check", Cli.project().toString(), "--format", "rdjsonl").out();
        // the call sits after "größe": two letters of two bytes each, so UTF-8 columns run two ahead
        assertThat(out).contains("\"path\":\"src/main/java/com/acme/berichte/Übersicht Bericht.java\","
                + "\"range\":{\"start\":{\"line\":17,\"column\":50}}");
        String json = Cli.run("check", Cli.project().toString(), "--format", "json").out();
        assertThat(json).contains("\"column\" : 48").contains("mapper files/OrderMapper.xml")
                .contains("db/reports/monthly report.sql").contains("\"path\" : \"src/main/java/com/acme/legacy/CrlfDao.java\",\n"
                        + "      \"line\" : 20");
    }

    private static void checkSyntax(String format, String out) {
        switch (format) {
            case "sarif" -> assertThat(JsonSchemas.sarifProblems(out)).isEmpty();
            case "json" -> assertThat(JsonSchemas.reportProblems(out)).isEmpty();
            default -> {
            }
        }
    }

    private static String extension(String format) {
        return switch (format) {
            case "text", "github" -> ".txt";
            case "checkstyle" -> ".xml";
            case "gitlab" -> ".json";
            default -> "." + format;
        };
    }

    /** The tool's version is the only part that changes from build to build. */
    private static String normalize(String out) {
        return out.replace("\"" + ReportContext.version() + "\"", "\"@VERSION@\"")
                .replaceAll("(\"semanticVersion\" : \")[^\"]*\"", "$1@VERSION@\"");
    }

    private static void assertGolden(String name, String actual) throws IOException {
        String normalized = normalize(actual);
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("querylint.golden.update") || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, normalized, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("querylint.golden.update")) {
                throw new AssertionError(file + " did not exist and was written; read it and commit it");
            }
            return;
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(normalized)) {
            List<String> e = expected.lines().toList();
            List<String> a = normalized.lines().toList();
            List<String> diff = new ArrayList<>();
            for (int i = 0; i < Math.max(e.size(), a.size()) && diff.size() < 6; i++) {
                String x = i < e.size() ? e.get(i) : "<none>";
                String y = i < a.size() ? a.get(i) : "<none>";
                if (!x.equals(y)) {
                    diff.add("line " + (i + 1) + ":\n  expected: " + x + "\n  actual:   " + y);
                }
            }
            throw new AssertionError(file + " differs (accept a deliberate change with -Dquerylint.golden.update=true):\n"
                    + String.join("\n", diff));
        }
    }
}
