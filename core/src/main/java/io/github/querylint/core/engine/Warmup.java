package io.github.querylint.core.engine;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.extract.ExtractionSink;
import io.github.querylint.core.extract.Extractor;
import io.github.querylint.core.extract.JavaSourceExtractor;
import io.github.querylint.core.extract.MapperXmlExtractor;
import io.github.querylint.core.parse.QueryParser;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the parsers on a background thread, once per JVM. The first Java file, the first SQL and
 * the first JPQL query a JVM parses cost about half a second each (loading the generated parsers,
 * deserialising the HQL grammar, first predictions); in a Maven build they fell on the first
 * module's check, with one core idle while Maven compiled that module. Started early (by the
 * first execution of the goal, often the parent POM's), that work overlaps the compilation.
 * It only fills class and prediction caches the parsers share: no result depends on it.
 */
public final class Warmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** A query-bearing file of each kind the first module is likely to hold, written for this purpose. */
    private static final String JAVA = """
            package warmup;

            import java.util.List;

            class WarmupDao {
                private static final String BY_STATUS = "SELECT o.id, o.total FROM orders o"
                        + " JOIN customers c ON c.id = o.customer_id WHERE o.status = ? ORDER BY o.id";

                List<Object> byStatus(JdbcTemplate jdbc, String status) {
                    return jdbc.query(BY_STATUS, (rs, n) -> rs.getLong(1), status);
                }

                List<Object> recent(EntityManager em, String name) {
                    return em.createQuery("select o from Order o join o.customer c where c.name = :name"
                            + " and (:name is null or o.total > 10) order by o.created desc", Object.class)
                            .setParameter("name", name).setMaxResults(20).getResultList();
                }
            }
            """;

    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mapper namespace="warmup.WarmupMapper">
              <select id="byStatus" resultType="map">SELECT id, total FROM orders WHERE status = #{status}</select>
            </mapper>
            """;

    private Warmup() {
    }

    /** Starts the warm-up unless this JVM already did; returns at once. */
    public static void startInBackground() {
        startInBackground(() -> { });
    }

    /**
     * Starts the warm-up unless this JVM already did, running {@code first} on its thread before it (something
     * that must precede the parsers' first use, such as a JIT setting); returns at once.
     */
    public static void startInBackground(Runnable first) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            first.run();
            run();
        }, "querylint-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.setUncaughtExceptionHandler((t, e) -> {
            // only speed is at stake
        });
        thread.start();
    }

    /** Extracts and parses the samples; what they yield is thrown away. */
    static void run() {
        Path dir = Path.of("warmup");
        try (QueryParser parser = new QueryParser(QueryLintConfig.DEFAULTS.parseTimeoutMillis(),
                QueryParser.DEFAULT_MAX_QUERY_CHARS)) {
            parse(parser, new SourceFile(dir.resolve("WarmupDao.java"), "WarmupDao.java", SourceKind.JAVA), JAVA,
                    new JavaSourceExtractor());
            parse(parser, new SourceFile(dir.resolve("WarmupMapper.xml"), "WarmupMapper.xml", SourceKind.XML), XML,
                    new MapperXmlExtractor());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // only speed is at stake
        }
    }

    private static void parse(QueryParser parser, SourceFile file, String text, Extractor extractor) {
        ExtractionSink sink = new ExtractionSink();
        extractor.extract(file, text, sink);
        List<QueryUnit> units = sink.units();
        for (QueryUnit unit : units) {
            parser.parse(unit.text(), unit.language(), SqlDialect.ANSI);
        }
    }

    /** For tests: what the samples yield. */
    static List<QueryUnit> sampleQueries() {
        ExtractionSink sink = new ExtractionSink();
        new JavaSourceExtractor().extract(new SourceFile(Path.of("WarmupDao.java"), "WarmupDao.java", SourceKind.JAVA),
                JAVA, sink);
        new MapperXmlExtractor().extract(new SourceFile(Path.of("WarmupMapper.xml"), "WarmupMapper.xml", SourceKind.XML),
                XML, sink);
        return sink.units();
    }
}
