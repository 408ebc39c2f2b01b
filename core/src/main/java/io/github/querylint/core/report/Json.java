package io.github.querylint.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the reports write: objects that keep their keys in insertion order, arrays,
 * strings, numbers, booleans and null, printed byte for byte as Jackson's tree and its default
 * pretty printer printed them before (a test compares both on random trees). Jackson's data
 * binding loaded some 400 classes in the first module of every Maven build for two small files.
 */
final class Json {

    private Json() {
    }

    /** A JSON object; putting a key again replaces its value where it stands. */
    static final class Obj {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Obj put(String key, String value) {
            fields.put(key, value);
            return this;
        }

        Obj put(String key, long value) {
            fields.put(key, value);
            return this;
        }

        Obj put(String key, boolean value) {
            fields.put(key, value);
            return this;
        }

        Obj set(String key, Obj value) {
            fields.put(key, value);
            return this;
        }

        Obj putObject(String key) {
            Obj o = new Obj();
            fields.put(key, o);
            return o;
        }

        Arr putArray(String key) {
            Arr a = new Arr();
            fields.put(key, a);
            return a;
        }

        int size() {
            return fields.size();
        }
    }

    /** A JSON array. */
    static final class Arr {
        private final List<Object> items = new ArrayList<>();

        Obj addObject() {
            Obj o = new Obj();
            items.add(o);
            return o;
        }

        Arr add(String value) {
            items.add(value);
            return this;
        }

        Arr add(Obj value) {
            items.add(value);
            return this;
        }

        int size() {
            return items.size();
        }
    }

    /** Two-space indentation, {@code \n} line ends, {@code "key" : value}, and {@code [ ]} / {@code { }} when empty. */
    static String pretty(Object value) {
        StringBuilder sb = new StringBuilder(4096);
        write(sb, value, 0, true);
        return sb.append('\n').toString();
    }

    /** On one line, without spaces. */
    static String compact(Object value) {
        StringBuilder sb = new StringBuilder(512);
        write(sb, value, 0, false);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int depth, boolean pretty) {
        if (value instanceof Obj o) {
            sb.append('{');
            if (o.fields.isEmpty()) {
                sb.append(pretty ? " }" : "}");
                return;
            }
            boolean first = true;
            for (Map.Entry<String, Object> e : o.fields.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newLine(sb, depth + 1, pretty);
                string(sb, e.getKey());
                sb.append(pretty ? " : " : ":");
                write(sb, e.getValue(), depth + 1, pretty);
            }
            newLine(sb, depth, pretty);
            sb.append('}');
        } else if (value instanceof Arr a) {
            sb.append('[');
            if (a.items.isEmpty()) {
                sb.append(pretty ? " ]" : "]");
                return;
            }
            for (int i = 0; i < a.items.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newLine(sb, depth + 1, pretty);
                write(sb, a.items.get(i), depth + 1, pretty);
            }
            newLine(sb, depth, pretty);
            sb.append(']');
        } else if (value instanceof String s) {
            string(sb, s);
        } else {
            sb.append(value); // null, a number or a boolean
        }
    }

    private static void newLine(StringBuilder sb, int depth, boolean pretty) {
        if (pretty) {
            sb.append('\n');
            for (int i = 0; i < depth; i++) {
                sb.append("  ");
            }
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Jackson's escaping: quote, backslash and control characters; everything else as it is. */
    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
