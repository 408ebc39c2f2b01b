package io.github.querylint.core.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * That matters because a warm re-run reads the whole cache on a cold JVM, mostly interpreted.
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

    static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();
        private final Map<Class<?>, RecordPlan> records = new IdentityHashMap<>();
        private Type lastType;
        private Plan lastPlan;

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(NO_STRING);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            strings.put(s, strings.size());
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(NEW_STRING);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        void value(Object value, Type type) throws IOException {
            if (type != lastType) {
                lastPlan = plan(type);
                lastType = type;
            }
            lastPlan.write(this, value);
        }

        private RecordPlan record(Class<?> type) {
            RecordPlan plan = records.get(type);
            if (plan == null) {
                plan = (RecordPlan) plan(type);
                records.put(type, plan);
            }
            return plan;
        }

        private void writeByte(int v) throws IOException {
            out.writeByte(v);
        }

        private void writeInt(int v) throws IOException {
            out.writeInt(v);
        }

        private void writeLong(long v) throws IOException {
            out.writeLong(v);
        }

        private void writeBoolean(boolean v) throws IOException {
            out.writeBoolean(v);
        }
    }

    static final class Reader {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();
        /** The record each class name met so far names, looked up once: a cache holds thousands of records of a dozen kinds. */
        private final Map<String, RecordPlan> records = new HashMap<>();
        private byte[] scratch = new byte[256];
        private Type lastType;
        private Plan lastPlan;

        Reader(DataInputStream in) {
            this.in = in;
        }

        String string() throws IOException {
            int n = readInt();
            if (n >= 0) {
                if (n >= strings.size()) {
                    throw new IOException("corrupt string reference " + n);
                }
                return strings.get(n);
            }
            if (n == NO_STRING) {
                return null;
            }
            if (n != NEW_STRING) {
                throw new IOException("corrupt string reference " + n);
            }
            int length = readInt();
            if (length < 0 || length > 1 << 26) {
                throw new IOException("corrupt string length " + length);
            }
            if (length > scratch.length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            in.readFully(scratch, 0, length);
            String s = new String(scratch, 0, length, StandardCharsets.UTF_8);
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

        private int readByte() throws IOException {
            return in.readByte();
        }

        private int readInt() throws IOException {
            return in.readInt();
        }

        private long readLong() throws IOException {
            return in.readLong();
        }

        private boolean readBoolean() throws IOException {
            return in.readBoolean();
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
            if (value == null) {
                w.writeByte(NULL);
                return;
            }
            w.writeByte(VALUE);
            writeValue(w, value);
        }

        @Override
        final Object read(Reader r) throws IOException {
            int tag = r.readByte();
            if (tag == VALUE) {
                return readValue(r);
            }
            if (tag == NULL) {
                return null;
            }
            throw new IOException("corrupt tag " + tag);
        }

        abstract void writeValue(Writer w, Object value) throws IOException;

        abstract Object readValue(Reader r) throws IOException;
    }

    private static final Plan INT = new Plan() {
        @Override
        void write(Writer w, Object value) throws IOException {
            w.writeInt((Integer) value);
        }

        @Override
        Object read(Reader r) throws IOException {
            return r.readInt();
        }
    };

    private static final Plan LONG = new Plan() {
        @Override
        void write(Writer w, Object value) throws IOException {
            w.writeLong((Long) value);
        }

        @Override
        Object read(Reader r) throws IOException {
            return r.readLong();
        }
    };

    private static final Plan BOOLEAN = new Plan() {
        @Override
        void write(Writer w, Object value) throws IOException {
            w.writeBoolean((Boolean) value);
        }

        @Override
        Object read(Reader r) throws IOException {
            return r.readBoolean();
        }
    };

    private static final Plan STRING = new Nullable() {
        @Override
        void writeValue(Writer w, Object value) throws IOException {
            w.string((String) value);
        }

        @Override
        Object readValue(Reader r) throws IOException {
            return r.string();
        }
    };

    private static final Plan BOXED_INT = new Nullable() {
        @Override
        void writeValue(Writer w, Object value) throws IOException {
            w.writeInt((Integer) value);
        }

        @Override
        Object readValue(Reader r) throws IOException {
            return r.readInt();
        }
    };

    private static final Plan BOXED_LONG = new Nullable() {
        @Override
        void writeValue(Writer w, Object value) throws IOException {
            w.writeLong((Long) value);
        }

        @Override
        Object readValue(Reader r) throws IOException {
            return r.readLong();
        }
    };

    private static final Plan BOXED_BOOLEAN = new Nullable() {
        @Override
        void writeValue(Writer w, Object value) throws IOException {
            w.writeBoolean((Boolean) value);
        }

        @Override
        Object readValue(Reader r) throws IOException {
            return r.readBoolean();
        }
    };

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
            w.string(((Enum<?>) value).name());
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
            Collection<Object> items = list ? new ArrayList<>(n) : new LinkedHashSet<>();
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
                w.string(null);
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
        w.string(value.getClass().getName());
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
            if (raw == int.class) {
                return INT;
            } else if (raw == long.class) {
                return LONG;
            } else if (raw == boolean.class) {
                return BOOLEAN;
            } else if (raw == String.class) {
                return STRING;
            } else if (raw == Integer.class) {
                return BOXED_INT;
            } else if (raw == Long.class) {
                return BOXED_LONG;
            } else if (raw == Boolean.class) {
                return BOXED_BOOLEAN;
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
