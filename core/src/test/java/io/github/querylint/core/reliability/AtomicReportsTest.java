package io.github.querylint.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.querylint.core.engine.AtomicFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report is replaced whole or not at all: no half-written SARIF for a bot to upload, no temp file left. */
class AtomicReportsTest {

    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.count();
        }
    }

    @Test
    void aNewReportReplacesTheOldOneWhole() throws IOException {
        Path report = dir.resolve("out/querylint.sarif");
        AtomicFiles.write(report, "{\"old\": true}");
        AtomicFiles.write(report, "{\"new\": true}");
        assertThat(Files.readString(report)).isEqualTo("{\"new\": true}");
        assertThat(filesIn(report.getParent())).isEqualTo(1);
    }

    /** The text cannot be encoded half-way through writing: the old report stays, the temp file goes. */
    @Test
    void aFailureWhileWritingLeavesTheOldReportAndNoTempFile() throws IOException {
        Path report = dir.resolve("querylint.sarif");
        AtomicFiles.write(report, "{\"old\": true}");
        String broken = "{\"message\": \"" + "x".repeat(100_000) + "\uD800\"}"; // a lone surrogate: not UTF-8
        assertThatThrownBy(() -> AtomicFiles.write(report, broken)).isInstanceOf(CharacterCodingException.class);
        assertThat(Files.readString(report)).isEqualTo("{\"old\": true}");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    /** The rename itself fails (the target is a directory): nothing is left behind either. */
    @Test
    void aFailedRenameLeavesNoTempFile() throws IOException {
        Path target = Files.createDirectories(dir.resolve("querylint.json"));
        Files.writeString(target.resolve("keep"), "x");
        assertThatThrownBy(() -> AtomicFiles.write(target, "{}")).isInstanceOf(IOException.class);
        assertThat(filesIn(dir)).isEqualTo(1);
        assertThat(Files.readString(target.resolve("keep"))).isEqualTo("x");
    }
}
