package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheCodecTest {

    sealed interface Shape permits Circle, Square {
    }

    record Circle(int radius) implements Shape {
    }

    record Square(long side, Optional<String> label) implements Shape {
    }

    /** Every kind the codec knows, with nulls where a kind allows them, and a record that holds itself. */
    record Everything(String text, Integer boxed, Long boxedLong, Boolean flag, boolean primitive,
                      Map<String, List<Shape>> shapes, Set<Notice.Kind> kinds, Optional<Location> at, Shape shape,
                      List<? extends Shape> more, Everything next) {
    }

    record Unstorable(Object anything) {
    }

    static FileAnalysis.Result result() {
        Location a = new Location("src/main/java/a/A.java", 12, 5);
        Location b = new Location("src/main/java/a/Q.java", 3, 1);
        QueryUnit unit = new QueryUnit(a, QueryOrigin.JDBC_TEMPLATE, QueryLanguage.SQL, "SELECT * FROM t WHERE a = ?",
                new CallSite("queryForList", Cardinality.COLLECTION, "", true, "A", "all"), true, false,
                Set.of("select-star", "*"), List.of(b, a));
        QueryUnit other = new QueryUnit(b, QueryOrigin.JPA, QueryLanguage.JPQL, "select e from E e", CallSite.UNKNOWN,
                false, true, Set.of(), List.of());
        Finding finding = new Finding("select-star", Severity.WARNING, "query selects every column; name them", a,
                unit.normalizedText(), "jdbc-template", "abc", List.of(b));
        Finding another = new Finding("unbounded-result", Severity.ERROR, "the rows are not bounded; page them", b,
                "select e from E e", "jpa", "def", List.of());
        Notice notice = new Notice(Notice.Kind.PARSE_TIMEOUT, a, "é ünïcode — and a long message");
        Notice again = new Notice(Notice.Kind.LIMIT, b, "");
        return new FileAnalysis.Result(List.of(finding, another), List.of(notice, again), List.of(unit, other),
                List.of(another));
    }

    static Everything everything() {
        Map<String, List<Shape>> shapes = new LinkedHashMap<>();
        shapes.put("round", List.of(new Circle(3), new Circle(-1)));
        shapes.put("square", Arrays.asList(new Square(1L << 40, Optional.of("big")), null));
        shapes.put(null, new ArrayList<>());
        Everything inner = new Everything(null, null, null, null, false, Map.of(), Set.of(), Optional.empty(), null,
                List.of(), null);
        return new Everything("text", 7, -9L, true, true, shapes,
                new LinkedHashSet<>(List.of(Notice.Kind.LIMIT, Notice.Kind.PARSE_FAILURE)),
                Optional.of(new Location("x", 1, 2)), new Square(4, Optional.empty()), List.of(new Circle(5)), inner);
    }

    private static final int END = 0x454e44;

    /** Values framed as Cache frames them: the caller writes to the stream between the writer's calls. */
    private static byte[] write(Object value, Type type) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            CacheCodec.Writer writer = new CacheCodec.Writer(out);
            writer.string("before");
            out.writeLong(-42);
            writer.value(value, type);
            out.writeBoolean(true);
            writer.value(value, type); // again: its strings are now numbers
            writer.string("after");
            out.writeInt(END);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #write} wrote: once there is a reader, all is read through it. */
    private static List<Object> read(byte[] bytes, Type type) throws IOException {
        CacheCodec.Reader reader = new CacheCodec.Reader(new DataInputStream(new ByteArrayInputStream(bytes)));
        List<Object> values = new ArrayList<>();
        values.add(reader.string());
        assertThat(reader.readLong()).isEqualTo(-42);
        values.add(reader.value(type));
        assertThat(reader.readBoolean()).isTrue();
        values.add(reader.value(type));
        values.add(reader.string());
        assertThat(reader.readInt()).isEqualTo(END);
        assertThatThrownBy(reader::readBoolean).as("nothing left over").isInstanceOf(EOFException.class);
        return values;
    }

    @Test
    void aResultComesBackEqual() throws IOException {
        FileAnalysis.Result result = result();
        assertThat(read(write(result, FileAnalysis.Result.class), FileAnalysis.Result.class))
                .containsExactly("before", result, result, "after");
    }

    @Test
    void everyKindComesBackEqualNullsIncluded() throws IOException {
        Everything value = everything();
        assertThat(read(write(value, Everything.class), Everything.class))
                .containsExactly("before", value, value, "after");
        // declared as the sealed interface: the record's class name says which
        Shape shape = new Square(2, Optional.of("s"));
        assertThat(read(write(shape, Shape.class), Shape.class)).containsExactly("before", shape, shape, "after");
        assertThat(read(write(null, Shape.class), Shape.class)).containsExactly("before", null, null, "after");
    }

    @Test
    void aValueOfAnUnknownKindIsAnError() throws IOException {
        assertThatThrownBy(() -> write(new Unstorable(new StringBuilder("x")), Unstorable.class))
                .isInstanceOf(IOException.class).hasMessageContaining("StringBuilder");
        // a record where Object is declared is known: its class name is written
        Unstorable known = new Unstorable(new Circle(1));
        assertThat(read(write(known, Unstorable.class), Unstorable.class)).containsExactly("before", known, known, "after");
    }

    @Test
    void aRecordOfAnotherTypeIsAnError() throws IOException {
        byte[] bytes = write(new Circle(1), Shape.class);
        assertThatThrownBy(() -> read(bytes, Notice.class)).isInstanceOf(IOException.class);
    }

    @Test
    void aTruncatedStreamIsAnError() throws IOException {
        byte[] bytes = write(result(), FileAnalysis.Result.class);
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> read(cut, FileAnalysis.Result.class)).as("cut at %d", length)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aCorruptStreamIsAnErrorOrAValueNeverACrash() throws IOException {
        byte[] bytes = write(everything(), Everything.class);
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] corrupt = bytes.clone();
            corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            try {
                read(corrupt, Everything.class);
            } catch (IOException | RuntimeException | AssertionError expected) {
                // what Cache.load turns into "no cache"; an AssertionError is a frame out of step
            }
        }
    }
}
