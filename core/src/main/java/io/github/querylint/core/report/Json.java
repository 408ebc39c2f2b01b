package io.github.querylint.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the reports write: objects that keep their keys in insertion order, arrays,
 * strings, numbers, booleans and null, printed by Jackson's streaming generator with its default
 * pretty printer, byte for byte as Jackson's tree model printed them before (a test compares both
 * on random trees). Jackson's data binding loaded some 400 classes in the first module of every
 * Maven build for two small files; the generator needs a few dozen.
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

    /**
     * Jackson's factory for its streaming generator: jackson-core alone, without the data binding,
     * whose ObjectMapper loaded some 400 classes for the two small files a build writes.
     */
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Two-space indentation, {@code \n} line ends, {@code "key" : value}, and {@code [ ]} / {@code { }} when empty. */
    static String pretty(Object value) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        return write(value, printer) + "\n";
    }

    /** On one line, without spaces. */
    static String compact(Object value) {
        return write(value, null);
    }

    private static String write(Object value, PrettyPrinter printer) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(printer);
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Obj o) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : o.fields.entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Arr a) {
            g.writeStartArray();
            for (Object item : a.items) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.toString());
        }
    }
}
