package io.github.querylint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AtomicFiles;
import io.github.querylint.core.engine.Cache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportStampTest {

    @TempDir
    Path dir;

    private Path cacheDir;
    private Path baseline;
    private List<Path> reports;

    @BeforeEach
    void build() throws Exception {
        cacheDir = dir.resolve("target/querylint/cache");
        Files.createDirectories(cacheDir);
        AtomicFiles.write(cacheDir.resolve(Cache.FILE_NAME), "results");
        baseline = dir.resolve("querylint-baseline.json");
        reports = List.of(dir.resolve("target/querylint/querylint.sarif"), dir.resolve("target/querylint/querylint.json"));
        for (Path report : reports) {
            AtomicFiles.write(report, "report");
        }
    }

    private ReportStamp stamp() {
        return new ReportStamp(cacheDir, cacheDir.resolve(Cache.FILE_NAME), baseline, dir, "CheckMojo");
    }

    @Test
    void reportsWrittenFromTheSameInputsAndLeftAloneAreCurrent() throws Exception {
        assertThat(stamp().current(reports)).isFalse(); // no stamp yet
        stamp().record(reports);
        assertThat(stamp().current(reports)).isTrue();
        stamp().clear();
        assertThat(stamp().current(reports)).isFalse();
    }

    @Test
    void aReportDeletedOrEditedOrAddedIsNot() throws Exception {
        stamp().record(reports);
        Files.writeString(reports.get(1), "edited");
        assertThat(stamp().current(reports)).isFalse();

        stamp().record(reports);
        Files.delete(reports.get(0));
        assertThat(stamp().current(reports)).isFalse();

        AtomicFiles.write(reports.get(0), "report");
        stamp().record(reports);
        assertThat(stamp().current(List.of(reports.get(0), reports.get(1), dir.resolve("target/querylint/querylint.txt"))))
                .isFalse();
    }

    @Test
    void aRewrittenCacheFileOrAChangedBaselineIsNot() throws Exception {
        stamp().record(reports);
        // the same bytes, written again by a run that analysed something: a new file
        AtomicFiles.write(cacheDir.resolve(Cache.FILE_NAME), "results");
        assertThat(stamp().current(reports)).isFalse();

        stamp().record(reports);
        Files.writeString(baseline, "{}");
        assertThat(stamp().current(reports)).isFalse();
        stamp().record(reports);
        Files.setLastModifiedTime(baseline, FileTime.fromMillis(0));
        assertThat(stamp().current(reports)).isFalse();
    }

    @Test
    void anotherRootOrGoalIsNot() throws Exception {
        stamp().record(reports);
        assertThat(new ReportStamp(cacheDir, cacheDir.resolve(Cache.FILE_NAME), baseline, dir.resolve("elsewhere"), "CheckMojo")
                .current(reports)).isFalse();
        assertThat(new ReportStamp(cacheDir, cacheDir.resolve(Cache.FILE_NAME), baseline, dir, "AggregateMojo")
                .current(reports)).isFalse();
    }

    @Test
    void whatIsNoRegularFileIsNeverCurrent() throws Exception {
        List<Path> device = List.of(Path.of("/dev/null"));
        stamp().record(device);
        assertThat(stamp().current(device)).isFalse();
    }
}
