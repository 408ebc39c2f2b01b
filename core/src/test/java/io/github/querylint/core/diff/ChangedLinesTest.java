package io.github.querylint.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangedLinesTest {

    private static final String DIFF = String.join("\n",
            "diff --git a/src/A.java b/src/A.java",
            "index 1111111..2222222 100644",
            "--- a/src/A.java",
            "+++ b/src/A.java",
            "@@ -3 +3 @@ class A {",
            "-    old();",
            "+    neu();",
            "@@ -10,0 +11,2 @@ class A {",
            "+    one();",
            "+    two();",
            "@@ -20,2 +21,0 @@ class A {",
            "--- a comment whose text starts with two dashes",
            "-    gone();",
            "diff --git a/dir with space/Ä b.sql b/dir with space/Ä b.sql",
            "--- a/dir with space/Ä b.sql\t",
            "+++ b/dir with space/Ä b.sql\t",
            "@@ -1 +1 @@",
            "-+++ b/not/a/file",
            "++++ b/not/a/file either",
            "diff --git \"a/q\\\"uote\\303\\251.sql\" \"b/q\\\"uote\\303\\251.sql\"",
            "--- \"a/q\\\"uote\\303\\251.sql\"",
            "+++ \"b/q\\\"uote\\303\\251.sql\"",
            "@@ -0,0 +1 @@",
            "+select 1;",
            "\\ No newline at end of file",
            "diff --git a/deleted.sql b/deleted.sql",
            "--- a/deleted.sql",
            "+++ /dev/null",
            "@@ -1,2 +0,0 @@",
            "-a",
            "-b",
            "");

    private final ChangedLines changed = ChangedLines.parse(DIFF, Set.of("new/Untracked.java"));

    @Test
    void readsAddedAndChangedLinesAndTheNeighboursOfDeletions() {
        assertThat(changed.lines().get("src/A.java")).containsExactlyInAnyOrder(3, 11, 12, 21, 22);
        assertThat(changed.lines().get("dir with space/Ä b.sql")).containsExactly(1);
        assertThat(changed.lines().get("q\"uoteé.sql")).containsExactly(1);
        assertThat(changed.lines()).doesNotContainKeys("deleted.sql", "not/a/file", "not/a/file either");
        assertThat(changed.changed("new/Untracked.java", 999)).isTrue();
        assertThat(changed.changed("src/A.java", 4)).isFalse();
        assertThat(changed.touches("src/A.java")).isTrue();
        assertThat(changed.touches("src/B.java")).isFalse();
    }

    @Test
    void unquotesGitPaths() {
        assertThat(ChangedLines.unquote("\"b/caf\\303\\251 \\\\ \\t.java\"")).isEqualTo("b/café \\ \t.java");
        assertThat(ChangedLines.unquote("b/plain.java")).isEqualTo("b/plain.java");
    }

    @Test
    void keepsFindingsWhoseQuerySpansAChangedLine() {
        Finding onChangedLine = finding("src/A.java", 3);
        Finding textBlockBelow = finding("src/A.java", 9); // its text block runs over lines 9 to 11
        Finding untouched = finding("src/A.java", 5);
        Finding assembledOnChangedLine = new Finding("select-star", Severity.WARNING, "m", new Location("src/B.java", 7, 1),
                "q", "jdbc", "f", List.of(new Location("src/A.java", 12, 5)));
        Finding suppressedElsewhere = finding("src/B.java", 1);
        QueryUnit block = QueryUnit.of(new Location("src/A.java", 9, 9), QueryOrigin.JDBC_TEMPLATE,
                QueryLanguage.SQL, "\n  SELECT *\n  FROM t\n", null);
        AnalysisResult all = new AnalysisResult(List.of(onChangedLine, untouched, textBlockBelow, assembledOnChangedLine),
                List.of(new Notice(Notice.Kind.UNREADABLE_FILE, new Location("src/A.java", 1, 1), "n"),
                        new Notice(Notice.Kind.UNREADABLE_FILE, new Location("src/C.java", 1, 1), "n")),
                List.of(block), List.of(), 1, 0, List.of(), 3, List.of(suppressedElsewhere));
        AnalysisResult kept = changed.filter(all);
        assertThat(kept.findings()).containsExactly(onChangedLine, textBlockBelow, assembledOnChangedLine);
        assertThat(kept.suppressedFindings()).isEmpty();
        assertThat(kept.suppressed()).isZero();
        assertThat(kept.notices()).extracting(n -> n.location().path()).containsExactly("src/A.java");
        assertThat(kept.queries()).isEqualTo(all.queries());
    }

    private static Finding finding(String path, int line) {
        return new Finding("select-star", Severity.WARNING, "m", new Location(path, line, 9), "q", "jdbc", "f", List.of());
    }
}
