package io.github.querylint.core.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The built-in formats. */
public final class Reports {

    private Reports() {
    }

    public static List<Report> all() {
        return List.of(new TextReport(), new SarifReport(), new JsonReport());
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
}
