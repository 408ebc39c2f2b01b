package io.github.querylint.core.schema;

import io.github.querylint.core.parse.Ddl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schema while migrations are replayed. Changes to tables nobody created (made by a Java
 * migration, or by a statement that could not be read) are counted and skipped.
 */
final class MutableSchema {

    private final Map<String, MutableTable> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final TreeSet<String> views = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    /**
     * Tables and views that SQL scripts outside the replay create (a data migration that code runs between two
     * versions): names a query may read, though not part of the schema the migrations build. A table a replayed
     * migration dropped is not among them: a query that still reads it is stale.
     */
    private final TreeSet<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    /** Tables a replayed change dropped or renamed away (a later CREATE takes the name off again). */
    private final TreeSet<String> dropped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private int skipped;
    private int applied;

    /**
     * Applies one change.
     *
     * @param implicitFkIndex whether the database indexes foreign key columns by itself (MySQL, MariaDB)
     * @param keepExisting    whether a CREATE TABLE of a known table keeps the known one (schema scripts
     *                        after migrations, duplicated vendor folders) rather than replacing it
     */
    void apply(Ddl change, boolean implicitFkIndex, boolean keepExisting) {
        if (applied(change, implicitFkIndex, keepExisting)) {
            applied++;
        } else {
            skipped++;
        }
    }

    /**
     * Applies changes whose order is unknown (schema scripts that one tool runs in its own order):
     * a change to a table that does not exist yet waits until no other change can be applied.
     */
    void applyUnordered(List<Ddl> changes, boolean implicitFkIndex) {
        List<Ddl> waiting = new ArrayList<>();
        for (Ddl change : changes) {
            if (!applied(change, implicitFkIndex, true)) {
                waiting.add(change);
            }
        }
        for (boolean moved = true; moved && !waiting.isEmpty(); ) {
            moved = waiting.removeIf(change -> applied(change, implicitFkIndex, true));
        }
        applied += changes.size() - waiting.size();
        skipped += waiting.size();
    }

    /** Applies one change; false when it names a table (or view) that does not exist. */
    private boolean applied(Ddl change, boolean implicitFkIndex, boolean keepExisting) {
        if (change instanceof Ddl.CreateTable c) {
            String name = simple(c.table());
            if (tables.containsKey(name) && (keepExisting || c.ifNotExists())) {
                return true;
            }
            dropped.remove(name);
            MutableTable t = new MutableTable(name);
            c.columns().forEach(t::addColumn);
            t.primaryKey.addAll(c.primaryKey());
            c.uniqueKeys().forEach(k -> t.unique.add(new Named(k.name(), k.columns())));
            c.indexes().forEach(k -> t.indexes.add(new Named(k.name(), k.columns())));
            c.foreignKeys().forEach(fk -> t.addForeignKey(fk, implicitFkIndex));
            tables.put(name, t);
            views.remove(name);
            return true;
        }
        if (change instanceof Ddl.CreateView v) {
            views.add(simple(v.table()));
            return true;
        }
        if (change instanceof Ddl.DropTable d) {
            String name = simple(d.table());
            if (tables.remove(name) != null) {
                dropped.add(name);
            }
            views.remove(name);
            return true; // dropping what is not there changes nothing (DROP TABLE IF EXISTS before a CREATE)
        }
        if (change instanceof Ddl.DropIndex d && d.table().isEmpty()) {
            // PostgreSQL's DROP INDEX names no table: find the index wherever it is
            tables.values().forEach(t -> t.dropNamed(d.name()));
            return true;
        }
        MutableTable t = tables.get(simple(change.table()));
        if (t == null) {
            return false;
        }
        if (change instanceof Ddl.AddColumn a) {
            t.addColumn(a.column());
            if (a.primaryKey()) {
                t.primaryKey.clear();
                t.primaryKey.add(a.column());
            }
            if (a.unique()) {
                t.unique.add(new Named("", List.of(a.column())));
            }
        } else if (change instanceof Ddl.DropColumn d) {
            t.dropColumn(d.column());
        } else if (change instanceof Ddl.RenameColumn r) {
            t.renameColumn(r.from(), r.to());
        } else if (change instanceof Ddl.RenameTable r) {
            String to = simple(r.to());
            dropped.add(t.name);
            dropped.remove(to);
            tables.remove(t.name);
            t.name = to;
            tables.put(to, t);
            String from = simple(r.table());
            tables.values().forEach(other -> other.renameReferences(from, to));
        } else if (change instanceof Ddl.AddPrimaryKey p) {
            t.primaryKey.clear();
            t.primaryKey.addAll(p.columns());
        } else if (change instanceof Ddl.AddUniqueKey u) {
            t.unique.add(new Named(u.key().name(), u.key().columns()));
        } else if (change instanceof Ddl.AddForeignKey f) {
            t.addForeignKey(f.key(), implicitFkIndex);
        } else if (change instanceof Ddl.CreateIndex i) {
            Named index = new Named(i.index().name(), i.index().columns());
            if (i.unique() && !i.partial()) {
                t.unique.add(index);
            } else {
                t.indexes.add(index);
            }
        } else if (change instanceof Ddl.DropIndex d) {
            t.dropNamed(d.name());
        } else if (change instanceof Ddl.DropConstraint d) {
            if (d.name().equalsIgnoreCase("PRIMARY KEY") || d.name().equalsIgnoreCase(t.name + "_pkey")) {
                t.primaryKey.clear();
            } else {
                t.dropNamed(d.name());
            }
        }
        return true;
    }

    int skipped() {
        return skipped;
    }

    int applied() {
        return applied;
    }

    /**
     * Whether the DDL looks like the whole schema: when more than one change in ten alters a table
     * it never created, another tool (Hibernate's hbm2ddl, Java migrations) creates part of it.
     */
    boolean complete() {
        return !isEmpty() && skipped * 10 <= applied;
    }

    boolean isEmpty() {
        return tables.isEmpty() && views.isEmpty();
    }

    Map<String, SchemaModel.Table> tables() {
        Map<String, SchemaModel.Table> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        tables.values().forEach(t -> out.put(t.name, t.freeze()));
        return out;
    }

    java.util.Set<String> views() {
        return views;
    }

    /** Tables a replayed change dropped or renamed, and that none created again. */
    java.util.Set<String> dropped() {
        return dropped;
    }

    /** A table or view a script outside the replay creates (see {@link #named}). */
    void noteNamed(String name) {
        named.add(simple(name));
    }

    /** The views, and the tables and views that scripts outside the replay create (see {@link #named}). */
    java.util.Set<String> knownNames() {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(views);
        named.stream().filter(n -> !tables.containsKey(n)).forEach(all::add);
        return all;
    }

    /** Tables are known by their simple name: queries rarely repeat the schema the migration names. */
    private static String simple(String name) {
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    }

    private record Named(String name, List<String> columns) {
        Named {
            name = name == null ? "" : simple(name);
            columns = new ArrayList<>(columns);
        }
    }

    private static final class MutableTable {
        String name;
        final Map<String, String> columns = new LinkedHashMap<>();
        final List<String> primaryKey = new ArrayList<>();
        final List<Named> unique = new ArrayList<>();
        final List<Named> indexes = new ArrayList<>();
        final List<SchemaModel.ForeignKey> foreignKeys = new ArrayList<>();

        MutableTable(String name) {
            this.name = name;
        }

        void addColumn(String column) {
            columns.putIfAbsent(column.toLowerCase(Locale.ROOT), column);
        }

        void addForeignKey(Ddl.ForeignKey fk, boolean implicitIndex) {
            foreignKeys.add(new SchemaModel.ForeignKey(fk.columns(), simple(fk.refTable()), fk.refColumns()));
            if (implicitIndex && !fk.columns().isEmpty()) {
                indexes.add(new Named("", fk.columns()));
            }
        }

        void dropColumn(String column) {
            columns.remove(column.toLowerCase(Locale.ROOT));
            if (primaryKey.stream().anyMatch(c -> c.equalsIgnoreCase(column))) {
                primaryKey.clear();
            }
            unique.removeIf(k -> k.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column)));
            indexes.removeIf(k -> k.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column)));
            foreignKeys.removeIf(k -> k.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column)));
        }

        void renameColumn(String from, String to) {
            Map<String, String> copy = new LinkedHashMap<>();
            columns.forEach((k, v) -> {
                if (k.equals(from.toLowerCase(Locale.ROOT))) {
                    copy.put(to.toLowerCase(Locale.ROOT), to);
                } else {
                    copy.put(k, v);
                }
            });
            columns.clear();
            columns.putAll(copy);
            primaryKey.replaceAll(c -> c.equalsIgnoreCase(from) ? to : c);
            unique.forEach(k -> k.columns().replaceAll(c -> c.equalsIgnoreCase(from) ? to : c));
            indexes.forEach(k -> k.columns().replaceAll(c -> c.equalsIgnoreCase(from) ? to : c));
            foreignKeys.replaceAll(k -> new SchemaModel.ForeignKey(
                    k.columns().stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList(), k.refTable(),
                    k.refColumns()));
        }

        void renameReferences(String from, String to) {
            foreignKeys.replaceAll(k -> k.refTable().equalsIgnoreCase(from)
                    ? new SchemaModel.ForeignKey(k.columns(), to, k.refColumns()) : k);
        }

        void dropNamed(String key) {
            if (key == null || key.isEmpty()) {
                return;
            }
            String simpleKey = simple(key);
            unique.removeIf(k -> k.name().equalsIgnoreCase(simpleKey));
            indexes.removeIf(k -> k.name().equalsIgnoreCase(simpleKey));
        }

        SchemaModel.Table freeze() {
            return new SchemaModel.Table(name, List.copyOf(columns.values()), primaryKey,
                    unique.stream().map(Named::columns).toList(), indexes.stream().map(Named::columns).toList(),
                    foreignKeys);
        }
    }
}
