package io.github.querylint.core.schema;

import io.github.querylint.core.extract.SqlScriptExtractor;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.parse.Ddl;
import io.github.querylint.core.parse.QueryParser;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.source.LineIndex;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link SchemaModel} of a code base by replaying its DDL in the order the database
 * saw it: Flyway versioned migrations ({@code V1__init.sql}, {@code V1_1__more.sql}, {@code V2.3__x.sql};
 * versions compare number by number), then Flyway repeatable ones ({@code R__*.sql}) by name, then
 * Liquibase changelogs (XML, YAML, JSON and formatted SQL) from each master changelog through its
 * includes, then plain schema scripts ({@code schema.sql}, {@code schema-h2.sql}). A CREATE TABLE
 * of a table that already exists keeps the one that exists, as the database would (vendor folders
 * that repeat a migration, test schema scripts). JPA entities (annotations, {@code orm.xml},
 * Hibernate's {@code hbm.xml}) map entity and property names to tables and columns, and are the
 * schema themselves when nothing else declares one.
 */
public final class SchemaLoader {

    private static final Pattern FLYWAY_VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
    private static final Pattern FLYWAY_REPEATABLE = Pattern.compile("R__.*\\.sql");
    private static final Pattern SCHEMA_SCRIPT = Pattern.compile("(?i)(schema|ddl)([-_.][\\w.-]*)?\\.sql|[\\w.-]*[-_](schema|ddl)\\.sql");
    /**
     * "schema" or "ddl" inside a longer name (business-schema-hsqldb.sql of Spring Batch's samples): a schema script
     * when it is a resource an application or a test loads from its class path; elsewhere such a name is as often
     * an old or a backed-up schema kept for reference (old-schema-files/core-ddl-latest.sql).
     */
    private static final Pattern RESOURCE_SCHEMA_SCRIPT = Pattern.compile("(?i)[\\w.-]*[-_.](schema|ddl)[-_.][\\w.-]*\\.sql");
    /** The statements that change tables, views and indexes; sequences, functions and grants do not matter here. */
    private static final Pattern DDL_START = Pattern.compile("(?is)\\s*(create\\s+(or\\s+replace\\s+)?"
            + "(((global|local)\\s+)?(temporary|temp)\\s+|unlogged\\s+)?(table|(materialized\\s+)?view|(unique\\s+)?"
            + "((non)?clustered\\s+)?index)|alter\\s+(table|view)|drop\\s+(table|(materialized\\s+)?view|index)|rename\\s+table)\\b.*");
    /** The name a CREATE TABLE or CREATE VIEW statement gives, anywhere in a script's text. */
    private static final Pattern CREATED = Pattern.compile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:(?:global|local)\\s+)?"
            + "(?:temporary\\s+|temp\\s+|unlogged\\s+)?(?:table|(?:materialized\\s+)?view)\\s+(?:if\\s+not\\s+exists\\s+)?"
            + "([`\"\\[]?[\\w$]+[`\"\\]]?(?:\\.[`\"\\[]?[\\w$]+[`\"\\]]?)?)");
    /**
     * The table an ALTER TABLE or RENAME TABLE names: in a script nothing replays (an upgrade script), it says that
     * the table exists where the script runs.
     */
    private static final Pattern ALTERED = Pattern.compile("(?i)\\b(?:alter\\s+table|rename\\s+table)\\s+"
            + "(?:if\\s+exists\\s+)?(?:only\\s+)?([`\"\\[]?[\\w$]+[`\"\\]]?(?:\\.[`\"\\[]?[\\w$]+[`\"\\]]?)?)");

    /**
     * Changes that keep every table, column and key as it was: SQL Server's {@code ALTER TABLE t [WITH CHECK] CHECK
     * CONSTRAINT fk} (enabling a constraint), {@code ENABLE}/{@code DISABLE TRIGGER}.
     */
    private static final Pattern KEEPS_SCHEMA = Pattern.compile("(?is)\\s*ALTER\\s+TABLE\\s+\\S+\\s+((WITH\\s+(NO)?CHECK\\s+)?"
            + "(NO)?CHECK\\s+CONSTRAINT|(ENABLE|DISABLE)\\s+TRIGGER)\\b.*");
    private static final Pattern PLACEHOLDER_PREFIX = Pattern.compile("\\$\\{[^}]*}\\.");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private SchemaLoader() {
    }

    /**
     * The simple names of the tables and views a text creates anywhere in it ({@code CREATE TABLE IF NOT EXISTS
     * audit.events_tmp}), as a Java file's statements do: a cheap look for the word first.
     */
    public static Set<String> createdNames(String text) {
        if (!text.contains("CREATE") && !text.contains("create") && !text.contains("Create")) {
            return Set.of();
        }
        Set<String> names = new java.util.TreeSet<>();
        Matcher m = CREATED.matcher(text);
        while (m.find()) {
            names.add(unquoteName(m.group(1)));
        }
        return names;
    }

    /** {@code "public"."orders"} -> {@code orders}: the simple name, without quotes. */
    private static String unquoteName(String name) {
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return simple.replaceAll("[`\"\\[\\]]", "");
    }

    /**
     * What was read, for reports and measurements.
     *
     * @param migrations       Flyway, Liquibase and schema script files replayed
     * @param entities         JPA entity classes read
     * @param statements       DDL statements met in SQL
     * @param statementsFailed DDL statements the parser could not read (the schema misses their changes)
     * @param changesSkipped   changes to tables that no replayed DDL created
     * @param changesApplied   changes replayed
     */
    public record Stats(int migrations, int entities, int statements, int statementsFailed, int changesSkipped,
                        int changesApplied) {
    }

    public record Result(SchemaModel schema, List<Notice> notices, Stats stats) {
    }

    /** Whether a file may hold schema: migrations, changelogs, schema scripts (Java entities come separately). */
    public static boolean candidate(SourceFile file) {
        return file.kind() == SourceKind.SQL || file.kind() == SourceKind.XML || file.kind() == SourceKind.YAML
                || file.kind() == SourceKind.JSON;
    }

    /**
     * @param files     the scanned files (others than {@link #candidate} ones are ignored)
     * @param texts     reads a file's text, null when it cannot be read (the caller reports that)
     * @param parser    reads DDL statements
     * @param dialectOf the SQL dialect of a file, by its relative path
     * @param mapped    the JPA classes read from the Java files
     */
    public static Result load(List<SourceFile> files, Function<SourceFile, String> texts, QueryParser parser,
                              Function<String, SqlDialect> dialectOf, List<EntityReader.MappedClass> mapped) {
        return load(files, texts, parser, dialectOf, mapped, Set.of());
    }

    /**
     * @param createdByCode the tables and views the Java code creates itself ({@link #createdNames}): they exist
     *                      though no migration makes them, as the tables of a SQL file nothing replays do
     */
    public static Result load(List<SourceFile> files, Function<SourceFile, String> texts, QueryParser parser,
                              Function<String, SqlDialect> dialectOf, List<EntityReader.MappedClass> mapped,
                              Set<String> createdByCode) {
        Loader loader = new Loader(texts, parser, dialectOf);
        loader.classify(files);
        loader.replay();
        createdByCode.forEach(loader.schema::noteNamed);
        List<EntityReader.MappedClass> all = new ArrayList<>(mapped);
        all.addAll(loader.xmlMapped);
        SchemaModel schema = Entities.model(loader.schema, all);
        Stats stats = new Stats(loader.replayed, (int) all.stream().filter(EntityReader.MappedClass::entity).count(),
                loader.statements, loader.failed, loader.schema.skipped(), loader.schema.applied());
        return new Result(schema, loader.notices, stats);
    }

    private static final class Loader {
        final Function<SourceFile, String> texts;
        final QueryParser parser;
        final Function<String, SqlDialect> dialectOf;
        final MutableSchema schema = new MutableSchema();
        final List<Notice> notices = new ArrayList<>();
        final List<SourceFile> versioned = new ArrayList<>();
        final List<SourceFile> repeatable = new ArrayList<>();
        final List<SourceFile> scripts = new ArrayList<>();
        /** Liquibase changelogs and every other SQL file (a changelog may include or sqlFile it), by path. */
        final Map<String, SourceFile> includable = new TreeMap<>();
        final Map<String, List<Liquibase.Step>> changelogs = new TreeMap<>();
        final Map<String, String> textCache = new HashMap<>();
        final Set<String> done = new HashSet<>();
        /** Entities mapped in hbm.xml and orm.xml files. */
        final List<EntityReader.MappedClass> xmlMapped = new ArrayList<>();
        int replayed;
        int statements;
        int failed;

        Loader(Function<SourceFile, String> texts, QueryParser parser, Function<String, SqlDialect> dialectOf) {
            this.texts = texts;
            this.parser = parser;
            this.dialectOf = dialectOf;
        }

        String text(SourceFile file) {
            return textCache.computeIfAbsent(file.path(), p -> {
                String t = texts.apply(file);
                return t == null ? "" : t;
            });
        }

        void classify(List<SourceFile> files) {
            for (SourceFile file : files) {
                String name = file.file().getFileName().toString();
                if (file.kind() == SourceKind.SQL) {
                    if (FLYWAY_VERSIONED.matcher(name).matches()) {
                        versioned.add(file);
                    } else if (FLYWAY_REPEATABLE.matcher(name).matches()) {
                        repeatable.add(file);
                    } else {
                        includable.put(file.path(), file);
                        String text = text(file);
                        if (Liquibase.isFormattedSql(text)) {
                            changelogs.put(file.path(), List.of(new Liquibase.Sql(text)));
                        } else if (SCHEMA_SCRIPT.matcher(name).matches() || RESOURCE_SCHEMA_SCRIPT.matcher(name).matches()
                                && ("/" + file.path()).contains("/resources/")) {
                            scripts.add(file);
                        }
                    }
                } else if (candidate(file)) {
                    String text = text(file);
                    if (file.kind() == SourceKind.XML && MappingXml.isMapping(text)) {
                        try {
                            xmlMapped.addAll(MappingXml.read(text));
                        } catch (Liquibase.Unreadable e) {
                            notices.add(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), e.line, 1),
                                    "entity mapping could not be read (" + e.getMessage() + "); its entities are unknown"));
                        }
                        textCache.remove(file.path());
                        continue;
                    }
                    if (!Liquibase.isChangelog(text)) {
                        textCache.remove(file.path());
                        continue;
                    }
                    try {
                        changelogs.put(file.path(), Liquibase.read(name, text));
                        includable.put(file.path(), file);
                    } catch (Liquibase.Unreadable e) {
                        notices.add(new Notice(Notice.Kind.UNPARSEABLE_FILE, new Location(file.path(), e.line, 1),
                                "Liquibase changelog could not be read (" + e.getMessage()
                                        + "); the schema misses its changes"));
                    }
                    textCache.remove(file.path());
                }
            }
            versioned.sort(Comparator.comparing((SourceFile f) -> version(f.file().getFileName().toString()),
                    SchemaLoader::compareVersions).thenComparing(SourceFile::path));
            repeatable.sort(Comparator.comparing((SourceFile f) -> f.file().getFileName().toString())
                    .thenComparing(SourceFile::path));
        }

        void replay() {
            for (SourceFile f : versioned) {
                sqlFile(f, false);
            }
            for (SourceFile f : repeatable) {
                sqlFile(f, false);
            }
            // master changelogs first: those no other changelog includes
            Set<String> included = new HashSet<>();
            changelogs.forEach((path, steps) -> steps.forEach(step -> {
                if (step instanceof Liquibase.Include include) {
                    resolve(path, include).forEach(f -> included.add(f.path()));
                }
            }));
            for (String path : changelogs.keySet()) {
                if (!included.contains(path)) {
                    changelog(path, 0);
                }
            }
            for (String path : changelogs.keySet()) {
                changelog(path, 0); // any left in an include cycle
            }
            // schema scripts come in no order a tool promises (schema-entities.sql, schema-entities-idx.sql):
            // an index on a table a later script creates waits for it
            Map<Boolean, List<Ddl>> unordered = new TreeMap<>();
            for (SourceFile f : scripts) {
                replayed++;
                boolean implicit = implicitFkIndex(dialectOf.apply(f.path()));
                unordered.computeIfAbsent(implicit, k -> new ArrayList<>()).addAll(read(text(f), dialectOf.apply(f.path()), null, f.path()));
                textCache.remove(f.path());
            }
            unordered.forEach((implicit, changes) -> schema.applyUnordered(changes, implicit));
            // SQL files nothing replays (a data migration that code runs between two versions, a vendor's copy)
            // still say which tables exist somewhere: a query reading one of them names no missing table
            for (SourceFile f : includable.values()) {
                if (f.kind() == SourceKind.SQL && !done.contains(f.path()) && !changelogs.containsKey(f.path())
                        && !scripts.contains(f)) {
                    Matcher m = CREATED.matcher(text(f));
                    while (m.find()) {
                        schema.noteNamed(unquoteName(m.group(1)));
                    }
                    // an upgrade script that alters or renames a table it reads first: the table is there when it runs
                    Matcher altered = ALTERED.matcher(text(f));
                    while (altered.find()) {
                        String name = unquoteName(altered.group(1));
                        if (!schema.dropped().contains(name)) { // what a replayed migration dropped stays dropped
                            schema.noteNamed(name);
                        }
                    }
                    textCache.remove(f.path());
                }
            }
        }

        void changelog(String path, int depth) {
            if (depth > 50 || !done.add(path)) {
                return;
            }
            SourceFile file = includable.get(path);
            List<Liquibase.Step> steps = changelogs.get(path);
            if (steps == null) {
                if (file != null) {
                    sqlFile(file, true); // a plain SQL file included from a changelog
                }
                return;
            }
            replayed++;
            SqlDialect dialect = dialectOf.apply(path);
            for (Liquibase.Step step : steps) {
                if (step instanceof Liquibase.Changes changes) {
                    changes.changes().forEach(c -> schema.apply(c, implicitFkIndex(dialect), true));
                } else if (step instanceof Liquibase.Sql sql) {
                    boolean embedded = file != null && file.kind() != SourceKind.SQL;
                    sql(sql.text(), path, dialect, embedded ? file : null);
                } else if (step instanceof Liquibase.Include include) {
                    for (SourceFile target : resolve(path, include)) {
                        if (include.sqlFile() && !changelogs.containsKey(target.path())) {
                            if (done.add(target.path())) {
                                sqlFile(target, true);
                            }
                        } else {
                            changelog(target.path(), depth + 1);
                        }
                    }
                }
            }
        }

        /** The files an include names: relative to the changelog, or a classpath path matched by its end. */
        List<SourceFile> resolve(String from, Liquibase.Include include) {
            String target = include.path().replace('\\', '/').replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
            if (target.isEmpty()) {
                return List.of();
            }
            String dir = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
            String wanted = include.relativeToChangelog() ? normalize(dir + target) : target;
            if (include.all()) {
                String folder = wanted.endsWith("/") ? wanted : wanted + "/";
                List<SourceFile> all = new ArrayList<>();
                for (SourceFile f : includable.values()) {
                    String p = f.path();
                    String parent = p.substring(0, p.lastIndexOf('/') + 1);
                    if ((parent.equals(folder) || parent.endsWith("/" + folder)) && changelogs.containsKey(p)
                            || (parent.equals(folder) || parent.endsWith("/" + folder)) && p.endsWith(".sql")) {
                        all.add(f);
                    }
                }
                all.sort(Comparator.comparing((SourceFile f) -> f.file().getFileName().toString()));
                return all;
            }
            SourceFile best = null;
            int bestShared = -1;
            for (SourceFile f : includable.values()) {
                if (f.path().equals(wanted) || f.path().endsWith("/" + wanted)) {
                    int shared = sharedPrefix(f.path(), from);
                    if (shared > bestShared) {
                        best = f;
                        bestShared = shared;
                    }
                }
            }
            return best == null ? List.of() : List.of(best);
        }

        void sqlFile(SourceFile file, boolean fromChangelog) {
            if (!fromChangelog) {
                replayed++;
            }
            String text = text(file);
            sql(text, file.path(), dialectOf.apply(file.path()), null);
            textCache.remove(file.path());
        }

        /**
         * Reads the DDL statements of a script. A statement that cannot be read is a notice at its line (in the
         * changelog that embeds it, {@code noticeAt}, or in the script): no rule judges DDL, so nothing else says it.
         */
        void sql(String text, String path, SqlDialect dialect, SourceFile noticeAt) {
            boolean implicit = implicitFkIndex(dialect);
            read(text, dialect, noticeAt, path).forEach(c -> schema.apply(c, implicit, true));
        }

        /** The changes of a script's DDL statements, in order. */
        List<Ddl> read(String text, SqlDialect dialect, SourceFile noticeAt, String path) {
            List<Ddl> changes = new ArrayList<>();
            if (SqlScriptExtractor.templateEngine(path, text) != null) {
                return changes; // a template's statements exist once it runs; its extraction says so in a notice
            }
            String source = noticeAt == null ? text : text(noticeAt);
            LineIndex lines = new LineIndex(source);
            boolean escapes = SqlScriptExtractor.backslashEscapes(dialect, text);
            // a script that shows MySQL's signs (backquoted names, a dump's header) is MySQL's, escapes and all
            SqlDialect ddlDialect = dialect == SqlDialect.ANSI && escapes ? SqlDialect.MYSQL : dialect;
            for (SqlScriptExtractor.Statement s : SqlScriptExtractor.statements(text, dialect, escapes)) {
                if (!DDL_START.matcher(s.text()).matches() || KEEPS_SCHEMA.matcher(s.text()).matches()) {
                    continue;
                }
                statements++;
                String statement = PLACEHOLDER.matcher(PLACEHOLDER_PREFIX.matcher(s.text()).replaceAll(""))
                        .replaceAll(m -> Matcher.quoteReplacement(m.group(1).replaceAll("\\W", "_")));
                Ddl.Outcome outcome = parser.parseDdl(statement, ddlDialect);
                if (!outcome.parsed()) {
                    failed++;
                    // no rule judges DDL, so no parse-error says it: the notice is the only word of what the schema misses
                    // in the script, the statement's own offset; in a changelog, where its first line stands (the first
                    // such line from the script's place there: two statements may begin alike)
                    int at = noticeAt == null ? s.offset() : source.indexOf(s.text().lines().findFirst().orElse(""));
                    notices.add(new Notice(Notice.Kind.PARSE_FAILURE, new Location(path, at < 0 ? 1 : lines.line(at), 1),
                            "schema change " + (noticeAt == null ? "" : "in a changelog ") + "could not be read ("
                                    + outcome.problem() + "); the schema misses it"));
                    continue;
                }
                changes.addAll(outcome.changes());
            }
            return changes;
        }
    }

    private static boolean implicitFkIndex(SqlDialect dialect) {
        return dialect == SqlDialect.MYSQL || dialect == SqlDialect.MARIADB;
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else if (!p.equals(".") && !p.isEmpty()) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static int sharedPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** {@code V1_2__x.sql} -> [1, 2]. */
    static List<Long> version(String fileName) {
        Matcher m = FLYWAY_VERSIONED.matcher(fileName);
        if (!m.matches()) {
            return List.of();
        }
        List<Long> parts = new ArrayList<>();
        for (String p : m.group(1).split("[._]")) {
            try {
                parts.add(Long.parseLong(p));
            } catch (NumberFormatException e) {
                parts.add(Long.MAX_VALUE);
            }
        }
        return parts;
    }

    /** Number by number; a missing part counts as 0, so 1.1 == 1.1.0 and 1.1 < 1.10 < 2. */
    static int compareVersions(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            long x = i < a.size() ? a.get(i) : 0;
            long y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    /** JPA entities: the entity-to-table map, and the whole schema when no DDL declares one. */
    static final class Entities {
        private Entities() {
        }

        static SchemaModel model(MutableSchema ddl, List<EntityReader.MappedClass> mapped) {
            Map<String, EntityReader.MappedClass> byClass = new TreeMap<>();
            mapped.forEach(m -> byClass.putIfAbsent(m.className(), m));
            Map<String, SchemaModel.Table> tables = ddl.tables();
            boolean migrations = !ddl.isEmpty();
            Map<String, SchemaModel.Entity> entities = new TreeMap<>();
            Map<String, SchemaModel.Table> derived = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            List<EntityReader.MappedClass> sorted = new ArrayList<>(byClass.values());
            for (EntityReader.MappedClass m : sorted) {
                if (!m.entity()) {
                    continue;
                }
                Flat flat = flatten(m, byClass);
                String table = flat.table;
                if (migrations) {
                    table = resolveTable(table, m, tables);
                }
                Map<String, String> columns = new LinkedHashMap<>();
                SchemaModel.Table known = tables.get(table);
                flat.columns.forEach((property, column) -> {
                    if (known != null && !known.hasColumn(column) && known.hasColumn(property)) {
                        columns.put(property, property); // Hibernate's default naming: the property name as is
                    } else {
                        columns.put(property, column);
                    }
                });
                entities.putIfAbsent(m.entityName(), new SchemaModel.Entity(m.entityName(), table, columns, flat.basic));
                if (!migrations) {
                    SchemaModel.Table before = derived.get(table);
                    List<String> allColumns = new ArrayList<>(before == null ? List.of() : before.columns());
                    java.util.stream.Stream.concat(flat.columns.values().stream(), flat.extra.stream()).forEach(c -> {
                        if (allColumns.stream().noneMatch(x -> x.equalsIgnoreCase(c))) {
                            allColumns.add(c);
                        }
                    });
                    List<List<String>> unique = new ArrayList<>(before == null ? List.of() : before.uniqueKeys());
                    unique.addAll(flat.unique);
                    List<List<String>> indexes = new ArrayList<>(before == null ? List.of() : before.indexes());
                    indexes.addAll(flat.indexes);
                    List<String> pk = before != null && !before.primaryKey().isEmpty() ? before.primaryKey() : flat.ids;
                    derived.put(table, new SchemaModel.Table(table, allColumns, pk, unique, indexes, List.of()));
                }
            }
            // Hibernate imports each entity's unqualified class name beside its entity name, and a criteria query or a
            // derived query names the class (from(AccessPermissionImpl.class) of @Entity(name = "AccessPermission"))
            for (EntityReader.MappedClass m : sorted) {
                if (m.entity() && !m.className().equals(m.entityName()) && entities.containsKey(m.entityName())) {
                    entities.putIfAbsent(m.className(), entities.get(m.entityName()));
                }
            }
            supertypes(sorted, byClass, entities);
            return new SchemaModel(migrations ? tables : derived, Map.of(), entities, ddl.knownNames(), ddl.complete(),
                    ddl.dropped());
        }

        /** Interfaces nearly every class implements, which no query names. */
        private static final Set<String> PLAIN_SUPERTYPES = Set.of("Serializable", "Cloneable", "Comparable",
                "Externalizable", "Object");

        /**
         * The types entities extend or implement without being mapped themselves ({@code OrderImpl implements Order},
         * Broadleaf's pattern): HQL reads every entity of a queried supertype, so its name is an entity name too. With one
         * such entity it stands for that entity (its table and columns); with several, for no one table.
         */
        private static void supertypes(List<EntityReader.MappedClass> sorted, Map<String, EntityReader.MappedClass> byClass,
                                       Map<String, SchemaModel.Entity> entities) {
            Map<String, Set<String>> implementors = new TreeMap<>();
            for (EntityReader.MappedClass m : sorted) {
                if (!m.entity()) {
                    continue;
                }
                Set<String> seen = new HashSet<>();
                for (EntityReader.MappedClass c = m; c != null && seen.add(c.className()); c = byClass.get(c.superClass())) {
                    for (String type : c.supertypes()) {
                        if (!byClass.containsKey(type) && !PLAIN_SUPERTYPES.contains(type)) {
                            implementors.computeIfAbsent(type, k -> new java.util.TreeSet<>()).add(m.entityName());
                        }
                    }
                }
            }
            implementors.forEach((type, names) -> {
                if (entities.containsKey(type)) {
                    return;
                }
                SchemaModel.Entity only = names.size() == 1 ? entities.get(names.iterator().next()) : null;
                entities.put(type, only == null ? new SchemaModel.Entity(type, "", Map.of())
                        : new SchemaModel.Entity(type, only.table(), only.columns(), only.basic()));
            });
        }

        /** The table of an entity among the tables the migrations made: as mapped, or as the entity is named. */
        private static String resolveTable(String table, EntityReader.MappedClass m, Map<String, SchemaModel.Table> tables) {
            if (tables.containsKey(table)) {
                return tables.get(table).name();
            }
            for (String candidate : List.of(m.entityName(), m.className())) {
                if (!m.tableGiven() && tables.containsKey(candidate)) {
                    return tables.get(candidate).name();
                }
            }
            return table;
        }

        /**
         * @param extra columns of embedded objects, which JPQL reaches by a longer path
         * @param basic the properties mapped as a plain column, its superclasses' too
         */
        private record Flat(String table, Map<String, String> columns, List<String> extra, List<String> ids,
                            List<List<String>> unique, List<List<String>> indexes, Set<String> basic) {
        }

        /** An entity with what its superclasses and embeddables map; an entity under an entity shares its table. */
        private static Flat flatten(EntityReader.MappedClass m, Map<String, EntityReader.MappedClass> byClass) {
            List<EntityReader.MappedClass> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (EntityReader.MappedClass c = m; c != null && seen.add(c.className()); c = byClass.get(c.superClass())) {
                chain.add(0, c);
            }
            String table = m.table();
            if (!m.tableGiven()) {
                Optional<EntityReader.MappedClass> rootEntity = chain.stream().filter(EntityReader.MappedClass::entity)
                        .findFirst();
                if (rootEntity.isPresent() && rootEntity.get() != m) {
                    table = rootEntity.get().table(); // single-table inheritance, JPA's default
                }
            }
            Map<String, String> columns = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            List<List<String>> unique = new ArrayList<>();
            List<List<String>> indexes = new ArrayList<>();
            List<String> extra = new ArrayList<>();
            Set<String> basic = new HashSet<>();
            for (EntityReader.MappedClass c : chain) {
                columns.putAll(c.columns());
                basic.removeAll(c.columns().keySet()); // a subclass may map an inherited name anew
                basic.addAll(c.basic());
                ids.addAll(c.idColumns());
                unique.addAll(c.uniqueKeys());
                indexes.addAll(c.indexes());
                for (String type : c.embedded()) {
                    EntityReader.MappedClass e = byClass.get(type);
                    if (e != null) {
                        extra.addAll(e.columns().values());
                    }
                }
                if (!c.embeddedId().isEmpty()) {
                    EntityReader.MappedClass e = byClass.get(c.embeddedId());
                    if (e != null) {
                        ids.addAll(e.columns().values());
                        extra.addAll(e.columns().values());
                    }
                }
            }
            return new Flat(table, columns, extra, ids, unique, indexes, basic);
        }
    }
}
