package io.github.querylint.bench;

import java.nio.file.Path;
import java.util.List;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageVersion;
import net.sourceforge.pmd.reporting.Report;

/**
 * The {@code pmd} task: PMD over the same Java files as the raw parse, with one trivial rule, as
 * cold as QueryLint's scan (no incremental-analysis cache, no report written). Compiled only in
 * the {@code bench} profile, which alone puts PMD on the class path; {@link Bench} loads it by
 * name so the default build neither needs nor sees PMD.
 */
public final class PmdTask implements Bench.ExternalTask {

    /**
     * A rule-chain rule that visits numeric literals only and looks at their prefix: next to
     * nothing per node, no type resolution, so the time is PMD's own parse and AST processing.
     */
    static final String RULE = "category/java/errorprone.xml/AvoidUsingOctalValues";

    /** The generated code's language: its Maven reactor compiles with release 17. */
    static final String JAVA_VERSION = "17";

    @Override
    public String run(List<Path> javaFiles, int threads) {
        PMDConfiguration configuration = new PMDConfiguration();
        LanguageVersion java = configuration.getLanguageRegistry().getLanguageById("java").getVersion(JAVA_VERSION);
        configuration.setDefaultLanguageVersion(java);
        configuration.setForceLanguageVersion(java);
        configuration.setThreads(threads);
        configuration.setIgnoreIncrementalAnalysis(true); // a cold run: PMD's own cache off
        configuration.setInputPathList(javaFiles);
        configuration.addRuleSet(RULE);
        // no renderer and no report file: the violations are only collected in memory (a handful)
        try (PmdAnalysis pmd = PmdAnalysis.create(configuration)) {
            int files = pmd.files().getCollectedFiles().size();
            int rules = pmd.getRulesets().stream().mapToInt(r -> r.getRules().size()).sum();
            if (rules != 1 || files != javaFiles.size() || pmd.getReporter().numErrors() > 0) {
                throw new IllegalStateException("PMD was not set up as intended: " + rules + " rules, " + files
                        + " of " + javaFiles.size() + " files, " + pmd.getReporter().numErrors() + " errors");
            }
            Report report = pmd.performAnalysisAndCollectReport();
            if (pmd.getReporter().numErrors() > 0) {
                throw new IllegalStateException("PMD reported " + pmd.getReporter().numErrors() + " errors");
            }
            return files + " files, " + report.getViolations().size() + " violations, "
                    + report.getProcessingErrors().size() + " processing errors";
        }
    }
}
