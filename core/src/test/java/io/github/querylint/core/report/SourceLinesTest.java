package io.github.querylint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLinesTest {

    @TempDir
    Path root;

    @Test
    void readsLinesOfFilesWithWindowsLineEndsAndAByteOrderMark() throws Exception {
        Path dir = Files.createDirectories(root.resolve("dir with space"));
        Files.writeString(dir.resolve("Ärger.java"), "\uFEFFclass Ä {\r\n  String größe = q(\"x\");\r\n}\r\n",
                StandardCharsets.UTF_8);
        SourceLines lines = SourceLines.under(root, StandardCharsets.UTF_8);
        assertThat(lines.line("dir with space/Ärger.java", 1)).contains("class Ä {");
        assertThat(lines.line("dir with space/Ärger.java", 2)).contains("  String größe = q(\"x\");");
        assertThat(lines.line("dir with space/Ärger.java", 9)).isEmpty();
        // the column of q: 18 in UTF-16 units, 20 in UTF-8 bytes (ö and ß take two bytes each)
        assertThat(lines.utf8Column("dir with space/Ärger.java", 2, 18)).isEqualTo(20);
        assertThat(lines.utf8Column("dir with space/Ärger.java", 1, 1)).isEqualTo(1);
        // past the end of the line: every missing character counts one
        assertThat(lines.utf8Column("dir with space/Ärger.java", 1, 12)).isEqualTo(13);
    }

    @Test
    void staysInsideTheRootAndKeepsColumnsOfFilesItCannotRead() throws Exception {
        Files.writeString(root.resolve("a.sql"), "select 1");
        SourceLines lines = SourceLines.under(root.resolve("sub"), StandardCharsets.UTF_8);
        assertThat(lines.line("../a.sql", 1)).isEmpty();
        assertThat(lines.utf8Column("missing.java", 3, 7)).isEqualTo(7);
        assertThat(SourceLines.NONE.line("a.sql", 1)).isEqualTo(Optional.empty());
    }
}
