package io.github.querylint.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What a report needs beyond the result.
 *
 * @param toolVersion       QueryLint's version
 * @param docsBaseUri       where rule pages live ({@code <base><id>.md})
 * @param color             whether the text report may use ANSI colours
 * @param includeSuppressed whether formats that can mark a finding as suppressed (SARIF, JSON) list suppressed findings
 * @param sources           the scanned files' lines, for formats that count columns in another unit than the engine
 */
public record ReportContext(String toolVersion, String docsBaseUri, boolean color, boolean includeSuppressed,
                            SourceLines sources) {

    public static final String DOCS_BASE_URI = "https://github.com/querylint/querylint/blob/main/docs/rules/";

    public ReportContext {
        sources = sources == null ? SourceLines.NONE : sources;
    }

    public ReportContext(String toolVersion, String docsBaseUri, boolean color) {
        this(toolVersion, docsBaseUri, color, false, SourceLines.NONE);
    }

    public static ReportContext defaults() {
        return new ReportContext(version(), DOCS_BASE_URI, false);
    }

    public ReportContext withColor(boolean value) {
        return new ReportContext(toolVersion, docsBaseUri, value, includeSuppressed, sources);
    }

    public ReportContext withIncludeSuppressed(boolean value) {
        return new ReportContext(toolVersion, docsBaseUri, color, value, sources);
    }

    public ReportContext withSources(SourceLines value) {
        return new ReportContext(toolVersion, docsBaseUri, color, includeSuppressed, value);
    }

    /** The documentation page of a rule. */
    public String helpUri(String ruleId) {
        return docsBaseUri + ruleId + ".md";
    }

    /** QueryLint's version, from the build (read once: a Maven build asks for it in every module). */
    public static String version() {
        return Version.VALUE;
    }

    private static final class Version {
        static final String VALUE = read();
    }

    private static String read() {
        try (InputStream in = ReportContext.class.getResourceAsStream("/io/github/querylint/core/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
