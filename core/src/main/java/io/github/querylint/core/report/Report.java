package io.github.querylint.core.report;

import io.github.querylint.core.engine.AnalysisResult;

/** Turns a result into one output format. Implementations are pure: same result, same bytes. */
public interface Report {

    /** The format's name as the CLI and the Maven goal spell it. */
    String format();

    /** The file name the Maven goal writes it to. */
    String fileName();

    String render(AnalysisResult result, ReportContext context);
}
