package io.github.querylint.core.extract;

import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.LineIndex;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SQL files: Flyway migrations ({@code V1__init.sql}, {@code R__views.sql}), {@code schema.sql}
 * and other scripts. Each statement becomes a unit at the line where it starts.
 */
public final class SqlScriptExtractor implements Extractor {

    private static final Pattern MIGRATION = Pattern.compile("(?i).*(/db/migration/|/migrations?/|/changelog/|/liquibase/).*|.*/[VRU]\\d*[\\d._]*__.*\\.sql|.*/R__.*\\.sql");

    @Override
    public boolean accepts(SourceFile file) {
        return file.kind() == SourceKind.SQL;
    }

    @Override
    public void extract(SourceFile file, String text, ExtractionSink out) {
        LineIndex lines = new LineIndex(text);
        QueryOrigin origin = MIGRATION.matcher("/" + file.path()).matches() ? QueryOrigin.MIGRATION : QueryOrigin.SQL_FILE;
        for (Statement s : split(text)) {
            out.query(new QueryUnit(new Location(file.path(), lines.line(s.offset()), lines.column(s.offset())), origin,
                    QueryLanguage.SQL, s.text(), CallSite.UNKNOWN, false, false, java.util.Set.of(), List.of()));
        }
    }

    /** A statement of a script and the offset of its first character. */
    public record Statement(String text, int offset) {
    }

    /**
     * Splits a script on {@code ;} outside quotes, comments and PostgreSQL dollar quotes; honours
     * {@code DELIMITER x} lines (MySQL) and a {@code /} line (Oracle blocks).
     */
    public static List<Statement> split(String text) {
        List<Statement> out = new ArrayList<>();
        String delimiter = ";";
        int start = -1;
        int i = 0;
        int n = text.length();
        StringBuilder current = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            if (start < 0 && Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (start >= 0) {
                    current.append(text, i, end);
                }
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                if (start >= 0) {
                    current.append(text, i, end);
                }
                i = end;
                continue;
            }
            if (start < 0) {
                // DELIMITER $$ (MySQL clients)
                if (text.regionMatches(true, i, "DELIMITER ", 0, 10)) {
                    int end = text.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    delimiter = text.substring(i + 10, end).strip();
                    if (delimiter.isEmpty()) {
                        delimiter = ";";
                    }
                    i = end;
                    continue;
                }
                start = i;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n) {
                    if (text.charAt(end) == c) {
                        if (end + 1 < n && text.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(n, end + 1);
                current.append(text, i, end);
                i = end;
                continue;
            }
            if (c == '$') {
                int close = text.indexOf('$', i + 1);
                if (close > i && text.substring(i + 1, close).matches("[A-Za-z_0-9]*")) {
                    String tag = text.substring(i, close + 1);
                    int end = text.indexOf(tag, close + 1);
                    end = end < 0 ? n : end + tag.length();
                    current.append(text, i, end);
                    i = end;
                    continue;
                }
            }
            if (text.startsWith(delimiter, i)) {
                add(out, current, start);
                current.setLength(0);
                start = -1;
                i += delimiter.length();
                continue;
            }
            if (c == '/' && atLineAlone(text, i)) {
                add(out, current, start);
                current.setLength(0);
                start = -1;
                i++;
                continue;
            }
            current.append(c);
            i++;
        }
        add(out, current, start);
        return out;
    }

    private static boolean atLineAlone(String text, int i) {
        int lineStart = text.lastIndexOf('\n', i - 1) + 1;
        int lineEnd = text.indexOf('\n', i);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        return text.substring(lineStart, lineEnd).strip().equals("/");
    }

    private static void add(List<Statement> out, StringBuilder current, int start) {
        String s = current.toString().strip();
        if (start >= 0 && !s.isEmpty()) {
            out.add(new Statement(s, start));
        }
    }
}
