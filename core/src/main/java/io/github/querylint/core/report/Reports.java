package io.github.querylint.core.report;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.finding.Notice;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The built-in formats. */
public final class Reports {

    private Reports() {
    }

    public static List<Report> all() {
        return List.of(new TextReport(), new JsonReport(), new SarifReport(), new CheckstyleReport(), new GitLabReport(),
                new RdjsonlReport(), new GitHubReport());
    }

    /** The names of the built-in formats, in {@link #all()} order. */
    public static List<String> formats() {
        return all().stream().map(Report::format).toList();
    }

    public static Optional<Report> byFormat(String format) {
        String f = format.toLowerCase(Locale.ROOT).trim();
        return all().stream().filter(r -> r.format().equals(f)).findFirst();
    }

    /** A query shortened to one line for display. */
    public static String shorten(String query, int max) {
        String one = query.strip().replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }

    /** A notice's kind as reports spell it: {@code unreadable-file}. */
    public static String kindId(Notice notice) {
        return notice.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The notices that no finding stands for: a query that could not be parsed already is a
     * {@code parse-error} finding (which configuration and suppressions control), while a file
     * that could not be read is said only by its notice. Formats without a place for notices
     * report these as info-level entries named by their kind.
     */
    public static List<Notice> fileNotices(AnalysisResult result) {
        return result.notices().stream().filter(n -> n.kind() != Notice.Kind.PARSE_FAILURE
                && n.kind() != Notice.Kind.PARSE_TIMEOUT && n.kind() != Notice.Kind.SKIPPED_QUERY).toList();
    }
}
