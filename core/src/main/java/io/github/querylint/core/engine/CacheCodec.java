package io.github.querylint.core.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compact binary form of the records a file's result is made of (findings, notices, query
 * units and what they hold), written component by component in declaration order. Reader and
 * writer are always the same build (the cache's context holds the build), so the form needs no
 * versioning of its own; a value of a kind it does not know is an error, and the cache is then
 * not written. Strings are written once and referred to by number after that: paths repeat.
 * Reading it is a few times faster than JSON on a cold JVM, which is most of a warm re-run.
 */
final class CacheCodec {

    private static final int NULL = 0;
    private static final int VALUE = 1;

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();
    private static final Map<RecordComponent, java.lang.reflect.Method> ACCESSORS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();
    /** The generic type of each record component, in order (put before COMPONENTS answers). */
    private static final Map<Class<?>, Type[]> GENERIC_TYPES = new ConcurrentHashMap<>();

    private CacheCodec() {
    }

    static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            strings.put(s, strings.size());
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(-2);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        void value(Object value, Type type) throws IOException {
            Class<?> raw = raw(type);
            if (raw == int.class) {
                out.writeInt((Integer) value);
                return;
            }
            if (raw == long.class) {
                out.writeLong((Long) value);
                return;
            }
            if (raw == boolean.class) {
                out.writeBoolean((Boolean) value);
                return;
            }
            if (value == null) {
                out.writeByte(NULL);
                return;
            }
            out.writeByte(VALUE);
            if (raw == String.class) {
                string((String) value);
            } else if (raw == Integer.class) {
                out.writeInt((Integer) value);
            } else if (raw == Long.class) {
                out.writeLong((Long) value);
            } else if (raw == Boolean.class) {
                out.writeBoolean((Boolean) value);
            } else if (raw.isEnum()) {
                string(((Enum<?>) value).name());
            } else if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)) {
                java.util.Collection<?> items = (java.util.Collection<?>) value;
                out.writeInt(items.size());
                for (Object item : items) {
                    value(item, argument(type, 0));
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                Map<?, ?> map = (Map<?, ?>) value;
                out.writeInt(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    value(e.getKey(), argument(type, 0));
                    value(e.getValue(), argument(type, 1));
                }
            } else if (raw == Optional.class) {
                Optional<?> o = (Optional<?>) value;
                value(o.orElse(null), argument(type, 0));
            } else if (value instanceof Record record) {
                // a sealed interface or a supertype: say which record it is
                string(value.getClass() == raw ? null : value.getClass().getName());
                for (RecordComponent c : components(value.getClass())) {
                    try {
                        value(ACCESSORS.get(c).invoke(record), c.getGenericType());
                    } catch (ReflectiveOperationException e) {
                        throw new IOException("cannot read " + c, e);
                    }
                }
            } else {
                throw new IOException("the cache cannot store a " + value.getClass().getName());
            }
        }
    }

    static final class Reader {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();
        private final Map<String, Class<?>> classes = new java.util.HashMap<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        String string() throws IOException {
            int n = in.readInt();
            if (n == -1) {
                return null;
            }
            if (n == -2) {
                int length = in.readInt();
                if (length < 0 || length > 1 << 26) {
                    throw new IOException("corrupt string length " + length);
                }
                byte[] bytes = in.readNBytes(length);
                if (bytes.length != length) {
                    throw new IOException("truncated");
                }
                String s = new String(bytes, StandardCharsets.UTF_8);
                strings.add(s);
                return s;
            }
            if (n < 0 || n >= strings.size()) {
                throw new IOException("corrupt string reference " + n);
            }
            return strings.get(n);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        Object value(Type type) throws IOException {
            Class<?> raw = raw(type);
            if (raw == int.class) {
                return in.readInt();
            }
            if (raw == long.class) {
                return in.readLong();
            }
            if (raw == boolean.class) {
                return in.readBoolean();
            }
            int tag = in.readByte();
            if (tag == NULL) {
                return null;
            }
            if (tag != VALUE) {
                throw new IOException("corrupt tag " + tag);
            }
            if (raw == String.class) {
                return string();
            } else if (raw == Integer.class) {
                return in.readInt();
            } else if (raw == Long.class) {
                return in.readLong();
            } else if (raw == Boolean.class) {
                return in.readBoolean();
            } else if (raw.isEnum()) {
                return Enum.valueOf((Class) raw, string());
            } else if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)) {
                int n = count();
                java.util.Collection<Object> items = List.class.isAssignableFrom(raw) ? new ArrayList<>(n)
                        : new LinkedHashSet<>();
                for (int i = 0; i < n; i++) {
                    items.add(value(argument(type, 0)));
                }
                return items;
            } else if (Map.class.isAssignableFrom(raw)) {
                int n = count();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(value(argument(type, 0)), value(argument(type, 1)));
                }
                return map;
            } else if (raw == Optional.class) {
                return Optional.ofNullable(value(argument(type, 0)));
            }
            String concrete = string();
            Class<?> recordClass = concrete == null ? raw : classes.get(concrete);
            if (recordClass == null) {
                try {
                    // looked up once per name: a cache holds thousands of records of a dozen kinds
                    recordClass = Class.forName(concrete, false, raw.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IOException("unknown record " + concrete, e);
                }
                classes.put(concrete, recordClass);
            }
            if (!recordClass.isRecord() || !raw.isAssignableFrom(recordClass)) {
                throw new IOException("not a record: " + recordClass.getName());
            }
            RecordComponent[] components = components(recordClass);
            Type[] types = GENERIC_TYPES.get(recordClass);
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = value(types[i]);
            }
            try {
                return constructor(recordClass, components).newInstance(args);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IOException("cannot make a " + recordClass.getName(), e);
            }
        }

        private int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > 1 << 24) {
                throw new IOException("corrupt count " + n);
            }
            return n;
        }
    }

    private static RecordComponent[] components(Class<?> type) {
        return COMPONENTS.computeIfAbsent(type, t -> {
            RecordComponent[] components = t.getRecordComponents();
            Type[] types = new Type[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getGenericType();
            }
            GENERIC_TYPES.put(t, types);
            for (RecordComponent c : components) {
                java.lang.reflect.Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                ACCESSORS.put(c, accessor);
            }
            return components;
        });
    }

    private static Constructor<?> constructor(Class<?> type, RecordComponent[] components) {
        return CONSTRUCTORS.computeIfAbsent(type, t -> {
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> c = t.getDeclaredConstructor(types);
                c.setAccessible(true);
                return c;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof java.lang.reflect.WildcardType w) {
            return raw(w.getUpperBounds()[0]);
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
