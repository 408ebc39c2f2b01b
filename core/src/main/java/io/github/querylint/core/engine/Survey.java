package io.github.querylint.core.engine;

import io.github.querylint.core.extract.JavaLexer;
import io.github.querylint.core.extract.Prefilter;
import io.github.querylint.core.extract.ProjectConstants;
import io.github.querylint.core.schema.EntityReader;
import io.github.querylint.core.schema.SchemaLoader;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the engine learns of each file from its text alone, in the one read of the file before
 * anything is parsed: whether the second pass may parse it, whether the first pass or the entity
 * reading needs it, which types it declares, which names it assigns, and which identifiers its
 * code holds. A file that none of them needs is never read again. From these facts the engine
 * also picks the files the first pass must parse for their string constants.
 *
 * <p>Why that choice is safe: a query reaches another file's constant only as {@code T.NAME}
 * (or {@code a.b.T.NAME}, or {@code A.T.NAME} for a nested type) or through a static import of
 * {@code a.b.T.NAME} or {@code a.b.T.*}; the first pass records a constant under the simple name
 * {@code T} of the type that declares it, and a constant always has an initializer, so its name
 * stands before an {@code =}. A file is parsed when some query-bearing file's code (or a JPA
 * entity's, whose table and column names may be constants) holds {@code T.NAME} or {@code T.*} for
 * a type {@code T} it declares and a name {@code NAME} it assigns. Comments and literals are
 * skipped; everything else only ever adds files.
 */
final class Survey {

    /**
     * @param queryFile       whether the second pass may parse the file (the extractor's pre-filter)
     * @param stringConstants whether it may declare a String constant (it says String, and static or interface)
     * @param declaredTypes   simple names of the types it declares (of files that may read or declare constants)
     * @param assigned        names that stand before an {@code =} (when it may declare constants)
     * @param indexWorthy     whether its text says the first pass may find something project-wide in it
     *                        (named queries, a repository or mapper interface, a query wrapper...)
     * @param entity          whether it may declare a JPA entity, mapped superclass or embeddable
     * @param identifiers     the sorted, distinct hash codes of the identifiers of its code; null when its
     *                        text could not be read (then it may mention anything)
     */
    record Facts(boolean queryFile, boolean stringConstants, List<String> declaredTypes, Set<String> assigned,
                 boolean indexWorthy, boolean entity, int[] identifiers) {
        /** The facts of a file whose text is unknown: it may mention anything, and the second pass reads it. */
        static final Facts NONE = new Facts(false, false, List.of(), Set.of(), false, false, null);

        /**
         * Whether the file's code may hold one of the names as a whole identifier: it does, or an
         * identifier has the same hash, or its text is unknown.
         */
        boolean mentionsAny(Collection<String> names) {
            if (identifiers == null) {
                return true;
            }
            for (String name : names) {
                if (Arrays.binarySearch(identifiers, name.hashCode()) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /** {@link #mentionsAny(Collection)} for names given by {@link #hashes(Collection)}: one merge of two sorted arrays. */
        boolean mentionsAny(int[] names) {
            if (identifiers == null) {
                return true;
            }
            int i = 0;
            int j = 0;
            while (i < identifiers.length && j < names.length) {
                if (identifiers[i] == names[j]) {
                    return true;
                } else if (identifiers[i] < names[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return false;
        }
    }

    /** The sorted, distinct hash codes of the names. */
    static int[] hashes(Collection<String> names) {
        return names.stream().mapToInt(String::hashCode).sorted().distinct().toArray();
    }

    /** {@code T.NAME} and {@code T.*} as written in the code of the files the second pass may parse. */
    private final Set<String> references = ConcurrentHashMap.newKeySet();
    /**
     * Each type's supertypes by simple name, from the file of the lowest path that declares it: [path, what it
     * extends, what it implements].
     */
    private final Map<String, List<String>> supertypes = new ConcurrentHashMap<>();

    /**
     * The types each class or interface of the tree extends and implements, by simple name, the class it extends
     * first: what an inherited call or constant may come from. Call once every file has been looked at.
     */
    Map<String, List<String>> supertypes() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        supertypes.forEach((type, found) -> out.put(type, found.subList(1, found.size())));
        return out;
    }

    /** The classes named by a class literal ({@code T.class}) in files with a MyBatis provider annotation. */
    private final Set<String> providers = ConcurrentHashMap.newKeySet();
    /** The tables and views that Java code creates itself ({@code jdbc.execute("CREATE TABLE audit_tmp ..")}). */
    private final Set<String> createdTables = ConcurrentHashMap.newKeySet();

    /** Looks at one file; thread-safe. */
    Facts facts(SourceFile file, String text) {
        if (text == null) {
            return Facts.NONE;
        }
        if (file.kind() != SourceKind.JAVA) {
            Scan scan = new Scan(false, false, null, null);
            JavaLexer.run(text, scan);
            return new Facts(false, false, List.of(), Set.of(), false, false, scan.identifiers());
        }
        Prefilter.Detector detector = new Prefilter.Detector();
        ProjectConstants.Signals signals = new ProjectConstants.Signals();
        // the first pass records static final fields and interface fields whose type is written String
        Scan scan = new Scan(true, true, detector, signals);
        JavaLexer.run(text, scan);
        boolean query = detector.mayHoldQuery();
        boolean entity = signals.mayDeclareEntity() && EntityReader.CANDIDATE.matcher(text).find();
        if (query || entity) {
            // the references of query files (and of entities, whose table and column names may be constants)
            // only: the scan cannot know before the end whether this is one
            scan.addReferences(references);
        }
        if (signals.providerAnnotation()) {
            scan.addClassLiterals(providers);
        }
        if (query || signals.mayDeclareStringConstants()) {
            // a CREATE TABLE the code runs is in a file that runs queries, or in a constant another file runs
            createdTables.addAll(SchemaLoader.createdNames(text));
        }
        Map<String, List<String>> own = new java.util.LinkedHashMap<>();
        for (String[] pair : scan.extended) {
            own.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
        }
        own.forEach((type, parents) -> {
            List<String> found = new ArrayList<>();
            found.add(file.path());
            found.addAll(parents);
            supertypes.merge(type, List.copyOf(found), (a, b) -> a.get(0).compareTo(b.get(0)) <= 0 ? a : b);
        });
        boolean constants = signals.mayDeclareStringConstants();
        // a class without constants may still declare a method that builds a query (a base DAO's rtp(query)): its
        // String methods' names stand for what another file may name of it
        boolean methods = !constants && signals.mayDeclareStringMethod();
        return new Facts(query, constants || methods, scan.declared,
                constants ? scan.assigned() : methods ? scan.methodNames() : Set.of(),
                signals.worthIndexing(text, query), entity, scan.identifiers());
    }

    /**
     * Adds the references of every holder of constants the first pass will parse, until no more is needed: a constant
     * built from another file's ({@code String SELECT_X = "SELECT * FROM " + TABLE_X} with {@code TABLE_X} declared by
     * the interface the holder extends) needs that file too. A query file's references are known already; a holder's
     * are read again from its text, as few holders are needed. Call once every file has been looked at.
     *
     * @param facts  every file's facts, by path
     * @param textOf a file's text by its path, or null when it cannot be read
     */
    void close(Map<String, Facts> facts, java.util.function.Function<String, String> textOf) {
        List<String> holders = new ArrayList<>();
        facts.forEach((path, f) -> {
            if (f.stringConstants() && !f.queryFile() && !f.entity()) {
                holders.add(path);
            }
        });
        java.util.Collections.sort(holders);
        boolean added = true;
        while (added) {
            added = false;
            for (java.util.Iterator<String> it = holders.iterator(); it.hasNext(); ) {
                String path = it.next();
                if (constantsNeeded(facts.get(path))) {
                    it.remove();
                    String text = textOf.apply(path);
                    if (text != null) {
                        added |= references.addAll(references(text));
                    }
                }
            }
        }
    }

    /** Whether the first pass must parse a file for its constants (call once every file has been looked at). */
    boolean constantsNeeded(Facts facts) {
        if (!facts.stringConstants()) {
            return false;
        }
        for (String type : facts.declaredTypes()) {
            if (references.contains(type + ".*")) {
                return true;
            }
            for (String name : facts.assigned()) {
                if (references.contains(type + "." + name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the first pass must parse a file for the SQL provider methods of a class it declares. */
    boolean providerNeeded(Facts facts) {
        for (String type : facts.declaredTypes()) {
            if (providers.contains(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tables and views Java code creates with a statement of its own, a test's or a data migration's: queries may
     * read them though no migration makes them (call once every file has been looked at).
     */
    Set<String> createdTables() {
        return new java.util.TreeSet<>(createdTables);
    }

    /** The simple names of the classes that provider annotations name (call once every file has been looked at). */
    Set<String> providers() {
        return Set.copyOf(providers);
    }

    /**
     * The names after {@code class}, {@code interface}, {@code enum} and {@code record} in the
     * text's code, comments between keyword and name skipped. A word that only looks like a
     * declaration ({@code record} as a variable) adds a name that declares nothing: more is safe.
     */
    static List<String> declaredTypes(String text) {
        Scan scan = new Scan(false, false, null, null);
        JavaLexer.run(text, scan);
        return scan.declared;
    }

    /** The dotted references ({@code T.NAME}, {@code T.*}) of a text's code. */
    static Set<String> references(String text) {
        Set<String> out = new java.util.HashSet<>();
        Scan scan = new Scan(true, false, null, null);
        JavaLexer.run(text, scan);
        scan.addReferences(out);
        return out;
    }

    /**
     * One pass over a file's tokens: the types it declares, its dotted references, the names it
     * assigns and the hashes of its identifiers. A word becomes a String only when it is kept.
     */
    private static final class Scan implements JavaLexer.Tokens {
        private static final int CLASS = "class".hashCode();
        private static final int INTERFACE = "interface".hashCode();
        private static final int ENUM = "enum".hashCode();
        private static final int RECORD = "record".hashCode();

        final List<String> declared = new ArrayList<>();
        /** Where the dotted references stand: the start and end of both names (-1 for {@code *}), four ints each. */
        private int[] dots;
        private int dotCount;
        /** Where the names before an {@code =} (kind 0) or of a String method (kind 1) stand: start, end, kind. */
        private int[] assignments;
        private int assignmentCount;
        /** The distinct identifier hashes, an open-addressing set. */
        private int[] hashes = new int[512];
        private int distinct;
        private boolean hasZero;
        private String text;
        private int previousStart = -1;
        private int previousEnd;
        /** Symbols since the previous identifier, and the last of them. */
        private int symbols = 1;
        private char last;
        private boolean afterKeyword;
        /** Between {@code extends}/{@code implements} and the body: a supertype's constants read unqualified. */
        private boolean inSupertypes;
        /** After {@code extends} or {@code implements} of the type last declared ({@link #current}), before its body. */
        private boolean extendsClause;
        private String current;
        /** Between a declared type's name and its body: its type parameters, extends and implements. */
        private boolean header;
        /** Each type declared and a type it extends or implements, as written ({@code [OrderDao, BaseDao]}). */
        final List<String[]> extended = new ArrayList<>();
        /**
         * How deep in a supertype's type arguments the scan is: {@code implements RowMapper<Order>} inherits nothing
         * of {@code Order}.
         */
        private int typeArguments;
        private static final int EXTENDS = "extends".hashCode();
        private static final int IMPLEMENTS = "implements".hashCode();
        private static final int STRING = "String".hashCode();
        private boolean stringBefore;
        private boolean nameAfterString;

        /** The pre-filter and the first pass's signals, fed the same tokens (both null for a scan of names only). */
        private final Prefilter.Detector detector;
        private final ProjectConstants.Signals signals;

        Scan(boolean references, boolean assignments, Prefilter.Detector detector, ProjectConstants.Signals signals) {
            this.dots = references ? new int[64] : null;
            this.assignments = assignments ? new int[64] : null;
            this.detector = detector;
            this.signals = signals;
        }

        private boolean dotted() {
            return previousStart >= 0 && symbols == 1 && last == '.';
        }

        private void dot(int start, int end) {
            if (dotCount + 4 > dots.length) {
                dots = Arrays.copyOf(dots, dots.length * 2);
            }
            dots[dotCount++] = previousStart;
            dots[dotCount++] = previousEnd;
            dots[dotCount++] = start;
            dots[dotCount++] = end;
        }

        /** The names met before an {@code =}, and those of the methods declared to return a String. */
        Set<String> assigned() {
            Set<String> out = new java.util.HashSet<>();
            for (int i = 0; i < assignmentCount; i += 3) {
                out.add(text.substring(assignments[i], assignments[i + 1]));
            }
            return out;
        }

        /** The names of the methods declared to return a String. */
        Set<String> methodNames() {
            Set<String> out = new java.util.HashSet<>();
            for (int i = 0; i < assignmentCount; i += 3) {
                if (assignments[i + 2] == 1) {
                    out.add(text.substring(assignments[i], assignments[i + 1]));
                }
            }
            return out;
        }

        /** Adds the dotted references met ({@code T.NAME}, {@code T.*}) to {@code out}. */
        void addReferences(Set<String> out) {
            for (int i = 0; i < dotCount; i += 4) {
                out.add(text.substring(dots[i], dots[i + 1]) + "."
                        + (dots[i + 2] < 0 ? "*" : text.substring(dots[i + 2], dots[i + 3])));
            }
        }

        /** Adds the types of the class literals met ({@code T.class}) to {@code out}. */
        void addClassLiterals(Set<String> out) {
            for (int i = 0; i < dotCount; i += 4) {
                if (dots[i + 2] >= 0 && text.startsWith("class", dots[i + 2]) && dots[i + 3] - dots[i + 2] == 5) {
                    out.add(text.substring(dots[i], dots[i + 1]));
                }
            }
        }

        int[] identifiers() {
            int[] out = new int[distinct + (hasZero ? 1 : 0)];
            int k = 0;
            for (int h : hashes) {
                if (h != 0) {
                    out[k++] = h;
                }
            }
            if (hasZero) {
                out[k] = 0;
            }
            Arrays.sort(out);
            return out;
        }

        /** Adds a hash to the open-addressing set {@code hashes} (0 marks a free slot, so hash 0 is a flag). */
        private void addHash(int hash) {
            if (hash == 0) {
                hasZero = true;
                return;
            }
            int mask = hashes.length - 1;
            int i = (hash ^ (hash >>> 16)) & mask;
            while (hashes[i] != 0) {
                if (hashes[i] == hash) {
                    return;
                }
                i = (i + 1) & mask;
            }
            hashes[i] = hash;
            if (++distinct * 2 > hashes.length) {
                int[] old = hashes;
                hashes = new int[old.length * 2];
                distinct = 0;
                for (int h : old) {
                    if (h != 0) {
                        addHash(h);
                    }
                }
            }
        }

        @Override
        public void identifier(String t, int start, int end, int hash) {
            if (detector != null) {
                detector.identifier(t, start, end, hash);
                signals.identifier(t, start, end, hash);
            }
            text = t;
            addHash(hash);
            if (afterKeyword && symbols == 0) {
                // only white space and comments may stand between the keyword and the name
                String word = t.substring(start, end);
                if (!declared.contains(word)) {
                    declared.add(word);
                }
                current = word;
                header = true;
            } else if (header && extendsClause && typeArguments == 0 && current != null
                    && !JavaLexer.is(t, start, end, hash, "extends", EXTENDS)
                    && !JavaLexer.is(t, start, end, hash, "implements", IMPLEMENTS)) {
                // class Dao extends a.b.BaseDao: the last name of a dotted one
                String parent = t.substring(start, end);
                if (dotted() && !extended.isEmpty()) {
                    extended.set(extended.size() - 1, new String[] {current, parent});
                } else {
                    extended.add(new String[] {current, parent}); // extends first, then implements, as written
                }
            }
            if (afterKeyword && symbols == 0) {
                // the name was taken above
            } else if (dots != null && dotted()) {
                dot(start, end);
            } else if (dots != null && inSupertypes && typeArguments == 0) {
                // class Dao implements ShipmentSql: ShipmentSql's constants may be read by their bare names
                if (dotCount + 4 > dots.length) {
                    dots = Arrays.copyOf(dots, dots.length * 2);
                }
                dots[dotCount++] = start;
                dots[dotCount++] = end;
                dots[dotCount++] = -1;
                dots[dotCount++] = -1;
            }
            if (!dotted() && (JavaLexer.is(t, start, end, hash, "extends", EXTENDS)
                    || JavaLexer.is(t, start, end, hash, "implements", IMPLEMENTS))) {
                inSupertypes = true;
                // <T extends Number> bounds a type parameter: no supertype
                extendsClause = typeArguments == 0;
            }
            // Foo.class is a class literal, not a declaration
            afterKeyword = !dotted() && (JavaLexer.is(t, start, end, hash, "class", CLASS)
                    || JavaLexer.is(t, start, end, hash, "interface", INTERFACE) || JavaLexer.is(t, start, end, hash, "enum", ENUM)
                    || JavaLexer.is(t, start, end, hash, "record", RECORD));
            // String name(: a method that may build a query another file calls as T.name(..)
            nameAfterString = stringBefore && symbols == 0;
            stringBefore = JavaLexer.is(t, start, end, hash, "String", STRING);
            previousStart = start;
            previousEnd = end;
            symbols = 0;
        }

        @Override
        public void symbol(char c, char next) {
            if (detector != null) {
                detector.symbol(c, next);
                signals.symbol(c, next);
            }
            if ((c == '=' && next != '=' || c == '(' && nameAfterString) && symbols == 0 && previousStart >= 0
                    && assignments != null) {
                if (assignmentCount + 3 > assignments.length) {
                    assignments = Arrays.copyOf(assignments, assignments.length * 2);
                }
                assignments[assignmentCount++] = previousStart;
                assignments[assignmentCount++] = previousEnd;
                assignments[assignmentCount++] = c == '(' ? 1 : 0;
            }
            if (c == '*' && dots != null && dotted()) {
                dot(-1, -1); // import static a.b.T.*
            }
            if (c == '{' || c == ';') {
                inSupertypes = false;
                extendsClause = false;
                header = false;
                typeArguments = 0;
            } else if ((inSupertypes || header) && c == '<') {
                typeArguments++;
            } else if ((inSupertypes || header) && c == '>' && typeArguments > 0) {
                typeArguments--;
            }
            symbols++;
            last = c;
        }
    }
}
