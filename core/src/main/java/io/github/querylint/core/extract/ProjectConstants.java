package io.github.querylint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What extraction of one file needs to know about the rest of the scanned tree, gathered in a
 * first pass: string constants ({@code Queries.BASE}), named queries ({@code @NamedQuery}, orm.xml),
 * Spring Data repository interfaces, MyBatis mapper interfaces and {@code <sql>} fragments, and
 * the SQL files Liquibase changelogs run. Thread-safe; fill it (XML first, then Java) before
 * the second pass reads it. Only texts and small records are kept, never an AST.
 */
public final class ProjectConstants {

    public static final ProjectConstants EMPTY = new ProjectConstants();

    /**
     * A named query as declared.
     *
     * @param location where it is declared (the {@code @NamedQuery} or {@code <named-query>})
     */
    public record NamedQuery(String name, String text, QueryLanguage language, Location location, boolean dynamic) {
    }

    /**
     * A repository interface of the tree.
     *
     * @param entity         the simple name of its domain type, or the name of a type parameter of a generic base
     * @param typeParameters the interface's own type parameters (a generic base repository has some)
     * @param parents        the simple names of the interfaces it extends, each with its first type argument
     * @param declared       names of methods it declares itself (these are not inherited calls)
     * @param scope          where its file finds a simple type name ({@link TypeScope})
     */
    record Repository(String name, String entity, List<String> typeParameters, Map<String, String> parents,
                      Set<String> declared, boolean springDataBase, TypeScope scope) {
    }

    /**
     * Where a file finds the classes it names by simple name: its single-type imports, then its own package and
     * the packages it imports on demand.
     */
    record TypeScope(Map<String, String> imports, List<String> packages) {

        static TypeScope of(CompilationUnit unit) {
            Map<String, String> imports = new java.util.HashMap<>();
            List<String> packages = new java.util.ArrayList<>();
            packages.add(unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse(""));
            for (com.github.javaparser.ast.ImportDeclaration imp : unit.getImports()) {
                if (imp.isStatic()) {
                    continue;
                }
                if (imp.isAsterisk()) {
                    packages.add(imp.getNameAsString());
                } else {
                    imports.put(imp.getName().getIdentifier(), imp.getNameAsString());
                }
            }
            return new TypeScope(Map.copyOf(imports), List.copyOf(packages));
        }

        /** The qualified names {@code simple} may stand for here (the import, or one per package). */
        List<String> candidates(String simple) {
            String imported = imports.get(simple);
            if (imported != null) {
                return List.of(imported);
            }
            return packages.stream().map(p -> p.isEmpty() ? simple : p + "." + simple).toList();
        }
    }

    /** A MyBatis mapper method: what its signature says about how rows are read. */
    record MapperMethod(String returnType, io.github.querylint.core.query.Cardinality cardinality, String bound) {
    }

    /** "SimpleClassName.FIELD" and "fully.qualified.Name.FIELD" to the folded text. */
    private final Map<String, Sourced<String>> constants = new ConcurrentHashMap<>();
    private final Map<String, Sourced<NamedQuery>> namedQueries = new ConcurrentHashMap<>();
    /** Repository interfaces by qualified name. */
    private final Map<String, Sourced<Repository>> repositories = new ConcurrentHashMap<>();
    /** The qualified names of the repository interfaces of each simple name (two modules may each have one). */
    private final Map<String, Set<String>> repositoryNames = new ConcurrentHashMap<>();
    /** The files that declare a repository interface of each qualified name (copies of one module may). */
    private final Map<String, Set<String>> repositoryFiles = new ConcurrentHashMap<>();
    /** Qualified names of the repository interfaces of stores that are not relational (they run no SQL or JPQL). */
    private final Set<String> otherStoreRepositories = ConcurrentHashMap.newKeySet();
    /** "namespace.method" (the mapper interface's qualified name and the method name). */
    private final Map<String, Sourced<MapperMethod>> mapperMethods = new ConcurrentHashMap<>();
    /**
     * "SimpleName.method" of the methods of generic interfaces ({@code BaseMapper<T>}): a mapper inherits them, and its
     * XML implements them under its own namespace.
     */
    private final Map<String, Sourced<MapperMethod>> genericMethods = new ConcurrentHashMap<>();
    /** The simple names of the interfaces each mapper interface (by qualified name) extends. */
    private final Map<String, Sourced<List<String>>> mapperParents = new ConcurrentHashMap<>();
    private final Set<String> mapperNamespaces = ConcurrentHashMap.newKeySet();
    /** "namespace.id" of every mapper {@code <sql>} fragment to its raw body. */
    private final Map<String, Sourced<String>> fragments = new ConcurrentHashMap<>();
    /** "Type.method" of methods without parameters that return a SQL text ({@code LoanMapper.schema}). */
    private final Map<String, Sourced<String>> methodTexts = new ConcurrentHashMap<>();
    /** The types each type of the tree extends and implements, by simple name ({@link #supertypes(Map)}). */
    private Map<String, List<String>> supertypes = Map.of();
    /** The source of each constant the first pass could fold only in part ({@link #value}). */
    private final Map<String, Sourced<String>> deferred = new ConcurrentHashMap<>();
    private final Map<String, String> refolded = new ConcurrentHashMap<>();
    /** Query-building static methods with parameters, as source ({@link #collectTemplates}); read as constants are. */
    private final Map<String, Sourced<String>> templates = new ConcurrentHashMap<>();
    /** "MapperSimpleName.method" of mapper methods called right after PageHelper.startPage. */
    private final Set<String> pagedMapperMethods = ConcurrentHashMap.newKeySet();
    /** Query wrappers by method name, keyed "Type.method#parameter" inside. */
    private final Map<String, Map<String, QueryWrappers.Wrapper>> wrappers = new ConcurrentHashMap<>();
    /** Qualified names of the classes a non-relational store maps ({@link #storeDocument}). */
    private final Set<String> storeDocuments = ConcurrentHashMap.newKeySet();
    /** Simple names of the classes the tree's MyBatis provider annotations name ({@code @SelectProvider(type = T.class)}). */
    private volatile Set<String> providerTypes = Set.of();
    /** "Type.method" of the methods of those classes, to what each returns ({@link SqlProviders}). */
    private final Map<String, Sourced<SqlProviders.Provided>> providerTexts = new ConcurrentHashMap<>();
    /** Mapper statement ids as the code runs them through a SqlSession ("ns.id" or the short "id"), to how their rows are read. */
    private final Map<String, StatementCalls.Read> statementCalls = new ConcurrentHashMap<>();
    /** Helpers that run a named query by the name their caller passes, by method name, keyed as {@link #wrappers}. */
    private final Map<String, Map<String, QueryWrappers.Wrapper>> namedWrappers = new ConcurrentHashMap<>();
    /** Named queries as the code runs them by name ({@link NamedQueryCalls#key}), to the widest reading. */
    private final Map<String, NamedQueryCalls.Read> namedQueryCalls = new ConcurrentHashMap<>();
    /**
     * Spring Data repository methods that run a named query instead of a query of their own ({@code Entity.method},
     * or {@code @Query(name = "..")}), by that name: readings of it, as a call's ({@link NamedQueryCalls}).
     */
    private final Map<String, NamedQueryCalls.Read> repositoryNamedReads = new ConcurrentHashMap<>();
    /** Paths (as a changelog names them) of SQL files that Liquibase changelogs run. */
    private final Set<String> changelogFiles = ConcurrentHashMap.newKeySet();
    /** MyBatis-Plus entity classes ({@code @TableName}) by simple name: their table and columns. */
    private final Map<String, Sourced<MybatisPlusCalls.Table>> plusTables = new ConcurrentHashMap<>();
    /** Classes extending MyBatis-Plus's {@code ServiceImpl<M, T>}, by simple name, to {@code T}. */
    private final Map<String, Sourced<String>> plusServices = new ConcurrentHashMap<>();
    /** Panache entities (to themselves) and Panache repositories (to their entity), by simple name. */
    private final Map<String, Sourced<String>> panacheTypes = new ConcurrentHashMap<>();

    /**
     * A value and the file it came from. Files are indexed in parallel: when two declare the same name
     * (two modules with a UserRepository), the one with the smaller path wins, so that every run
     * resolves alike whatever the thread timing.
     */
    private record Sourced<V>(String path, V value) {
    }

    private static <V> void keepFirst(Map<String, Sourced<V>> map, String key, String path, V value) {
        map.merge(key, new Sourced<>(path, value), (old, now) -> now.path().compareTo(old.path()) < 0 ? now : old);
    }

    private static <V> V get(Map<String, Sourced<V>> map, String key) {
        Sourced<V> s = map.get(key);
        return s == null ? null : s.value();
    }

    /** Whether the first pass reads this file at all (XML and changelogs; Java is decided from its text). */
    public static boolean indexes(SourceFile file) {
        return file.kind() == SourceKind.JAVA || file.kind() == SourceKind.XML || file.kind() == SourceKind.YAML
                || file.kind() == SourceKind.JSON || file.kind() == SourceKind.PROPERTIES;
    }

    /** Whether a first-pass file is XML, YAML or JSON: index those before the Java files. */
    public static boolean indexedFirst(SourceFile file) {
        return indexes(file) && file.kind() != SourceKind.JAVA;
    }

    /**
     * Records what an XML, YAML or JSON file tells about the tree (mapper namespaces, fragments and
     * methods; the SQL files changelogs run); never throws on bad input. Java files are indexed from
     * their parse ({@link #index(SourceFile, CompilationUnit)}), which the engine's survey chooses.
     */
    public void index(SourceFile file, String text) {
        try {
            switch (file.kind()) {
                case XML -> {
                    MapperXmlExtractor.index(file, text, this);
                    LiquibaseExtractor.index(file, text, this);
                }
                case YAML, JSON -> LiquibaseExtractor.index(file, text, this);
                case PROPERTIES -> NamedQueriesProperties.index(file, text, this);
                default -> {
                    // Java is indexed from its parse; nothing project-wide in other files
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // the second pass reports what cannot be read; the index only misses this file's facts
        }
    }

    /** A literal that reads like SQL (in a file with a method {@code String name() {}). */
    private static final Pattern SQL_LITERAL = Pattern.compile("\"[^\"\\n]*\\b(?i:select|from|where|join)\\s");
    private static final Pattern SQL_WORD = Pattern.compile("(?i)\\b(select|from|where|join|insert|update|delete)\\b");

    /**
     * What a Java file's code says the first pass may want of it, read from its tokens
     * ({@link JavaLexer}) in the pass that also feeds the pre-filter: words of named queries,
     * repository and mapper interfaces, paged mapper calls, methods that return a text, String
     * constants, JPA entities. Words in comments and literals are no code and count for nothing.
     */
    public static final class Signals implements JavaLexer.Tokens {
        private static final int STRING = "String".hashCode();
        private static final int STATIC = "static".hashCode();
        private static final int INTERFACE = "interface".hashCode();
        private static final int EXTENDS = "extends".hashCode();
        private static final int SPRINGFRAMEWORK = "springframework".hashCode();
        private static final int DATA = "data".hashCode();
        private static final int MAPPER = "Mapper".hashCode();
        private static final int START_PAGE = "startPage".hashCode();
        private static final int OFFSET_PAGE = "offsetPage".hashCode();
        private static final String[] RUNNER_WORDS = {"selectList", "selectOne", "selectMap", "selectCursor"};
        private static final int[] RUNNER_HASHES = java.util.Arrays.stream(RUNNER_WORDS).mapToInt(String::hashCode).toArray();
        /** iBATIS 2's names of those calls, which JdbcTemplate shares: the call must name a statement id to count. */
        private static final String[] IBATIS_WORDS = {"queryForList", "queryForObject", "queryForMap", "queryWithRowHandler"};
        private static final int[] IBATIS_HASHES = java.util.Arrays.stream(IBATIS_WORDS).mapToInt(String::hashCode).toArray();
        /** {@code queryForList("Order.findAll"}: a statement id, not SQL, as the first argument. */
        private static final Pattern IBATIS_CALL = Pattern.compile(
                "\\b(?:queryFor(?:List|Object|Map)|queryWithRowHandler)\\s*\\(\\s*\"[A-Za-z_$][\\w$]*(?:\\.[\\w$-]+)*\"");
        private static final int ENTITY = "Entity".hashCode();
        private static final int TABLE_NAME = "TableName".hashCode();
        /** The bases of MyBatis-Plus's mappers, services and entities, and of Panache's entities and repositories. */
        private static final String[] FRAMEWORK_WORDS = {"BaseMapper", "MPJBaseMapper", "IService", "MPJBaseService",
            "ServiceImpl", "MPJBaseServiceImpl", "PanacheEntity", "PanacheEntityBase", "PanacheRepository",
            "PanacheRepositoryBase"};
        private static final int[] FRAMEWORK_HASHES = java.util.Arrays.stream(FRAMEWORK_WORDS).mapToInt(String::hashCode)
                .toArray();
        private static final int MAPPED_SUPERCLASS = "MappedSuperclass".hashCode();
        private static final int EMBEDDABLE = "Embeddable".hashCode();
        /** Spring Data JDBC's aggregate table, Micronaut Data's mapped entity (read by the schema when imported). */
        private static final int TABLE = "Table".hashCode();
        private static final int MAPPED_ENTITY = "MappedEntity".hashCode();
        private static final String[] STORE_WORDS = Repositories.STORE_ANNOTATIONS.toArray(new String[0]);
        private static final int[] STORE_HASHES = java.util.Arrays.stream(STORE_WORDS).mapToInt(String::hashCode).toArray();
        private static final String[] PROVIDER_WORDS = {"SelectProvider", "InsertProvider", "UpdateProvider",
            "DeleteProvider"};
        private static final int[] PROVIDER_HASHES = java.util.Arrays.stream(PROVIDER_WORDS).mapToInt(String::hashCode).toArray();

        private boolean namedQuery;
        private boolean interfaceWord;
        private boolean repositoryWord;
        private boolean springframework;
        private boolean data;
        private boolean mapperAnnotation;
        private boolean paged;
        /** A call of a SqlSession method that runs a mapper statement by id ({@link StatementCalls}). */
        private boolean statementRunner;
        /** One of iBATIS 2's names for such a call ({@link #IBATIS_WORDS}). */
        private boolean ibatisWord;
        /** A generic mapper interface ({@code interface BaseMapper<T>}), whose methods mappers inherit. */
        private boolean genericMapper;
        /** How far {@code interface XxxMapper <} has been read: 0 nothing, 1 interface, 2 a name with Mapper in it. */
        private int genericMapperStep;
        private boolean stringWord;
        private boolean staticWord;
        private boolean entityAnnotation;
        private boolean storeAnnotation;
        private boolean dataFramework;
        private boolean providerAnnotation;
        private boolean textMethod;
        /** {@code String name (}: a method (or a call of a method on a variable named so) that returns a String. */
        private boolean stringMethod;
        /** How far {@code String name ( ) {} has been read: 0 nothing, 1 String, 2 its name, 3 (, 4 ). */
        private int textMethodStep;
        private boolean afterAtOrDot;

        @Override
        public void identifier(String t, int start, int end, int hash) {
            int length = end - start;
            if (length >= "NamedQuery".length() && (JavaLexer.contains(t, start, end, "NamedQuery")
                    || JavaLexer.contains(t, start, end, "NamedNativeQuery"))) {
                namedQuery = true;
            }
            if (length >= "Repository".length() && JavaLexer.contains(t, start, end, "Repository")) {
                repositoryWord = true;
            }
            interfaceWord |= JavaLexer.is(t, start, end, hash, "interface", INTERFACE);
            springframework |= JavaLexer.is(t, start, end, hash, "springframework", SPRINGFRAMEWORK);
            data |= JavaLexer.is(t, start, end, hash, "data", DATA);
            staticWord |= JavaLexer.is(t, start, end, hash, "static", STATIC);
            paged |= JavaLexer.is(t, start, end, hash, "startPage", START_PAGE)
                    || JavaLexer.is(t, start, end, hash, "offsetPage", OFFSET_PAGE);
            for (int i = 0; i < FRAMEWORK_HASHES.length && !dataFramework; i++) {
                dataFramework = JavaLexer.is(t, start, end, hash, FRAMEWORK_WORDS[i], FRAMEWORK_HASHES[i]);
            }
            for (int i = 0; i < IBATIS_HASHES.length && !ibatisWord; i++) {
                ibatisWord = JavaLexer.is(t, start, end, hash, IBATIS_WORDS[i], IBATIS_HASHES[i]);
            }
            if (afterAtOrDot) {
                dataFramework |= JavaLexer.is(t, start, end, hash, "TableName", TABLE_NAME);
                mapperAnnotation |= JavaLexer.is(t, start, end, hash, "Mapper", MAPPER);
                entityAnnotation |= JavaLexer.is(t, start, end, hash, "Entity", ENTITY)
                        || JavaLexer.is(t, start, end, hash, "MappedSuperclass", MAPPED_SUPERCLASS)
                        || JavaLexer.is(t, start, end, hash, "Embeddable", EMBEDDABLE)
                        || JavaLexer.is(t, start, end, hash, "Table", TABLE)
                        || JavaLexer.is(t, start, end, hash, "MappedEntity", MAPPED_ENTITY);
                for (int i = 0; i < PROVIDER_HASHES.length && !providerAnnotation; i++) {
                    providerAnnotation = JavaLexer.is(t, start, end, hash, PROVIDER_WORDS[i], PROVIDER_HASHES[i]);
                }
                for (int i = 0; i < RUNNER_HASHES.length && !statementRunner; i++) {
                    statementRunner = JavaLexer.is(t, start, end, hash, RUNNER_WORDS[i], RUNNER_HASHES[i]);
                }
                for (int i = 0; i < STORE_HASHES.length && !storeAnnotation; i++) {
                    storeAnnotation = JavaLexer.is(t, start, end, hash, STORE_WORDS[i], STORE_HASHES[i]);
                }
            }
            // interface XMapper<T> (a generic base), or extends BaseMapperX<Notice> (a mapper of a project's base)
            genericMapperStep = JavaLexer.is(t, start, end, hash, "interface", INTERFACE)
                    || JavaLexer.is(t, start, end, hash, "extends", EXTENDS) ? 1
                    : genericMapperStep == 1 && JavaLexer.contains(t, start, end, "Mapper") ? 2 : 0;
            boolean string = JavaLexer.is(t, start, end, hash, "String", STRING);
            stringWord |= string;
            textMethodStep = string ? 1 : textMethodStep == 1 ? 2 : 0;
            afterAtOrDot = false;
        }

        @Override
        public void symbol(char c, char next) {
            genericMapper |= genericMapperStep == 2 && c == '<';
            genericMapperStep = 0;
            if (textMethodStep == 2 && c == '(') {
                textMethodStep = 3;
                stringMethod = true;
            } else if (textMethodStep == 3 && c == ')') {
                textMethodStep = 4;
            } else if (textMethodStep == 4 && c == '{') {
                textMethod = true;
                textMethodStep = 0;
            } else {
                textMethodStep = 0;
            }
            afterAtOrDot = c == '@' || c == '.';
        }

        /**
         * Whether the first pass may find something project-wide in the file: named queries, a
         * repository or mapper interface, a MyBatis-Plus mapper, service or entity, a Panache entity or
         * repository, a query wrapper, a paged mapper call, a statement run by id, a generic mapper interface, a method that returns
         * a SQL text. A file the tree's mapper XML names is one too ({@link #isMapperInterfaceFile});
         * a holder of string constants is chosen by the engine.
         *
         * @param text         the file's text
         * @param mayHoldQuery whether the pre-filter let it through: a query wrapper calls a query
         *                     method, so only such a file can declare one
         */
        public boolean worthIndexing(String text, boolean mayHoldQuery) {
            return namedQuery || interfaceWord && (repositoryWord || springframework && data) || mapperAnnotation
                    || dataFramework
                    || paged || statementRunner || genericMapper || mayHoldQuery && QueryWrappers.mayDeclare(text)
                    || ibatisWord && IBATIS_CALL.matcher(text).find()
                    || textMethod && SQL_LITERAL.matcher(text).find()
                    || storeAnnotation && Repositories.mayDeclareStoreDocument(text);
        }

        /** Whether the file holds a MyBatis provider annotation ({@code @SelectProvider}): its class literals name providers. */
        public boolean providerAnnotation() {
            return providerAnnotation;
        }

        /** Whether the file may declare a String constant: it says String, and static or interface. */
        public boolean mayDeclareStringConstants() {
            return stringWord && (staticWord || interfaceWord);
        }

        /** Whether the file may declare a method that returns a String ({@code String name(}), which may build a query. */
        public boolean mayDeclareStringMethod() {
            return stringMethod;
        }

        /** Whether the file may declare a JPA entity, mapped superclass or embeddable, or a mapped aggregate. */
        public boolean mayDeclareEntity() {
            return entityAnnotation;
        }
    }

    /**
     * Records what a parsed Java file tells about the tree (first pass); never throws on bad input.
     * Call it for the files {@link Signals#worthIndexing}, {@link #isMapperInterfaceFile} or the
     * engine's choice of constant holders picks, after the XML files.
     */
    public void index(SourceFile file, CompilationUnit unit) {
        try {
            collect(file, unit);
        } catch (RuntimeException | StackOverflowError e) {
            // the second pass reports what cannot be read; the index only misses this file's facts
        }
    }

    /**
     * The names whose mention in a file's code may let the second pass find a query in it that
     * the pre-filter does not see: the repository interfaces of the tree (an inherited
     * {@code findAll()}) and the methods of its query wrappers.
     */
    public Set<String> namesThatLeadToQueries() {
        Set<String> names = new java.util.HashSet<>(repositoryNames.keySet());
        names.addAll(wrappers.keySet());
        names.addAll(namedWrappers.keySet()); // a name built at run time is a notice at the call
        names.addAll(panacheTypes.keySet()); // Person.listAll(), and a Panache repository's calls
        return names;
    }

    /** Whether the file's path is that of an interface the mapper XML of the tree names (index the XML first). */
    public boolean isMapperInterfaceFile(String path) {
        if (mapperNamespaces.isEmpty() || !path.endsWith(".java")) {
            return false;
        }
        String noExtension = path.substring(0, path.length() - ".java".length());
        int slash = noExtension.lastIndexOf('/');
        String simple = noExtension.substring(slash + 1);
        for (String namespace : mapperNamespaces) {
            // most files are not named like any mapper: compare the simple names before building paths
            if (!namespace.endsWith(simple)) {
                continue;
            }
            String expected = namespace.replace('.', '/');
            if (noExtension.equals(expected) || noExtension.endsWith("/" + expected)) {
                return true;
            }
        }
        return false;
    }

    /** Records the string constants of a compilation unit (call during the first pass). */
    public void collect(CompilationUnit unit) {
        collectConstants(unit, "");
    }

    private void collectConstants(CompilationUnit unit, String path) {
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        ConstantFolder folder = new ConstantFolder(unit, EMPTY);
        for (TypeDeclaration<?> type : Nodes.all(unit, TypeDeclaration.class)) {
            for (FieldDeclaration field : type.getFields()) {
                if (!field.isStatic() && !type.isClassOrInterfaceDeclaration()) {
                    continue;
                }
                boolean constant = field.isStatic() && field.isFinal()
                        || type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface();
                if (!constant) {
                    continue;
                }
                for (VariableDeclarator v : field.getVariables()) {
                    if (!v.getTypeAsString().equals("String") || v.getInitializer().isEmpty()) {
                        continue;
                    }
                    Expression init = v.getInitializer().get();
                    folder.fold(init).ifPresent(f -> {
                        keepFirst(constants, type.getNameAsString() + "." + v.getNameAsString(), path, f.text());
                        keepFirst(constants, pkg + type.getNameAsString() + "." + v.getNameAsString(), path, f.text());
                        if (f.dynamic() && !path.isEmpty()) {
                            // built from another file's constants (an interface's parent's): folded again when read
                            String source = imports(unit) + "interface " + type.getNameAsString() + "$Constant extends "
                                    + typeAndParents(type) + " {\nString " + v.getNameAsString() + " = " + init + ";\n}\n";
                            keepFirst(deferred, type.getNameAsString() + "." + v.getNameAsString(), path, source);
                            keepFirst(deferred, pkg + type.getNameAsString() + "." + v.getNameAsString(), path, source);
                        }
                    });
                }
            }
        }
        collectTemplates(unit, path, folder);
    }

    /**
     * The methods with parameters that return a query built from them ({@code static String selectByXid(String
     * table) { return SELECT_BY_XID.replace("#table", table); }}), kept as their source in a class that extends the
     * declaring one, so that a call in another file folds the declaration with its own arguments and the declaring
     * type's constants ({@link ConstantFolder}).
     */
    private void collectTemplates(CompilationUnit unit, String path, ConstantFolder folder) {
        String imports = null;
        for (TypeDeclaration<?> type : Nodes.all(unit, TypeDeclaration.class)) {
            for (MethodDeclaration m : type.getMethods()) {
                if (m.getParameters().isEmpty() || m.getBody().isEmpty() || m.isPrivate() && !m.isStatic()
                        || m.getParameters().stream().anyMatch(p -> p.isVarArgs())
                        || !CallSites.simpleType(m.getType()).matches("String|CharSequence")
                        || Trees.ownReturns(m).size() != 1
                        || folder.foldReturn(m).filter(f -> SQL_WORD.matcher(f.text()).find()).isEmpty()
                        && !transformsParameter(m)) {
                    continue;
                }
                imports = imports == null ? imports(unit) : imports;
                String name = type.getNameAsString();
                keepFirst(templates, name + "." + m.getNameAsString() + "/" + m.getParameters().size(), path,
                        imports + "class " + name + "$Template extends " + name + " {\n" + m + "\n}\n");
            }
        }
    }

    /**
     * Whether the method returns a change of a text it is handed: {@code MessageFormat.format(query, ..)},
     * {@code String.format(sql, ..)}, {@code sql.replace(..)} or a helper's {@code Util.rtp(query, ..)}, as Quartz puts
     * its table prefix into every statement.
     */
    private static boolean transformsParameter(MethodDeclaration m) {
        Optional<Expression> returned = Trees.ownReturns(m).get(0).getExpression();
        Set<String> parameters = new java.util.HashSet<>();
        m.getParameters().forEach(p -> parameters.add(p.getNameAsString()));
        if (returned.isPresent() && returned.get() instanceof com.github.javaparser.ast.expr.BinaryExpr b
                && b.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.PLUS) {
            // sql + " LIMIT " + rows: a text handed in, with a clause added
            Expression left = b;
            while (left instanceof com.github.javaparser.ast.expr.BinaryExpr l) {
                left = l.getLeft();
            }
            return left.isNameExpr() && parameters.contains(left.toString())
                    && !b.findAll(com.github.javaparser.ast.expr.StringLiteralExpr.class).isEmpty();
        }
        if (returned.isEmpty() || !(returned.get() instanceof com.github.javaparser.ast.expr.MethodCallExpr call)) {
            return false;
        }
        boolean scope = call.getScope().filter(e -> e.isNameExpr() && parameters.contains(e.toString())).isPresent();
        // MessageFormat.format(query, ..), or a helper handed the text: Util.rtp(query, prefix, name)
        boolean first = !call.getArguments().isEmpty() && call.getArguments().get(0).isNameExpr()
                && parameters.contains(call.getArguments().get(0).toString());
        return scope || first;
    }

    /** The source of a query-building method of the tree ({@link #collectTemplates}), by type, name and arity. */
    Optional<String> template(String type, String method, int arity) {
        return Optional.ofNullable(get(templates, type + "." + method + "/" + arity));
    }

    /**
     * The nearest declaration of an inherited query-building method: the type's own, else its parents' (another file's
     * {@code rtp(query)} that a subclass calls with no receiver).
     */
    Optional<String> inheritedTemplate(String type, String method, int arity) {
        for (int depth = 0; type != null && depth < 5; depth++) {
            Optional<String> own = template(type, method, arity);
            if (own.isPresent()) {
                return own;
            }
            type = superclass(type);
        }
        return Optional.empty();
    }

    /**
     * Names the types each type of the tree extends and implements (call before the first pass); the survey reads
     * them from every file, so that a class two levels below a base DAO is known to inherit its methods and
     * constants.
     */
    public void supertypes(Map<String, List<String>> byType) {
        this.supertypes = Map.copyOf(byType);
    }

    /**
     * The type this one extends (or, for a type that extends none, the first it implements), by simple names; null
     * when none is known.
     */
    String superclass(String type) {
        List<String> parents = parents(type);
        return parents.isEmpty() ? null : parents.get(0);
    }

    /** The types this one extends and implements, by simple names, the class it extends first. */
    private List<String> parents(String type) {
        return supertypes.getOrDefault(type, List.of());
    }

    /** Whether {@code type} is {@code ancestor} or extends it, directly or through other types of the tree. */
    boolean isOrExtends(String type, String ancestor) {
        for (int depth = 0; type != null && depth < 8; depth++) {
            if (type.equals(ancestor)) {
                return true;
            }
            type = superclass(type);
        }
        return false;
    }

    static String imports(CompilationUnit unit) {
        StringBuilder sb = new StringBuilder();
        unit.getImports().forEach(sb::append);
        return sb.toString();
    }

    /** The type itself and the types it extends or implements, as a list for an {@code extends} clause. */
    private static String typeAndParents(TypeDeclaration<?> type) {
        StringBuilder sb = new StringBuilder(type.getNameAsString());
        if (type instanceof ClassOrInterfaceDeclaration c) {
            c.getExtendedTypes().forEach(t -> sb.append(", ").append(t.getNameAsString()));
            c.getImplementedTypes().forEach(t -> sb.append(", ").append(t.getNameAsString()));
        }
        return sb.toString();
    }

    /**
     * The constant under this key, folded again with the whole index when the first pass left a part of it unknown
     * ({@link #deferred}); once per key, and not within its own folding (a cycle keeps the first pass's text).
     */
    private String value(String key) {
        String first = get(constants, key);
        if (first == null || !first.contains(ConstantFolderSupport.DYNAMIC)) {
            return first;
        }
        String source = get(deferred, key);
        if (source == null) {
            return first;
        }
        String done = refolded.get(key);
        if (done != null) {
            return done;
        }
        Set<String> open = REFOLDING.get();
        if (!open.add(key)) {
            return first;
        }
        try {
            String text = JavaParsers.newParser().parse(source).getResult()
                    .flatMap(u -> u.findFirst(VariableDeclarator.class)
                            .flatMap(v -> v.getInitializer().flatMap(init -> new ConstantFolder(u, this).fold(init))))
                    .map(ConstantFolder.Folded::text).orElse(first);
            if (open.size() == 1) {
                refolded.put(key, text); // a text folded inside a cycle may miss a part: only the outermost is kept
            }
            return text;
        } finally {
            open.remove(key);
        }
    }

    private static final ThreadLocal<Set<String>> REFOLDING = ThreadLocal.withInitial(java.util.HashSet::new);

    private void collect(SourceFile file, CompilationUnit unit) {
        collectConstants(unit, file.path());
        for (ClassOrInterfaceDeclaration type : Nodes.all(unit, ClassOrInterfaceDeclaration.class)) {
            MybatisPlusCalls.table(type).ifPresent(t -> keepFirst(plusTables, type.getNameAsString(), file.path(), t));
            MybatisPlusCalls.serviceEntity(type).ifPresent(e -> keepFirst(plusServices, type.getNameAsString(),
                    file.path(), e));
            PanacheCalls.managedEntity(type).ifPresent(e -> keepFirst(panacheTypes, type.getNameAsString(),
                    file.path(), e));
        }
        for (TypeDeclaration<?> type : Nodes.all(unit, TypeDeclaration.class)) {
            if (Repositories.isStoreDocument(type, unit)) {
                storeDocuments.add(type.getFullyQualifiedName().orElse(type.getNameAsString()));
            }
        }
        NamedQueries.collect(file, unit, this);
        QueryWrappers.collect(file, unit, this);
        StatementCalls.collect(unit, file.isTestSource(), this, PagedMapperCalls.collect(unit, this));
        NamedQueryCalls.collect(unit, file.isTestSource(), this);
        NamedQueryCalls.collectRepositoryMethods(unit, file.isTestSource(), this);
        collectTextMethods(file, unit);
        collectProviders(file, unit);
        for (ClassOrInterfaceDeclaration type : Nodes.all(unit, ClassOrInterfaceDeclaration.class)) {
            if (!type.isInterface()) {
                continue;
            }
            String qualified = type.getFullyQualifiedName().orElse(type.getNameAsString());
            if (Repositories.isOtherStoreRepository(type, unit)) {
                otherStoreRepositories.add(qualified);
            }
            Repositories.describe(type, unit).ifPresent(r -> {
                keepFirst(repositories, qualified, file.path(), r);
                repositoryNames.computeIfAbsent(r.name(), k -> ConcurrentHashMap.newKeySet()).add(qualified);
                repositoryFiles.computeIfAbsent(qualified, k -> ConcurrentHashMap.newKeySet()).add(file.path());
            });
            if (mapperNamespaces.contains(qualified) || type.getAnnotationByName("Mapper").isPresent()) {
                for (MethodDeclaration method : type.getMethods()) {
                    if (method.getBody().isEmpty()) {
                        keepFirst(mapperMethods, qualified + "." + method.getNameAsString(), file.path(),
                                RepositoryTypes.mapperMethod(method));
                    }
                }
                if (!type.getExtendedTypes().isEmpty()) {
                    keepFirst(mapperParents, qualified, file.path(),
                            type.getExtendedTypes().stream().map(t -> t.getNameAsString()).toList());
                }
            }
            if (!type.getTypeParameters().isEmpty()) {
                for (MethodDeclaration method : type.getMethods()) {
                    if (method.getBody().isEmpty()) {
                        keepFirst(genericMethods, type.getNameAsString() + "." + method.getNameAsString(), file.path(),
                                RepositoryTypes.mapperMethod(method));
                    }
                }
            }
        }
    }

    /** Methods without parameters that return a SQL-looking text, folded within their file. */
    private void collectTextMethods(SourceFile file, CompilationUnit unit) {
        ConstantFolder folder = null;
        for (MethodDeclaration m : Nodes.all(unit, MethodDeclaration.class)) {
            if (!m.getParameters().isEmpty() || m.getBody().isEmpty()
                    || !CallSites.simpleType(m.getType()).matches("String|CharSequence")) {
                continue;
            }
            Optional<TypeDeclaration> type = m.findAncestor(TypeDeclaration.class);
            if (type.isEmpty()) {
                continue;
            }
            folder = folder == null ? new ConstantFolder(unit, EMPTY) : folder;
            folder.foldReturn(m).filter(f -> SQL_WORD.matcher(f.text()).find())
                    .ifPresent(f -> keepFirst(methodTexts, type.get().getNameAsString() + "." + m.getNameAsString(),
                            file.path(), f.text()));
        }
    }

    /**
     * Names the classes whose methods the first pass reads as MyBatis SQL providers (call before the first pass);
     * the engine learns them from the provider annotations of the tree.
     */
    public void providerTypes(Set<String> simpleNames) {
        this.providerTypes = Set.copyOf(simpleNames);
    }

    /** The statements the methods of the tree's provider classes return. */
    private void collectProviders(SourceFile file, CompilationUnit unit) {
        if (providerTypes.isEmpty()) {
            return;
        }
        ConstantFolder folder = null;
        for (ClassOrInterfaceDeclaration type : Nodes.all(unit, ClassOrInterfaceDeclaration.class)) {
            if (!providerTypes.contains(type.getNameAsString())) {
                continue;
            }
            for (MethodDeclaration m : type.getMethods()) {
                if (!CallSites.simpleType(m.getType()).matches("String|CharSequence")) {
                    continue;
                }
                folder = folder == null ? new ConstantFolder(unit, EMPTY) : folder;
                SqlProviders.fold(m, folder).ifPresent(p -> keepFirst(providerTexts,
                        type.getNameAsString() + "." + m.getNameAsString(), file.path(), p));
            }
        }
    }

    /** What a provider method of the tree returns ({@code UserSql.byRole}), when it could be read. */
    Optional<SqlProviders.Provided> providerText(String type, String method) {
        return Optional.ofNullable(get(providerTexts, type + "." + method));
    }

    Optional<String> methodText(String type, String method) {
        return Optional.ofNullable(get(methodTexts, type + "." + method));
    }

    /**
     * What the index holds besides string constants, for a cache to compare between runs (it
     * tracks the readers of a constant by the name of its type, so constants are not in here).
     */
    public List<Object> contentsBesidesConstants() {
        return List.of(namedQueries, deferredNamedQueries, repositories, repositoryNames, repositoryFiles, mapperMethods, mapperNamespaces, fragments,
                methodTexts, pagedMapperMethods, wrappers, changelogFiles, storeDocuments, otherStoreRepositories, providerTexts,
                new java.util.TreeMap<>(statementCalls), new java.util.TreeMap<>(namedQueryCalls), namedWrappers, genericMethods, mapperParents, plusTables, plusServices,
                panacheTypes, new java.util.TreeMap<>(supertypes), declaredRepositoryNamedReads());
    }

    /** The repository methods' readings of the named queries the tree declares (the others name no query). */
    private Map<String, NamedQueryCalls.Read> declaredRepositoryNamedReads() {
        Map<String, NamedQueryCalls.Read> declared = new java.util.TreeMap<>();
        repositoryNamedReads.forEach((name, read) -> {
            if (namedQueries.containsKey(name)) {
                declared.put(name, read);
            }
        });
        return declared;
    }

    /** The String constant indexed under this key ({@code Queries.NAME} or {@code com.x.Queries.NAME}). */
    public Optional<String> constant(String key) {
        return Optional.ofNullable(value(key));
    }

    /** {@code Scope.NAME}, with the scope as written ({@code Queries} or {@code com.x.Queries}). */
    Optional<String> lookup(String scope, String name, CompilationUnit from) {
        String direct = value(scope + "." + name);
        if (direct != null) {
            return Optional.of(direct);
        }
        String simple = scope.contains(".") ? scope.substring(scope.lastIndexOf('.') + 1) : scope;
        return Optional.ofNullable(inherited(simple, name, 0));
    }

    /** {@code T.NAME} declared by T, or by an interface or class T extends (another file's, up to four levels). */
    private String inherited(String type, String name, int depth) {
        String own = value(type + "." + name);
        if (own != null || depth >= 4) {
            return own;
        }
        List<String> parents = parents(type);
        for (int i = 0; i < parents.size(); i++) {
            String found = inherited(parents.get(i), name, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A bare name brought in by {@code import static a.b.Queries.NAME} or {@code import static a.b.Queries.*}. */
    Optional<String> lookupStatic(String name, CompilationUnit from) {
        for (ImportDeclaration imp : from.getImports()) {
            if (!imp.isStatic()) {
                continue;
            }
            String id = imp.getNameAsString();
            if (imp.isAsterisk()) {
                String value = value(id + "." + name);
                if (value != null) {
                    return Optional.of(value);
                }
            } else if (id.endsWith("." + name)) {
                String value = value(id);
                if (value != null) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** A named-query annotation the first pass could not fold: its source, in a class of its declaring type, and where. */
    private record DeferredNamedQuery(String source, io.github.querylint.core.source.Location at) {
    }

    /** Named-query annotations the first pass could not fold, by where they are declared. */
    private final Map<String, Sourced<DeferredNamedQuery>> deferredNamedQueries = new ConcurrentHashMap<>();

    /** First pass: a named-query annotation whose name or text another file's constants hold ({@link NamedQueries}). */
    void deferNamedQuery(String source, io.github.querylint.core.source.Location at) {
        keepFirst(deferredNamedQueries, at.toString(), at.path(), new DeferredNamedQuery(source, at));
    }

    /**
     * After the first pass, before the second: the named queries whose name or text is another file's constant,
     * folded with the whole index, so that the calls that run them by name find them.
     */
    public void resolveDeferredNamedQueries() {
        for (Sourced<DeferredNamedQuery> deferred : new java.util.TreeMap<>(deferredNamedQueries).values()) {
            DeferredNamedQuery d = deferred.value();
            JavaParsers.newParser().parse(d.source()).getResult().ifPresent(u -> {
                ConstantFolder folder = new ConstantFolder(u, this);
                for (com.github.javaparser.ast.expr.AnnotationExpr a : Nodes.all(u,
                        com.github.javaparser.ast.expr.AnnotationExpr.class)) {
                    NamedQueries.declaration(d.at(), a, folder).ifPresent(this::addNamedQuery);
                }
            });
        }
    }

    void addNamedQuery(NamedQuery query) {
        if (query.name().isEmpty()) {
            return;
        }
        keepFirst(namedQueries, query.name(), query.location().toString(), query);
    }

    Optional<NamedQuery> namedQuery(String name) {
        return Optional.ofNullable(get(namedQueries, name));
    }

    /**
     * A repository interface a file names.
     *
     * @param certain whether the name surely means this interface: the file's imports or packages name it, or the
     *                tree holds one of that name only, declared by one file; otherwise it is the first of that name
     *                by path, as good a guess as any
     */
    record Resolved(Repository repository, boolean certain) {
    }

    /**
     * The repository interface of the tree a type name means where it is written: as Java resolves it (the file's
     * import, its own package, the packages it imports on demand, or the name as qualified); else the one
     * repository of that simple name (a nested interface, a name the scope does not show); else the first by path.
     * Empty when no repository of the tree has that name, or its domain type cannot be told.
     */
    Optional<Resolved> repository(TypeScope scope, String written) {
        return repository(scope, written, false);
    }

    /**
     * {@link #repository(TypeScope, String)}, or with {@code generic} also a generic base whose domain type only
     * the receiver's declaration says ({@code TenantScopedRepository<Project, Long> projects}).
     */
    Optional<Resolved> repository(TypeScope scope, String written, boolean generic) {
        Named named = named(scope, written);
        Sourced<Repository> found = named == null ? null : repositories.get(named.qualified());
        if (found == null || (!generic && entityOf(found.value(), 0).isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(found.value(),
                named.certain() && repositoryFiles.get(named.qualified()).size() == 1));
    }

    /** The qualified name a written name means, and whether that is certain: Java resolves it, or it is the only one. */
    private record Named(String qualified, boolean certain) {
    }

    /** The repository a name means where it is written ({@link #repository}), or null. */
    private Named named(TypeScope scope, String written) {
        Set<String> named = repositoryNames.get(written.substring(written.lastIndexOf('.') + 1));
        if (named == null) {
            return null;
        }
        List<String> candidates = written.contains(".") ? List.of(written)
                : scope == null ? List.of() : scope.candidates(written); // in Java's order: import, own package, on demand
        for (String candidate : candidates) {
            if (named.contains(candidate)) {
                return new Named(candidate, true);
            }
            if (otherStoreRepositories.contains(candidate)) {
                return null; // a MongoDB repository of the same name as a JPA one elsewhere
            }
        }
        String first = null;
        for (String q : named) {
            int byPath = first == null ? -1 : repositories.get(q).path().compareTo(repositories.get(first).path());
            if (byPath < 0 || byPath == 0 && q.compareTo(first) < 0) {
                first = q;
            }
        }
        return new Named(first, named.size() == 1);
    }

    /** A base a repository names, as its own file resolves the name. */
    private Repository base(Repository r, String written) {
        Named named = named(r.scope(), written);
        return named == null ? null : get(repositories, named.qualified());
    }

    /**
     * The entity a MyBatis-Plus mapper or service interface of the tree reads, following its bases to
     * {@code BaseMapper<T>} or {@code IService<T>} ({@code SysUserMapper extends BaseMapperPlus<SysUser, SysUserVo>},
     * {@code BaseMapperPlus<T, V> extends BaseMapper<T>}); empty when it is neither.
     */
    Optional<String> plusEntityOf(Repository r, Set<String> bases, int depth) {
        if (depth > 8) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> parent : r.parents().entrySet()) {
            String name = parent.getKey().substring(parent.getKey().lastIndexOf('.') + 1);
            if (bases.contains(name)) {
                return parent.getValue().isEmpty() ? Optional.empty() : Optional.of(parent.getValue());
            }
            Repository base = base(r, parent.getKey());
            if (base == null || base == r) {
                continue;
            }
            Optional<String> entity = plusEntityOf(base, bases, depth + 1)
                    .map(e -> base.typeParameters().contains(e) ? parent.getValue() : e);
            if (entity.isPresent() && !entity.get().isEmpty()) {
                return entity;
            }
        }
        return Optional.empty();
    }

    /** The MyBatis-Plus mapper or service interface a written type means, and the entity it reads. */
    Optional<String> plusEntity(TypeScope scope, String written, Set<String> bases) {
        Named named = named(scope, written);
        Sourced<Repository> found = named == null ? null : repositories.get(named.qualified());
        if (found != null) {
            return plusEntityOf(found.value(), bases, 0).filter(e -> !found.value().typeParameters().contains(e));
        }
        return Optional.empty();
    }

    /**
     * Whether a MyBatis-Plus mapper interface of the tree, or a project base of it, gives a method of that name a
     * body: a default method such as {@code BaseMapperX.selectList()} or {@code selectList(field, value)}.
     */
    boolean plusDeclares(TypeScope scope, String written, String method) {
        Named named = named(scope, written);
        Sourced<Repository> found = named == null ? null : repositories.get(named.qualified());
        return found != null && declares(found.value(), method, 0);
    }

    /** The entity a class extending {@code ServiceImpl<M, T>} reads, by the class's simple name. */
    Optional<String> plusService(String simpleName) {
        return Optional.ofNullable(get(plusServices, simpleName));
    }

    /** The table and columns of a MyBatis-Plus entity class of the tree ({@code @TableName}), by simple name. */
    Optional<MybatisPlusCalls.Table> plusTable(String simpleName) {
        return Optional.ofNullable(get(plusTables, simpleName));
    }

    /** The entity a Panache entity (itself) or repository class of the tree reads, by simple name. */
    Optional<String> panacheEntity(String simpleName) {
        return Optional.ofNullable(get(panacheTypes, simpleName.substring(simpleName.lastIndexOf('.') + 1)));
    }

    /** Whether the tree declares a Panache entity or repository. */
    boolean panache() {
        return !panacheTypes.isEmpty();
    }

    /** Whether the tree uses MyBatis-Plus at all: an interface extends one of its bases, or a class its ServiceImpl. */
    boolean mybatisPlus() {
        if (!plusServices.isEmpty()) {
            return true;
        }
        for (Sourced<Repository> r : repositories.values()) {
            for (String parent : r.value().parents().keySet()) {
                String name = parent.substring(parent.lastIndexOf('.') + 1);
                if (MybatisPlusCalls.MAPPER_BASES.contains(name) || MybatisPlusCalls.SERVICE_BASES.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The domain type of a repository interface of the tree, following generic bases
     * ({@code UserRepository extends BaseRepository<User>}); empty when it is not one.
     */
    Optional<String> entityOf(Repository r, int depth) {
        if (depth > 8) {
            return Optional.empty();
        }
        if (r.springDataBase()) {
            return r.typeParameters().contains(r.entity()) ? Optional.empty() : Optional.of(r.entity());
        }
        for (Map.Entry<String, String> parent : r.parents().entrySet()) {
            Repository base = base(r, parent.getKey());
            if (base == null || base == r) {
                continue;
            }
            Optional<String> entity = base.typeParameters().contains(base.entity()) ? Optional.of(parent.getValue())
                    : entityOf(base, depth + 1);
            if (entity.isPresent() && !entity.get().isEmpty() && !r.typeParameters().contains(entity.get())) {
                return entity;
            }
        }
        return Optional.empty();
    }

    /** Whether a method name is declared by the repository or one of its bases of the tree. */
    boolean declares(Repository r, String method, int depth) {
        if (r.declared().contains(method)) {
            return true;
        }
        if (depth > 8) {
            return false;
        }
        for (String parent : r.parents().keySet()) {
            Repository base = base(r, parent);
            if (base != null && base != r && declares(base, method, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a file names a repository interface or calls a query wrapper of the tree. */
    boolean mentionedIn(String text) {
        for (String name : repositoryNames.keySet()) {
            if (text.contains(name)) {
                return true;
            }
        }
        for (Map<String, Map<String, QueryWrappers.Wrapper>> helpers : List.of(wrappers, namedWrappers)) {
            for (String method : helpers.keySet()) {
                if (text.contains(method + "(")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The simple names of the repository interfaces of the tree. */
    Set<String> repositoryNames() {
        return repositoryNames.keySet();
    }

    void addMapperNamespace(String namespace) {
        if (!namespace.isEmpty()) {
            mapperNamespaces.add(namespace);
        }
    }

    void addFragment(String namespace, String id, String body, String path) {
        keepFirst(fragments, namespace + "." + id, path, body);
    }

    Optional<String> fragment(String qualifiedId) {
        return Optional.ofNullable(get(fragments, qualifiedId));
    }

    /** The mapper interface's method of that name: its own, or one it inherits from a generic interface of the tree. */
    Optional<MapperMethod> mapperMethod(String namespace, String id) {
        MapperMethod own = get(mapperMethods, namespace + "." + id);
        if (own != null) {
            return Optional.of(own);
        }
        List<String> parents = get(mapperParents, namespace);
        for (String parent : parents == null ? List.<String>of() : parents) {
            MapperMethod inherited = get(genericMethods, parent + "." + id);
            if (inherited != null) {
                return Optional.of(inherited);
            }
        }
        return Optional.empty();
    }

    boolean hasMapperNamespaces() {
        return !mapperNamespaces.isEmpty();
    }

    /** Whether a simple type name is the last segment of a mapper namespace. */
    boolean isMapperType(String simpleName) {
        for (String namespace : mapperNamespaces) {
            if (namespace.equals(simpleName) || namespace.endsWith("." + simpleName)) {
                return true;
            }
        }
        return false;
    }

    void addStatementCall(String id, StatementCalls.Read read) {
        statementCalls.merge(id, read, StatementCalls.Read::wider);
    }

    void addNamedQueryCall(String key, NamedQueryCalls.Read read) {
        namedQueryCalls.merge(key, read, NamedQueryCalls.Read::wider);
    }

    void addRepositoryNamedRead(String name, NamedQueryCalls.Read read) {
        repositoryNamedReads.merge(name, read, NamedQueryCalls.Read::wider);
    }

    /** Whether a repository method runs the named query of this name, so that its declaration judges the method. */
    boolean readByRepositoryMethod(String name) {
        return repositoryNamedReads.containsKey(name) && namedQueries.containsKey(name);
    }

    /**
     * How a named query's declaration is judged: by the widest reading of the calls that run it by name
     * ({@link #namedQueryCalls}), or as UNKNOWN when no call of the tree does.
     */
    CallSite namedQueryReading(String name) {
        return namedQueryCalls(name).map(NamedQueryCalls.Read::site).orElse(CallSite.UNKNOWN);
    }

    /**
     * How the code's calls that run a named query by name read it, the widest of them: those naming it by a literal,
     * and those naming it by a type's constant that holds the name. Empty when no call of the tree runs it so.
     */
    private Optional<NamedQueryCalls.Read> namedQueryCalls(String name) {
        NamedQueryCalls.Read widest = namedQueryCalls.get("=" + name);
        NamedQueryCalls.Read repository = repositoryNamedReads.get(name);
        if (repository != null) {
            widest = widest == null ? repository : widest.wider(repository);
        }
        for (Map.Entry<String, NamedQueryCalls.Read> e : namedQueryCalls.entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            if (key.startsWith("=") || dot <= 0 || !name.equals(lookup(key.substring(0, dot), key.substring(dot + 1), null)
                    .orElse(null))) {
                continue;
            }
            widest = widest == null ? e.getValue() : widest.wider(e.getValue());
        }
        return Optional.ofNullable(widest);
    }

    /** How the code's SqlSession calls read a mapper statement: by its qualified id, else by its short one. */
    Optional<StatementCalls.Read> statementCall(String namespace, String id) {
        StatementCalls.Read qualified = statementCalls.get(namespace + "." + id);
        return Optional.ofNullable(qualified != null ? qualified : statementCalls.get(id));
    }

    void addPagedMapperMethod(String mapperType, String method) {
        pagedMapperMethods.add(mapperType + "." + method);
    }

    /** Whether a caller pages this mapper statement with PageHelper. */
    boolean pagedByPageHelper(String namespace, String id) {
        String simple = namespace.contains(".") ? namespace.substring(namespace.lastIndexOf('.') + 1) : namespace;
        return pagedMapperMethods.contains(simple + "." + id);
    }

    void addNamedWrapper(QueryWrappers.Wrapper w) {
        put(namedWrappers, w);
    }

    /** The named-query helpers of that method name, in a stable order. */
    List<QueryWrappers.Wrapper> namedWrappers(String method) {
        return byMethod(namedWrappers, method);
    }

    /** The method names of the tree's named-query helpers. */
    public Set<String> namedWrapperNames() {
        return new java.util.TreeSet<>(namedWrappers.keySet());
    }

    /** Second look of the first pass: the calls of named-query helpers ({@link QueryWrappers#collectNamedWrapperCalls}). */
    public void indexNamedWrapperCalls(SourceFile file, CompilationUnit unit) {
        try {
            QueryWrappers.collectNamedWrapperCalls(unit, file.isTestSource(), this);
        } catch (RuntimeException | StackOverflowError e) {
            // the declarations then miss these calls' readings
        }
    }

    void addWrapper(QueryWrappers.Wrapper w) {
        put(wrappers, w);
    }

    /** Keyed "Type.method/arity#parameter" under its method name; of two alike, the one found first in the tree. */
    private static void put(Map<String, Map<String, QueryWrappers.Wrapper>> helpers, QueryWrappers.Wrapper w) {
        helpers.computeIfAbsent(w.method(), k -> new ConcurrentHashMap<>())
                .merge(w.type() + "." + w.method() + "/" + w.parameters() + (w.varargs() ? "+" : "") + "#" + w.parameter(), w,
                        (old, now) -> now.inside().compareTo(old.inside()) < 0 ? now : old);
    }

    private static List<QueryWrappers.Wrapper> byMethod(Map<String, Map<String, QueryWrappers.Wrapper>> helpers,
                                                        String method) {
        Map<String, QueryWrappers.Wrapper> byKey = helpers.get(method);
        return byKey == null ? List.of() : new java.util.TreeMap<>(byKey).values().stream().toList();
    }

    /** The simple names of the types that declare query wrappers. */
    public Set<String> wrapperTypes() {
        Set<String> types = new java.util.TreeSet<>();
        wrappers.values().forEach(byKey -> byKey.values().forEach(w -> types.add(w.type())));
        return types;
    }

    /** The method names of the tree's query wrappers. */
    public Set<String> wrapperNames() {
        return new java.util.TreeSet<>(wrappers.keySet());
    }

    /** Whether a type of the tree extends one that declares query wrappers (not that type itself). */
    public boolean inheritsWrappers(String type, Set<String> wrapperTypes) {
        for (String w : wrapperTypes) {
            if (!w.equals(type) && isOrExtends(type, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Second look of the first pass, once every file's own wrappers are known: a method of a subclass that hands its
     * text on to an inherited wrapper is a wrapper too ({@link QueryWrappers#collectInherited}).
     */
    public void indexInheritedWrappers(CompilationUnit unit) {
        try {
            QueryWrappers.collectInherited(unit, this);
        } catch (RuntimeException | StackOverflowError e) {
            // the index only misses this file's wrappers
        }
    }

    /** Whether a file's text may hand a String parameter on to a method: worth {@link #indexInheritedWrappers}. */
    public static boolean mayHandOnText(String text) {
        return QueryWrappers.mayHandOn(text);
    }

    /** Every wrapper, in a stable order. */
    List<QueryWrappers.Wrapper> allWrappers() {
        List<QueryWrappers.Wrapper> all = new java.util.ArrayList<>();
        for (String name : new java.util.TreeSet<>(wrappers.keySet())) {
            all.addAll(wrappers(name));
        }
        return all;
    }

    /** The wrappers of that method name, in a stable order. */
    List<QueryWrappers.Wrapper> wrappers(String method) {
        return byMethod(wrappers, method);
    }

    /**
     * Whether the class a file names {@code simple} is mapped by a store that is not relational ({@code @Document}
     * of MongoDB): a Spring Data repository of it runs no SQL or JPQL, whatever base it extends.
     */
    boolean storeDocument(TypeScope scope, String simple) {
        return !storeDocuments.isEmpty() && scope.candidates(simple).stream().anyMatch(storeDocuments::contains);
    }

    boolean hasWrappers() {
        return !wrappers.isEmpty();
    }

    void addChangelogFile(String path) {
        changelogFiles.add(path.replace('\\', '/'));
    }

    /** Whether a changelog names this SQL file ({@code <sqlFile path=...>}), by its path's tail. */
    boolean runByChangelog(String path) {
        for (String named : changelogFiles) {
            String tail = named.startsWith("classpath:") ? named.substring("classpath:".length()) : named;
            tail = tail.replaceFirst("^(\\./|/)+", "");
            if (!tail.isEmpty() && (path.equals(tail) || path.endsWith("/" + tail))) {
                return true;
            }
        }
        return false;
    }
}
