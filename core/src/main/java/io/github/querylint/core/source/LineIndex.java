package io.github.querylint.core.source;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based lines and columns, and lines back to their text. */
public final class LineIndex {

    private final String text;
    private final int[] lineStarts;

    public LineIndex(String text) {
        this.text = text;
        // primitive ints and indexOf: a boxed list took a few percent of a whole scan
        int[] starts = new int[64];
        int count = 1;
        if (text.indexOf('\r') < 0) {
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = nl + 1;
            }
        } else {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    /** The 1-based line of a 0-based offset. */
    public int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** The 1-based column of a 0-based offset. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line without its line break, or an empty string out of range. */
    public String lineText(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The 0-based offset where a 1-based line starts. */
    public int offsetOfLine(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
    }
}
