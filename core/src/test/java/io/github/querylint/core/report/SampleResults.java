package io.github.querylint.core.report;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Fingerprint;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;
import java.util.ArrayList;
import java.util.List;

/** Hand-made results with the awkward parts every format must survive. */
final class SampleResults {

    static final String JAVA = "src/main/java/com/acme/dir with space/Größe.java";
    static final String SQL = "db/a,b:c 100%.sql";

    static final RuleDescriptor SELECT_STAR = new RuleDescriptor("select-star", "SELECT * in a query",
            "The query selects every column", Severity.WARNING, List.of(), "0.1.0");
    static final RuleDescriptor UNBOUNDED = new RuleDescriptor("unbounded-result", "Unbounded result",
            "The query reads every row", Severity.ERROR, List.of(), "0.1.0");

    private SampleResults() {
    }

    static Finding finding(String rule, Severity severity, String message, String path, int line, int column, String query,
                           List<Location> related) {
        return new Finding(rule, severity, message, new Location(path, line, column), query, "jdbc",
                Fingerprint.of(rule, path, query), related);
    }

    static AnalysisResult sample() {
        return sample(12);
    }

    /** The same findings, the first one at {@code firstLine} (to check what moving code changes). */
    static AnalysisResult sample(int firstLine) {
        List<Finding> findings = new ArrayList<>();
        findings.add(finding("unbounded-result", Severity.ERROR,
                "query reads every row of \"orders\" <all> & 100% of them; add a filter", JAVA, firstLine, 25,
                "SELECT id FROM orders", List.of(new Location("src/main/java/com/acme/Queries.java", 5, 30))));
        findings.add(finding("unbounded-result", Severity.ERROR,
                "query reads every row of \"orders\" <all> & 100% of them; add a filter", JAVA, 60, 9,
                "SELECT id FROM orders", List.of()));
        findings.add(finding("select-star", Severity.WARNING, "first line, with: colon\nsecond line\r", SQL, 3, 1,
                "SELECT * FROM t", List.of()));
        findings.add(finding("parse-error", Severity.INFO, "SQL query could not be parsed (bad token)", SQL, 9, 1,
                "SELEC x", List.of()));
        List<Finding> suppressed = List.of(finding("select-star", Severity.WARNING,
                "query selects every column of `t` with *; name the columns the caller needs", SQL, 20, 1,
                "SELECT * FROM t WHERE id = 1", List.of()));
        List<Notice> notices = List.of(
                new Notice(Notice.Kind.UNREADABLE_FILE, new Location("bin/blob.dat", 1, 1),
                        "file looks binary (it holds NUL bytes) and was not read; exclude it"),
                new Notice(Notice.Kind.PARSE_FAILURE, new Location(SQL, 9, 1), "SQL query could not be parsed (bad token)"));
        return new AnalysisResult(findings, notices, List.of(),
                List.of(Analyzer.PARSE_ERROR, SELECT_STAR, UNBOUNDED), 1, 0, List.of(), 3, suppressed);
    }

    /** Many findings of each severity, for GitHub's annotation cap. */
    static AnalysisResult many(int errors, int warnings, int infos) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= errors; i++) {
            findings.add(finding("unbounded-result", Severity.ERROR, "e" + i, "A.java", i, 1, "q" + i, List.of()));
        }
        for (int i = 1; i <= warnings; i++) {
            findings.add(finding("select-star", Severity.WARNING, "w" + i, "B.java", i, 1, "q" + i, List.of()));
        }
        for (int i = 1; i <= infos; i++) {
            findings.add(finding("parse-error", Severity.INFO, "i" + i, "C.java", i, 1, "q" + i, List.of()));
        }
        return new AnalysisResult(findings, List.of(), List.of(), List.of(Analyzer.PARSE_ERROR, SELECT_STAR, UNBOUNDED),
                0, 0, List.of(), 3);
    }
}
