package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsReplacedWholeAndNoTemporaryFileStays() throws IOException {
        Path file = dir.resolve("out/report.json");
        AtomicFiles.write(file, "first");
        AtomicFiles.write(file, "second");
        assertThat(Files.readString(file)).isEqualTo("second");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
    }

    @Test
    void aReportGetsThePermissionsOfAnyNewFileNotPrivateOnes() throws IOException {
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("report.sarif");
        AtomicFiles.write(file, "{}");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        // a CI job that serves reports as another user must be able to read them, as it reads other tools' reports
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aCopyKeepsContentAndTimeAndLeavesNoTemporaryFile() throws IOException {
        Path from = dir.resolve("cache.bin");
        Files.writeString(from, "results");
        java.nio.file.attribute.FileTime time = java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L);
        Files.setLastModifiedTime(from, time);
        Path to = Files.createDirectories(dir.resolve("store")).resolve("cache.bin");
        Files.writeString(to, "older results");

        AtomicFiles.copy(from, to);

        assertThat(to).hasContent("results");
        assertThat(Files.getLastModifiedTime(to)).isEqualTo(time);
        try (var listing = Files.list(to.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("cache.bin");
        }
    }

    @Test
    void aLinkStaysALinkAndItsTargetIsWritten() throws IOException {
        Path real = dir.resolve("real.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        AtomicFiles.write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void aDeviceIsWrittenIntoNotRenamedOver() throws IOException {
        // --output /dev/null run as root once replaced the device with a regular file
        Path devNull = Path.of("/dev/null");
        assumeThat(Files.exists(devNull) && !Files.isRegularFile(devNull) && Files.isWritable(devNull)).isTrue();
        AtomicFiles.write(devNull, "discarded");
        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.size(devNull)).isZero();
    }

    @Test
    void aDirectoryIsNoFileToWrite() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("reports"));
        assertThatThrownBy(() -> AtomicFiles.write(sub, "x")).isInstanceOf(IOException.class)
                .hasMessageContaining("is a directory");
    }
}
