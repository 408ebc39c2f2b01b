package io.github.querylint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a synthetic code base: plain Java classes with a share of query-bearing files spread over
 * the API families QueryLint reads (JdbcTemplate, JDBC, JPA createQuery, {@code @Query} and derived
 * Spring Data repositories, MyBatis mapper XML, Flyway SQL), a few constant holders that queries
 * are assembled from, and optionally a Maven reactor of modules around them. The same spec and
 * seed always write the same bytes.
 */
public final class CodebaseGenerator {

    /** The API families, in a fixed order (the mix is a weight per family). */
    public enum Family { JDBC_TEMPLATE, JDBC, JPA, QUERY_REPOSITORY, DERIVED_REPOSITORY, MYBATIS_XML, FLYWAY_SQL }

    /**
     * @param lines      about how many lines to write in all
     * @param queryShare the share of files that hold queries (0.1: one in ten)
     * @param mix        weight per family
     * @param seed       the random seed
     * @param modules    0 for one source tree, else that many Maven modules under a parent POM
     * @param pluginVersion the querylint-maven-plugin version a reactor's POM binds (when modules > 0), or null for none
     * @param testShare  the share of plain classes that get a JUnit test class under {@code src/test/java} (0: no
     *                   tests); the main sources are the same bytes whatever it is
     */
    public record Spec(long lines, double queryShare, Map<Family, Integer> mix, long seed, int modules,
                       String pluginVersion, double testShare) {

        public Spec {
            mix = mix == null || mix.isEmpty() ? defaultMix() : Map.copyOf(mix);
        }

        public static Spec of(long lines) {
            return new Spec(lines, 0.10, defaultMix(), 42, 0, null, 0);
        }

        public Spec withModules(int value, String plugin) {
            return new Spec(lines, queryShare, mix, seed, value, plugin, testShare);
        }

        public Spec withSeed(long value) {
            return new Spec(lines, queryShare, mix, value, modules, pluginVersion, testShare);
        }

        public Spec withQueryShare(double value) {
            return new Spec(lines, value, mix, seed, modules, pluginVersion, testShare);
        }

        public Spec withTestShare(double value) {
            return new Spec(lines, queryShare, mix, seed, modules, pluginVersion, value);
        }

        static Map<Family, Integer> defaultMix() {
            Map<Family, Integer> m = new TreeMap<>();
            m.put(Family.JDBC_TEMPLATE, 20);
            m.put(Family.JDBC, 15);
            m.put(Family.JPA, 20);
            m.put(Family.QUERY_REPOSITORY, 15);
            m.put(Family.DERIVED_REPOSITORY, 15);
            m.put(Family.MYBATIS_XML, 10);
            m.put(Family.FLYWAY_SQL, 5);
            return m;
        }
    }

    /** What was written: {@code lines} in the main sources, {@code testLines} in the tests (counted apart). */
    public record Summary(int javaFiles, int otherFiles, long lines, int queryFiles, long bytes, int testFiles,
                          long testLines) {
    }

    /**
     * The JUnit and Surefire versions a generated reactor's tests use: the ones this repository's own build
     * uses, so that an offline build of the reactor finds them where this repository was built
     * ({@code CodebaseGeneratorTest} holds them to the parent POM).
     */
    static final String JUNIT_VERSION = "6.1.3";
    static final String SUREFIRE_VERSION = "3.5.4";

    private static final String[] TABLES = {"customers", "orders", "order_items", "products", "invoices", "payments",
        "shipments", "accounts", "loans", "audit_log", "users", "roles", "addresses", "tickets", "events"};
    private static final String[] COLUMNS = {"id", "name", "status", "created_at", "amount", "owner_id", "code",
        "email", "total", "version", "updated_at", "type", "region", "score"};
    private static final String[] ENTITIES = {"Customer", "Order", "Product", "Invoice", "Payment", "Shipment",
        "Account", "Loan", "User", "Role", "Ticket", "Event"};
    private static final String[] FIELDS = {"name", "status", "code", "email", "region", "type", "owner", "total"};
    private static final String[] WORDS = {"value", "count", "total", "item", "entry", "record", "result", "buffer",
        "index", "offset", "limit", "key", "state", "target", "source", "amount", "rate", "score", "flag", "cursor"};
    private static final String[] MESSAGES = {"Update failed for %s", "Select a valid option", "Delete is not allowed",
        "From date must precede to date", "With id %s", "Insert a value", "invalid input: %s", "processing %s",
        "Where is the %s?", "Join the group", "done", "could not read %s", "Query string is empty"};

    private final Spec spec;
    private final Random random;
    /** Which plain classes get a test: a stream of its own, so the main sources do not depend on the test share. */
    private final Random testRandom;
    private int testFiles;
    private long testLines;
    private long written;
    private long bytes;
    private int javaFiles;
    private int otherFiles;
    private int queryFiles;
    private int flywayVersion;

    private CodebaseGenerator(Spec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.testRandom = new Random(spec.seed() * 31 + 17);
    }

    /** Writes the tree under {@code root} (which must be empty or absent). */
    public static Summary generate(Spec spec, Path root) {
        return new CodebaseGenerator(spec).run(root);
    }

    private Summary run(Path root) {
        try {
            Files.createDirectories(root);
            int modules = Math.max(1, spec.modules());
            long perModule = spec.lines() / modules;
            List<String> moduleNames = new ArrayList<>();
            for (int m = 0; m < modules; m++) {
                String name = spec.modules() > 0 ? String.format(Locale.ROOT, "module-%02d", m) : "";
                moduleNames.add(name);
                Path base = name.isEmpty() ? root : root.resolve(name);
                writeModule(base, m, perModule);
                if (spec.modules() > 0) {
                    write(base.resolve("pom.xml"), modulePom(name));
                }
            }
            if (spec.modules() > 0) {
                // the APIs the DAOs call come from jars in a real build: here one module holds them for all
                Path stubs = root.resolve(STUBS).resolve("src/main/java");
                for (Map.Entry<String, String> stub : Stubs.ALL.entrySet()) {
                    write(stubs.resolve(stub.getKey().replace('.', '/') + ".java"), stub.getValue());
                }
                write(root.resolve(STUBS).resolve("pom.xml"), stubsPom());
                List<String> all = new ArrayList<>();
                all.add(STUBS);
                all.addAll(moduleNames);
                write(root.resolve("pom.xml"), parentPom(all));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(javaFiles, otherFiles, written, queryFiles, bytes, testFiles, testLines);
    }

    private void writeModule(Path base, int module, long lines) throws IOException {
        Path java = base.resolve("src/main/java");
        Path resources = base.resolve("src/main/resources");
        String pkgRoot = "com.example.m" + module;
        long start = written;
        for (String entity : ENTITIES) {
            writeJava(java, pkgRoot + ".domain", entity, entity(pkgRoot + ".domain", entity));
        }
        int n = 0;
        List<String> holders = new ArrayList<>();
        while (written - start < lines) {
            String pkg = pkgRoot + ".p" + (n / 40);
            boolean query = random.nextDouble() < spec.queryShare();
            if (query) {
                queryFiles++;
                Family family = pickFamily();
                switch (family) {
                    case JDBC_TEMPLATE -> writeJava(java, pkg, "Jdbc" + n + "Dao", jdbcTemplateDao(pkg, "Jdbc" + n + "Dao", holders));
                    case JDBC -> writeJava(java, pkg, "Plain" + n + "Dao", jdbcDao(pkg, "Plain" + n + "Dao"));
                    case JPA -> writeJava(java, pkg, "Jpa" + n + "Dao", jpaDao(pkg, "Jpa" + n + "Dao", holders));
                    case QUERY_REPOSITORY -> writeJava(java, pkg, "Query" + n + "Repository", queryRepository(pkg, "Query" + n + "Repository"));
                    case DERIVED_REPOSITORY -> writeJava(java, pkg, "Derived" + n + "Repository", derivedRepository(pkg, "Derived" + n + "Repository"));
                    case MYBATIS_XML -> {
                        String name = "Batis" + n + "Mapper";
                        writeJava(java, pkg, name, mapperInterface(pkg, name));
                        writeOther(resources.resolve(pkg.replace('.', '/')).resolve(name + ".xml"), mapperXml(pkg + "." + name));
                    }
                    case FLYWAY_SQL -> writeOther(resources.resolve("db/migration").resolve("V" + (++flywayVersion) + "__change_" + n + ".sql"), flyway());
                }
            } else if (random.nextInt(40) == 0) {
                // a constant holder: query fragments that DAOs in the same module assemble their queries from
                String name = "Sql" + n + "Constants";
                writeJava(java, pkg, name, constantHolder(pkg, name));
                holders.add(pkg + "." + name);
            } else {
                String name = pick(new String[] {"Service", "Helper", "Mapper", "Dto", "Handler", "Util", "Validator"}) + n;
                List<Filler> methods = new ArrayList<>();
                writeJava(java, pkg, name, plainClass(pkg, name, methods));
                if (testRandom.nextDouble() < spec.testShare()) {
                    writeTest(base.resolve("src/test/java"), pkg, name, methods);
                }
            }
            n++;
        }
    }

    private Family pickFamily() {
        int total = spec.mix().values().stream().mapToInt(Integer::intValue).sum();
        int r = random.nextInt(Math.max(1, total));
        for (Family f : Family.values()) {
            int w = spec.mix().getOrDefault(f, 0);
            if (r < w) {
                return f;
            }
            r -= w;
        }
        return Family.JDBC_TEMPLATE;
    }

    // ---- file kinds

    private String plainClass(String pkg, String name, List<Filler> methods) {
        StringBuilder sb = header(pkg, List.of("java.util.ArrayList", "java.util.List", "java.util.Map", "java.util.HashMap"));
        sb.append("/**\n * ").append(name).append(" keeps the ").append(pick(WORDS)).append(" of each ").append(pick(WORDS))
                .append(" and updates it on request.\n */\n");
        sb.append("public class ").append(name).append(" {\n\n");
        if (random.nextInt(3) == 0) {
            sb.append("    private static final String MESSAGE = \"").append(String.format(Locale.ROOT, pick(MESSAGES), "x")).append("\";\n");
        }
        sb.append("    private final Map<String, Integer> ").append(pick(WORDS)).append("s = new HashMap<>();\n");
        sb.append("    private int count;\n\n");
        int count = 4 + random.nextInt(20);
        for (int i = 0; i < count; i++) {
            methods.add(fillerMethod(sb, i));
        }
        sb.append("}\n");
        return sb.toString();
    }

    /** A filler method as a test calls it: its kind (the case below), name, word, and for {@code compute} its threshold. */
    private record Filler(int kind, String name, String word, int threshold) {
    }

    private Filler fillerMethod(StringBuilder sb, int i) {
        String w = pick(WORDS);
        int kind = random.nextInt(5);
        int threshold = kind == 0 ? random.nextInt(1000) : 0;
        switch (kind) {
            case 0 -> sb.append("    public int compute").append(cap(w)).append(i).append("(int a, int b) {\n")
                    .append("        int result = 0;\n")
                    .append("        for (int i = 0; i < a; i++) {\n")
                    .append("            result += i * b;\n")
                    .append("            if (result > ").append(threshold).append(") {\n")
                    .append("                result -= b;\n")
                    .append("            }\n")
                    .append("        }\n")
                    .append("        return result;\n")
                    .append("    }\n\n");
            case 1 -> sb.append("    public List<String> ").append(w).append("Names").append(i).append("(List<String> input) {\n")
                    .append("        List<String> out = new ArrayList<>();\n")
                    .append("        for (String s : input) {\n")
                    .append("            if (s != null && !s.isBlank()) {\n")
                    .append("                out.add(s.trim().toLowerCase());\n")
                    .append("            }\n")
                    .append("        }\n")
                    .append("        // keep the order the caller gave\n")
                    .append("        return out;\n")
                    .append("    }\n\n");
            case 2 -> sb.append("    public String describe").append(i).append("(Object ").append(w).append(") {\n")
                    .append("        if (").append(w).append(" == null) {\n")
                    .append("            throw new IllegalArgumentException(\"")
                    .append(String.format(Locale.ROOT, pick(MESSAGES), w)).append("\");\n")
                    .append("        }\n")
                    .append("        return \"").append(w).append(": \" + ").append(w).append(";\n")
                    .append("    }\n\n");
            case 3 -> sb.append("    public Map<String, Integer> group").append(i).append("(List<String> keys) {\n")
                    .append("        Map<String, Integer> counts = new HashMap<>();\n")
                    .append("        keys.forEach(k -> counts.merge(k, 1, Integer::sum));\n")
                    .append("        return counts;\n")
                    .append("    }\n\n");
            default -> sb.append("    /** Updates the ").append(w).append(" and returns the previous one. */\n")
                    .append("    public int update").append(cap(w)).append(i).append("(int next) {\n")
                    .append("        int previous = this.count;\n")
                    .append("        switch (next % 3) {\n")
                    .append("            case 0 -> previous++;\n")
                    .append("            case 1 -> previous--;\n")
                    .append("            default -> previous = next;\n")
                    .append("        }\n")
                    .append("        return previous;\n")
                    .append("    }\n\n");
        }
        String name = switch (kind) {
            case 0 -> "compute" + cap(w) + i;
            case 1 -> w + "Names" + i;
            case 2 -> "describe" + i;
            case 3 -> "group" + i;
            default -> "update" + cap(w) + i;
        };
        return new Filler(kind, name, w, threshold);
    }

    /** A JUnit test of a plain class: one test per method, with the result worked out here. */
    private void writeTest(Path testRoot, String pkg, String name, List<Filler> methods) throws IOException {
        StringBuilder sb = header(pkg, List.of("static org.junit.jupiter.api.Assertions.assertEquals",
                "static org.junit.jupiter.api.Assertions.assertThrows", "java.util.Arrays", "java.util.List",
                "java.util.Map", "org.junit.jupiter.api.Test"));
        sb.append("class ").append(name).append("Test {\n\n");
        sb.append("    private final ").append(name).append(" subject = new ").append(name).append("();\n");
        for (Filler m : methods) {
            sb.append("\n    @Test\n    void ").append(m.name()).append("() {\n");
            switch (m.kind()) {
                case 0 -> {
                    int a = 2 + testRandom.nextInt(30);
                    int b = 1 + testRandom.nextInt(50);
                    int result = 0;
                    for (int k = 0; k < a; k++) {
                        result += k * b;
                        if (result > m.threshold()) {
                            result -= b;
                        }
                    }
                    sb.append("        assertEquals(").append(result).append(", subject.").append(m.name())
                            .append("(").append(a).append(", ").append(b).append("));\n")
                            .append("        assertEquals(0, subject.").append(m.name()).append("(0, ").append(b).append("));\n");
                }
                case 1 -> sb.append("        List<String> out = subject.").append(m.name())
                        .append("(Arrays.asList(\" Alpha \", \" \", null, \"BETA\"));\n")
                        .append("        assertEquals(List.of(\"alpha\", \"beta\"), out);\n");
                case 2 -> sb.append("        assertEquals(\"").append(m.word()).append(": 7\", subject.").append(m.name()).append("(7));\n")
                        .append("        assertThrows(IllegalArgumentException.class, () -> subject.").append(m.name()).append("(null));\n");
                case 3 -> sb.append("        Map<String, Integer> counts = subject.").append(m.name())
                        .append("(List.of(\"a\", \"b\", \"a\"));\n")
                        .append("        assertEquals(Map.of(\"a\", 2, \"b\", 1), counts);\n");
                default -> sb.append("        assertEquals(-1, subject.").append(m.name()).append("(4));\n")
                        .append("        assertEquals(1, subject.").append(m.name()).append("(3));\n")
                        .append("        assertEquals(5, subject.").append(m.name()).append("(5));\n");
            }
            sb.append("    }\n");
        }
        sb.append("}\n");
        Path file = testRoot.resolve(pkg.replace('.', '/')).resolve(name + "Test.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb);
        testFiles++;
        testLines += sb.chars().filter(c -> c == '\n').count();
    }

    private String entity(String pkg, String name) {
        StringBuilder sb = header(pkg, List.of());
        sb.append("/** A mapped entity. */\n");
        sb.append("public class ").append(name).append(" {\n\n");
        sb.append("    private Long id;\n");
        for (String f : FIELDS) {
            sb.append("    private String ").append(f).append(";\n");
        }
        sb.append("\n    public Long getId() {\n        return id;\n    }\n\n");
        for (String f : FIELDS) {
            sb.append("    public String get").append(cap(f)).append("() {\n        return ").append(f).append(";\n    }\n\n");
            sb.append("    public void set").append(cap(f)).append("(String value) {\n        this.").append(f).append(" = value;\n    }\n\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    private String constantHolder(String pkg, String name) {
        StringBuilder sb = header(pkg, List.of());
        sb.append("/** Query fragments shared by the DAOs of this package. */\n");
        sb.append("public final class ").append(name).append(" {\n\n");
        for (int i = 0; i < 6; i++) {
            String table = pick(TABLES);
            sb.append("    public static final String SELECT_").append(i).append(" = \"SELECT ").append(columns(3))
                    .append(" FROM ").append(table).append(" \";\n");
        }
        sb.append("    public static final String ACTIVE = \" WHERE status = 'ACTIVE'\";\n\n");
        sb.append("    private ").append(name).append("() {\n    }\n");
        sb.append("}\n");
        return sb.toString();
    }

    private String jdbcTemplateDao(String pkg, String name, List<String> holders) {
        StringBuilder sb = header(pkg, List.of("java.util.*", "org.springframework.jdbc.core.JdbcTemplate"));
        String holder = holders.isEmpty() || random.nextInt(3) > 0 ? null : holders.get(random.nextInt(holders.size()));
        sb.append("public class ").append(name).append(" {\n\n");
        sb.append("    private final JdbcTemplate jdbcTemplate;\n\n");
        sb.append("    public ").append(name).append("(JdbcTemplate jdbcTemplate) {\n        this.jdbcTemplate = jdbcTemplate;\n    }\n\n");
        int queries = 1 + random.nextInt(5);
        for (int i = 0; i < queries; i++) {
            String table = pick(TABLES);
            switch (random.nextInt(5)) {
                case 0 -> sb.append("    public List<Map<String, Object>> all").append(i).append("() {\n")
                        .append("        return jdbcTemplate.queryForList(\"SELECT * FROM ").append(table).append("\");\n    }\n\n");
                case 1 -> sb.append("    public List<Map<String, Object>> byStatus").append(i).append("(String status) {\n")
                        .append("        return jdbcTemplate.queryForList(\"SELECT ").append(columns(3)).append(" FROM ").append(table)
                        .append(" WHERE status = ? ORDER BY id LIMIT 50\", status);\n    }\n\n");
                case 2 -> sb.append("    public int touch").append(i).append("(long id) {\n")
                        .append("        return jdbcTemplate.update(\"UPDATE ").append(table).append(" SET updated_at = CURRENT_TIMESTAMP WHERE id = ?\", id);\n    }\n\n");
                case 3 -> {
                    if (holder != null) {
                        sb.append("    public List<Map<String, Object>> assembled").append(i).append("() {\n")
                                .append("        return jdbcTemplate.queryForList(").append(holder).append(".SELECT_").append(random.nextInt(6))
                                .append(" + ").append(holder).append(".ACTIVE);\n    }\n\n");
                    } else {
                        sb.append("    public Long count").append(i).append("() {\n")
                                .append("        return jdbcTemplate.queryForObject(\"SELECT COUNT(*) FROM ").append(table).append("\", Long.class);\n    }\n\n");
                    }
                }
                default -> sb.append("    public Map<String, Object> one").append(i).append("(long id) {\n")
                        .append("        return jdbcTemplate.queryForMap(\"SELECT ").append(columns(4)).append(" FROM ").append(table)
                        .append(" t JOIN ").append(pick(TABLES)).append(" u ON u.id = t.owner_id WHERE t.id = ?\", id);\n    }\n\n");
            }
        }
        fill(sb);
        sb.append("}\n");
        return sb.toString();
    }

    private String jdbcDao(String pkg, String name) {
        StringBuilder sb = header(pkg, List.of("java.sql.Connection", "java.sql.PreparedStatement", "java.sql.ResultSet",
                "java.sql.SQLException", "java.util.*", "javax.sql.DataSource"));
        sb.append("public class ").append(name).append(" {\n\n");
        sb.append("    private final DataSource dataSource;\n\n");
        sb.append("    public ").append(name).append("(DataSource dataSource) {\n        this.dataSource = dataSource;\n    }\n\n");
        int queries = 1 + random.nextInt(4);
        for (int i = 0; i < queries; i++) {
            String table = pick(TABLES);
            boolean bounded = random.nextBoolean();
            sb.append("    public List<String> names").append(i).append("(String region) throws SQLException {\n")
                    .append("        List<String> out = new ArrayList<>();\n")
                    .append("        try (Connection conn = dataSource.getConnection();\n")
                    .append("             PreparedStatement ps = conn.prepareStatement(\"SELECT id, name FROM ").append(table)
                    .append(bounded ? " WHERE region = ? FETCH FIRST 100 ROWS ONLY\")) {\n" : "\")) {\n")
                    .append(bounded ? "            ps.setString(1, region);\n" : "")
                    .append("            try (ResultSet rs = ps.executeQuery()) {\n")
                    .append("                while (rs.next()) {\n")
                    .append("                    out.add(rs.getString(\"name\"));\n")
                    .append("                }\n")
                    .append("            }\n")
                    .append("        }\n")
                    .append("        return out;\n")
                    .append("    }\n\n");
        }
        fill(sb);
        sb.append("}\n");
        return sb.toString();
    }

    private String jpaDao(String pkg, String name, List<String> holders) {
        StringBuilder sb = header(pkg, List.of("jakarta.persistence.EntityManager", "java.util.*", domain(pkg) + ".*"));
        sb.append("public class ").append(name).append(" {\n\n");
        sb.append("    private final EntityManager em;\n\n");
        sb.append("    public ").append(name).append("(EntityManager em) {\n        this.em = em;\n    }\n\n");
        int queries = 1 + random.nextInt(4);
        for (int i = 0; i < queries; i++) {
            String entity = pick(ENTITIES);
            String field = pick(FIELDS);
            switch (random.nextInt(4)) {
                case 0 -> sb.append("    public List<").append(entity).append("> all").append(i).append("() {\n")
                        .append("        return em.createQuery(\"select e from ").append(entity).append(" e\", ").append(entity)
                        .append(".class).getResultList();\n    }\n\n");
                case 1 -> sb.append("    public List<").append(entity).append("> page").append(i).append("(String v, int first) {\n")
                        .append("        return em.createQuery(\"select e from ").append(entity).append(" e where e.").append(field)
                        .append(" = :v order by e.id\", ").append(entity).append(".class)\n")
                        .append("                .setParameter(\"v\", v).setFirstResult(first).setMaxResults(20).getResultList();\n    }\n\n");
                case 2 -> sb.append("    public ").append(entity).append(" one").append(i).append("(long id) {\n")
                        .append("        return em.createQuery(\"select e from ").append(entity).append(" e join fetch e.owner o where e.id = :id\", ")
                        .append(entity).append(".class)\n                .setParameter(\"id\", id).getSingleResult();\n    }\n\n");
                default -> sb.append("    @SuppressWarnings(\"unchecked\")\n    public List<Object[]> report").append(i).append("(String v) {\n")
                        .append("        return em.createNativeQuery(\"SELECT ").append(columns(3)).append(" FROM ").append(pick(TABLES))
                        .append(" WHERE ").append(pick(COLUMNS)).append(" = ?1\").setParameter(1, v).getResultList();\n    }\n\n");
            }
        }
        fill(sb);
        sb.append("}\n");
        return sb.toString();
    }

    private String queryRepository(String pkg, String name) {
        String entity = pick(ENTITIES);
        StringBuilder sb = header(pkg, List.of("java.util.List", "org.springframework.data.domain.Page",
                "org.springframework.data.domain.Pageable", "org.springframework.data.jpa.repository.JpaRepository",
                "org.springframework.data.jpa.repository.Query", domain(pkg) + ".*"));
        sb.append("public interface ").append(name).append(" extends JpaRepository<").append(entity).append(", Long> {\n\n");
        int queries = 1 + random.nextInt(5);
        for (int i = 0; i < queries; i++) {
            String field = pick(FIELDS);
            switch (random.nextInt(3)) {
                case 0 -> sb.append("    @Query(\"select e from ").append(entity).append(" e where e.").append(field).append(" = ?1\")\n")
                        .append("    List<").append(entity).append("> with").append(cap(field)).append(i).append("(String v);\n\n");
                case 1 -> sb.append("    @Query(\"select e from ").append(entity).append(" e where e.").append(field).append(" like ?1\")\n")
                        .append("    Page<").append(entity).append("> search").append(i).append("(String v, Pageable page);\n\n");
                default -> sb.append("    @Query(value = \"SELECT * FROM ").append(pick(TABLES)).append("\", nativeQuery = true)\n")
                        .append("    List<").append(entity).append("> raw").append(i).append("();\n\n");
            }
        }
        sb.append("}\n");
        return sb.toString();
    }

    private String derivedRepository(String pkg, String name) {
        String entity = pick(ENTITIES);
        StringBuilder sb = header(pkg, List.of("java.util.List", "java.util.Optional",
                "org.springframework.data.repository.CrudRepository", domain(pkg) + ".*"));
        sb.append("public interface ").append(name).append(" extends CrudRepository<").append(entity).append(", Long> {\n\n");
        int queries = 1 + random.nextInt(6);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < queries; i++) {
            String a = cap(pick(FIELDS));
            String b = cap(pick(FIELDS));
            String method = switch (random.nextInt(4)) {
                case 0 -> "    List<" + entity + "> findBy" + a + "(String v);\n\n";
                case 1 -> "    Optional<" + entity + "> findFirstBy" + a + "OrderByIdDesc(String v);\n\n";
                case 2 -> "    long countBy" + a + "And" + b + "(String a, String b);\n\n";
                default -> "    List<" + entity + "> findTop10By" + a + "(String v);\n\n";
            };
            if (seen.add(method)) {
                sb.append(method);
            }
        }
        sb.append("}\n");
        return sb.toString();
    }

    private String mapperInterface(String pkg, String name) {
        StringBuilder sb = header(pkg, List.of("java.util.List", "java.util.Map"));
        sb.append("public interface ").append(name).append(" {\n\n");
        sb.append("    List<Map<String, Object>> list();\n\n");
        sb.append("    Map<String, Object> byId(long id);\n\n");
        sb.append("    List<Map<String, Object>> search(Map<String, Object> filter);\n");
        sb.append("}\n");
        return sb.toString();
    }

    private String mapperXml(String namespace) {
        String table = pick(TABLES);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<!DOCTYPE mapper PUBLIC \"-//mybatis.org//DTD Mapper 3.0//EN\" \"https://mybatis.org/dtd/mybatis-3-mapper.dtd\">\n");
        sb.append("<mapper namespace=\"").append(namespace).append("\">\n");
        sb.append("  <select id=\"list\" resultType=\"map\">\n    SELECT * FROM ").append(table).append("\n  </select>\n");
        sb.append("  <select id=\"byId\" resultType=\"map\">\n    SELECT ").append(columns(3)).append(" FROM ").append(table)
                .append(" WHERE id = #{id}\n  </select>\n");
        sb.append("  <select id=\"search\" resultType=\"map\">\n    SELECT ").append(columns(2)).append(" FROM ").append(table)
                .append("\n    <where>\n      <if test=\"status != null\">status = #{status}</if>\n    </where>\n    LIMIT 100\n  </select>\n");
        sb.append("</mapper>\n");
        return sb.toString();
    }

    private String flyway() {
        String table = pick(TABLES) + "_" + flywayVersion;
        StringBuilder sb = new StringBuilder();
        sb.append("-- change ").append(flywayVersion).append("\n");
        sb.append("CREATE TABLE ").append(table).append(" (\n    id BIGINT PRIMARY KEY,\n    name VARCHAR(100) NOT NULL,\n")
                .append("    status VARCHAR(20),\n    created_at TIMESTAMP\n);\n\n");
        sb.append("CREATE INDEX idx_").append(table).append("_status ON ").append(table).append(" (status);\n\n");
        sb.append("INSERT INTO ").append(table).append(" (id, name, status) VALUES (1, 'first', 'ACTIVE');\n\n");
        sb.append("UPDATE ").append(table).append(" SET status = 'DONE' WHERE id = 1;\n");
        return sb.toString();
    }

    // ---- helpers

    private StringBuilder header(String pkg, List<String> imports) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n");
        for (String i : imports) {
            sb.append("import ").append(i).append(";\n");
        }
        if (!imports.isEmpty()) {
            sb.append('\n');
        }
        return sb;
    }

    /** Fills a class with plain methods so that query files are as long as the others (they use java.util). */
    private void fill(StringBuilder sb) {
        int methods = 2 + random.nextInt(14);
        sb.append("    private int count;\n\n");
        for (int i = 0; i < methods; i++) {
            fillerMethod(sb, 100 + i);
        }
    }

    /** The package of a module's entities: com.example.m3.domain for com.example.m3.p7. */
    private static String domain(String pkg) {
        return pkg.substring(0, pkg.lastIndexOf('.')) + ".domain";
    }

    private String columns(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(COLUMNS[random.nextInt(COLUMNS.length)]);
        }
        return sb.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void writeJava(Path javaRoot, String pkg, String name, String text) throws IOException {
        javaFiles++;
        write(javaRoot.resolve(pkg.replace('.', '/')).resolve(name + ".java"), text);
    }

    private void writeOther(Path file, String text) throws IOException {
        otherFiles++;
        write(file, text);
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, data);
        bytes += data.length;
        written += text.chars().filter(c -> c == '\n').count();
    }

    /** The module of API stubs every other module depends on, as a real one depends on jars. */
    static final String STUBS = "api-stubs";

    private String modulePom(String name) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + "  <parent>\n    <groupId>bench.gen</groupId>\n    <artifactId>gen-parent</artifactId>\n    <version>1</version>\n  </parent>\n"
                + "  <artifactId>" + name + "</artifactId>\n"
                + "  <dependencies>\n    <dependency>\n      <groupId>bench.gen</groupId>\n      <artifactId>" + STUBS
                + "</artifactId>\n      <version>1</version>\n    </dependency>\n  </dependencies>\n"
                + "</project>\n";
    }

    /** Third-party APIs are not reviewed: the stubs module skips the check. */
    private String stubsPom() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + "  <parent>\n    <groupId>bench.gen</groupId>\n    <artifactId>gen-parent</artifactId>\n    <version>1</version>\n  </parent>\n"
                + "  <artifactId>" + STUBS + "</artifactId>\n"
                + "  <properties>\n    <querylint.skip>true</querylint.skip>\n  </properties>\n"
                + "</project>\n";
    }

    private String parentPom(List<String> modules) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n")
                .append("  <modelVersion>4.0.0</modelVersion>\n  <groupId>bench.gen</groupId>\n  <artifactId>gen-parent</artifactId>\n")
                .append("  <version>1</version>\n  <packaging>pom</packaging>\n  <properties>\n")
                .append("    <maven.compiler.release>17</maven.compiler.release>\n")
                .append("    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n  </properties>\n  <modules>\n");
        for (String m : modules) {
            sb.append("    <module>").append(m).append("</module>\n");
        }
        sb.append("  </modules>\n");
        if (spec.testShare() > 0) {
            sb.append("  <dependencies>\n    <dependency>\n      <groupId>org.junit.jupiter</groupId>\n")
                    .append("      <artifactId>junit-jupiter</artifactId>\n      <version>").append(JUNIT_VERSION)
                    .append("</version>\n      <scope>test</scope>\n    </dependency>\n  </dependencies>\n")
                    .append("  <build>\n    <pluginManagement>\n      <plugins>\n        <plugin>\n")
                    .append("          <artifactId>maven-surefire-plugin</artifactId>\n          <version>").append(SUREFIRE_VERSION)
                    .append("</version>\n        </plugin>\n      </plugins>\n    </pluginManagement>\n  </build>\n");
        }
        if (spec.pluginVersion() != null) {
            sb.append("  <profiles>\n    <profile>\n      <id>querylint</id>\n      <build>\n        <plugins>\n          <plugin>\n")
                    .append("            <groupId>io.github.querylint</groupId>\n            <artifactId>querylint-maven-plugin</artifactId>\n")
                    .append("            <version>").append(spec.pluginVersion()).append("</version>\n")
                    .append("            <configuration><failOnViolation>false</failOnViolation></configuration>\n")
                    .append("            <executions><execution><goals><goal>check</goal></goals></execution></executions>\n")
                    .append("          </plugin>\n        </plugins>\n      </build>\n    </profile>\n  </profiles>\n");
        }
        sb.append("</project>\n");
        return sb.toString();
    }
}
