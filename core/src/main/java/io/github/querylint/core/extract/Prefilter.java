package io.github.querylint.core.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cheap test that spares the Java parse of a file that cannot hold a query: the extractor
 * finds a query only at a call of a query method ({@link ApiCalls#methodNames()}), at a query
 * annotation, or in a Spring Data repository interface, and each of these needs a word in the
 * file's code that this class finds in one pass of {@link JavaLexer}, without parsing.
 *
 * <p>Safe by construction: a call needs its method name as a whole identifier followed by
 * {@code (}; an annotation needs its name after {@code @} (or after {@code .} when qualified); a
 * repository needs an identifier holding {@code Repository} and the word {@code interface}.
 * Comments and white space between a name and its parenthesis are skipped; words in comments and
 * literals are no code. Unicode escapes in identifiers ({@code \u0071uery}) are not decoded, as
 * JavaParser does not decode them either.
 */
public final class Prefilter {

    /** The names of the annotations the extractor reads queries from. */
    static final Set<String> ANNOTATIONS = Set.of("Query", "NativeQuery", "NamedQuery", "NamedNativeQuery",
            "Select", "Update", "Insert", "Delete", "SelectProvider", "UpdateProvider", "InsertProvider", "DeleteProvider",
            "SqlQuery", "SqlUpdate", "SqlBatch");

    private static final String REPOSITORY = "Repository";

    private static final int CALL = 1;
    private static final int ANNOTATION = 2;
    /** A word that triggers wherever it stands in code: a type whose common method names ({@code find}) do not. */
    private static final int WORD = 4;

    /** Every trigger word and how it must be used (CALL, ANNOTATION or both). */
    private static final Map<String, Integer> TRIGGERS = new HashMap<>();

    static {
        ApiCalls.methodNames().stream().filter(n -> !ApiCalls.TYPED_ONLY_NAMES.contains(n))
                .forEach(n -> TRIGGERS.merge(n, CALL, (a, b) -> a | b));
        ApiCalls.TYPED_ONLY_RECEIVERS.forEach(n -> TRIGGERS.merge(n, WORD, (a, b) -> a | b));
        // a file that imports JDBI (org.jdbi.v3...): its Handle's createQuery and select are SQL
        TRIGGERS.merge("jdbi", WORD, (a, b) -> a | b);
        // a file that imports Querydsl (com.querydsl...): its JPAQueryFactory chains are JPQL
        TRIGGERS.merge("querydsl", WORD, (a, b) -> a | b);
        // the Vert.x SQL client's preparedQuery(..); DbUtils' QueryRunner (its insert and batch are names too common)
        TRIGGERS.merge("preparedQuery", CALL, (a, b) -> a | b);
        TRIGGERS.merge("dbutils", WORD, (a, b) -> a | b);
        TRIGGERS.merge("QueryRunner", WORD, (a, b) -> a | b);
        // a file that imports jOOQ (org.jooq...): its DSLContext chains and plain-SQL calls are SQL
        TRIGGERS.merge("jooq", WORD, (a, b) -> a | b);
        // jOOQ's generated DAOs, imported from a ...tables.daos package
        TRIGGERS.merge("daos", WORD, (a, b) -> a | b);
        MybatisPlusCalls.METHODS.forEach(n -> TRIGGERS.merge(n, CALL, (a, b) -> a | b));
        LegacyCriteria.METHODS.forEach(n -> TRIGGERS.merge(n, CALL, (a, b) -> a | b));
        // Spring Batch's readers and writers, and the JDBC object classes whose constructors take SQL (super(ds, ".."))
        BatchCalls.METHODS.forEach(n -> TRIGGERS.merge(n, CALL, (a, b) -> a | b));
        for (String word : List.of("MappingSqlQuery", "MappingSqlQueryWithParameters", "SqlQuery", "SqlUpdate",
                "BatchSqlUpdate", "SqlFunction", "UpdatableSqlQuery")) {
            TRIGGERS.merge(word, WORD, (a, b) -> a | b);
        }
        ANNOTATIONS.forEach(n -> TRIGGERS.merge(n, ANNOTATION, (a, b) -> a | b));
    }

    private Prefilter() {
    }

    /** The trigger words' hashes, sorted, and how each must be used (CALL, ANNOTATION or both). */
    private static final int[] TRIGGER_HASHES;
    private static final String[][] TRIGGER_WORDS;
    private static final int[][] TRIGGER_USES;

    static {
        java.util.TreeMap<Integer, List<String>> byHash = new java.util.TreeMap<>();
        TRIGGERS.keySet().forEach(w -> byHash.computeIfAbsent(w.hashCode(), h -> new ArrayList<>()).add(w));
        TRIGGER_HASHES = new int[byHash.size()];
        TRIGGER_WORDS = new String[byHash.size()][];
        TRIGGER_USES = new int[byHash.size()][];
        int i = 0;
        for (Map.Entry<Integer, List<String>> e : byHash.entrySet()) {
            TRIGGER_HASHES[i] = e.getKey();
            TRIGGER_WORDS[i] = e.getValue().toArray(new String[0]);
            TRIGGER_USES[i] = e.getValue().stream().mapToInt(TRIGGERS::get).toArray();
            i++;
        }
    }

    private static final int INTERFACE = "interface".hashCode();

    /** Whether the text may hold a query the Java extractor finds. */
    static boolean mayHoldQuery(String text) {
        Detector detector = new Detector();
        JavaLexer.run(text, detector);
        return detector.mayHoldQuery();
    }

    /**
     * Follows a file's tokens ({@link JavaLexer}) and tells whether the Java extractor may find a
     * query in it: a trigger method's name followed by {@code (}, a query annotation's name after
     * {@code @} or a qualifier's {@code .}, or an identifier holding {@code Repository} in a file
     * whose code says {@code interface}. Comments and literals are no code, so a word there
     * triggers nothing.
     */
    public static final class Detector implements JavaLexer.Tokens {
        private boolean found;
        private boolean repositoryName;
        private boolean interfaceWord;
        private boolean callPending;
        /** Symbols since the previous identifier, and the last of them. */
        private int symbols = 1;
        private char last;

        public boolean mayHoldQuery() {
            return found;
        }

        @Override
        public void identifier(String text, int start, int end, int hash) {
            if (found) {
                return;
            }
            callPending = false;
            int at = java.util.Arrays.binarySearch(TRIGGER_HASHES, hash);
            if (at >= 0) {
                String[] words = TRIGGER_WORDS[at];
                for (int i = 0; i < words.length; i++) {
                    if (end - start == words[i].length() && text.startsWith(words[i], start)) {
                        int use = TRIGGER_USES[at][i];
                        if ((use & ANNOTATION) != 0 && symbols > 0 && (last == '@' || last == '.')
                                || (use & WORD) != 0) {
                            found = true;
                        }
                        callPending = (use & CALL) != 0;
                    }
                }
            }
            if (!repositoryName && end - start >= REPOSITORY.length() && JavaLexer.contains(text, start, end, REPOSITORY)) {
                repositoryName = true;
            }
            if (!interfaceWord && JavaLexer.is(text, start, end, hash, "interface", INTERFACE)) {
                interfaceWord = true;
            }
            // a Spring Data repository: derived queries need no query word at all
            found |= repositoryName && interfaceWord;
            symbols = 0;
        }

        @Override
        public void symbol(char c, char next) {
            if (callPending && symbols == 0 && c == '(') {
                found = true;
            }
            callPending = false;
            symbols++;
            last = c;
        }
    }
}
