package io.github.querylint.core.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compact binary form of the records a file's result is made of (findings, notices, query
 * units and what they hold), written component by component in declaration order. Reader and
 * writer are always the same build (the cache's context holds the build), so the form needs no
 * versioning of its own; a value of a kind it does not know is an error, and the cache is then
 * not written. Strings are written once and referred to by number after that: paths repeat.
 *
 * <p>Each declared type is looked at once: it becomes a {@link Plan}, a small tree of readers and
 * writers (a record's plan holds its constructor, accessors and one plan per component), so a
 * value costs a virtual call, not a walk through reflection and {@code isAssignableFrom} checks.
 * That matters because a warm re-run reads the whole cache on a cold JVM, mostly interpreted;
 * for the same reason both sides move bytes through arrays of their own, as a {@code readInt}
 * on a buffered stream takes its lock four times.
 */
final class CacheCodec {

    private static final int NULL = 0;
    private static final int VALUE = 1;
    /** In place of a string's number: no string, or a string not seen before (its bytes follow). */
    private static final int NO_STRING = -1;
    private static final int NEW_STRING = -2;

    /**
     * The plan of each declared type met so far. Never changed once published: a new type
     * is compiled into a copy (under the class lock), so readers look plans up without a lock.
     */
    private static volatile Map<Type, Plan> plans = Map.of();

    private CacheCodec() {
    }

    /**
     * Writes values and strings. What each call writes is gathered in an array and goes to the
     * stream at the end of the call (a stream call per number would take a lock per byte), so the
     * caller may write to the stream itself between calls.
     */
    static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();
        private final Map<Class<?>, RecordPlan> records = new IdentityHashMap<>();
        private byte[] buf = new byte[1 << 13];
        private int size;
        private Type lastType;
        private Plan lastPlan;

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void string(String s) throws IOException {
            size = 0;
            putString(s);
            out.write(buf, 0, size);
        }

        void value(Object value, Type type) throws IOException {
            if (type != lastType) {
                lastPlan = plan(type);
                lastType = type;
            }
            size = 0;
            lastPlan.write(this, value);
            out.write(buf, 0, size);
        }

        private RecordPlan record(Class<?> type) {
            RecordPlan plan = records.get(type);
            if (plan == null) {
                plan = (RecordPlan) plan(type);
                records.put(type, plan);
            }
            return plan;
        }

        private void putString(String s) {
            if (s == null) {
                writeInt(NO_STRING);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                writeInt(known);
                return;
            }
            strings.put(s, strings.size());
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            writeInt(NEW_STRING);
            writeInt(bytes.length);
            room(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        private void room(int n) {
            if (buf.length - size < n) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        private void writeByte(int v) {
            room(1);
            buf[size++] = (byte) v;
        }

        private void writeInt(int v) {
            room(4);
            byte[] b = buf;
            int p = size;
            b[p] = (byte) (v >>> 24);
            b[p + 1] = (byte) (v >>> 16);
            b[p + 2] = (byte) (v >>> 8);
            b[p + 3] = (byte) v;
            size = p + 4;
        }

        private void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        private void writeBoolean(boolean v) {
            writeByte(v ? 1 : 0);
        }
    }

    /**
     * Reads what a {@link Writer} wrote. It takes the stream a block at a time, so once it is
     * made, everything after must be read through it ({@link #readInt} and the like), not from
     * the stream.
     */
    static final class Reader {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();
        /** The record each class name met so far names, looked up once: a cache holds thousands of records of a dozen kinds. */
        private final Map<String, RecordPlan> records = new HashMap<>();
        /** The stream's next bytes, from pos to limit: a stream call per number would take a lock per byte. */
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private Type lastType;
        private Plan lastPlan;

        Reader(DataInputStream in) {
            this.in = in;
        }

        String string() throws IOException {
            int n = readInt();
            if (n != NEW_STRING) {
                if (n >= 0 && n < strings.size()) {
                    return strings.get(n);
                }
                if (n == NO_STRING) {
                    return null;
                }
                throw new IOException("corrupt string reference " + n);
            }
            int length = readInt();
            if (length < 0 || length > 1 << 26) {
                throw new IOException("corrupt string length " + length);
            }
            need(length);
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            strings.add(s);
            return s;
        }

        Object value(Type type) throws IOException {
            if (type != lastType) {
                lastPlan = plan(type);
                lastType = type;
            }
            return lastPlan.read(this);
        }

        int readInt() throws IOException {
            if (limit - pos < 4) {
                need(4);
            }
            byte[] b = buf;
            int p = pos;
            pos = p + 4;
            return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | b[p + 3] & 0xff;
        }

        long readLong() throws IOException {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        private int readByte() throws IOException {
            if (pos == limit) {
                need(1);
            }
            return buf[pos++];
        }

        /** Makes sure the next n bytes are in the buffer, reading more of the stream if they are not. */
        private void need(int n) throws IOException {
            int left = limit - pos;
            if (left >= n) {
                return;
            }
            byte[] into = n > buf.length ? new byte[Math.max(n, buf.length * 2)] : buf;
            System.arraycopy(buf, pos, into, 0, left);
            buf = into;
            pos = 0;
            limit = left;
            while (limit < n) {
                int read = in.read(buf, limit, buf.length - limit);
                if (read < 0) {
                    throw new EOFException("the cache ends early");
                }
                limit += read;
            }
        }

        /** The record a written class name names, which must be a {@code declared}. */
        private RecordPlan record(String name, Class<?> declared) throws IOException {
            RecordPlan plan = records.get(name);
            if (plan == null) {
                Class<?> type;
                try {
                    ClassLoader loader = declared.getClassLoader();
                    type = Class.forName(name, false, loader != null ? loader : CacheCodec.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IOException("unknown record " + name, e);
                }
                if (!type.isRecord()) {
                    throw new IOException("not a record: " + name);
                }
                plan = (RecordPlan) plan(type);
                records.put(name, plan);
            }
            if (!declared.isAssignableFrom(plan.type)) {
                throw new IOException("not a " + declared.getName() + ": " + name);
            }
            return plan;
        }

        private int count() throws IOException {
            int n = readInt();
            if (n < 0 || n > 1 << 24) {
                throw new IOException("corrupt count " + n);
            }
            return n;
        }
    }

    /** How values of one declared type are written and read. */
    private abstract static class Plan {
        abstract void write(Writer w, Object value) throws IOException;

        abstract Object read(Reader r) throws IOException;
    }

    /** A value that may be null: a tag first, then the value if there is one. */
    private abstract static class Nullable extends Plan {
        @Override
        final void write(Writer w, Object value) throws IOException {
            if (writeTag(w, value)) {
                writeValue(w, value);
            }
        }

        @Override
        final Object read(Reader r) throws IOException {
            return readTag(r) ? readValue(r) : null;
        }

        abstract void writeValue(Writer w, Object value) throws IOException;

        abstract Object readValue(Reader r) throws IOException;

        /** Writes whether there is a value. */
        static boolean writeTag(Writer w, Object value) {
            w.writeByte(value == null ? NULL : VALUE);
            return value != null;
        }

        /** Reads whether there is a value. */
        static boolean readTag(Reader r) throws IOException {
            int tag = r.readByte();
            if (tag == VALUE) {
                return true;
            }
            if (tag == NULL) {
                return false;
            }
            throw new IOException("corrupt tag " + tag);
        }
    }

    /**
     * An int, long or boolean (never null), or a String, Integer, Long or Boolean (maybe null):
     * one class for the seven, each one more class to load on a cold JVM.
     */
    private static final class Scalar extends Plan {
        private static final int INT = 0;
        private static final int LONG = 1;
        private static final int BOOLEAN = 2;
        private static final int STRING = 3;

        private final int kind;
        private final boolean nullable;

        Scalar(int kind, boolean nullable) {
            this.kind = kind;
            this.nullable = nullable;
        }

        @Override
        void write(Writer w, Object value) throws IOException {
            if (nullable && !Nullable.writeTag(w, value)) {
                return;
            }
            switch (kind) {
                case INT -> w.writeInt((Integer) value);
                case LONG -> w.writeLong((Long) value);
                case BOOLEAN -> w.writeBoolean((Boolean) value);
                default -> w.putString((String) value);
            }
        }

        @Override
        Object read(Reader r) throws IOException {
            if (nullable && !Nullable.readTag(r)) {
                return null;
            }
            switch (kind) {
                case INT:
                    return r.readInt();
                case LONG:
                    return r.readLong();
                case BOOLEAN:
                    return r.readBoolean();
                default:
                    return r.string();
            }
        }
    }

    /** An enum constant, by name: a reordered enum reads back right. */
    private static final class EnumPlan extends Nullable {
        private final Class<?> type;
        private final Map<String, Object> byName = new HashMap<>();

        EnumPlan(Class<?> type) {
            this.type = type;
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), constant);
            }
        }

        @Override
        void writeValue(Writer w, Object value) throws IOException {
            w.putString(((Enum<?>) value).name());
        }

        @Override
        Object readValue(Reader r) throws IOException {
            String name = r.string();
            Object constant = byName.get(name);
            if (constant == null) {
                throw new IOException("no " + type.getName() + "." + name);
            }
            return constant;
        }
    }

    /** A list or a set: its size, then its elements in iteration order. */
    private static final class CollectionPlan extends Nullable {
        private final boolean list;
        private final Plan element;

        CollectionPlan(boolean list, Plan element) {
            this.list = list;
            this.element = element;
        }

        @Override
        void writeValue(Writer w, Object value) throws IOException {
            Collection<?> items = (Collection<?>) value;
            w.writeInt(items.size());
            for (Object item : items) {
                element.write(w, item);
            }
        }

        @Override
        Object readValue(Reader r) throws IOException {
            int n = r.count();
            Collection<Object> items = list ? new ArrayList<>(Math.min(n, 1 << 10)) : new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                items.add(element.read(r));
            }
            return items;
        }
    }

    private static final class MapPlan extends Nullable {
        private final Plan key;
        private final Plan value;

        MapPlan(Plan key, Plan value) {
            this.key = key;
            this.value = value;
        }

        @Override
        void writeValue(Writer w, Object map) throws IOException {
            Map<?, ?> entries = (Map<?, ?>) map;
            w.writeInt(entries.size());
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                key.write(w, e.getKey());
                value.write(w, e.getValue());
            }
        }

        @Override
        Object readValue(Reader r) throws IOException {
            int n = r.count();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                map.put(key.read(r), value.read(r));
            }
            return map;
        }
    }

    private static final class OptionalPlan extends Nullable {
        private final Plan element;

        OptionalPlan(Plan element) {
            this.element = element;
        }

        @Override
        void writeValue(Writer w, Object value) throws IOException {
            element.write(w, ((Optional<?>) value).orElse(null));
        }

        @Override
        Object readValue(Reader r) throws IOException {
            return Optional.ofNullable(element.read(r));
        }
    }

    /**
     * A record: which record it is (nothing when it is the declared one), then its components.
     * Filled in by {@link Compiler#complete} after it is registered, so a record may hold itself.
     */
    private static final class RecordPlan extends Nullable {
        private final Class<?> type;
        private Constructor<?> constructor;
        private Method[] accessors;
        private Plan[] components;

        RecordPlan(Class<?> type) {
            this.type = type;
        }

        @Override
        void writeValue(Writer w, Object value) throws IOException {
            if (value.getClass() == type) {
                w.putString(null);
                writeComponents(w, value);
            } else {
                writeAnother(w, value);
            }
        }

        void writeComponents(Writer w, Object value) throws IOException {
            for (int i = 0; i < components.length; i++) {
                Object component;
                try {
                    component = accessors[i].invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot read " + accessors[i], e);
                }
                components[i].write(w, component);
            }
        }

        @Override
        Object readValue(Reader r) throws IOException {
            String concrete = r.string();
            return (concrete == null ? this : r.record(concrete, type)).readComponents(r);
        }

        Object readComponents(Reader r) throws IOException {
            Object[] args = new Object[components.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = components[i].read(r);
            }
            try {
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IOException("cannot make a " + type.getName(), e);
            }
        }
    }

    /** Any other declared type (a sealed interface, a supertype): the record's class name, then the record. */
    private static final class SupertypePlan extends Nullable {
        private final Class<?> type;

        SupertypePlan(Class<?> type) {
            this.type = type;
        }

        @Override
        void writeValue(Writer w, Object value) throws IOException {
            writeAnother(w, value);
        }

        @Override
        Object readValue(Reader r) throws IOException {
            String concrete = r.string();
            if (concrete == null) {
                throw new IOException("not a record: " + type.getName());
            }
            return r.record(concrete, type).readComponents(r);
        }
    }

    /** A record where another type is declared: its class name goes first. */
    private static void writeAnother(Writer w, Object value) throws IOException {
        if (!(value instanceof Record)) {
            throw new IOException("the cache cannot store a " + value.getClass().getName());
        }
        w.putString(value.getClass().getName());
        w.record(value.getClass()).writeComponents(w, value);
    }

    /** The plan of a declared type, compiled the first time it is met. */
    private static Plan plan(Type type) {
        Plan known = plans.get(type);
        return known != null ? known : compile(type);
    }

    private static synchronized Plan compile(Type type) {
        Plan known = plans.get(type);
        if (known != null) {
            return known;
        }
        // into a copy: a type whose plan fails half-way (say, a record it cannot open) leaves nothing behind
        Compiler compiler = new Compiler(new HashMap<>(plans));
        Plan plan = compiler.plan(type);
        plans = compiler.plans;
        return plan;
    }

    private static final class Compiler {
        private final Map<Type, Plan> plans;

        Compiler(Map<Type, Plan> plans) {
            this.plans = plans;
        }

        Plan plan(Type type) {
            Plan plan = plans.get(type);
            if (plan == null) {
                plan = compile(type);
                plans.put(type, plan);
            }
            return plan;
        }

        private Plan compile(Type type) {
            if (type instanceof WildcardType w) {
                return plan(w.getUpperBounds()[0]);
            }
            Class<?> raw = raw(type);
            if (raw == int.class || raw == Integer.class) {
                return new Scalar(Scalar.INT, raw == Integer.class);
            } else if (raw == long.class || raw == Long.class) {
                return new Scalar(Scalar.LONG, raw == Long.class);
            } else if (raw == boolean.class || raw == Boolean.class) {
                return new Scalar(Scalar.BOOLEAN, raw == Boolean.class);
            } else if (raw == String.class) {
                return new Scalar(Scalar.STRING, true);
            } else if (raw.isEnum()) {
                return new EnumPlan(raw);
            } else if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                return new CollectionPlan(List.class.isAssignableFrom(raw), plan(argument(type, 0)));
            } else if (Map.class.isAssignableFrom(raw)) {
                return new MapPlan(plan(argument(type, 0)), plan(argument(type, 1)));
            } else if (raw == Optional.class) {
                return new OptionalPlan(plan(argument(type, 0)));
            } else if (raw.isRecord()) {
                RecordPlan record = new RecordPlan(raw);
                plans.put(type, record); // before its components: one of them may be the record itself
                complete(record);
                return record;
            }
            return new SupertypePlan(raw);
        }

        private void complete(RecordPlan record) {
            RecordComponent[] components = record.type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            record.accessors = new Method[components.length];
            record.components = new Plan[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                record.accessors[i] = components[i].getAccessor();
                record.accessors[i].setAccessible(true);
                record.components[i] = plan(components[i].getGenericType());
            }
            try {
                record.constructor = record.type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            record.constructor.setAccessible(true);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
