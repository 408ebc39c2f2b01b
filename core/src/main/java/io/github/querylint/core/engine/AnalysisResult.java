package io.github.querylint.core.engine;

import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.rule.RuleDescriptor;
import io.github.querylint.core.rule.Severity;
import java.util.List;

/**
 * What a run found, sorted for byte-identical reports.
 *
 * @param findings  reported findings (suppressed and baselined ones left out)
 * @param notices   what could not be analysed
 * @param queries   every query unit found, sorted by location
 * @param rules     the rules that ran (for report metadata)
 * @param suppressed how many findings suppressions hid
 * @param baselined  how many findings the baseline accepted
 * @param staleBaseline baseline entries that matched nothing
 * @param filesScanned  files read
 * @param suppressedFindings the findings suppressions hid, sorted (reports show them only when asked to)
 */
public record AnalysisResult(List<Finding> findings, List<Notice> notices, List<QueryUnit> queries,
                             List<RuleDescriptor> rules, int suppressed, int baselined, List<Baseline.Entry> staleBaseline,
                             int filesScanned, List<Finding> suppressedFindings) {

    public AnalysisResult {
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
        queries = List.copyOf(queries);
        rules = List.copyOf(rules);
        staleBaseline = List.copyOf(staleBaseline);
        suppressedFindings = suppressedFindings == null ? List.of() : List.copyOf(suppressedFindings);
    }

    /** A result that did not keep its suppressed findings (only their count). */
    public AnalysisResult(List<Finding> findings, List<Notice> notices, List<QueryUnit> queries,
                          List<RuleDescriptor> rules, int suppressed, int baselined, List<Baseline.Entry> staleBaseline,
                          int filesScanned) {
        this(findings, notices, queries, rules, suppressed, baselined, staleBaseline, filesScanned, List.of());
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public long countAtLeast(Severity severity) {
        return findings.stream().filter(f -> f.severity().atLeast(severity)).count();
    }
}
