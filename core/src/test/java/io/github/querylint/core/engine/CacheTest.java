package io.github.querylint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.querylint.core.config.QueryLintConfig;
import io.github.querylint.core.finding.Finding;
import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.CallSite;
import io.github.querylint.core.query.Cardinality;
import io.github.querylint.core.query.QueryLanguage;
import io.github.querylint.core.query.QueryOrigin;
import io.github.querylint.core.query.QueryUnit;
import io.github.querylint.core.rule.Severity;
import io.github.querylint.core.source.Location;
import io.github.querylint.core.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheTest {

    private static final Location AT = new Location("src/A.java", 12, 5);

    static FileAnalysis.Result sample() {
        QueryUnit unit = new QueryUnit(AT, QueryOrigin.JDBC_TEMPLATE, QueryLanguage.SQL, "SELECT * FROM t\n  WHERE a = ?",
                new CallSite("queryForList", Cardinality.COLLECTION, "", true, "A", "all"), true, false,
                Set.of("select-star", "*"), List.of(new Location("src/Q.java", 3, 1)));
        Finding finding = new Finding("select-star", Severity.WARNING, "query selects every column; name them", AT,
                unit.normalizedText(), "jdbc-template", "abc", List.of(new Location("src/Q.java", 3, 1)));
        Notice notice = new Notice(Notice.Kind.PARSE_TIMEOUT, AT, "é ünïcode — and a long message");
        return new FileAnalysis.Result(List.of(finding), List.of(notice), List.of(unit), List.of(finding));
    }

    /** A cache in which a run of context "ctx" stored one file, {@code A.java}, and saved. */
    private record Stored(Cache cache, SourceFile source, String hash) {

        /** @param facts the project-wide facts the run judged by, or null when it names none */
        static Stored one(Path dir, Path tree, List<String> types, FileAnalysis.Result result, String facts)
                throws java.io.IOException {
            Path file = tree.resolve("A.java");
            Files.writeString(file, "class A { }");
            SourceFile source = SourceFile.of(tree, file);
            Cache cache = Cache.in(dir);
            Cache.Run first = cache.start("ctx").loaded();
            String hash = first.hash(source, QueryLintConfig.DEFAULTS);
            if (facts != null) {
                first.requireSame(facts);
            }
            first.store(source, hash, types, result);
            first.save();
            return new Stored(cache, source, hash);
        }
    }

    @Test
    void resultsComeBackEqual(@TempDir Path dir, @TempDir Path tree) throws Exception {
        Stored stored = Stored.one(dir, tree, List.of("A"), sample(), null);
        Cache cache = stored.cache();
        SourceFile source = stored.source();
        String hash = stored.hash();

        Cache.Run second = cache.start("ctx").loaded();
        assertThat(second.unchanged(List.of(source), Map.of(source.path(), hash))).isTrue();
        assertThat(second.reuseUnchanged(source)).isEqualTo(sample());

        // another context: nothing is reused
        Cache.Run other = cache.start("other").loaded();
        assertThat(other.unchanged(List.of(source), Map.of(source.path(), hash))).isFalse();
    }

    @Test
    void otherProjectWideFactsReuseNothing(@TempDir Path dir, @TempDir Path tree) throws Exception {
        Stored stored = Stored.one(dir, tree, List.of(), sample(), "schema-1");
        Cache cache = stored.cache();
        SourceFile source = stored.source();
        String hash = stored.hash();

        Cache.Run same = cache.start("ctx").loaded();
        same.requireSame("schema-1");
        assertThat(same.reuse(source, hash, new Survey().facts(source, "class A { }"))).contains(sample());
        Cache.Run changed = cache.start("ctx").loaded();
        changed.requireSame("schema-2");
        assertThat(changed.reuse(source, hash, new Survey().facts(source, "class A { }"))).isEmpty();
    }

    /** A build tool reads only a cache file's head to learn whether this build of QueryLint wrote it. */
    @Test
    void theHeadSaysWhetherThisBuildWroteTheFile(@TempDir Path dir, @TempDir Path tree) throws Exception {
        Files.writeString(tree.resolve("A.java"), "class A { }");
        // a rule from another code source than QueryLint's: the context names two builds
        List<io.github.querylint.core.rule.Rule> rules = List.of(new BaselineTest.EverySelect());
        String context = Cache.context(AnalysisRequest.of(tree), rules, true);
        assertThat(context.split("build=", -1)).hasSize(3);
        Path same = dir.resolve("same");
        Path upgraded = dir.resolve("upgraded");
        for (Path d : List.of(same, upgraded)) {
            Cache.Run run = Cache.in(d).start(d == same ? context
                    : context.replaceAll("build=[^;]*;", "build=querylint-core-0.0.9.jar@0.0.9@1;")).loaded();
            SourceFile source = SourceFile.of(tree, tree.resolve("A.java"));
            run.store(source, run.hash(source, QueryLintConfig.DEFAULTS), List.of("A"), sample());
            run.save();
        }
        assertThat(Cache.writtenByBuildOf(same, rules)).isTrue();
        assertThat(Cache.writtenByBuildOf(same, List.of())).as("a rule's jar less").isFalse();
        assertThat(Cache.writtenByBuildOf(upgraded, rules)).isFalse();
        assertThat(Cache.writtenByBuildOf(dir.resolve("missing"), List.of())).isFalse();
        Files.writeString(Files.createDirectories(dir.resolve("garbage")).resolve(Cache.FILE_NAME), "not a cache");
        assertThat(Cache.writtenByBuildOf(dir.resolve("garbage"), List.of())).isFalse();
    }

    /**
     * A reactor's modules share one configuration, and the context is worked out once for them; the root does not
     * enter it, a change of configuration does, and so does a sizes file edited between two runs of one JVM.
     */
    @Test
    void theContextIsWorkedOutOnceAndStillFollowsWhatEntersIt(@TempDir Path one, @TempDir Path two) throws Exception {
        List<io.github.querylint.core.rule.Rule> rules = List.of(new BaselineTest.EverySelect());
        AnalysisRequest first = AnalysisRequest.of(one);
        String context = Cache.context(first, rules, true);
        assertThat(Cache.context(AnalysisRequest.of(two), rules, true)).isEqualTo(context);
        assertThat(Cache.context(first, rules, false)).isNotEqualTo(context);
        AnalysisRequest longer = new AnalysisRequest(one, List.of(one), QueryLintConfig.DEFAULTS.withMaxFileBytes(1 << 10),
                Baseline.EMPTY, 1, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Cache.context(longer, rules, true)).isNotEqualTo(context);
        Path sizes = one.resolve("querylint-sizes.yml");
        Files.writeString(sizes, "tables:\n  orders: 1000000\n");
        String withSizes = Cache.context(first, rules, true);
        assertThat(withSizes).isNotEqualTo(context).contains("sizes=");
        Files.writeString(sizes, "tables:\n  orders: 2000000\n");
        assertThat(Cache.context(first, rules, true)).isNotEqualTo(withSizes);
    }

    /** The builds named in a context's head: only whole {@code build=} entries count. */
    @Test
    void buildEntriesAreWholeEntries() {
        assertThat(Cache.buildEntries("build=a@1@2;x=1;rebuild=b;build=c;")).containsExactly("a@1@2", "c");
        assertThat(Cache.buildEntries("x=1;build=unterminated")).isEmpty();
        assertThat(Cache.buildEntries("")).isEmpty();
    }

    /** A cache file cut short (a full disk, a killed build) is no cache. */
    @Test
    void aTruncatedCacheFileIsNoCache(@TempDir Path dir, @TempDir Path tree) throws Exception {
        Stored stored = Stored.one(dir, tree, List.of("A"), CacheCodecTest.result(), null);
        Path file = dir.resolve(Cache.FILE_NAME);
        byte[] whole = Files.readAllBytes(file);
        Map<String, String> hashes = Map.of(stored.source().path(), stored.hash());
        assertThat(stored.cache().start("ctx").loaded().unchanged(List.of(stored.source()), hashes)).isTrue();

        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 40));
        Cache.Run truncated = stored.cache().start("ctx").loaded();
        assertThat(truncated.unchanged(List.of(stored.source()), hashes)).isFalse();
    }

    @Test
    void theHashFollowsTheContent() {
        assertThat(Cache.hash("abc".getBytes())).isEqualTo(Cache.hash("abc".getBytes()))
                .isNotEqualTo(Cache.hash("abd".getBytes())).isNotEqualTo(Cache.hash("abcd".getBytes()));
    }
}
